// Closed word classes of English and the content-word overlap built on them.
//   IsFunctionWord: articles, auxiliaries, pronouns, prepositions, conjunctions and a few
//     reporting verbs ("said", "told") that carry no claim of their own.
//   IsContentWord: a word token longer than one letter that is not a function word.
//   ContentOverlap: Jaccard overlap of the stemmed (Stem) content words of two token
//     lists (accents and the dotless i folded: text::NameKey), in [0, 1]; 0 when either
//     side has none.
#ifndef DIVERGE_ANALYZER_TEXT_WORD_LISTS_H_
#define DIVERGE_ANALYZER_TEXT_WORD_LISTS_H_

#include <string_view>
#include <vector>

#include "analyzer/text/tokenizer.h"

namespace diverge::text {

bool IsFunctionWord(std::string_view lower_word);
bool IsContentWord(const Token& t);
double ContentOverlap(const std::vector<Token>& a, const std::vector<Token>& b);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_WORD_LISTS_H_
