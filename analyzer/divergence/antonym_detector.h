// Antonym detector: a content word of one statement whose WordNet antonym (wordnet.h)
// or news opposite (lexicon.h NewsOpposites: new / long-standing, increase / decrease,
// confirmed / denied, joined / quit) appears in the other, where neither word occurs on
// the other side, neither is negated (a negated antonym agrees: "not open" / "closed"),
// and the statements are otherwise about the same thing (content-word overlap).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_ANTONYM_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_ANTONYM_DETECTOR_H_

#include <string_view>
#include <vector>

#include "analyzer/divergence/finding.h"
#include "analyzer/divergence/negation_detector.h"

namespace diverge::divergence {

// True when the two lowercased words are opposites (news list or WordNet via ctx).
bool AreOpposites(const DetectorContext& ctx, std::string_view a, std::string_view b);

std::vector<Finding> DetectAntonym(const Side& a, const Side& b, const DetectorContext& ctx,
                                   double min_overlap = kDefaultAlignOverlap);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_ANTONYM_DETECTOR_H_
