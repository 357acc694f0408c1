// Quality figures of the macro benchmark: pairwise clustering F1 against the planted
// groups, kNN recall@k against brute force on sampled queries, and recall of the
// injected divergences.
#ifndef DIVERGE_BENCH_MACRO_MACRO_SCORES_H_
#define DIVERGE_BENCH_MACRO_MACRO_SCORES_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "analyzer/cluster/knn_graph.h"
#include "analyzer/report/report.h"
#include "bench/macro/synthetic_corpus.h"

namespace diverge::bench {

struct PairCounts {
  int64_t true_pairs = 0;       // same planted group
  int64_t predicted_pairs = 0;  // same predicted cluster
  int64_t both = 0;
  nlohmann::json ToJson() const;  // {"precision", "recall", "f1", and the counts}
};

// Rows absent from every cluster are singletons. group[i] is row i's planted group.
PairCounts PairwiseAgreement(const std::vector<std::vector<int32_t>>& clusters,
                             const std::vector<int64_t>& group);

// Mean over `queries` rows (evenly spaced) of |graph row ∩ exact top-k| / k, where a graph
// neighbour counts when its exact similarity reaches the k-th best exact similarity (so
// ties are not penalised). Brute force with Eigen GEMM in row blocks.
double KnnRecallAtK(const RowMatrixXf& x, const cluster::KnnGraph& graph, int queries);

// Injected divergences for which a divergence of the same kind links the changed row and
// another row of the same planted group. Statement ids are "s-<row>".
//  * `detected`: every divergence detection found (no max_flags cap): recall is counted
//    against it, as the cap is a reading aid of the report, not a detection failure;
//  * `reported`: the report's (capped) list, or null when it is `detected` (no cap):
//    "found_in_report" counts against it, so the cap's effect stays visible.
//  * `matched`: per row, whether the report has its statement (empty: all rows).
// Each injected divergence gets one outcome: "unmatched" (its changed row or all its group's
// other rows have no statement), "not_clustered" (its changed row shares no cluster with
// a row of its group: detection cannot see the pair), "found", "other_kind" (flagged
// with another kind only), "missed" (clustered, not flagged).
// {"injected", "clustered", "found", "found_in_report", "recall", "recall_if_clustered",
//  "clustered_rate" (clustered / injected), "control_clustered_rate" (the same for the
//  matched rows of planted groups without an injected divergence: what clustering gives
//  unchanged paraphrases), "outcomes": {outcome: n}, "by_kind": {kind: {"injected",
//  "clustered", "found", "found_in_report", "recall", "outcomes"}}, "flagged_total"}. `cases`, when
//  given,
// receives one object per injected divergence: {"kind", "outcome", "with_base" (the
// changed row shares a cluster with its base), "base", "changed", "flagged_kinds"} (the
// texts and the kinds flagged between the changed row and its group).
nlohmann::json DivergenceRecall(const SyntheticCorpus& corpus,
                                const std::vector<std::vector<int32_t>>& clusters,
                                const std::vector<report::Divergence>& detected,
                                const std::vector<report::Divergence>* reported = nullptr,
                                const std::vector<bool>& matched = {},
                                std::vector<nlohmann::json>* cases = nullptr);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_MACRO_SCORES_H_
