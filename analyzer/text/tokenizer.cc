#include "analyzer/text/tokenizer.h"

#include <algorithm>

namespace diverge::text {
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

}  // namespace diverge::text
