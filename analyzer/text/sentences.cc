#include "analyzer/text/sentences.h"

#include <algorithm>
#include <array>
#include <string>

#include "analyzer/text/utf8.h"

namespace diverge::text {
namespace {

// Abbreviations that precede a name or number and so never end a sentence.
constexpr std::array<std::string_view, 40> kTitleAbbrevs = {
    "mr",     "mrs", "ms",  "dr",   "prof", "gen",  "col",  "lt",   "sgt",  "capt",
    "maj",    "adm", "gov", "sen",  "rep",  "rev",  "st",   "hon",  "pres", "amb",
    "messrs", "cpl", "pvt", "brig", "cmdr", "supt", "insp", "det",  "fr",   "sr",
    "jr",     "mt",  "ft",  "atty", "gens", "reps", "sens", "govs", "mme",  "mlle"};
// Abbreviations that usually continue the sentence but may end it.
constexpr std::array<std::string_view, 42> kOtherAbbrevs = {
    "jan", "feb",    "mar", "apr",  "jun",  "jul",  "aug", "sep", "sept", "oct", "nov",
    "dec", "no",     "nos", "inc",  "corp", "co",   "ltd", "llc", "plc",  "vs",  "etc",
    "est", "approx", "fig", "figs", "dept", "univ", "vol", "pp",  "p",    "ave", "blvd",
    "rd",  "cf",     "al",  "ca",   "op",   "art",  "sec", "min", "max"};
// Words that commonly open a sentence; after an ambiguous abbreviation they signal a
// boundary.
constexpr std::array<std::string_view, 36> kSentenceOpeners = {
    "the", "a",    "an",    "he",    "she",     "it",        "they",      "we",  "i",
    "you", "this", "that",  "these", "those",   "there",     "but",       "and", "in",
    "on",  "at",   "as",    "after", "before",  "when",      "while",     "if",  "his",
    "her", "its",  "their", "our",   "however", "meanwhile", "according", "for", "some"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsTerminal(char32_t cp) { return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026; }
bool IsCloser(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB || cp == 0x203A;
}
bool IsOpener(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
         cp == 0xAB || cp == 0x2039 || cp == 0x201E;
}

char32_t CodePointAt(std::string_view s, size_t i) {
  char32_t cp = 0;
  DecodeUtf8(s, &i, &cp);
  return cp;
}

// Last code point strictly before byte `i` (0 when none).
char32_t CodePointBefore(std::string_view s, size_t i, size_t* start = nullptr) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  if (start) *start = j;
  return CodePointAt(s, j);
}

// The token (non-space run) that ends at byte `end` (exclusive).
std::string_view TokenBefore(std::string_view s, size_t end) {
  size_t b = end;
  while (b > 0) {
    size_t st = 0;
    char32_t cp = CodePointBefore(s, b, &st);
    if (IsUnicodeSpace(cp) || IsOpener(cp)) break;
    b = st;
  }
  return s.substr(b, end - b);
}

// The word starting at byte `i` (letters only, lowercased ASCII).
std::string WordAt(std::string_view s, size_t i) {
  std::string w;
  while (i < s.size()) {
    size_t j = i;
    char32_t cp = 0;
    DecodeUtf8(s, &j, &cp);
    if (!IsLetter(cp)) break;
    w.append(s.substr(i, j - i));
    i = j;
  }
  return AsciiLower(w);
}

enum class AbbrevKind { kNone, kTitle, kInitial, kOther };

// Classifies the token that ends with the '.' at byte `dot`.
AbbrevKind ClassifyAbbrev(std::string_view s, size_t dot) {
  std::string_view tok = TokenBefore(s, dot);
  if (tok.empty()) return AbbrevKind::kNone;
  // Dotted acronyms: U.S, e.g, a.m (single letters separated by dots).
  bool dotted = tok.size() >= 3;
  for (size_t k = 0; k < tok.size() && dotted; ++k) {
    const bool letter = (tok[k] >= 'a' && tok[k] <= 'z') || (tok[k] >= 'A' && tok[k] <= 'Z');
    dotted = (k % 2 == 0) ? letter : tok[k] == '.';
  }
  if (dotted) return AbbrevKind::kOther;
  size_t i = 0;
  char32_t cp = 0;
  DecodeUtf8(tok, &i, &cp);
  if (i == tok.size() && IsUpperLetter(cp)) return AbbrevKind::kInitial;
  const std::string low = AsciiLower(tok);
  if (Contains(kTitleAbbrevs, low)) return AbbrevKind::kTitle;
  if (Contains(kOtherAbbrevs, low)) return AbbrevKind::kOther;
  return AbbrevKind::kNone;
}

bool EndsWithSentencePunct(std::string_view line) {
  size_t end = line.size();
  while (end > 0) {
    size_t st = 0;
    char32_t cp = CodePointBefore(line, end, &st);
    if (IsUnicodeSpace(cp) || IsCloser(cp)) {
      end = st;
      continue;
    }
    return IsTerminal(cp);
  }
  return false;
}

// Trims whitespace off [b, e) and appends it when it holds a letter or digit.
void EmitTrimmed(std::string_view s, size_t b, size_t e, std::vector<Span>* out) {
  while (b < e) {
    size_t j = b;
    char32_t cp = 0;
    DecodeUtf8(s, &j, &cp);
    if (!IsUnicodeSpace(cp)) break;
    b = j;
  }
  while (e > b) {
    size_t st = 0;
    char32_t cp = CodePointBefore(s, e, &st);
    if (!IsUnicodeSpace(cp)) break;
    e = st;
  }
  bool has_alnum = false;
  for (size_t i = b; i < e && !has_alnum;) {
    char32_t cp = 0;
    DecodeUtf8(s, &i, &cp);
    has_alnum = IsLetter(cp) || (cp >= '0' && cp <= '9');
  }
  if (has_alnum) out->push_back({b, e});
}

// Emits [b, e) as sentences of at most kMaxSentenceBytes: a longer span (unpunctuated
// text) is cut after the last space or line break before the limit, or on a character
// boundary if there is none.
void Emit(std::string_view s, size_t b, size_t e, std::vector<Span>* out) {
  while (e - b > kMaxSentenceBytes) {
    size_t cut = b + kMaxSentenceBytes;
    size_t space = cut;
    while (space > b && s[space - 1] != ' ' && s[space - 1] != '\n' && s[space - 1] != '\t') {
      --space;
    }
    if (space > b + kMaxSentenceBytes / 2) {
      cut = space;
    } else {
      while (cut > b && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      if (cut == b) cut = b + kMaxSentenceBytes;  // not UTF-8 at all: cut anyway
    }
    EmitTrimmed(s, b, cut, out);
    b = cut;
  }
  EmitTrimmed(s, b, e, out);
}

}  // namespace

bool IsSoftLineBreak(std::string_view line, std::string_view next_line) {
  if (EndsWithSentencePunct(line)) return false;
  size_t e = line.size();
  char32_t last = 0;
  while (e > 0) {
    size_t st = 0;
    last = CodePointBefore(line, e, &st);
    if (!IsUnicodeSpace(last)) break;
    e = st;
  }
  if (last == ',' || last == ';' || last == '(' || last == '/' || last == '&' || last == '-' ||
      last == 0x2013 || last == 0x2014) {
    return true;
  }
  size_t i = 0;
  char32_t first = 0;
  while (i < next_line.size()) {
    DecodeUtf8(next_line, &i, &first);
    if (!IsUnicodeSpace(first)) break;
  }
  return IsLowerLetter(first);
}

std::vector<Span> SplitSentences(std::string_view s) {
  std::vector<Span> out;
  size_t start = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    char32_t cp = 0;
    DecodeUtf8(s, &i, &cp);
    if (cp == '\n') {
      // Line break: find the current line and the next non-blank line.
      size_t line_begin = s.rfind('\n', at == 0 ? 0 : at - 1);
      line_begin = (line_begin == std::string_view::npos || at == 0) ? 0 : line_begin + 1;
      if (line_begin < start) line_begin = start;
      std::string_view line = s.substr(line_begin, at - line_begin);
      size_t next = i;
      bool blank = false;
      while (next < s.size()) {
        size_t j = next;
        char32_t c2 = 0;
        DecodeUtf8(s, &j, &c2);
        if (c2 == '\n') blank = true;
        if (!IsUnicodeSpace(c2)) break;
        next = j;
      }
      size_t next_end = s.find('\n', next);
      if (next_end == std::string_view::npos) next_end = s.size();
      std::string_view next_line = s.substr(next, next_end - next);
      if (blank || !IsSoftLineBreak(line, next_line)) {
        Emit(s, start, at, &out);
        start = i;
      }
      continue;
    }
    if (!IsTerminal(cp)) continue;
    // Run of terminal punctuation ("?!", "...") and closing quotes/brackets.
    size_t end = i;
    bool ellipsis = cp == 0x2026;
    int dots = cp == '.' ? 1 : 0;
    while (end < s.size()) {
      size_t j = end;
      char32_t c2 = 0;
      DecodeUtf8(s, &j, &c2);
      if (IsTerminal(c2)) {
        if (c2 == '.') ++dots;
        if (c2 == 0x2026) ellipsis = true;
      } else if (!IsCloser(c2)) {
        break;
      }
      end = j;
    }
    if (dots >= 3) ellipsis = true;
    i = end;
    // Whitespace must follow (or the text ends).
    size_t next = end;
    bool saw_space = false;
    while (next < s.size()) {
      size_t j = next;
      char32_t c2 = 0;
      DecodeUtf8(s, &j, &c2);
      if (!IsUnicodeSpace(c2)) break;
      saw_space = true;
      next = j;
    }
    if (next >= s.size()) continue;  // end of text: the final Emit takes it
    if (!saw_space) continue;        // 1.5, U.S.A, example.com, "end."Next (glued)
    const char32_t following = CodePointAt(s, next);
    const bool can_start = IsUpperLetter(following) || (following >= '0' && following <= '9') ||
                           IsOpener(following) ||
                           (IsLetter(following) && !IsLowerLetter(following));
    if (!can_start) continue;
    if (cp == '.' && dots == 1 && !ellipsis) {
      const AbbrevKind kind = ClassifyAbbrev(s, at);
      if (kind == AbbrevKind::kTitle || kind == AbbrevKind::kInitial) continue;
      if (kind == AbbrevKind::kOther && !Contains(kSentenceOpeners, WordAt(s, next))) continue;
    }
    Emit(s, start, end, &out);
    start = end;
  }
  Emit(s, start, s.size(), &out);
  return out;
}

}  // namespace diverge::text
