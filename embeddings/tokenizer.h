// Tokenizer consistent with the GloVe / wink vocabulary (lowercase, Stanford-style
// punctuation split): curly quotes and apostrophes are normalised to ASCII, clitics are
// split off ("don't" -> "do" "n't", "he's" -> "he" "'s", "parents'" -> "parents"),
// hyphenated words stay whole (the encoder splits them when the whole is unknown),
// numbers become kNumber tokens with a canonical text ("1,200.50" -> "1200.5",
// "45%" -> "45%", "$3" -> "3"), and negators ("not", "n't", "no", "never", "cannot",
// "nobody", "nothing", "none", "neither", "nor", "nowhere") become kNegation tokens.
// Deterministic, locale-independent; non-ASCII letters are kept byte for byte.
#ifndef DIVERGE_EMBEDDINGS_TOKENIZER_H_
#define DIVERGE_EMBEDDINGS_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace diverge {

enum class TokenKind { kWord, kNumber, kNegation, kPunct };

struct Token {
  std::string text;  // lowercased, normalised
  TokenKind kind = TokenKind::kWord;
  // The original started with an uppercase letter and was not the first word of the
  // text: a cheap named-entity cue.
  bool capitalized = false;
};

std::vector<Token> Tokenize(std::string_view text);

// Replaces curly quotes/apostrophes, dashes, ellipsis and non-breaking spaces by ASCII.
std::string NormalizePunctuation(std::string_view text);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_TOKENIZER_H_
