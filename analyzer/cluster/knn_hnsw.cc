// Approximate kNN with hnswlib (inner-product distance 1 - dot on unit vectors).
//
// Determinism with parallelism: hnswlib builds an index deterministically only when points
// are inserted one at a time in a fixed order. So the rows are split into `hnsw_shards`
// shards (row i of the key-sorted order goes to shard i % shards); each shard index is built
// single-threaded, in key order, with the fixed seed, and shards are built concurrently.
// Every row is then searched in every shard (k+1 results each, read-only and parallel), its
// candidates merged and rescored by FinalizeRow. The graph depends on the set of
// (key, vector) pairs and on hnsw_shards, never on row order or thread count.
//
// hnswlib.h defines non-inline functions: include it in this file only.
#include <hnswlib/hnswlib.h>
#include <immintrin.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster::knn_internal {
namespace {

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2,fma"))) float DotAvx2(const float* a, const float* b, size_t d) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  size_t i = 0;
  for (; i + 16 <= d; i += 16) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
  }
  for (; i + 8 <= d; i += 8) {
    acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
  }
  acc0 = _mm256_add_ps(acc0, acc1);
  __m128 h = _mm_add_ps(_mm256_castps256_ps128(acc0), _mm256_extractf128_ps(acc0, 1));
  h = _mm_add_ps(h, _mm_movehl_ps(h, h));
  h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
  float s = _mm_cvtss_f32(h);
  for (; i < d; ++i) s += a[i] * b[i];
  return s;
}
bool HasAvx2() { return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"); }
#else
float DotScalar(const float* a, const float* b, size_t d) {
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t i = 0;
  for (; i + 4 <= d; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < d; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

float DotAvx2(const float* a, const float* b, size_t d) { return DotScalar(a, b, d); }
bool HasAvx2() { return false; }
#endif

float DistanceAvx2(const void* a, const void* b, const void* dim) {
  return 1.f - DotAvx2(static_cast<const float*>(a), static_cast<const float*>(b),
                       *static_cast<const size_t*>(dim));
}

// Inner-product space whose distance uses AVX2/FMA when the CPU has it (chosen at run time,
// so the build stays portable) and hnswlib's SSE code otherwise.
class DotSpace : public hnswlib::SpaceInterface<float> {
 public:
  explicit DotSpace(size_t dim) : fallback_(dim), dim_(dim) {}
  size_t get_data_size() override { return dim_ * sizeof(float); }
  hnswlib::DISTFUNC<float> get_dist_func() override {
    return HasAvx2() ? DistanceAvx2 : fallback_.get_dist_func();
  }
  void* get_dist_func_param() override { return &dim_; }

 private:
  hnswlib::InnerProductSpace fallback_;
  size_t dim_;
};

using Index = hnswlib::HierarchicalNSW<float>;

}  // namespace

Result<KnnGraph> BuildHnsw(const RowMatrixXf& x, const KnnOptions& options) {
  const int64_t n = x.rows();
  const auto& keys = options.row_keys;
  std::vector<int32_t> order = RowsInKeyOrder(n, keys);
  const int shards = static_cast<int>(std::clamp<int64_t>(options.hnsw_shards, 1, n));
  KnnGraph graph;
  graph.n = static_cast<int32_t>(n);
  graph.k = options.k;
  graph.nbrs.assign(static_cast<size_t>(n) * options.k, Neighbor{});
  std::exception_ptr error;
  std::mutex error_mu;
  auto guarded = [&](auto&& body) {
    try {
      body();
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mu);
      if (!error) error = std::current_exception();
    }
  };
  try {
    DotSpace space(static_cast<size_t>(x.cols()));
    std::vector<std::unique_ptr<Index>> index(shards);
    ParallelFor(options.threads, shards, [&](int64_t s) {
      guarded([&] {
        const size_t size = static_cast<size_t>((n - s + shards - 1) / shards);
        index[s] =
            std::make_unique<Index>(&space, size, static_cast<size_t>(std::max(2, options.hnsw_m)),
                                    static_cast<size_t>(std::max(1, options.hnsw_ef_construction)),
                                    static_cast<size_t>(options.seed));
        for (int64_t i = s; i < n; i += shards) {
          index[s]->addPoint(x.row(order[i]).data(), static_cast<size_t>(order[i]));
        }
        index[s]->setEf(static_cast<size_t>(std::max(options.hnsw_ef_search, options.k + 1)));
      });
    });
    if (error) std::rethrow_exception(error);
    constexpr int64_t kQueryChunk = 1024;
    ParallelFor(options.threads, (n + kQueryChunk - 1) / kQueryChunk, [&](int64_t c) {
      guarded([&] {
        std::vector<int32_t> cand;
        const int64_t end = std::min(n, (c + 1) * kQueryChunk);
        for (int64_t r = c * kQueryChunk; r < end; ++r) {
          cand.clear();
          for (const auto& shard : index) {
            auto result = shard->searchKnn(x.row(r).data(), static_cast<size_t>(options.k + 1));
            while (!result.empty()) {
              cand.push_back(static_cast<int32_t>(result.top().second));
              result.pop();
            }
          }
          FinalizeRow(x, keys, static_cast<int32_t>(r), cand, graph);
        }
      });
    });
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("knn: hnswlib failed: ") + e.what());
  }
  return graph;
}

}  // namespace diverge::cluster::knn_internal
