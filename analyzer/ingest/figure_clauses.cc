#include "analyzer/ingest/figure_clauses.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "analyzer/text/sentences.h"

namespace diverge::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// The word ending just before byte `end` (skipping spaces), lowercased.
std::string WordBefore(std::string_view s, size_t end) {
  size_t e = end;
  while (e > 0 && s[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && IsAlpha(s[b - 1])) --b;
  return Lower(s.substr(b, e - b));
}

// A small whole number [b, e) set off by commas right after a capitalised word: a
// person's age ("Hamidou, 43, a garbage collector"), not a figure (the numeric
// detector reads it so too: numeric_detector.h FindQuantities).
bool IsAgeApposition(std::string_view s, size_t b, size_t e) {
  if (e - b > 2 || e >= s.size() || s[e] != ',' || b < 3 || s.substr(b - 2, 2) != ", ") {
    return false;
  }
  size_t w = b - 2;
  while (w > 0 && IsAlpha(s[w - 1])) --w;
  return w < b - 2 && std::isupper(static_cast<unsigned char>(s[w])) != 0;
}

// Figures of `s`: byte offsets of their first digit.
std::vector<size_t> Figures(std::string_view s) {
  std::vector<size_t> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i]) || (i > 0 && (IsAlpha(s[i - 1]) || IsDigit(s[i - 1])))) {
      ++i;
      continue;
    }
    const size_t b = i;
    while (i < s.size() && (IsDigit(s[i]) || ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() &&
                                              IsDigit(s[i + 1])))) {
      ++i;
    }
    const std::string_view num = s.substr(b, i - b);
    if (i < s.size() && IsAlpha(s[i]) &&
        !(s.substr(i, 2) == "mn" || s.substr(i, 1) == "m" || s.substr(i, 1) == "k" ||
          s.substr(i, 2) == "bn")) {
      continue;  // "19th", "3pm", "G20" and the like
    }
    if ((b > 0 && s[b - 1] == ':') || (i < s.size() && s[i] == ':')) continue;  // 12:15
    size_t after = i;
    while (after < s.size() && s[after] == ' ') ++after;
    const bool unit = after < s.size() && (s[after] == '%' || Lower(s.substr(after, 3)) == "per");
    const bool plain4 = num.size() == 4 && num.find_first_of(",.") == std::string_view::npos;
    if (plain4 && !unit) {
      const int v = std::stoi(std::string(num));
      if (v >= 1800 && v <= 2100) continue;  // a year
    }
    const std::string before = WordBefore(s, b);
    size_t w = after;
    while (w < s.size() && IsAlpha(s[w])) ++w;
    const std::string next = Lower(s.substr(after, w - after));
    auto is_month = [](const std::string& x) {
      return std::find(kMonths.begin(), kMonths.end(), x) != kMonths.end();
    };
    if (num.size() <= 2 && (is_month(before) || is_month(next))) continue;  // "19 May"
    if (IsAgeApposition(s, b, i)) continue;
    out.push_back(b);
  }
  return out;
}

}  // namespace

bool HasFigure(std::string_view text) { return !Figures(text).empty(); }

namespace {

bool StartsWithWord(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  if (Lower(s.substr(at, word.size())) != word) return false;
  return at + word.size() == s.size() || !IsAlpha(s[at + word.size()]);
}

// Whether a figure starts within the next kLookahead words from `p`, before any comma,
// semicolon or colon: ", Sinan Ogan 5.17 percent", "and Kilicdaroglu 44.85 percent",
// "and third candidate Sinan Ogan got 5.2%".
constexpr int kLookahead = 6;
// An en or em dash at byte i with no space before it and a digit right after:
// "Kilicdaroglu\u201444.88 percent" pairs a name with its figure.
bool IsJoiningDash(std::string_view s, size_t i) {
  return i > 0 && i + 3 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         static_cast<unsigned char>(s[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
          static_cast<unsigned char>(s[i + 2]) == 0x94) &&
         s[i - 1] != ' ' && IsDigit(s[i + 3]);
}

// Whether a figure starts at byte 0 of `s` (not a year, a time or a date there).
bool FigureAt(std::string_view s) {
  const std::vector<size_t> f = Figures(s);
  return !f.empty() && f.front() == 0;
}

bool FigureAhead(std::string_view s, size_t p) {
  int words = 0;
  size_t i = p;
  while (i < s.size() && words <= kLookahead) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || s[i] == ',' || s[i] == ';' || s[i] == ':') return false;
    if (IsDigit(s[i])) return FigureAt(s.substr(i));
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != ';' && s[i] != ':') {
      // "Ogan\u20145.17 percent": a dash joined to a figure ends the word before it.
      if (IsJoiningDash(s, i)) return FigureAt(s.substr(i + 3));
      ++i;
    }
    ++words;
  }
  return false;
}

// Byte offsets where a new piece starts (the connective's first byte, or the byte after
// a ";" / ":" / dash), ascending.
std::vector<size_t> Cuts(std::string_view s) {
  std::vector<size_t> cuts;
  auto skip_spaces = [&](size_t p) {
    while (p < s.size() && s[p] == ' ') ++p;
    return p;
  };
  static constexpr std::array<std::string_view, 9> kAfterComma = {
      "while", "whereas", "with", "including", "against", "compared", "versus", "vs", "and"};
  static constexpr std::array<std::string_view, 5> kAnywhere = {"while", "whereas", "compared",
                                                                "versus", "vs"};
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ';' || (c == ':' && !(i > 0 && IsDigit(s[i - 1]) && i + 1 < s.size() &&
                                   IsDigit(s[i + 1])))) {  // not a clock time ("12:15")
      cuts.push_back(skip_spaces(i + 1));
    } else if ((c == ',' && i + 1 < s.size() && s[i + 1] == ' ') || c == '(') {
      const size_t p = skip_spaces(i + 1);
      if (c == ',' && FigureAhead(s, p)) {
        cuts.push_back(p);
        continue;
      }
      for (std::string_view w : kAfterComma) {
        if (c == '(' && w != "against") continue;
        if (w == "and") {
          // ", and 34.66% in secondary education": only before a figure.
          if (StartsWithWord(s, p, w) && FigureAhead(s, p + 3)) cuts.push_back(p);
          continue;
        }
        if (StartsWithWord(s, p, w)) {
          cuts.push_back(p);
          break;
        }
      }
    } else if (c == ' ' && i + 1 < s.size()) {
      // "... 49.51 percent and Kilicdaroglu 44.85 percent": "and" before a name and figure.
      if (StartsWithWord(s, i + 1, "and") && FigureAhead(s, i + 4) &&
          !IsDigit(s[std::min(s.size() - 1, skip_spaces(i + 4))])) {
        cuts.push_back(i + 1);
        continue;
      }
      // "... 49.52% of the votes against Kilicdaroglu's 44.88%": "against" before a figure.
      if (StartsWithWord(s, i + 1, "against") && FigureAhead(s, i + 8)) {
        cuts.push_back(i + 1);
        continue;
      }
      for (std::string_view w : kAnywhere) {
        if (StartsWithWord(s, i + 1, w)) {
          cuts.push_back(i + 1);
          break;
        }
      }
    } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
                static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      // A dash joining a name to its figure is no clause break; a spaced dash or one
      // before words is.
      if (!IsJoiningDash(s, i)) cuts.push_back(skip_spaces(i + 3));  // en / em dash
    } else if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
      cuts.push_back(skip_spaces(i + 1));
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

int Words(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    const bool w = c != ' ';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

}  // namespace

std::vector<text::Span> FindFigureClauses(std::string_view sentence) {
  const std::vector<size_t> figures = Figures(sentence);
  if (figures.size() < 2) return {};
  std::vector<size_t> starts = {0};
  for (size_t c : Cuts(sentence)) {
    if (c > 0 && c < sentence.size()) starts.push_back(c);
  }
  std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end)
  std::vector<char> holds;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t e = k + 1 < starts.size() ? starts[k + 1] : sentence.size();
    pieces.push_back({starts[k], e});
    holds.push_back(std::any_of(figures.begin(), figures.end(),
                                [&](size_t f) { return f >= starts[k] && f < e; }));
  }
  if (std::count(holds.begin(), holds.end(), 1) < 2) return {};
  // A piece without a figure that opens with a connective ("while his main challenger,")
  // starts the clause of the next figure ("Kemal Kilicdaroglu, has obtained 44.88%"),
  // with any figureless pieces in between; other figureless pieces close the clause
  // before them ("30,000 in Toulouse (south-west)").
  static constexpr std::array<std::string_view, 8> kOpeners = {
      "while", "whereas", "with", "including", "against", "compared", "versus", "and"};
  std::vector<char> forward(pieces.size(), 0);
  for (size_t k = 1; k < pieces.size(); ++k) {
    if (holds[k]) continue;
    size_t p = pieces[k].first;
    while (p < sentence.size() && (sentence[p] == ' ' || sentence[p] == ',')) ++p;
    bool opens = false;
    for (std::string_view w : kOpeners) opens |= StartsWithWord(sentence, p, w);
    forward[k] = opens || forward[k - 1];
  }
  // The sentence's own clause runs to its first figure ("Sinan Ogan from the ATA
  // Alliance, the third candidate, received 5.17 percent"): clauses start after it.
  // After a colon or semicolon the figures are a list of their own ("Early counts show:
  // 12,000 in Lille, 8,000 in Nice").
  size_t main_figure =
      static_cast<size_t>(std::find(holds.begin(), holds.end(), 1) - holds.begin());
  if (main_figure > 0) {
    size_t p = pieces[main_figure].first;
    while (p > 0 && sentence[p - 1] == ' ') --p;
    if (p > 0 && (sentence[p - 1] == ':' || sentence[p - 1] == ';')) main_figure = 0;
  }
  std::vector<text::Span> out;
  for (size_t k = std::max<size_t>(main_figure + 1, 1); k < pieces.size(); ++k) {
    if (!holds[k]) continue;
    size_t end = pieces[k].second;
    for (size_t m = k + 1; m < pieces.size() && !holds[m] && !forward[m]; ++m) end = pieces[m].second;
    size_t b = pieces[k].first;
    for (size_t m = k - 1; m >= 1 && !holds[m] && forward[m]; --m) b = pieces[m].first;
    // Trim separators and spaces at both ends ("; ", ", ", ".", closing quotes stay).
    auto trim = [](char c) { return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.'; };
    while (b < end && trim(sentence[b])) ++b;
    while (end > b && trim(sentence[end - 1])) --end;
    // A dash at the end of the piece belongs to the cut.
    while (end >= b + 3 && static_cast<unsigned char>(sentence[end - 3]) == 0xE2 &&
           static_cast<unsigned char>(sentence[end - 2]) == 0x80) {
      end -= 3;
      while (end > b && trim(sentence[end - 1])) --end;
    }
    if (end > b && Words(sentence.substr(b, end - b)) >= kMinClauseWords) out.push_back({b, end});
  }
  return out;
}

}  // namespace diverge::ingest
