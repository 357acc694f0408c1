// How the anchored-link threshold (anchor_links.h) is chosen: on ClaimDiff train (Ko et
// al. 2022), pairs of claims from two outlets' articles on one story, labelled by whether
// claim B strengthens or weakens claim A (related) or neither. The pairs of one topic
// form a small corpus: anchors and their rarity are computed over its claims exactly as
// `analyze` computes them over a corpus's statements. For each threshold T we report the
// precision of "related" among all pairs scoring >= T and among the pairs that also share
// a rare anchor; the chosen threshold is the lowest T at which the anchored pairs reach
// the target precision (with at least min_pairs pairs). Mutual-best matching, the third
// condition of an anchored link, has no counterpart in a list of pairs and is not applied.
#ifndef DIVERGE_ANALYZER_EVALUATION_ANCHOR_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_ANCHOR_EVAL_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/cluster/anchor_links.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::evaluation {

struct ClaimDiffPair {
  std::string id, topic, a, b;
  bool related = false;
};

// Reads ClaimDiff-strength-*.json and, when weak_path is not empty, the matching
// ClaimDiff-weak-*.json (same pair ids): related = a relation in either file. Errors name
// the file and the offending entry.
Result<std::vector<ClaimDiffPair>> ReadClaimDiff(const std::string& strength_path,
                                                 const std::string& weak_path);

struct AnchorThresholdRow {
  double threshold = 0;
  int all_n = 0, all_related = 0;        // every pair scoring >= threshold
  int anchor_n = 0, anchor_related = 0;  // ... that also shares a rare anchor
};

struct AnchorCalibration {
  std::vector<AnchorThresholdRow> rows;  // thresholds 0.20 .. 0.80, step 0.01
  int pairs = 0, related = 0, anchored = 0;
  double chosen = -1;  // lowest threshold meeting the target; -1 when none does
};

AnchorCalibration CalibrateAnchors(const embeddings::SentenceEncoder& encoder,
                                   const std::vector<ClaimDiffPair>& pairs,
                                   const cluster::AnchorOptions& options, double target_precision,
                                   int min_pairs, int threads = 2);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_ANCHOR_EVAL_H_
