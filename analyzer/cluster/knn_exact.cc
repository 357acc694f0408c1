// Exact kNN by blocked GEMM: S = Q * D^T for query blocks Q (kQueryBlock rows) against
// database blocks D (kDbBlock rows). Each query keeps the best `width` = k + kMargin
// candidates by GEMM score; FinalizeRow then rescores them with ExactDot and keeps k. The
// margin absorbs last-bit differences of GEMM scores between block positions, so the final
// graph does not depend on row order (barring > kMargin near-exact ties at the k-th place).
#include <algorithm>
#include <cstring>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::knn_internal {
namespace {

constexpr int64_t kQueryBlock = 512;
constexpr int64_t kDbBlock = 4096;
constexpr int kMargin = 8;

struct Cand {
  float score;
  int32_t id;
};

// A bounded list of the best candidates of one query, sorted best first.
class TopList {
 public:
  TopList(Cand* slots, int width) : slots_(slots), width_(width) {}
  float worst() const {
    return size_ < width_ ? -std::numeric_limits<float>::infinity() : slots_[size_ - 1].score;
  }
  bool full() const { return size_ == width_; }
  // Inserts unless worse than the current worst of a full list (ties: smaller key wins).
  void Offer(float score, int32_t id, std::span<const uint64_t> keys) {
    auto better = [&](const Cand& a, float s, int32_t i) {
      if (a.score != s) return a.score > s;
      return KeyOf(keys, a.id) < KeyOf(keys, i);
    };
    if (full() && better(slots_[size_ - 1], score, id)) return;
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

}  // namespace

Result<KnnGraph> BuildExact(const RowMatrixXf& x, const KnnOptions& options) {
  const int64_t n = x.rows();
  const int width = static_cast<int>(std::min<int64_t>(options.k + kMargin, n - 1));
  KnnGraph graph;
  graph.n = static_cast<int32_t>(n);
  graph.k = options.k;
  graph.nbrs.assign(static_cast<size_t>(n) * options.k, Neighbor{});
  const int64_t blocks = (n + kQueryBlock - 1) / kQueryBlock;
  ParallelFor(options.threads, blocks, [&](int64_t b) {
    const int64_t q0 = b * kQueryBlock;
    const int64_t qn = std::min(kQueryBlock, n - q0);
    std::vector<Cand> slots(static_cast<size_t>(qn) * width);
    std::vector<TopList> lists;
    lists.reserve(qn);
    for (int64_t r = 0; r < qn; ++r) lists.emplace_back(slots.data() + r * width, width);
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> s(qn, kDbBlock);
    for (int64_t d0 = 0; d0 < n; d0 += kDbBlock) {
      const int64_t dn = std::min(kDbBlock, n - d0);
      auto sb = s.topLeftCorner(qn, dn);
      sb.noalias() = x.middleRows(q0, qn) * x.middleRows(d0, dn).transpose();
      for (int64_t r = 0; r < qn; ++r) {
        TopList& list = lists[r];
        const float* srow = s.row(r).data();
        const int32_t self = static_cast<int32_t>(q0 + r);
        float worst = list.worst();
        for (int64_t c = 0; c < dn; ++c) {
          if (srow[c] < worst) continue;
          const int32_t id = static_cast<int32_t>(d0 + c);
          if (id == self) continue;
          list.Offer(srow[c], id, options.row_keys);
          worst = list.worst();
        }
      }
    }
    std::vector<int32_t> cand;
    for (int64_t r = 0; r < qn; ++r) {
      cand.clear();
      for (int i = 0; i < lists[r].size(); ++i) cand.push_back(slots[r * width + i].id);
      FinalizeRow(x, options.row_keys, static_cast<int32_t>(q0 + r), cand, graph);
    }
  });
  return graph;
}

}  // namespace diverge::knn_internal
