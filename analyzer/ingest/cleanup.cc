#include "analyzer/ingest/cleanup.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace {

// Generic web-interface phrases (lowercase, trailing punctuation removed). Only
// matched on short lines without sentence punctuation.
constexpr std::array<std::string_view, 66> kInterfacePhrases = {"subscribe",
                                                                "subscribe now",
                                                                "subscribe to us",
                                                                "unsubscribe",
                                                                "share",
                                                                "share this",
                                                                "share this article",
                                                                "tweet",
                                                                "twitter",
                                                                "facebook",
                                                                "telegram",
                                                                "whatsapp",
                                                                "linkedin",
                                                                "email",
                                                                "e-mail",
                                                                "print",
                                                                "comments",
                                                                "comment",
                                                                "reply",
                                                                "log in",
                                                                "login",
                                                                "sign in",
                                                                "sign up",
                                                                "register",
                                                                "log in or register",
                                                                "sign in or register",
                                                                "newsletter",
                                                                "menu",
                                                                "home",
                                                                "search",
                                                                "close",
                                                                "next",
                                                                "previous",
                                                                "back to top",
                                                                "read more",
                                                                "more",
                                                                "see more",
                                                                "show more",
                                                                "load more",
                                                                "loading",
                                                                "loader",
                                                                "related",
                                                                "related news",
                                                                "related articles",
                                                                "recommended",
                                                                "all news",
                                                                "latest news",
                                                                "top stories",
                                                                "newsfeed",
                                                                "news feed",
                                                                "advertisement",
                                                                "ad",
                                                                "sponsored",
                                                                "cookies",
                                                                "accept",
                                                                "chats",
                                                                "follow us",
                                                                "add comment",
                                                                "most read",
                                                                "popular",
                                                                "trending",
                                                                "video",
                                                                "photo",
                                                                "gallery",
                                                                "live",
                                                                "listen"};
// Prefixes of interface lines ("Subscribe to our newsletter", "Read also: ...").
constexpr std::array<std::string_view, 24> kInterfacePrefixes = {"subscribe",
                                                                 "follow us",
                                                                 "share on",
                                                                 "share this",
                                                                 "sign up",
                                                                 "log in",
                                                                 "login",
                                                                 "sign in",
                                                                 "register ",
                                                                 "read more",
                                                                 "read also",
                                                                 "see also",
                                                                 "related:",
                                                                 "recent news",
                                                                 "latest news",
                                                                 "more news",
                                                                 "more from",
                                                                 "to participate in",
                                                                 "join the discussion",
                                                                 "click here",
                                                                 "download the app",
                                                                 "advertisement",
                                                                 "cookie",
                                                                 "comments ("};

enum class Script { kNone, kLatin, kCyrillic, kGreek, kArabic, kHebrew, kCjk, kOther };

Script ScriptOf(char32_t cp) {
  if (!text::IsLetter(cp)) return Script::kNone;
  if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF)) return Script::kLatin;
  if (cp >= 0x370 && cp <= 0x3FF) return Script::kGreek;
  if (cp >= 0x400 && cp <= 0x52F) return Script::kCyrillic;
  if (cp >= 0x590 && cp <= 0x5FF) return Script::kHebrew;
  if (cp >= 0x600 && cp <= 0x6FF) return Script::kArabic;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF)) {
    return Script::kCjk;
  }
  return Script::kOther;
}

std::map<Script, int> CountScripts(std::string_view s) {
  std::map<Script, int> counts;
  size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    text::DecodeUtf8(s, &i, &cp);
    const Script sc = ScriptOf(cp);
    if (sc != Script::kNone) ++counts[sc];
  }
  return counts;
}

Script Dominant(const std::map<Script, int>& counts, int* total) {
  Script best = Script::kNone;
  int best_n = 0;
  *total = 0;
  for (const auto& [sc, n] : counts) {
    *total += n;
    if (n > best_n) best = sc, best_n = n;
  }
  return best;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

bool HasLetter(std::string_view s) {
  size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    text::DecodeUtf8(s, &i, &cp);
    if (text::IsLetter(cp)) return true;
  }
  return false;
}

// Ends in sentence punctuation, possibly followed by closing quotes or brackets.
bool EndsSentence(std::string_view f) {
  size_t e = f.size();
  while (e > 0) {
    const unsigned char c = static_cast<unsigned char>(f[e - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --e;
    } else if (e >= 3 && f.substr(e - 3, 3) == "\xE2\x80\x9D") {  // ”
      e -= 3;
    } else if (e >= 3 && f.substr(e - 3, 3) == "\xE2\x80\x99") {  // ’
      e -= 3;
    } else {
      break;
    }
  }
  if (e == 0) return false;
  const char c = f[e - 1];
  return c == '.' || c == '!' || c == '?' || (e >= 3 && f.substr(e - 3, 3) == "\xE2\x80\xA6");
}

std::string InterfaceKey(std::string_view f) {
  std::string k = text::AsciiLower(f);
  while (!k.empty() && (k.back() == '.' || k.back() == ':' || k.back() == '>' || k.back() == ' ' ||
                        k.back() == '!')) {
    k.pop_back();
  }
  return k;
}

bool IsInterfaceLine(std::string_view f) {
  if (WordCount(f) > 8) return false;
  const std::string k = InterfaceKey(f);
  if (std::find(kInterfacePhrases.begin(), kInterfacePhrases.end(), k) != kInterfacePhrases.end()) {
    return true;
  }
  if (EndsSentence(f) && WordCount(f) > 4) return false;
  return std::any_of(kInterfacePrefixes.begin(), kInterfacePrefixes.end(),
                     [&](std::string_view p) { return k.rfind(p, 0) == 0; });
}

bool StartsWith(std::string_view s, std::string_view p) { return s.rfind(p, 0) == 0; }

// Image credit at the start of a line: "© Agency / Name / ..." or "Photo: ...".
// Returns the folded length of the credit (npos = whole line), or 0 when none.
size_t ImageCreditLength(std::string_view f) {
  const bool copyright_sign =
      StartsWith(f, "\xC2\xA9") || StartsWith(f, "(c) ") || StartsWith(f, "(C) ");
  const std::string low = text::AsciiLower(f.substr(0, 16));
  const bool photo = StartsWith(low, "photo:") || StartsWith(low, "photo by") ||
                     StartsWith(low, "image:") || StartsWith(low, "credit:") ||
                     StartsWith(low, "photo credit");
  if (!copyright_sign && !photo) return 0;
  const size_t slash = f.rfind(" / ", 160);
  if (slash == std::string_view::npos) return std::string_view::npos;
  // The credit's last segment ends where a caption was glued on without a space:
  // a lowercase letter or digit directly followed by an uppercase letter.
  size_t i = slash + 3;
  char32_t prev = 0;
  while (i < f.size()) {
    const size_t at = i;
    char32_t cp = 0;
    text::DecodeUtf8(f, &i, &cp);
    if (text::IsUpperLetter(cp) && (text::IsLowerLetter(prev) || (prev >= '0' && prev <= '9')))
      return at;
    prev = cp;
  }
  return std::string_view::npos;
}

// Trailing attribution tag: "... sentence. - Site Name" -> folded length to keep.
size_t TrailingTagCut(std::string_view f) {
  for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "}) {
    const size_t pos = f.rfind(sep);
    if (pos == std::string_view::npos || pos == 0) continue;
    const std::string_view before = f.substr(0, pos);
    const std::string_view tag = f.substr(pos + sep.size());
    if (!EndsSentence(before) || EndsSentence(tag) || WordCount(tag) > 4) continue;
    if (auto name = ParseSiteNameLine(std::string("- ") + std::string(tag))) return pos;
  }
  return std::string_view::npos;
}

// >= 8 words ending in sentence punctuation (before any trailing attribution tag).
bool IsBodyLine(std::string_view f) {
  const size_t cut = TrailingTagCut(f);
  if (cut != std::string_view::npos) f = f.substr(0, cut);
  return WordCount(f) >= 8 && EndsSentence(f);
}

}  // namespace

std::string_view LineFateName(LineFate fate) {
  switch (fate) {
    case LineFate::kKeep:
      return "kept";
    case LineFate::kFurniture:
      return "furniture";
    case LineFate::kMetadata:
      return "metadata";
    case LineFate::kOtherLanguage:
      return "other-language";
    case LineFate::kRepeated:
      return "repeated";
  }
  return "?";
}

std::vector<PageLine> SplitPageLines(std::string_view text) {
  std::vector<PageLine> out;
  size_t pos = 0;
  bool after_blank = true;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    std::vector<size_t> map;
    std::string folded = text::FoldWithMap(raw, &map);
    if (folded.empty()) {
      after_blank = true;
    } else {
      PageLine line;
      line.begin = pos + map[0];
      line.end = pos + map.back();
      line.after_blank = after_blank;
      line.folded = std::move(folded);
      out.push_back(std::move(line));
      after_blank = false;
    }
    if (nl >= text.size()) break;
    pos = nl + 1;
  }
  return out;
}

CleanPageResult CleanPage(std::string_view text, const std::optional<std::string>& known_title) {
  CleanPageResult r;
  r.lines = SplitPageLines(text);
  const size_t n = r.lines.size();
  r.verdicts.resize(n);
  for (size_t i = 0; i < n; ++i) {
    r.verdicts[i].begin = r.lines[i].begin;
    r.verdicts[i].end = r.lines[i].end;
  }
  if (n == 0) return r;
  std::vector<std::string> folded;
  folded.reserve(n);
  for (const auto& l : r.lines) folded.push_back(l.folded);

  // Zones.
  size_t first_body = n, last_body = n;
  for (size_t i = 0; i < n; ++i) {
    if (IsBodyLine(folded[i]) && i + 1 < n && IsBodyLine(folded[i + 1])) {
      first_body = i;
      break;
    }
  }
  if (first_body == n) {
    for (size_t i = 0; i < n; ++i) {
      if (IsBodyLine(folded[i])) {
        first_body = i;
        break;
      }
    }
  }
  for (size_t i = n; i-- > 0;) {
    if (IsBodyLine(folded[i])) {
      last_body = i;
      break;
    }
  }
  if (first_body == n) last_body = n;  // no body: everything is "header"

  // The headline: the known title if a line says it, else the inferred one.
  int title_line = -1;
  if (known_title) {
    const std::string want = text::AsciiLower(text::FoldWhitespace(*known_title));
    for (size_t i = 0; i < n && i < 40; ++i) {
      if (text::AsciiLower(folded[i]) == want) {
        title_line = static_cast<int>(i);
        break;
      }
    }
    if (title_line >= 0 && static_cast<size_t>(title_line) > first_body && first_body < n &&
        static_cast<size_t>(title_line) <= first_body + 2) {
      // A tagline before the headline looked like body text: the body starts after it.
      first_body = static_cast<size_t>(title_line) + 1;
    }
  }
  r.metadata = InferMetadata(folded, first_body, last_body == n ? n : last_body);
  if (title_line < 0) title_line = r.metadata.title_line;
  const std::string title_folded = title_line >= 0 ? folded[title_line]
                                   : known_title   ? text::FoldWhitespace(*known_title)
                                                   : std::string();

  // Dominant script of the page.
  std::map<Script, int> page_scripts;
  for (const auto& f : folded) {
    for (const auto& [sc, c] : CountScripts(f)) page_scripts[sc] += c;
  }
  int page_total = 0;
  const Script page_script = Dominant(page_scripts, &page_total);

  std::set<std::string> seen;
  bool prev_nav = false;  // previous line was dropped as a section label / nav word
  for (size_t i = 0; i < n; ++i) {
    const std::string& f = folded[i];
    LineVerdict& v = r.verdicts[i];
    const bool header = i < first_body;
    const bool footer = last_body != n && i > last_body;
    const bool ends_sentence = EndsSentence(f);
    const size_t words = WordCount(f);
    auto drop = [&](LineFate fate, std::string reason) {
      v.fate = fate;
      v.reason = std::move(reason);
    };
    const bool was_prev_nav = prev_nav && !r.lines[i].after_blank;
    prev_nav = false;

    int line_total = 0;
    const auto line_scripts = CountScripts(f);
    const Script line_script = Dominant(line_scripts, &line_total);
    if (!HasLetter(f)) {
      drop(LineFate::kFurniture, "no words (counter or separator)");
      continue;
    }
    if (page_script != Script::kNone && line_script != Script::kNone &&
        line_script != page_script) {
      const int in_page = line_scripts.count(page_script) ? line_scripts.at(page_script) : 0;
      if (in_page * 3 < line_total) {
        drop(LineFate::kOtherLanguage, "line in another script than the page");
        continue;
      }
    }
    if (static_cast<int>(i) != title_line && r.metadata.metadata_line[i]) {
      drop(LineFate::kMetadata, "dateline, byline, copyright, site name or date line");
      continue;
    }
    if (IsInterfaceLine(f)) {
      drop(LineFate::kFurniture, "web interface phrase");
      prev_nav = true;
      continue;
    }
    if (auto dl = ParseDateline(f); dl && dl->whole_line) {
      drop(LineFate::kMetadata, "dateline");
      continue;
    }
    if (const size_t credit = ImageCreditLength(f); credit != 0) {
      if (credit == std::string_view::npos || WordCount(f.substr(credit)) < 4) {
        drop(LineFate::kFurniture, "image credit");
        continue;
      }
    }
    if (static_cast<int>(i) != title_line) {
      if (words <= 3 && !ends_sentence) {
        drop(LineFate::kFurniture, "short line without sentence punctuation (menu/label)");
        prev_nav = true;
        continue;
      }
      // A complete sentence of body text before the headline (a lead paragraph printed
      // above a repeated headline) is kept.
      if (header && title_line > static_cast<int>(i) && title_line <= 15 && !IsBodyLine(f)) {
        drop(LineFate::kFurniture, "page header before the headline");
        continue;
      }
      // The page's last line cut mid-sentence (a truncated capture) is body text when it
      // reads as a paragraph: its sentences are kept.
      const bool truncated_last = i + 1 == n && words >= 8 && !header;
      if (footer && !ends_sentence && !truncated_last) {
        drop(LineFate::kFurniture, "footer line without sentence punctuation");
        continue;
      }
      if (!footer && !ends_sentence && was_prev_nav) {
        drop(LineFate::kFurniture, "related-article teaser after a section label");
        continue;
      }
    }

    // Narrowing, in folded coordinates, then mapped back to the page bytes.
    size_t fb = 0, fe = f.size();
    std::string why;
    if (const size_t credit = ImageCreditLength(f); credit != 0 && credit < f.size()) {
      fb = credit;
      why = "image credit cut";
    }
    if (const size_t dl = r.metadata.dateline_prefix[i]; dl > fb && dl < fe) {
      fb = dl;
      why = "dateline cut";
    } else if (auto d = ParseDateline(f); d && d->prefix_len > fb && d->prefix_len < fe) {
      fb = d->prefix_len;
      why = "dateline cut";
    }
    if (const size_t cut = TrailingTagCut(f); cut != std::string_view::npos && cut > fb) {
      fe = cut;
      why = why.empty() ? "attribution tag cut" : why + ", attribution tag cut";
    }
    if (!title_folded.empty() && static_cast<int>(i) != title_line &&
        title_folded.size() + fb < fe && f.compare(fb, title_folded.size(), title_folded) == 0) {
      size_t k = fb + title_folded.size();
      size_t j = k;
      char32_t cp = 0;
      text::DecodeUtf8(f, &j, &cp);
      if (text::IsUpperLetter(cp)) {  // "Headline textThe first sentence ..."
        fb = k;
        why = why.empty() ? "headline glued to the paragraph cut" : why + ", headline cut";
      }
    }
    while (fb < fe && f[fb] == ' ') ++fb;
    while (fe > fb && f[fe - 1] == ' ') --fe;
    if (fb != 0 || fe != f.size()) {
      std::vector<size_t> map;
      const std::string_view raw = text.substr(r.lines[i].begin, r.lines[i].end - r.lines[i].begin);
      text::FoldWithMap(raw, &map);
      v.begin = r.lines[i].begin + map[fb];
      // End: just past the last kept folded byte's code point.
      size_t last = map[fe - 1];
      size_t j = last;
      char32_t cp = 0;
      text::DecodeUtf8(raw, &j, &cp);
      v.end = r.lines[i].begin + j;
      v.narrowed = true;
      v.reason = why;
    }
    const std::string key = f.substr(fb, fe - fb);
    if (!seen.insert(key).second) {
      drop(LineFate::kRepeated, "paragraph repeated on the page");
      continue;
    }
  }
  return r;
}

}  // namespace diverge::ingest
