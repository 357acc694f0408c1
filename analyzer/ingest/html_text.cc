// HTML5 parsing by Debian's gumbo (libgumbo-dev): it decodes every character reference
// of the HTML standard (&Eacute; &atilde; &#x1F600; legacy ones without ';') and builds
// the tree a browser would, closing unclosed elements as the standard says. On top of
// its tree: the furniture rules (elements dropped with their content, block elements
// ending lines and paragraphs) and the byte offsets back into the HTML.
//
// Offsets: gumbo gives each text node its position in the input and its original
// bytes, but the decoded text only as a whole. Align() walks the two together: plain
// bytes match one to one, and a '&' in the original that the decoded text does not
// repeat literally is a character reference whose length is found syntactically
// (numeric) or by trying the name's prefixes (named, longest first) against the text
// that follows it.
#include "analyzer/ingest/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "analyzer/ingest/metadata_inference.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace {

constexpr std::array<std::string_view, 18> kSkipElements = {
    "script", "style", "noscript", "template", "svg",    "iframe", "head",   "nav",    "header",
    "footer", "aside", "form",     "button",   "select", "menu",   "object", "canvas", "textarea"};
constexpr std::array<std::string_view, 14> kParagraphElements = {
    "p",  "h1",         "h2",      "h3",      "h4",  "h5", "h6",
    "li", "blockquote", "article", "section", "div", "tr", "figcaption"};
constexpr std::array<std::string_view, 17> kLineElements = {
    "br", "td",   "th",     "pre",     "dt",    "dd",   "hr",   "table",  "ul",
    "ol", "main", "figure", "address", "title", "body", "html", "caption"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Lower-case tag name of an element (unknown tags by their original text).
std::string TagName(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "";
  gumbo_tag_from_original_text(&piece);
  return text::AsciiLower(std::string_view(piece.data, piece.length));
}

std::optional<std::string> Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  if (a == nullptr || a->value == nullptr) return std::nullopt;
  return std::string(a->value);
}

void ReadMeta(const std::string& name, const GumboElement& e, HtmlMetadata* meta) {
  if (name == "meta") {
    auto key = Attr(e, "property");
    if (!key) key = Attr(e, "name");
    if (!key) key = Attr(e, "itemprop");
    auto content = Attr(e, "content");
    if (!key || !content) return;
    const std::string k = text::AsciiLower(*key);
    const std::string v = text::FoldWhitespace(*content);
    if (v.empty()) return;
    if (k == "og:site_name" && !meta->site_name) meta->site_name = v;
    if (k == "og:title" && !meta->title) meta->title = v;
    if (k == "og:url" && !meta->url) meta->url = v;
    if ((k == "author" || k == "article:author") && !meta->author) meta->author = v;
    if ((k == "article:published_time" || k == "date" || k == "datepublished" || k == "pubdate" ||
         k == "dc.date") &&
        !meta->date) {
      const std::string d = v.substr(0, 10);
      if (text::IsValidPartialDate(d)) meta->date = d;
    }
  } else if (name == "link") {
    auto rel = Attr(e, "rel");
    auto href = Attr(e, "href");
    if (rel && href && text::AsciiLower(*rel) == "canonical" && !meta->url) {
      meta->url = text::FoldWhitespace(*href);
    }
  } else if (name == "time") {
    auto dt = Attr(e, "datetime");
    if (dt && !meta->date) {
      const std::string d = dt->substr(0, std::min<size_t>(10, dt->size()));
      if (text::IsValidPartialDate(d)) meta->date = d;
    }
  }
}

// Every text under `node`, concatenated (for <title>).
void CollectText(const GumboNode* node, std::string* out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    *out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboVector& kids = node->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    CollectText(static_cast<const GumboNode*>(kids.data[k]), out);
  }
}

// Metadata pass: every element in document order, furniture included (a <meta> may
// sit anywhere); the first value of each field wins.
void ReadAllMeta(const GumboNode* node, HtmlMetadata* meta, std::optional<std::string>* title) {
  const GumboVector* kids = nullptr;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    kids = &node->v.document.children;
  } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    const std::string name = TagName(node->v.element);
    ReadMeta(name, node->v.element, meta);
    if (name == "title" && !*title) {
      std::string t;
      CollectText(node, &t);
      *title = text::FoldWhitespace(t);
    }
    kids = &node->v.element.children;
  }
  if (kids == nullptr) return;
  for (unsigned k = 0; k < kids->length; ++k) {
    ReadAllMeta(static_cast<const GumboNode*>(kids->data[k]), meta, title);
  }
}

size_t Utf8Length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// After a reference of `len` original bytes decoded to `m` bytes: does what follows
// agree (literal bytes up to the next byte that may be transformed)?
bool Agrees(std::string_view o, size_t i, size_t len, std::string_view d, size_t j, size_t m) {
  size_t oi = i + len, dj = j + m;
  if (dj > d.size()) return false;
  if (oi >= o.size()) return dj == d.size();
  for (; oi < o.size(); ++oi, ++dj) {
    const char c = o[oi];
    if (c == '&' || c == '<' || c == '\r' || c == '\0') return true;
    if (dj >= d.size() || d[dj] != c) return false;
  }
  return dj == d.size();
}

// The original length and decoded length of a character reference at o[i] == '&'
// decoding to d[j...]; {0, 0} when o[i] is a literal '&'.
std::pair<size_t, size_t> MatchReference(std::string_view o, size_t i, std::string_view d,
                                         size_t j) {
  if (j >= d.size()) return {0, 0};
  const size_t cp1 = Utf8Length(static_cast<unsigned char>(d[j]));
  const size_t cp2 = j + cp1 < d.size() ? cp1 + Utf8Length(static_cast<unsigned char>(d[j + cp1]))
                                        : cp1;
  std::vector<size_t> lengths;
  if (i + 1 < o.size() && o[i + 1] == '#') {
    const bool hex = i + 2 < o.size() && (o[i + 2] == 'x' || o[i + 2] == 'X');
    size_t k = i + (hex ? 3 : 2), digits = 0;
    while (k < o.size() && (hex ? std::isxdigit(static_cast<unsigned char>(o[k]))
                                : std::isdigit(static_cast<unsigned char>(o[k])))) {
      ++k, ++digits;
    }
    if (digits == 0) return {0, 0};
    if (k < o.size() && o[k] == ';') ++k;
    lengths.push_back(k - i);
  } else {
    size_t k = i + 1;
    while (k < o.size() && IsAlnum(o[k])) ++k;
    if (k == i + 1) return {0, 0};
    if (k < o.size() && o[k] == ';') lengths.push_back(k + 1 - i);
    for (size_t end = k; end > i + 2; --end) lengths.push_back(end - i);
  }
  if (d[j] == '&') {
    // A literal '&' ("AT&T") or a reference that decodes to one (&amp; &#38;).
    if (Agrees(o, i, 1, d, j, 1)) return {0, 0};
    for (size_t len : lengths) {
      if (Agrees(o, i, len, d, j, 1)) return {len, 1};
    }
    return {0, 0};
  }
  for (size_t len : lengths) {
    for (size_t m : {cp1, cp2}) {
      if (Agrees(o, i, len, d, j, m)) return {len, m};
    }
  }
  // Nothing agrees (a byte the parser transforms follows): the longest candidate.
  return {lengths.front(), cp1};
}

// Decoded text of a text node plus, per decoded byte, the input byte range it came from.
struct Piece {
  std::string_view text;
  std::vector<std::pair<size_t, size_t>> src;
};

Piece Align(const GumboText& node, size_t input_size) {
  Piece p;
  p.text = node.text;
  std::string_view o(node.original_text.data, node.original_text.length);
  const size_t base = node.start_pos.offset;
  const std::string_view d = p.text;
  p.src.reserve(d.size());
  size_t i = 0, j = 0;
  auto map = [&](size_t n, size_t ob, size_t oe) {
    for (size_t k = 0; k < n; ++k) p.src.emplace_back(base + ob, base + oe);
  };
  while (j < d.size()) {
    if (i >= o.size()) {  // decoded text longer than its original: map to the end
      const size_t last = o.empty() ? 0 : o.size() - 1;
      map(1, std::min(last, input_size), std::min(last + 1, input_size));
      ++j;
      continue;
    }
    const char c = o[i];
    if (c == '&') {
      auto [len, m] = MatchReference(o, i, d, j);
      if (len > 0) {
        map(m, i, i + len);
        i += len, j += m;
        continue;
      }
    }
    if (c == '\r' && d[j] == '\n') {
      const size_t len = i + 1 < o.size() && o[i + 1] == '\n' ? 2 : 1;
      map(1, i, i + len);
      i += len, ++j;
      continue;
    }
    if (c == d[j]) {
      map(1, i, i + 1);
      ++i, ++j;
      continue;
    }
    if (c == '\0' && d.compare(j, 3, "\xEF\xBF\xBD") == 0) {
      map(3, i, i + 1);
      ++i, j += 3;
      continue;
    }
    if (c == '<') {  // a tag the parser ignored inside the text run
      const size_t e = o.find('>', i);
      i = e == std::string_view::npos ? o.size() : e + 1;
      continue;
    }
    ++i;  // a byte the parser dropped (the newline after <pre>, a NUL)
  }
  return p;
}

class TextWriter {
 public:
  TextWriter(const text::SourceText& source, text::SourceText* out) : source_(source), t_(*out) {}

  void Newline(int count, size_t at) {
    pending_space_ = false;
    int have = 0;
    for (size_t k = t_.text.size(); k > 0 && t_.text[k - 1] == '\n' && have < 2; --k) ++have;
    if (t_.text.empty()) return;
    at = std::min(at, source_.text.size() == 0 ? 0 : source_.text.size() - 1);
    for (int k = have; k < count; ++k) t_.Append("\n", Begin(at), Begin(at) + 1);
  }

  void Text(const Piece& p) {
    const std::string_view d = p.text;
    size_t j = 0;
    while (j < d.size()) {
      size_t k = j;
      char32_t cp = 0;
      text::DecodeUtf8(d, &k, &cp);
      const size_t ob = p.src[j].first, oe = p.src[k - 1].second;
      if (text::IsUnicodeSpace(cp) && cp != 0xA0 && cp != 0x202F && cp != 0x2009) {
        if (!t_.text.empty() && t_.text.back() != '\n' && !pending_space_) {
          pending_space_ = true;
          space_at_ = Begin(ob);
        }
        j = k;
        continue;
      }
      if (pending_space_) {
        t_.Append(" ", space_at_, space_at_ + 1);
        pending_space_ = false;
      }
      bool one_to_one = oe - ob == k - j;
      for (size_t b = j; one_to_one && b < k; ++b) {
        one_to_one = p.src[b].first == ob + (b - j) && p.src[b].second == ob + (b - j) + 1;
      }
      if (one_to_one) {
        for (size_t b = j; b < k; ++b) t_.Append(d.substr(b, 1), Begin(ob + b - j), End(ob + b - j));
      } else {
        t_.Append(d.substr(j, k - j), Begin(ob), End(oe - 1));
      }
      j = k;
    }
  }

 private:
  int64_t Begin(size_t i) const { return source_.SourceBegin(i); }
  int64_t End(size_t i) const { return source_.SourceEnd(i); }

  const text::SourceText& source_;
  text::SourceText& t_;
  bool pending_space_ = false;
  int64_t space_at_ = 0;
};

void WalkText(const GumboNode* node, size_t input_size, TextWriter* w) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT: {
      const GumboVector& kids = node->v.document.children;
      for (unsigned k = 0; k < kids.length; ++k) {
        WalkText(static_cast<const GumboNode*>(kids.data[k]), input_size, w);
      }
      return;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      w->Text(Align(node->v.text, input_size));
      return;
    case GUMBO_NODE_COMMENT:
      return;
    case GUMBO_NODE_TEMPLATE:
      return;  // furniture (kSkipElements)
    case GUMBO_NODE_ELEMENT:
      break;
  }
  const GumboElement& e = node->v.element;
  const std::string name = TagName(e);
  if (In(kSkipElements, name)) return;
  const int breaks = In(kParagraphElements, name) ? 2 : In(kLineElements, name) ? 1 : 0;
  const size_t start = std::min<size_t>(e.start_pos.offset, input_size);
  if (breaks > 0) w->Newline(breaks, start);
  for (unsigned k = 0; k < e.children.length; ++k) {
    WalkText(static_cast<const GumboNode*>(e.children.data[k]), input_size, w);
  }
  if (breaks > 0) {
    // At the end tag when there is one, else where the element was closed implicitly.
    size_t end = e.end_pos.offset;
    if (end < start || end > input_size) end = start;
    w->Newline(breaks, end);
  }
}

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  text::SourceText s;
  s.text.assign(html);
  return HtmlToText(s);
}

HtmlText HtmlToText(const text::SourceText& source) {
  HtmlText out;
  out.text.identity = false;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* parsed =
      gumbo_parse_with_options(&options, source.text.data(), source.text.size());
  if (parsed == nullptr) return out;
  std::optional<std::string> title;
  ReadAllMeta(parsed->document, &out.metadata, &title);
  if (!out.metadata.title && title && !title->empty()) out.metadata.title = title;
  TextWriter writer(source, &out.text);
  WalkText(parsed->document, source.text.size(), &writer);
  gumbo_destroy_output(&options, parsed);
  return out;
}

}  // namespace diverge::ingest
