// A light English inflection stripper for matching word forms in the pair similarity:
// plays / playing / played -> "play", puppies -> "puppy", running -> "run",
// dances / dancing / dance -> "danc". The result is a matching key, not a word (no
// derivational suffixes are touched: player stays apart from play). Deterministic,
// ASCII only; words of three letters or fewer are returned unchanged.
#ifndef DIVERGE_EMBEDDINGS_STEMMER_H_
#define DIVERGE_EMBEDDINGS_STEMMER_H_

#include <string>
#include <string_view>

namespace diverge {

std::string InflectionStem(std::string_view lower);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_STEMMER_H_
