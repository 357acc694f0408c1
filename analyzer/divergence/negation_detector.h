// Negation detector: a cue (not, n't, no, never, without, nobody, nothing, none, nor;
// negating verbs "failed to", "denied", "refused to") negates the words after it up to
// the next clause boundary (punctuation, "but", "while", "although"); its predicate is
// the first content word of that scope ("is not playing" -> playing; "there is no man"
// -> man). Two statements diverge when one negates a predicate that the other asserts
// (same stem, outside any negation scope) and the statements are otherwise about the
// same thing (content-word overlap >= DetectorContext's threshold).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_NEGATION_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_NEGATION_DETECTOR_H_

#include <vector>

#include "analyzer/divergence/finding.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

struct NegationScope {
  size_t cue = 0;        // token index of the cue
  size_t predicate = 0;  // token index of the first content word in scope
  size_t end = 0;        // one past the last token in scope
};

std::vector<NegationScope> FindNegations(const std::vector<text::Token>& tokens);
// negated[i] is true when token i lies in some negation scope.
std::vector<bool> NegatedMask(const std::vector<text::Token>& tokens);

// Minimum content-word overlap (Jaccard of stems) for two texts to be "about the same
// thing" for the negation and antonym detectors.
inline constexpr double kDefaultAlignOverlap = 0.25;

std::vector<Finding> DetectNegation(const Side& a, const Side& b, const DetectorContext& ctx,
                                    double min_overlap = kDefaultAlignOverlap);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_NEGATION_DETECTOR_H_
