// Internal helpers shared by the exact and HNSW kNN builders. Not a public header.
#ifndef DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_
#define DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/cluster/knn_graph.h"

namespace diverge::knn_internal {

// Stable key of row i: row_keys[i], or i when row_keys is empty.
inline uint64_t KeyOf(std::span<const uint64_t> keys, int32_t i) {
  return keys.empty() ? static_cast<uint64_t>(i) : keys[i];
}

// Runs fn(task) for task in [0, tasks) on `threads` threads (tasks taken in order from an
// atomic counter). Results must not depend on which thread runs a task.
void ParallelFor(int threads, int64_t tasks, const std::function<void(int64_t)>& fn);

// Writes row `row` of `graph` from candidate ids: drops self, -1 and duplicates,
// recomputes each similarity with ExactDot, sorts by (sim desc, key asc), keeps k.
void FinalizeRow(const RowMatrixXf& x, std::span<const uint64_t> keys, int32_t row,
                 std::vector<int32_t>& candidates, KnnGraph& graph);

// Candidates per row, `width` per row (-1 = none), then FinalizeRow for every row.
Result<KnnGraph> BuildExact(const RowMatrixXf& x, const KnnOptions& options);
Result<KnnGraph> BuildHnsw(const RowMatrixXf& x, const KnnOptions& options);

}  // namespace diverge::knn_internal

#endif  // DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_
