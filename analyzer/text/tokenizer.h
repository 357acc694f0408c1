// The tokenizer of the text layer: words, numbers and punctuation with byte offsets into
// the original text, so evidence can be cut out as an exact substring. It knows UTF-8
// punctuation (curly quotes, dashes, no-break spaces). The detectors, the claim slots
// and the date finder (dates.h) call it. Word-vector lookup uses the vocabulary view
// beside it (vocabulary_tokenizer.h), which must match the vectors' own tokenization.
#ifndef DIVERGE_ANALYZER_TEXT_TOKENIZER_H_
#define DIVERGE_ANALYZER_TEXT_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diverge::text {

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

// Folds runs of whitespace (ASCII and U+00A0) to one space and trims.
std::string FoldSpaces(std::string_view text);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_TOKENIZER_H_
