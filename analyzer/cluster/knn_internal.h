// Internal helpers shared by the exact and HNSW kNN builders. Not a public header.
#ifndef DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_
#define DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "analyzer/base/parallel_for.h"
#include "analyzer/base/result.h"
#include "analyzer/cluster/knn_graph.h"

namespace diverge::cluster::knn_internal {

// Stable key of row i: row_keys[i], or i when row_keys is empty.
inline uint64_t KeyOf(std::span<const uint64_t> keys, int32_t i) {
  return keys.empty() ? static_cast<uint64_t>(i) : keys[i];
}

// A GEMM score and the row it belongs to.
struct Cand {
  float score;
  int32_t id;
};

// A bounded list of the best candidates of one query, sorted best first.
class TopList {
 public:
  TopList(Cand* slots, int width) : slots_(slots), width_(width) {}
  // Scores below worst() cannot enter (+inf for a zero-width list).
  float worst() const {
    if (width_ <= 0) return std::numeric_limits<float>::infinity();
    return size_ < width_ ? -std::numeric_limits<float>::infinity() : slots_[width_ - 1].score;
  }
  bool full() const { return size_ == width_; }
  // Inserts unless worse than the current worst of a full list (ties: smaller key wins).
  void Offer(float score, int32_t id, std::span<const uint64_t> keys) {
    auto better = [&](const Cand& a, float s, int32_t i) {
      if (a.score != s) return a.score > s;
      return KeyOf(keys, a.id) < KeyOf(keys, i);
    };
    if (width_ <= 0 || (full() && better(slots_[width_ - 1], score, id))) return;
    int pos = full() ? size_ - 1 : size_;
    while (pos > 0 && !better(slots_[pos - 1], score, id)) {
      slots_[pos] = slots_[pos - 1];
      --pos;
    }
    slots_[pos] = {score, id};
    if (!full()) ++size_;
  }
  int size() const { return size_; }

 private:
  Cand* slots_;
  int width_;
  int size_ = 0;
};

// s[i*m + j] = dot(q row i, db row j) for row-major q (qn x d) and db (m x d), s contiguous
// (qn x m). AVX2/FMA kernel when the CPU has it (the value of a pair is then independent of
// its position in the block), Eigen GEMM otherwise (may differ in the last bit by position).
void DotBlock(const float* q, int64_t qn, const float* db, int64_t m, int d, float* s);

// ParallelFor is the one in analyzer/base/parallel_for.h.
using diverge::ParallelFor;

// Writes row `row` of `graph` from candidate ids: drops self, -1 and duplicates,
// recomputes each similarity with ExactDot, sorts by (sim desc, key asc), keeps k.
void FinalizeRow(const RowMatrixXf& x, std::span<const uint64_t> keys, int32_t row,
                 std::vector<int32_t>& candidates, KnnGraph& graph);

// Row indices 0..n-1 sorted by (key, row): the insertion / processing order that makes
// the approximate indexes independent of row order. Identity order without keys.
std::vector<int32_t> RowsInKeyOrder(int64_t n, std::span<const uint64_t> keys);

Result<KnnGraph> BuildExact(const RowMatrixXf& x, const KnnOptions& options);
Result<KnnGraph> BuildHnsw(const RowMatrixXf& x, const KnnOptions& options);
Result<KnnGraph> BuildIvf(const RowMatrixXf& x, const KnnOptions& options);

}  // namespace diverge::cluster::knn_internal

#endif  // DIVERGE_ANALYZER_CLUSTER_KNN_INTERNAL_H_
