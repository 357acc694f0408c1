#include "analyzer/ingest/claim_spans.h"

#include <string>

#include "analyzer/text/sentences.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::ingest {

namespace {

// A token of the sentence: a word, or one punctuation mark that matters for lists.
struct Token {
  enum Kind { kWord, kComma, kOpen, kClose, kDash, kOther } kind;
  size_t begin, end;
  bool capitalised = false;
  std::string_view text;
};

// A curly quote or apostrophe, U+2018..U+201F, at s[i].
bool IsCurlyQuote(std::string_view s, size_t i) {
  return i + 2 < s.size() && s.compare(i, 2, "\xE2\x80") == 0 &&
         static_cast<unsigned char>(s[i + 2]) >= 0x98 &&
         static_cast<unsigned char>(s[i + 2]) <= 0x9F;
}

// How a mark of the text layer reads in a list: a comma, a bracket, a dash, a stop that
// is a token of its own, a curly quote that only separates words, or (any other mark,
// "AT&T", "50%", "•") a piece of the word it touches.
enum class Mark { kPiece, kSeparator, kComma, kOpen, kClose, kDash, kStop };

Mark MarkOf(std::string_view p) {
  if (p == ",") return Mark::kComma;
  if (p == "(" || p == "[") return Mark::kOpen;
  if (p == ")" || p == "]") return Mark::kClose;
  if (p == ";" || p == ":" || p == "." || p == "!" || p == "?" || p == "\"") return Mark::kStop;
  if (p == "\xE2\x80\x93" || p == "\xE2\x80\x94") return Mark::kDash;  // en / em dash
  if (IsCurlyQuote(p, 0)) return Mark::kSeparator;
  return Mark::kPiece;
}

// Words and list marks of `s`, from the text layer's tokens: pieces that touch form one
// word (a word is any run of text between spaces and list marks), a curly quote or
// apostrophe (U+2018-U+201F) separates words, and a word "-" or "--" is a dash.
std::vector<Token> ListWords(std::string_view s) {
  std::vector<Token> out;
  bool open_word = false;  // the last token is a word a touching piece extends
  auto piece = [&](size_t b, size_t e) {
    if (open_word && out.back().end == b) {
      out.back().end = e;
    } else {
      out.push_back({Token::kWord, b, e, s[b] >= 'A' && s[b] <= 'Z', {}});
    }
    open_word = true;
  };
  for (const text::Token& t : text::Tokenize(s)) {
    const Mark mark = t.kind == text::TokenKind::kPunct ? MarkOf(t.text) : Mark::kPiece;
    if (mark == Mark::kPiece) {
      size_t b = t.begin;  // a curly apostrophe inside a word token ("O’Brien") separates
      for (size_t i = t.begin; i < t.end; ++i) {
        if (!IsCurlyQuote(s, i)) continue;
        if (i > b) piece(b, i);
        open_word = false;
        b = i + 3;
        i += 2;
      }
      if (t.end > b) piece(b, t.end);
      continue;
    }
    open_word = false;
    if (mark == Mark::kSeparator) continue;
    const Token::Kind kind = mark == Mark::kComma   ? Token::kComma
                             : mark == Mark::kOpen  ? Token::kOpen
                             : mark == Mark::kClose ? Token::kClose
                             : mark == Mark::kDash  ? Token::kDash
                                                    : Token::kOther;
    out.push_back({kind, t.begin, t.end, false, {}});
  }
  for (Token& t : out) {
    t.text = s.substr(t.begin, t.end - t.begin);
    if (t.kind == Token::kWord && (t.text == "-" || t.text == "--")) {
      t.kind = Token::kDash;
      t.capitalised = false;
    }
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
  std::vector<Token> t = ListWords(sentence);
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
