// Framing detector: different characterisations of the same entity or act. Each side's
// framing words are its evaluative words (loaded labels such as "provocateurs",
// "regime"; evaluative adjectives/adverbs), hedges ("allegedly", "claimed") and
// factives ("confirmed", "revealed") from lexicon.h. Two statements diverge when
//  - both carry evaluative words the other side lacks (a clash of characterisations), or
//  - one hedges what the other presents as fact.
// A lone evaluative word with nothing to contrast is not flagged (too cheap a signal).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_FRAMING_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_FRAMING_DETECTOR_H_

#include <vector>

#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

std::vector<Finding> DetectFraming(const Side& a, const Side& b, const DetectorContext& ctx,
                                   double min_overlap);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_FRAMING_DETECTOR_H_
