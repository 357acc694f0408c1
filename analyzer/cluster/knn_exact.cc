// Exact kNN by blocked GEMM: S = Q * D^T for query blocks Q (kQueryBlock rows) against
// database blocks D (kDbBlock rows). Each query keeps the best `width` = k + kMargin
// candidates by GEMM score; FinalizeRow then rescores them with ExactDot and keeps k. The
// margin absorbs last-bit differences of GEMM scores between block positions, so the final
// graph does not depend on row order (barring > kMargin near-exact ties at the k-th place).
#include <algorithm>
#include <cstring>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster::knn_internal {
namespace {

constexpr int64_t kQueryBlock = 128;  // 128 x 1024 scores = 512 KB, stays in L2
constexpr int64_t kDbBlock = 1024;
constexpr int kMargin = 8;

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
    std::vector<float> s(static_cast<size_t>(qn) * kDbBlock);
    for (int64_t d0 = 0; d0 < n; d0 += kDbBlock) {
      const int64_t dn = std::min(kDbBlock, n - d0);
      DotBlock(x.row(q0).data(), qn, x.row(d0).data(), dn, static_cast<int>(x.cols()), s.data());
      for (int64_t r = 0; r < qn; ++r) {
        TopList& list = lists[r];
        const float* srow = s.data() + r * dn;
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

}  // namespace diverge::cluster::knn_internal
