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

// Injected divergences for which `found` has a divergence of the same kind between the
// changed row and another row of the same planted group. Statement ids are "s-<row>".
// "clustered" counts those whose changed row shares a cluster with a row of its group
// (detection can only see those); "recall_if_clustered" = found / clustered.
// {"injected", "clustered", "found", "recall", "recall_if_clustered",
//  "by_kind": {kind: {"injected", "clustered", "found"}}, "flagged_total"}.
nlohmann::json DivergenceRecall(const SyntheticCorpus& corpus,
                                const std::vector<std::vector<int32_t>>& clusters,
                                const std::vector<report::Divergence>& found);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_MACRO_SCORES_H_
