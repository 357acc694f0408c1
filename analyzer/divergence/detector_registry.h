// The divergence detectors, in one registry. Corpus detection (detect.cc) and pairwise
// mode (compare_pair.cc) run exactly the detectors listed here, in this order; neither
// names a detector. Adding a detector is its own `<kind>_detector.{h,cc}` plus one row in
// detector_registry.cc (and its kind's row in analyzer/report/divergence_kind.h when the
// kind is new).
//
// Two shapes of detector:
// - a pair detector compares two statements of one claim from different documents (the
//   older one is `a`) and returns findings with evidence spans in both;
// - a claim detector looks at a claim as a whole against the documents of its story and
//   returns report divergences (omission: an outlet of the story that leaves the claim
//   out). Claim detectors are not run in pairwise mode.
// Detectors are pure functions of their inputs (thread-safe, order-independent).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_DETECTOR_REGISTRY_H_
#define DIVERGE_ANALYZER_DIVERGENCE_DETECTOR_REGISTRY_H_

#include <string>
#include <utility>
#include <vector>

#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

struct PairDetector {
  report::DivergenceKind kind;
  std::vector<Finding> (*detect)(const Side& a, const Side& b, const DetectorContext& ctx,
                                 const DetectOptions& options);
};

// One claim as claim detectors see it.
struct ClaimInput {
  const report::ClaimCluster& cluster;
  // (statement id, side) of each member, older publications first (detect.cc).
  const std::vector<std::pair<std::string, Side>>& sides;
  // The documents of the claim's story (every document when the report has no stories).
  const std::vector<StoryDocument>& story_documents;
};

struct ClaimDetector {
  report::DivergenceKind kind;
  std::vector<report::Divergence> (*detect)(const ClaimInput& claim, const DetectOptions& options);
};

const std::vector<PairDetector>& PairDetectors();
const std::vector<ClaimDetector>& ClaimDetectors();

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_DETECTOR_REGISTRY_H_
