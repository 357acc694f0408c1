// Text primitives shared by the divergence detectors: a byte-offset tokenizer that
// knows UTF-8 punctuation (curly quotes, dashes, no-break spaces), a sentence splitter
// for document text, and crude English stemming. Offsets always index the original
// text, so evidence can be cut out as an exact substring.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_TEXT_H_
#define DIVERGE_ANALYZER_DIVERGENCE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diverge::divergence {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  TokenKind kind = TokenKind::kPunct;
  size_t begin = 0;  // byte offsets into the tokenized text
  size_t end = 0;
  std::string text;   // the bytes as written
  std::string lower;  // ASCII-lowercased; curly apostrophes become '\''; "n't" is "not"
  bool cap = false;   // starts with an upper-case letter
  bool sentence_start = false;
  bool IsWord() const { return kind == TokenKind::kWord; }
  bool IsNumber() const { return kind == TokenKind::kNumber; }
  bool IsPunct(std::string_view p) const { return kind == TokenKind::kPunct && text == p; }
};

// Splits `text` into words (internal hyphens/apostrophes kept; "n't" and "'s" split
// off), numbers ("2,000", "1.5"), and single punctuation marks (a UTF-8 punctuation
// code point is one token; "“" and "”" lower to "\"", dashes to "-").
std::vector<Token> Tokenize(std::string_view text);

// Half-open byte ranges of the sentences of `text` (line breaks always end one).
std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view text);

// Folds runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string FoldSpaces(std::string_view text);

// Crude stem for matching inflected forms: plays/played/playing -> play, states -> state.
std::string Stem(std::string_view lower_word);
// Singular of a plural noun (countries -> country, servicemen -> serviceman).
std::string Singular(std::string_view lower_word);

// Closed-class words (articles, auxiliaries, pronouns, prepositions, conjunctions).
bool IsFunctionWord(std::string_view lower_word);
// Content words: words that are not function words and are longer than one letter.
bool IsContentWord(const Token& t);

// Jaccard overlap of the stemmed content words of two token lists.
double ContentOverlap(const std::vector<Token>& a, const std::vector<Token>& b);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_TEXT_H_
