#include "analyzer/cluster/knn_graph.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <string>
#include <thread>

#include "analyzer/cluster/knn_internal.h"

namespace diverge {

namespace knn_internal {

void ParallelFor(int threads, int64_t tasks, const std::function<void(int64_t)>& fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::min<int64_t>(tasks, 64))));
  if (threads <= 1) {
    for (int64_t t = 0; t < tasks; ++t) fn(t);
    return;
  }
  std::atomic<int64_t> next{0};
  auto worker = [&] {
    for (int64_t t = next++; t < tasks; t = next++) fn(t);
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

void FinalizeRow(const RowMatrixXf& x, std::span<const uint64_t> keys, int32_t row,
                 std::vector<int32_t>& candidates, KnnGraph& graph) {
  const int dim = static_cast<int>(x.cols());
  const float* q = x.row(row).data();
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<Neighbor> scored;
  scored.reserve(candidates.size());
  for (int32_t c : candidates) {
    if (c < 0 || c == row) continue;
    scored.push_back({c, ExactDot(q, x.row(c).data(), dim)});
  }
  auto better = [&](const Neighbor& a, const Neighbor& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    return KeyOf(keys, a.id) < KeyOf(keys, b.id);
  };
  const size_t keep = std::min<size_t>(scored.size(), graph.k);
  std::partial_sort(scored.begin(), scored.begin() + keep, scored.end(), better);
  Neighbor* out = graph.nbrs.data() + static_cast<size_t>(row) * graph.k;
  for (size_t i = 0; i < static_cast<size_t>(graph.k); ++i)
    out[i] = i < keep ? scored[i] : Neighbor{};
}

std::vector<int32_t> RowsInKeyOrder(int64_t n, std::span<const uint64_t> keys) {
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (!keys.empty()) {
    std::sort(order.begin(), order.end(),
              [&](int32_t a, int32_t b) { return keys[a] != keys[b] ? keys[a] < keys[b] : a < b; });
  }
  return order;
}

}  // namespace knn_internal

Result<KnnGraph> BuildKnnGraph(const RowMatrixXf& unit_rows, const KnnOptions& options) {
  if (options.k < 1) {
    return Status::InvalidArgument("knn: k must be >= 1, got " + std::to_string(options.k));
  }
  const int64_t n = unit_rows.rows();
  if (n > std::numeric_limits<int32_t>::max()) {
    return Status::InvalidArgument("knn: too many rows (" + std::to_string(n) + ")");
  }
  if (!options.row_keys.empty() && static_cast<int64_t>(options.row_keys.size()) != n) {
    return Status::InvalidArgument("knn: row_keys has " + std::to_string(options.row_keys.size()) +
                                   " entries for " + std::to_string(n) + " rows");
  }
  if (n > 0 && !unit_rows.allFinite()) {
    return Status::InvalidArgument("knn: the vectors contain NaN or infinite values");
  }
  const bool exact =
      options.method == KnnMethod::kExact ||
      (options.method == KnnMethod::kAuto && static_cast<size_t>(n) <= options.exact_limit);
  if (n <= 1) {
    KnnGraph g;
    g.n = static_cast<int32_t>(n);
    g.k = options.k;
    g.nbrs.assign(static_cast<size_t>(n) * options.k, Neighbor{});
    return g;
  }
  if (exact) return knn_internal::BuildExact(unit_rows, options);
  if (options.method == KnnMethod::kHnsw) return knn_internal::BuildHnsw(unit_rows, options);
  return knn_internal::BuildIvf(unit_rows, options);
}

}  // namespace diverge
