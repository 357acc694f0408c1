// Groups statements that make the same claim across documents.
//
//   KnnGraph g = *BuildKnnGraph(unit_rows, knn_opt);
//   ClusterOptions opt;  opt.row_keys = keys;
//   auto clusters = ClusterClaims(g, doc_of_row, opt, CosinePairScore(unit_rows));
//
// Algorithm (deterministic, independent of row order when row_keys are given):
//  1. Candidate edges: kNN edges (i, j) between eligible rows that are mutual (j in N(i) and i in N(j)) when
//     `mutual`, plus the caller's extra_candidates (pairs of eligible rows the kNN graph
//     may miss), scored with pair_score(i, j) (or the kNN cosine when pair_score is empty)
//     and kept when score >= threshold.
//  2. Connected components of that graph (Boost.Graph connected_components). Single-link
//     components can chain (A~B, B~C, A !~ C), so each one is refined:
//  3. Average-linkage agglomeration inside each component: start from singletons, repeatedly
//     merge the two clusters with the highest mean pairwise score (ties: smaller row key)
//     while that mean is >= average_link_min. Components of up to dense_component_limit
//     rows score every pair with pair_score; larger ones use only the kNN edges and extra
//     candidates inside the component and count unknown pairs as 0 (conservative: splits
//     rather than chains), so the scoring work per component is linear in its size.
//     A pair already scored in step 1 is not scored again (its score is kept, sorted by
//     pair: 12 bytes per candidate edge), so the learned score runs once per candidate.
//     Chaining case: A~B and B~C above threshold, A.C low: the stronger pair merges first
//     (ties: smaller keys), and the third joins only if its mean score to both is >=
//     average_link_min; otherwise it stays out (unclustered or in another cluster).
//  4. A cluster is kept when it has >= 2 rows from >= min_documents distinct documents.
//     Rows of one document may repeat a claim inside a cluster, but a cluster whose rows all
//     come from one document is dropped. Dropped and unmatched rows stay unclustered.
#ifndef DIVERGE_ANALYZER_CLUSTER_CLAIM_CLUSTERING_H_
#define DIVERGE_ANALYZER_CLUSTER_CLAIM_CLUSTERING_H_

#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "analyzer/cluster/average_linkage.h"
#include "analyzer/cluster/knn_graph.h"

namespace diverge::cluster {

// Similarity of rows (i, j); symmetric, higher = more similar, same scale as thresholds.
// ClusterClaims calls it from `threads` threads at once: it must be thread-safe.
using PairScore = std::function<float(int32_t, int32_t)>;

struct ClusterOptions {
  float threshold = 0.80f;              // minimum score of a candidate edge
  bool mutual = true;                   // require mutual kNN edges
  float average_link_min = 0.75f;       // minimum mean score between merged clusters
  int min_documents = 2;                // distinct documents a cluster must span
  size_t dense_component_limit = 1024;  // components scored on all pairs up to this size
  int threads = 2;
  std::span<const uint64_t> row_keys;  // as KnnOptions::row_keys; empty = row index
  // Rows that may join a cluster (1) or not (0: e.g. a dateline with no claim words); such
  // rows get no candidate edge. Empty = every row.
  std::span<const char> eligible;
  // Candidate pairs besides the kNN edges (any order, each pair once), e.g. statements
  // sharing a rare name. Not subject to `mutual`.
  std::span<const std::pair<int32_t, int32_t>> extra_candidates;
  // When set, receives every pair score step 1 computed (a < b), sorted by (a, b), each
  // pair once (empty without a pair_score): for callers that score more pairs later.
  std::vector<ScoredPair>* scored_out = nullptr;
};

// Returns clusters as sorted row lists, ordered by their smallest row. doc_of_row[i] is the
// document index of row i (size == graph.n). Rows in no cluster are simply absent.
std::vector<std::vector<int32_t>> ClusterClaims(const KnnGraph& graph,
                                                const std::vector<int32_t>& doc_of_row,
                                                const ClusterOptions& options,
                                                const PairScore& pair_score = {});

// pair_score with the pairs of `sorted` (ScoredPair order, each pair once) looked up
// instead of computed; it calls `fallback` with the smaller key first, as ClusterClaims
// does. `sorted`, `row_keys` and `fallback` must outlive the function.
PairScore CachedPairScore(std::span<const ScoredPair> sorted, std::span<const uint64_t> row_keys,
                          const PairScore& fallback);

// Exact cosine of two rows of `unit_rows` (ExactDot); the matrix must outlive the function.
PairScore CosinePairScore(const RowMatrixXf& unit_rows);

// The most central member of a cluster: the row with the highest mean score to the other
// members (ties: smallest key, or smallest row when row_keys is empty). O(m^2) calls of
// `score`. Returns -1 for an empty cluster.
int32_t MostCentralMember(std::span<const int32_t> members, const PairScore& score,
                          std::span<const uint64_t> row_keys = {});

}  // namespace diverge::cluster

#endif  // DIVERGE_ANALYZER_CLUSTER_CLAIM_CLUSTERING_H_
