// The vocabulary view of text: the tokens word vectors are looked up by, matching how
// the GloVe / wink vocabulary was tokenized (lowercase, Stanford-style punctuation split).
// It is not the byte-offset tokenizer (tokenizer.h) because it must reproduce the
// vectors' training tokenization: "u.s." and "p.m." are one token, "1990s" / "5th" /
// "45%" / "$3" are numbers, "'re" "'ve" "'ll" "'d" "'m" are clitics. Rebuilt on
// tokenizer.h it gave other tokens for 242 of 20,895 STS-B train and SICK train
// sentences (1.2%), which would change the trained similarity weights' inputs.
// Rules: curly quotes and apostrophes are normalised to ASCII, clitics are
// split off ("don't" -> "do" "n't", "he's" -> "he" "'s", "parents'" -> "parents"),
// hyphenated words stay whole (the encoder splits them when the whole is unknown),
// numbers become kNumber tokens with a canonical text ("1,200.50" -> "1200.5",
// "45%" -> "45%", "$3" -> "3"), and negators ("not", "n't", "no", "never", "cannot",
// "nobody", "nothing", "none", "neither", "nor", "nowhere") become kNegation tokens.
// Deterministic, locale-independent; non-ASCII letters are kept byte for byte.
#ifndef DIVERGE_ANALYZER_TEXT_VOCABULARY_TOKENIZER_H_
#define DIVERGE_ANALYZER_TEXT_VOCABULARY_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace diverge::text {

enum class VocabTokenKind { kWord, kNumber, kNegation, kPunct };

struct VocabToken {
  std::string text;  // lowercased, normalised
  VocabTokenKind kind = VocabTokenKind::kWord;
  // The original started with an uppercase letter and was not the first word of the
  // text: a cheap named-entity cue.
  bool capitalized = false;
};

std::vector<VocabToken> TokenizeForVocabulary(std::string_view text);

// Replaces curly quotes/apostrophes, dashes, ellipsis and non-breaking spaces by ASCII.
std::string NormalizePunctuation(std::string_view text);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_VOCABULARY_TOKENIZER_H_
