// Approximate kNN with hnswlib (inner-product space on unit vectors). Rows are inserted in
// (key asc) order; with hnsw_build_threads == 1 the index, and so the graph, depends only
// on the set of (key, vector) pairs. Queries run on `threads` threads (searches are
// read-only); each row asks for k+1 results, drops itself, and FinalizeRow rescores.
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::knn_internal {

Result<KnnGraph> BuildHnsw(const RowMatrixXf& x, const KnnOptions& options) {
  const int64_t n = x.rows();
  const auto& keys = options.row_keys;
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (!keys.empty()) {
    std::sort(order.begin(), order.end(),
              [&](int32_t a, int32_t b) { return keys[a] != keys[b] ? keys[a] < keys[b] : a < b; });
  }
  KnnGraph graph;
  graph.n = static_cast<int32_t>(n);
  graph.k = options.k;
  graph.nbrs.assign(static_cast<size_t>(n) * options.k, Neighbor{});
  try {
    hnswlib::InnerProductSpace space(static_cast<size_t>(x.cols()));
    auto index = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        &space, static_cast<size_t>(n), static_cast<size_t>(std::max(2, options.hnsw_m)),
        static_cast<size_t>(std::max(1, options.hnsw_ef_construction)),
        static_cast<size_t>(options.seed));
    if (options.hnsw_build_threads <= 1) {
      for (int32_t r : order) index->addPoint(x.row(r).data(), static_cast<size_t>(r));
    } else {
      // The first rows go in sequentially so the top layers are seeded deterministically.
      const int64_t head = std::min<int64_t>(n, 1000);
      for (int64_t i = 0; i < head; ++i) index->addPoint(x.row(order[i]).data(), order[i]);
      constexpr int64_t kChunk = 256;
      std::exception_ptr error;
      std::mutex error_mu;
      ParallelFor(options.hnsw_build_threads, (n - head + kChunk - 1) / kChunk, [&](int64_t c) {
        try {
          const int64_t end = std::min(n, head + (c + 1) * kChunk);
          for (int64_t i = head + c * kChunk; i < end; ++i) {
            index->addPoint(x.row(order[i]).data(), order[i]);
          }
        } catch (...) {
          std::lock_guard<std::mutex> lock(error_mu);
          error = std::current_exception();
        }
      });
      if (error) std::rethrow_exception(error);
    }
    index->setEf(static_cast<size_t>(std::max(options.hnsw_ef_search, options.k + 1)));
    constexpr int64_t kQueryChunk = 1024;
    std::exception_ptr error;
    std::mutex error_mu;
    ParallelFor(options.threads, (n + kQueryChunk - 1) / kQueryChunk, [&](int64_t c) {
      try {
        std::vector<int32_t> cand;
        const int64_t end = std::min(n, (c + 1) * kQueryChunk);
        for (int64_t r = c * kQueryChunk; r < end; ++r) {
          auto result = index->searchKnn(x.row(r).data(), static_cast<size_t>(options.k + 1));
          cand.clear();
          while (!result.empty()) {
            cand.push_back(static_cast<int32_t>(result.top().second));
            result.pop();
          }
          FinalizeRow(x, keys, static_cast<int32_t>(r), cand, graph);
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mu);
        error = std::current_exception();
      }
    });
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("knn: hnswlib failed: ") + e.what());
  }
  return graph;
}

}  // namespace diverge::knn_internal
