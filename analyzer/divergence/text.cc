#include "analyzer/divergence/text.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace diverge::divergence {
namespace {

bool AsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool AsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence starting at s[i] (1 for ASCII or invalid lead bytes).
size_t SeqLen(std::string_view s, size_t i) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return std::min(n, s.size() - i);
}

// Non-ASCII sequences that are punctuation or space, not letters.
enum class Cls { kSpace, kLetter, kDigit, kApos, kHyphen, kPunct };

Cls Classify(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  *len = SeqLen(s, i);
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return Cls::kSpace;
    }
    if (AsciiAlpha(c)) return Cls::kLetter;
    if (AsciiDigit(c)) return Cls::kDigit;
    if (c == '\'') return Cls::kApos;
    if (c == '-') return Cls::kHyphen;
    return Cls::kPunct;
  }
  std::string_view seq = s.substr(i, *len);
  if (seq == "\xC2\xA0" || seq == "\xE2\x80\xAF" || seq == "\xE3\x80\x80") return Cls::kSpace;
  if (seq.size() == 3 && (unsigned char)seq[0] == 0xE2 && (unsigned char)seq[1] == 0x80) {
    unsigned char t = seq[2];
    if (t <= 0x8A) return Cls::kSpace;  // U+2000..U+200A
    if (t == 0x99) return Cls::kApos;   // ’
    return Cls::kPunct;                 // dashes, quotes, bullets, ellipsis
  }
  if (seq.size() == 2 && (unsigned char)seq[0] == 0xC2) return Cls::kPunct;  // « © ° etc.
  if (seq.size() == 3 && (unsigned char)seq[0] == 0xE2) return Cls::kPunct;  // symbols
  return Cls::kLetter;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return out;
}

std::string NormalizeLower(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = SeqLen(s, i);
    std::string_view seq = s.substr(i, len);
    if (seq == "\xE2\x80\x99" || seq == "\xE2\x80\x98") {
      out += '\'';
    } else if (seq == "\xE2\x80\x9C" || seq == "\xE2\x80\x9D" || seq == "\xC2\xAB" ||
               seq == "\xC2\xBB") {
      out += '"';
    } else if (seq == "\xE2\x80\x93" || seq == "\xE2\x80\x94") {
      out += '-';
    } else {
      out += LowerAscii(seq);
    }
    i += len;
  }
  return out;
}

bool IsUpperStart(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && s.size() > 1) return (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E;
  if (c == 0xD0 && s.size() > 1) return (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0xAF;
  return false;
}

void PushToken(std::string_view text, TokenKind kind, size_t b, size_t e, std::vector<Token>* out) {
  Token t;
  t.kind = kind;
  t.begin = b;
  t.end = e;
  t.text = std::string(text.substr(b, e - b));
  t.lower = NormalizeLower(t.text);
  t.cap = kind == TokenKind::kWord && IsUpperStart(t.text);
  out->push_back(std::move(t));
}

// Splits a word token at a trailing "n't" / "'s" (either apostrophe).
void PushWord(std::string_view text, size_t b, size_t e, std::vector<Token>* out) {
  std::string low = NormalizeLower(text.substr(b, e - b));
  size_t apos_len = 0;
  size_t apos = std::string::npos;
  for (size_t i = b; i < e;) {
    size_t len = SeqLen(text, i);
    if (text[i] == '\'' || text.substr(i, len) == "\xE2\x80\x99") {
      apos = i;
      apos_len = len;
    }
    i += len;
  }
  if (apos != std::string::npos && apos > b) {
    bool nt = apos >= b + 2 && (text[apos - 1] == 'n' || text[apos - 1] == 'N') &&
              e == apos + apos_len + 1 && (text[e - 1] == 't' || text[e - 1] == 'T');
    bool poss = e == apos + apos_len + 1 && (text[e - 1] == 's' || text[e - 1] == 'S');
    if (nt) {
      PushToken(text, TokenKind::kWord, b, apos - 1, out);
      PushToken(text, TokenKind::kWord, apos - 1, e, out);
      out->back().lower = "not";
      return;
    }
    if (poss) {
      PushToken(text, TokenKind::kWord, b, apos, out);
      PushToken(text, TokenKind::kWord, apos, e, out);
      out->back().lower = "'s";
      return;
    }
  }
  PushToken(text, TokenKind::kWord, b, e, out);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  bool next_starts = true;
  while (i < text.size()) {
    size_t len = 0;
    Cls c = Classify(text, i, &len);
    if (c == Cls::kSpace) {
      if (text[i] == '\n') next_starts = true;
      i += len;
      continue;
    }
    size_t before = out.size();
    if (c == Cls::kLetter) {
      size_t j = i + len;
      while (j < text.size()) {
        size_t l2 = 0;
        Cls c2 = Classify(text, j, &l2);
        if (c2 == Cls::kLetter || c2 == Cls::kDigit) {
          j += l2;
          continue;
        }
        if (c2 == Cls::kApos || c2 == Cls::kHyphen) {  // internal only
          size_t l3 = 0;
          if (j + l2 < text.size() && Classify(text, j + l2, &l3) == Cls::kLetter) {
            j += l2;
            continue;
          }
        }
        break;
      }
      PushWord(text, i, j, &out);
      i = j;
    } else if (c == Cls::kDigit) {
      size_t j = i + 1;
      while (j < text.size()) {
        if (AsciiDigit(text[j])) {
          ++j;
        } else if ((text[j] == ',' || text[j] == '.') && j + 1 < text.size() &&
                   AsciiDigit(text[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
      PushToken(text, TokenKind::kNumber, i, j, &out);
      i = j;
    } else {
      PushToken(text, TokenKind::kPunct, i, i + len, &out);
      i += len;
    }
    if (out.size() > before) {
      out[before].sentence_start = next_starts;
      const Token& t = out.back();
      next_starts = t.kind == TokenKind::kPunct &&
                    (t.text == "." || t.text == "!" || t.text == "?" || t.text == ":");
    }
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text) {
  static const std::unordered_set<std::string> kAbbrev = {
      "mr",  "mrs", "ms",  "dr",   "st",  "gen", "col", "lt",  "sgt", "gov", "sen", "rep", "prof",
      "jr",  "sr",  "inc", "corp", "ltd", "co",  "no",  "vs",  "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "etc"};
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t' ||
                     text[e - 1] == '\r')) {
      --e;
    }
    if (e > b) out.emplace_back(b, e);
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    // closing quotes / brackets stay with the sentence
    while (j < text.size()) {
      if (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
        ++j;
      } else if (text.substr(j, 3) == "\xE2\x80\x9D" || text.substr(j, 3) == "\xE2\x80\x99") {
        j += 3;
      } else {
        break;
      }
    }
    if (j < text.size() && text[j] != ' ' && text[j] != '\n' && text.substr(j, 2) != "\xC2\xA0") {
      continue;
    }
    if (c == '.') {
      size_t w = i;
      while (w > start && text[w - 1] != ' ' && text[w - 1] != '\n' && text[w - 1] != '(') --w;
      std::string word = LowerAscii(text.substr(w, i - w));
      if (kAbbrev.count(word) || (word.size() == 1 && AsciiAlpha(word[0]))) continue;
    }
    emit(j);
    i = j - 1;
  }
  emit(text.size());
  return out;
}

std::string FoldSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    Cls c = Classify(text, i, &len);
    if (c == Cls::kSpace) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string Singular(std::string_view w) {
  std::string s(w);
  if (s.size() > 3 && s.compare(s.size() - 3, 3, "men") == 0)
    return s.substr(0, s.size() - 2) + "an";
  if (s == "people") return "person";
  if (s == "children") return "child";
  if (s.size() > 4 && s.compare(s.size() - 3, 3, "ies") == 0)
    return s.substr(0, s.size() - 3) + "y";
  if (s.size() > 4 &&
      (s.compare(s.size() - 4, 4, "sses") == 0 || s.compare(s.size() - 4, 4, "ches") == 0 ||
       s.compare(s.size() - 4, 4, "shes") == 0 || s.compare(s.size() - 3, 3, "xes") == 0)) {
    return s.substr(0, s.size() - 2);
  }
  if (s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's' && s[s.size() - 2] != 'u' &&
      s[s.size() - 2] != 'i') {
    return s.substr(0, s.size() - 1);
  }
  return s;
}

std::string Stem(std::string_view w) {
  std::string s = Singular(w);
  auto ends = [&](std::string_view suf) {
    return s.size() > suf.size() + 2 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("ing")) {
    s.resize(s.size() - 3);
  } else if (ends("ied")) {
    s.resize(s.size() - 3);
    s += 'y';
  } else if (ends("ed")) {
    s.resize(s.size() - 2);
  } else if (ends("es") && s.size() > 5) {
    s.resize(s.size() - 1);
  }
  if (s.size() > 3 && s.back() == 'e') s.pop_back();
  if (s.size() > 3 && s.back() == s[s.size() - 2] && s.back() != 's' && s.back() != 'l') {
    s.pop_back();
  }
  return s;
}

bool IsFunctionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "a",       "an",        "the",   "this",    "that",    "these",  "those",    "some",
      "any",     "each",      "every", "all",     "both",    "either", "neither",  "other",
      "another", "such",      "its",   "it",      "it's",    "his",    "her",      "hers",
      "their",   "theirs",    "our",   "ours",    "my",      "your",   "he",       "she",
      "they",    "them",      "we",    "us",      "i",       "you",    "him",      "me",
      "who",     "whom",      "whose", "which",   "what",    "where",  "when",     "why",
      "how",     "is",        "are",   "was",     "were",    "be",     "been",     "being",
      "am",      "do",        "does",  "did",     "have",    "has",    "had",      "having",
      "will",    "would",     "shall", "should",  "can",     "could",  "may",      "might",
      "must",    "of",        "in",    "on",      "at",      "to",     "for",      "from",
      "by",      "with",      "about", "as",      "into",    "onto",   "upon",     "over",
      "under",   "between",   "among", "through", "during",  "before", "after",    "above",
      "below",   "up",        "down",  "out",     "off",     "than",   "then",     "and",
      "or",      "but",       "if",    "so",      "because", "while",  "although", "though",
      "also",    "too",       "very",  "there",   "here",    "'s",     "not",      "no",
      "yet",     "just",      "only",  "more",    "most",    "much",   "many",     "own",
      "same",    "s",         "per",   "via",     "within",  "across", "against",  "toward",
      "towards", "including", "said",  "says",    "say",     "told",   "one"};
  return kWords.count(w) > 0;
}

bool IsContentWord(const Token& t) {
  return t.kind == TokenKind::kWord && t.lower.size() > 1 && !IsFunctionWord(t.lower);
}

double ContentOverlap(const std::vector<Token>& a, const std::vector<Token>& b) {
  std::set<std::string> sa, sb;
  for (const Token& t : a) {
    if (IsContentWord(t)) sa.insert(Stem(t.lower));
  }
  for (const Token& t : b) {
    if (IsContentWord(t)) sb.insert(Stem(t.lower));
  }
  if (sa.empty() || sb.empty()) return 0;
  size_t inter = 0;
  for (const auto& s : sa) inter += sb.count(s);
  return double(inter) / double(sa.size() + sb.size() - inter);
}

}  // namespace diverge::divergence
