#include "analyzer/divergence/detector_registry.h"

#include "analyzer/divergence/antonym_detector.h"
#include "analyzer/divergence/attribution_detector.h"
#include "analyzer/divergence/date_detector.h"
#include "analyzer/divergence/framing_detector.h"
#include "analyzer/divergence/negation_detector.h"
#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/divergence/omission_detector.h"
#include "analyzer/divergence/set_detector.h"

namespace diverge::divergence {

// One row per detector: its kind and how it reads its options.
const std::vector<PairDetector>& PairDetectors() {
  static const std::vector<PairDetector> detectors = {
      {report::DivergenceKind::kNumeric,
       [](const Side& a, const Side& b, const DetectorContext& ctx, const DetectOptions& o) {
         return DetectNumeric(a, b, ctx, o.numeric_overlap);
       }},
      {report::DivergenceKind::kDate, [](const Side& a, const Side& b, const DetectorContext& ctx,
                                         const DetectOptions&) { return DetectDate(a, b, ctx); }},
      {report::DivergenceKind::kSet, [](const Side& a, const Side& b, const DetectorContext& ctx,
                                        const DetectOptions&) { return DetectSet(a, b, ctx); }},
      {report::DivergenceKind::kNegation,
       [](const Side& a, const Side& b, const DetectorContext& ctx, const DetectOptions& o) {
         return DetectNegation(a, b, ctx, o.align_overlap);
       }},
      {report::DivergenceKind::kAntonym,
       [](const Side& a, const Side& b, const DetectorContext& ctx, const DetectOptions& o) {
         return DetectAntonym(a, b, ctx, o.antonym_overlap);
       }},
      {report::DivergenceKind::kAttribution,
       [](const Side& a, const Side& b, const DetectorContext& ctx, const DetectOptions& o) {
         return DetectAttribution(a, b, ctx, o.align_overlap);
       }},
      {report::DivergenceKind::kFraming,
       [](const Side& a, const Side& b, const DetectorContext& ctx, const DetectOptions& o) {
         return DetectFraming(a, b, ctx, o.framing_overlap);
       }},
  };
  return detectors;
}

const std::vector<ClaimDetector>& ClaimDetectors() {
  static const std::vector<ClaimDetector> detectors = {
      {report::DivergenceKind::kOmission, DetectClaimOmissions},
  };
  return detectors;
}

}  // namespace diverge::divergence
