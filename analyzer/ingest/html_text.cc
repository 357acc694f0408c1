#include "analyzer/ingest/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>

#include "analyzer/ingest/metadata_inference.h"

namespace diverge {
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

const std::map<std::string, char32_t>& NamedEntities() {
  static const std::map<std::string, char32_t> k = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D},
      {"ldquo", 0x201C},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},
      {"reg", 0xAE},      {"trade", 0x2122}, {"middot", 0xB7},  {"bull", 0x2022},
      {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},  {"shy", 0xAD},
      {"eacute", 0xE9},   {"egrave", 0xE8},  {"aacute", 0xE1},  {"agrave", 0xE0},
      {"oacute", 0xF3},   {"uuml", 0xFC},    {"ouml", 0xF6},    {"auml", 0xE4},
      {"Uuml", 0xDC},     {"Ouml", 0xD6},    {"Auml", 0xC4},    {"szlig", 0xDF},
      {"ccedil", 0xE7},   {"ntilde", 0xF1},  {"iacute", 0xED},  {"uacute", 0xFA},
      {"euro", 0x20AC},   {"pound", 0xA3},   {"deg", 0xB0},     {"times", 0xD7},
      {"frac12", 0xBD},   {"sect", 0xA7},    {"para", 0xB6},    {"zwnj", 0x200C},
      {"zwj", 0x200D},    {"lrm", 0x200E},   {"rlm", 0x200F},   {"prime", 0x2032}};
  return k;
}

// Decodes a character reference at html[i] ('&'); returns its length or 0.
size_t DecodeEntity(std::string_view html, size_t i, char32_t* cp) {
  const size_t semi = html.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return 0;
  std::string_view body = html.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    char* endp = nullptr;
    const std::string num(body.substr(1));
    long v = 0;
    if (!num.empty() && (num[0] == 'x' || num[0] == 'X')) {
      v = std::strtol(num.c_str() + 1, &endp, 16);
    } else {
      v = std::strtol(num.c_str(), &endp, 10);
    }
    if (endp == nullptr || *endp != '\0' || v <= 0 || v > 0x10FFFF ||
        (v >= 0xD800 && v <= 0xDFFF)) {
      return 0;
    }
    *cp = static_cast<char32_t>(v);
    return semi - i + 1;
  }
  auto it = NamedEntities().find(std::string(body));
  if (it == NamedEntities().end()) return 0;
  *cp = it->second;
  return semi - i + 1;
}

std::string Lower(std::string_view s) { return AsciiLower(s); }

// Attribute value of `name` in a tag's text ("meta property=og:title content=...").
std::optional<std::string> Attr(std::string_view tag, std::string_view name) {
  const std::string low = Lower(tag);
  size_t pos = 0;
  while ((pos = low.find(name, pos)) != std::string::npos) {
    const bool word_start =
        pos > 0 && (low[pos - 1] == ' ' || low[pos - 1] == '\t' || low[pos - 1] == '\n');
    size_t j = pos + name.size();
    while (j < low.size() && low[j] == ' ') ++j;
    if (!word_start || j >= low.size() || low[j] != '=') {
      pos += name.size();
      continue;
    }
    ++j;
    while (j < low.size() && low[j] == ' ') ++j;
    if (j >= low.size()) return std::nullopt;
    if (tag[j] == '"' || tag[j] == '\'') {
      const size_t close = tag.find(tag[j], j + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(tag.substr(j + 1, close - j - 1));
    }
    size_t e = j;
    while (e < tag.size() && tag[e] != ' ' && tag[e] != '>' && tag[e] != '/') ++e;
    return std::string(tag.substr(j, e - j));
  }
  return std::nullopt;
}

std::string DecodeAll(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t cp = 0;
    size_t len = s[i] == '&' ? DecodeEntity(s, i, &cp) : 0;
    if (len > 0) {
      AppendUtf8(&out, cp);
      i += len - 1;
    } else {
      out.push_back(s[i]);
    }
  }
  return FoldWhitespace(out);
}

void ReadMeta(std::string_view name, std::string_view tag, HtmlMetadata* meta) {
  if (name == "meta") {
    auto key = Attr(tag, "property");
    if (!key) key = Attr(tag, "name");
    if (!key) key = Attr(tag, "itemprop");
    auto content = Attr(tag, "content");
    if (!key || !content) return;
    const std::string k = Lower(*key);
    const std::string v = DecodeAll(*content);
    if (v.empty()) return;
    if (k == "og:site_name" && !meta->site_name) meta->site_name = v;
    if (k == "og:title" && !meta->title) meta->title = v;
    if (k == "og:url" && !meta->url) meta->url = v;
    if ((k == "author" || k == "article:author") && !meta->author) meta->author = v;
    if ((k == "article:published_time" || k == "date" || k == "datepublished" || k == "pubdate" ||
         k == "dc.date") &&
        !meta->date) {
      const std::string d = v.substr(0, 10);
      if (IsValidPartialDate(d)) meta->date = d;
    }
  } else if (name == "link") {
    auto rel = Attr(tag, "rel");
    auto href = Attr(tag, "href");
    if (rel && href && Lower(*rel) == "canonical" && !meta->url) meta->url = DecodeAll(*href);
  } else if (name == "time") {
    auto dt = Attr(tag, "datetime");
    if (dt && !meta->date) {
      const std::string d = dt->substr(0, std::min<size_t>(10, dt->size()));
      if (IsValidPartialDate(d)) meta->date = d;
    }
  }
}

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  SourceText s;
  s.text.assign(html);
  return HtmlToText(s);
}

HtmlText HtmlToText(const SourceText& source) {
  HtmlText out;
  out.text.identity = false;
  SourceText& t = out.text;
  const std::string_view h = source.text;
  const size_t n = h.size();
  std::string skip_until;  // closing tag name while inside a skipped element
  int skip_depth = 0;
  bool pending_space = false;
  int64_t space_at = 0;
  bool in_title = false;
  std::string title;
  auto src_b = [&](size_t i) { return source.SourceBegin(i); };
  auto src_e = [&](size_t i) { return source.SourceEnd(i); };
  auto newline = [&](int count, size_t at) {
    pending_space = false;
    int have = 0;
    for (size_t k = t.text.size(); k > 0 && t.text[k - 1] == '\n' && have < 2; --k) ++have;
    if (t.text.empty()) return;
    for (int k = have; k < count; ++k) t.Append("\n", src_b(at), src_b(at) + 1);
  };
  size_t i = 0;
  while (i < n) {
    const char c = h[i];
    if (c == '<') {
      if (h.compare(i, 4, "<!--") == 0) {
        const size_t e = h.find("-->", i + 4);
        i = e == std::string_view::npos ? n : e + 3;
        continue;
      }
      if (i + 1 < n && (h[i + 1] == '!' || h[i + 1] == '?')) {
        const size_t e = h.find('>', i);
        i = e == std::string_view::npos ? n : e + 1;
        continue;
      }
      const bool closing = i + 1 < n && h[i + 1] == '/';
      size_t j = i + (closing ? 2 : 1);
      size_t name_b = j;
      while (j < n && (std::isalnum(static_cast<unsigned char>(h[j])) || h[j] == '-')) ++j;
      if (j == name_b) {  // a lone '<' is text
        if (skip_depth == 0) {
          if (pending_space) t.Append(" ", space_at, space_at + 1), pending_space = false;
          t.Append("<", src_b(i), src_e(i));
        }
        ++i;
        continue;
      }
      const std::string name = Lower(h.substr(name_b, j - name_b));
      // Find the tag end, respecting quoted attribute values.
      char quote = 0;
      size_t e = j;
      while (e < n && (quote || h[e] != '>')) {
        if (quote && h[e] == quote) {
          quote = 0;
        } else if (!quote && (h[e] == '"' || h[e] == '\'')) {
          quote = h[e];
        }
        ++e;
      }
      const std::string_view tag = h.substr(i, std::min(e, n) - i);
      const bool self_closing = e > 0 && e < n && h[e - 1] == '/';
      const size_t tag_start = i;
      i = e < n ? e + 1 : n;
      if (!closing) ReadMeta(name, tag, &out.metadata);
      if (name == "title") in_title = !closing;
      if (skip_depth > 0) {
        if (name == skip_until) skip_depth += closing ? -1 : (self_closing ? 0 : 1);
        if (name == "title" && closing) in_title = false;
        continue;
      }
      if (!closing && !self_closing && In(kSkipElements, name)) {
        if (name == "head") {
          // Still read <title> and <meta> inside <head>; skip only its text.
        }
        skip_until = name;
        skip_depth = 1;
        if (name == "head") {
          // Scan head for title text.
          const size_t head_end = Lower(h.substr(i)).find("</head");
          const std::string_view head =
              h.substr(i, head_end == std::string::npos ? n - i : head_end);
          size_t p = 0;
          while ((p = head.find('<', p)) != std::string_view::npos) {
            size_t q = p + 1;
            while (q < head.size() && std::isalnum(static_cast<unsigned char>(head[q]))) ++q;
            const std::string tn = Lower(head.substr(p + 1, q - p - 1));
            const size_t ge = head.find('>', p);
            if (ge == std::string_view::npos) break;
            ReadMeta(tn, head.substr(p, ge - p), &out.metadata);
            if (tn == "title") {
              const size_t close = Lower(head.substr(ge)).find("</title");
              if (close != std::string::npos) title = std::string(head.substr(ge + 1, close - 1));
            }
            p = ge;
          }
        }
        continue;
      }
      if (name == "script" || name == "style") continue;  // self-closing oddities
      if (In(kParagraphElements, name)) {
        newline(2, tag_start);
      } else if (In(kLineElements, name)) {
        newline(1, tag_start);
      }
      continue;
    }
    if (skip_depth > 0) {
      ++i;
      continue;
    }
    if (in_title) {
      title.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    size_t len = 0;
    if (c == '&') len = DecodeEntity(h, i, &cp);
    if (len == 0) {
      size_t j = i;
      DecodeUtf8(h, &j, &cp);
      len = j - i;
    }
    if (IsUnicodeSpace(cp) && cp != 0xA0 && cp != 0x202F && cp != 0x2009) {
      if (!t.text.empty() && t.text.back() != '\n' && !pending_space) {
        pending_space = true;
        space_at = src_b(i);
      }
      i += len;
      continue;
    }
    if (pending_space) {
      t.Append(" ", space_at, space_at + 1);
      pending_space = false;
    }
    std::string bytes;
    AppendUtf8(&bytes, cp);
    if (c == '&') {
      t.Append(bytes, src_b(i), src_e(i + len - 1));
    } else {
      // Keep original bytes mapped one to one.
      for (size_t k = 0; k < len; ++k) t.Append(h.substr(i + k, 1), src_b(i + k), src_e(i + k));
    }
    i += len;
  }
  if (!out.metadata.title) {
    const std::string ft = DecodeAll(title);
    if (!ft.empty()) out.metadata.title = ft;
  }
  return out;
}

}  // namespace diverge
