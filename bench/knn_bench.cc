// kNN graph construction speed (items = rows). Synthetic paraphrase-group vectors, d=100.
//   build/bench/knn_bench                                  # all
//   build/bench/knn_bench --benchmark_filter=Hnsw          # HNSW only
//   build/bench/knn_bench --benchmark_filter='Ivf/rows:1000000'   # the 1M scale run
#include <benchmark/benchmark.h>

#include <map>

#include "analyzer/cluster/knn_graph.h"
#include "bench/synthetic_rows.h"

namespace diverge::bench {
namespace {

using bench::MakeSyntheticRows;
using bench::SyntheticRows;
using bench::SyntheticSpec;

const SyntheticRows& Rows(int64_t n) {
  static std::map<int64_t, SyntheticRows> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    SyntheticSpec spec;
    spec.rows = n;
    spec.common = 1.0f;  // anisotropic, like averaged word vectors
    it = cache.emplace(n, MakeSyntheticRows(spec)).first;
  }
  return it->second;
}

void BM_KnnExact(benchmark::State& state) {
  const SyntheticRows& rows = Rows(state.range(0));
  cluster::KnnOptions opt;
  opt.method = cluster::KnnMethod::kExact;
  opt.threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(rows.x, opt);
    if (!g.ok()) state.SkipWithError(g.status().ToString().c_str());
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KnnExact)
    ->ArgNames({"rows", "threads"})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Args({50000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Args: rows, hnsw_shards (indexes built concurrently, each single-threaded), ef_construction.
void BM_KnnHnsw(benchmark::State& state) {
  const SyntheticRows& rows = Rows(state.range(0));
  cluster::KnnOptions opt;
  opt.method = cluster::KnnMethod::kHnsw;
  opt.hnsw_shards = static_cast<int>(state.range(1));
  opt.hnsw_ef_construction = static_cast<int>(state.range(2));
  for (auto _ : state) {
    Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(rows.x, opt);
    if (!g.ok()) state.SkipWithError(g.status().ToString().c_str());
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KnnHnsw)
    ->ArgNames({"rows", "shards", "ef_c"})
    ->Args({100000, 2, 200})
    ->Args({100000, 2, 64})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Args: rows, ivf_probes (0 lists = automatic).
void BM_KnnIvf(benchmark::State& state) {
  const SyntheticRows& rows = Rows(state.range(0));
  cluster::KnnOptions opt;
  opt.method = cluster::KnnMethod::kIvf;
  opt.ivf_probes = static_cast<int>(state.range(1));
  for (auto _ : state) {
    Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(rows.x, opt);
    if (!g.ok()) state.SkipWithError(g.status().ToString().c_str());
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KnnIvf)
    ->ArgNames({"rows", "probes"})
    ->Args({100000, 12})
    ->Args({1000000, 12})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace diverge::bench
