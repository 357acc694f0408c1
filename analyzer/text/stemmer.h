// English stemming: the one place word forms are reduced to matching keys.
//
//   InflectionStem: inflections only, for the pair similarity's word matching:
//     plays / playing / played -> "play", puppies -> "puppy", running -> "run",
//     dances / dancing / dance -> "danc". No derivational suffix is touched (player stays
//     apart from play); words of three letters or fewer and non-ASCII words are returned
//     unchanged.
//   Singular: the singular of a plural noun (countries -> country, servicemen ->
//     serviceman, people -> person), for counted things.
//   Stem: Singular, then a cruder strip of -ing / -ied / -ed / -es, a final e and a
//     doubled consonant (states -> stat, stated -> stat): the detectors' key for "the same
//     content word" (their thresholds were set with it).
// The results are matching keys, not words. Deterministic, ASCII only.
#ifndef DIVERGE_ANALYZER_TEXT_STEMMER_H_
#define DIVERGE_ANALYZER_TEXT_STEMMER_H_

#include <string>
#include <string_view>

namespace diverge::text {

std::string InflectionStem(std::string_view lower);
std::string Singular(std::string_view lower_word);
std::string Stem(std::string_view lower_word);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_STEMMER_H_
