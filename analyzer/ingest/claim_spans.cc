#include "analyzer/ingest/claim_spans.h"

#include <string>

#include "analyzer/text/sentences.h"

namespace diverge::ingest {

namespace {

// A token of the sentence: a word, or one punctuation mark that matters for lists.
struct Token {
  enum Kind { kWord, kComma, kOpen, kClose, kDash, kOther } kind;
  size_t begin, end;
  bool capitalised = false;
  std::string_view text;
};

bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the punctuation or space code point at s[i] that ends a word, or 0.
size_t Breaker(std::string_view s, size_t i, Token::Kind* kind) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *kind = Token::kOther;
  if (IsAsciiSpace(c)) return 1;
  if (c == ',') return *kind = Token::kComma, 1;
  if (c == '(' || c == '[') return *kind = Token::kOpen, 1;
  if (c == ')' || c == ']') return *kind = Token::kClose, 1;
  if (c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '"') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 == 0x93 || c2 == 0x94) return *kind = Token::kDash, 3;          // en / em dash
    if (c2 <= 0x8A || c2 == 0xAF || (c2 >= 0x98 && c2 <= 0x9F)) return 3;  // spaces, quotes
  }
  return 0;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    Token::Kind kind;
    if (size_t n = Breaker(s, i, &kind)) {
      if (IsAsciiSpace(static_cast<unsigned char>(s[i])) || n == 2 ||
          (n == 3 && kind == Token::kOther)) {
        i += n;  // spaces and quotes separate words but are not tokens
        continue;
      }
      out.push_back({kind, i, i + n, false, s.substr(i, n)});
      i += n;
      continue;
    }
    size_t start = i;
    while (i < s.size() && Breaker(s, i, &kind) == 0) ++i;
    Token t{Token::kWord, start, i, false, s.substr(start, i - start)};
    if (t.text == "-" || t.text == "--") {
      t.kind = Token::kDash;
    } else {
      t.capitalised = s[start] >= 'A' && s[start] <= 'Z';
    }
    out.push_back(t);
  }
  return out;
}

// Reads an item (1-4 capitalised words) at tokens[i]; returns the index after it.
size_t ReadItem(const std::vector<Token>& t, size_t i) {
  size_t j = i;
  while (j < t.size() && j - i < 4 && t[j].kind == Token::kWord && t[j].capitalised) ++j;
  return j;
}

bool IsConjunction(const Token& t) {
  return t.kind == Token::kWord && (t.text == "and" || t.text == "or");
}

}  // namespace

std::vector<text::Span> FindListSpans(std::string_view sentence) {
  std::vector<Token> t = Tokenize(sentence);
  std::vector<text::Span> spans;
  size_t i = 0;
  while (i < t.size()) {
    size_t after = ReadItem(t, i);
    // A list starts after something that is not part of one (a word, a bracket, a dash).
    bool inside = i > 0 && (t[i - 1].kind == Token::kComma ||
                            (t[i - 1].kind == Token::kWord && t[i - 1].capitalised));
    if (after == i || inside) {
      ++i;
      continue;
    }
    // Items separated by commas, closed by [","] "and"/"or" item.
    int items = 1;
    size_t end = after;  // token index after the last item read
    bool closed = false;
    while (end < t.size()) {
      size_t k = end;
      if (t[k].kind == Token::kComma) ++k;
      bool conj = k < t.size() && IsConjunction(t[k]);
      if (conj) ++k;
      if (k == end) break;  // neither comma nor conjunction
      size_t next = ReadItem(t, k);
      if (next == k) break;
      ++items;
      end = next;
      if (conj) {
        closed = true;
        break;
      }
    }
    if (!closed || items < kMinListItems) {
      i = after;
      continue;
    }
    const Token::Kind before = i > 0 ? t[i - 1].kind : Token::kOther;
    bool parenthetical = before == Token::kOpen || before == Token::kDash;
    int words_after = 0;
    for (size_t k = end; k < t.size(); ++k) words_after += t[k].kind == Token::kWord;
    text::Span span{t[i].begin, t[end - 1].end};
    double share = static_cast<double>(span.end - span.begin) / sentence.size();
    if ((parenthetical || words_after >= kMinWordsAfterList) && share < kMaxListShare) {
      spans.push_back(span);
    }
    i = end;
  }
  return spans;
}

}  // namespace diverge::ingest
