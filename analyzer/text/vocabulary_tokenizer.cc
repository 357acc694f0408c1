#include "analyzer/text/vocabulary_tokenizer.h"

#include <array>
#include <cstring>

namespace diverge::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool IsWordChar(char c) { return IsAlpha(c) || IsDigit(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsNegator(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kNeg = {"not",    "n't",     "no",    "never",
                                                            "nobody", "nothing", "none",  "neither",
                                                            "nor",    "nowhere", "cannot"};
  for (auto n : kNeg) {
    if (w == n) return true;
  }
  return false;
}

void EmitWord(std::string word, bool cap, std::vector<VocabToken>& out) {
  // Clitics: n't and 's 're 've 'll 'd 'm.
  std::string low;
  for (char c : word) low.push_back(Lower(c));
  auto ends = [&](std::string_view suf) {
    return low.size() > suf.size() && low.compare(low.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("n't")) {
    std::string stem = low.substr(0, low.size() - 3);
    if (stem == "ca") stem = "can";
    if (stem == "wo") stem = "will";
    if (stem == "sha") stem = "shall";
    if (!stem.empty()) out.push_back({stem, VocabTokenKind::kWord, cap});
    out.push_back({"n't", VocabTokenKind::kNegation, false});
    return;
  }
  for (std::string_view suf : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
    if (ends(suf)) {
      out.push_back({low.substr(0, low.size() - suf.size()), VocabTokenKind::kWord, cap});
      out.push_back({std::string(suf), VocabTokenKind::kWord, false});
      return;
    }
  }
  while (!low.empty() && (low.back() == '\'' || low.back() == '-')) low.pop_back();
  while (!low.empty() && (low.front() == '\'' || low.front() == '-')) low.erase(0, 1);
  if (low.empty()) return;
  if (low == "cannot") {
    out.push_back({"can", VocabTokenKind::kWord, cap});
    out.push_back({"not", VocabTokenKind::kNegation, false});
    return;
  }
  out.push_back({low, IsNegator(low) ? VocabTokenKind::kNegation : VocabTokenKind::kWord, cap});
}

}  // namespace

std::string NormalizePunctuation(std::string_view in) {
  struct Rep {
    std::string_view from, to;
  };
  static constexpr Rep kReps[] = {
      {"\xE2\x80\x98", "'"},   {"\xE2\x80\x99", "'"},   {"\xE2\x80\x9A", "'"},
      {"\xE2\x80\xB2", "'"},   {"\xC2\xB4", "'"},       {"`", "'"},
      {"\xE2\x80\x9C", "\""},  {"\xE2\x80\x9D", "\""},  {"\xE2\x80\x9E", "\""},
      {"\xC2\xAB", "\""},      {"\xC2\xBB", "\""},      {"\xE2\x80\x93", " - "},
      {"\xE2\x80\x94", " - "}, {"\xE2\x88\x92", "-"},   {"\xE2\x80\x90", "-"},
      {"\xE2\x80\x91", "-"},   {"\xE2\x80\xA6", "..."}, {"\xC2\xA0", " "},
      {"\xE2\x80\x89", " "},   {"\xE2\x80\xAF", " "}};
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(in[i]) >= 0x80 || in[i] == '`') {
      for (const auto& r : kReps) {
        if (in.compare(i, r.from.size(), r.from) == 0) {
          out += r.to;
          i += r.from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(in[i++]);
  }
  return out;
}

std::vector<VocabToken> TokenizeForVocabulary(std::string_view raw) {
  std::string text = NormalizePunctuation(raw);
  std::vector<VocabToken> out;
  const size_t n = text.size();
  size_t i = 0;
  bool first_word = true;
  while (i < n) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    // Numbers: optional currency sign, digits with inner , or . followed by digits, %.
    bool currency = (c == '$' || c == '#') && i + 1 < n && IsDigit(text[i + 1]);
    if (IsDigit(c) || currency) {
      size_t j = currency ? i + 1 : i;
      std::string num;
      while (j < n) {
        if (IsDigit(text[j])) {
          num.push_back(text[j++]);
        } else if ((text[j] == ',' || text[j] == '.') && j + 1 < n && IsDigit(text[j + 1])) {
          if (text[j] == '.') num.push_back('.');
          ++j;
        } else {
          break;
        }
      }
      if (num.find('.') != std::string::npos) {
        while (num.back() == '0') num.pop_back();
        if (num.back() == '.') num.pop_back();
      }
      if (j < n && text[j] == '%') {
        num.push_back('%');
        ++j;
      }
      // "1990s", "3rd", "5th": keep the letters attached to the number token.
      while (j < n && IsAlpha(text[j]) && static_cast<unsigned char>(text[j]) < 0x80) {
        num.push_back(Lower(text[j++]));
      }
      out.push_back({num, VocabTokenKind::kNumber, false});
      first_word = false;
      i = j;
      continue;
    }
    if (IsWordChar(c)) {
      size_t j = i;
      while (j < n) {
        if (IsWordChar(text[j])) {
          ++j;
        } else if ((text[j] == '\'' || text[j] == '-' || text[j] == '.') && j + 1 < n &&
                   IsAlpha(text[j + 1]) && (text[j] != '.' || (j + 2 < n && text[j + 2] == '.'))) {
          ++j;  // inner apostrophe, hyphen, or abbreviation dots like "u.s."
        } else {
          break;
        }
      }
      // Final dot of an abbreviation with inner dots ("u.s.").
      if (j < n && text[j] == '.' && text.substr(i, j - i).find('.') != std::string::npos) ++j;
      // Trailing apostrophe of a plural possessive ("parents'") belongs to the word.
      if (j < n && text[j] == '\'' && j > i && Lower(text[j - 1]) == 's' &&
          (j + 1 == n || !IsWordChar(text[j + 1]))) {
        ++j;
      }
      bool cap = !first_word && c >= 'A' && c <= 'Z';
      EmitWord(std::string(text.substr(i, j - i)), cap, out);
      first_word = false;
      i = j;
      continue;
    }
    if (c == '\'' && i + 1 < n && IsAlpha(text[i + 1])) {
      // Leading clitic or quote: "'s", "'em"; otherwise a quote.
      size_t j = i + 1;
      while (j < n && IsAlpha(text[j])) ++j;
      std::string w;
      for (size_t k = i; k < j; ++k) w.push_back(Lower(text[k]));
      if (w == "'s" || w == "'re" || w == "'ve" || w == "'ll" || w == "'d" || w == "'m") {
        out.push_back({w, VocabTokenKind::kWord, false});
        i = j;
        continue;
      }
    }
    // Multi-byte non-letter punctuation is rare after normalisation; treat one byte.
    out.push_back({std::string(1, c), VocabTokenKind::kPunct, false});
    if (c == '.' || c == '!' || c == '?') first_word = true;
    ++i;
  }
  return out;
}

}  // namespace diverge::text
