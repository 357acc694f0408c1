// Omission detector (conservative: omissions are cheap to produce and expensive to
// review). For a cluster whose statements come from at least `min_outlets` outlets, the
// key terms are the content-word stems and names used by at least two thirds of the
// cluster's documents (at least 3 terms). An outlet is silent when none of its
// documents has a statement in the cluster, and one of its documents covers the story:
// it mentions at least `min_coverage` of the key terms, and is dated within the span of
// the cluster's documents (or undated). The finding's b side has no statement.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_OMISSION_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_OMISSION_DETECTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "analyzer/divergence/detector_registry.h"
#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

struct OmissionOptions {
  int min_outlets = 3;
  double min_coverage = 0.8;
};

struct Omission {
  size_t statement = 0;  // index into the cluster's sides: the most typical statement
  std::string silent_doc;
  std::string silent_outlet;
  size_t a_begin = 0, a_end = 0;  // evidence in that statement (a key term)
  std::vector<std::string> key_terms;
  double score = 0.4;
};

std::vector<Omission> DetectOmissions(const std::vector<const Side*>& cluster,
                                      const std::vector<StoryDocument>& documents,
                                      const OmissionOptions& options);

// The registry's claim detector: DetectOmissions on the claim's sides and story
// documents (with options.omission_min_outlets / omission_min_coverage), as report
// divergences whose b side names the silent outlet. None when options.omissions is off.
std::vector<report::Divergence> DetectClaimOmissions(const ClaimInput& claim,
                                                     const DetectOptions& options);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_OMISSION_DETECTOR_H_
