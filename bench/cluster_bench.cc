// Claim clustering speed (items = rows) on synthetic paraphrase groups, d=100: half of the
// rows are 2..8 noisy copies of a centre spread over documents, half unrelated.
//   build/bench/cluster_bench --benchmark_filter=ClusterClaims
//   /usr/bin/time -v build/bench/cluster_bench --benchmark_filter=Pipeline/rows:1000000
// Counters: cpu_s = process CPU seconds of the timed part (both threads), clusters.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <map>

#include "analyzer/cluster/claim_clustering.h"
#include "analyzer/cluster/knn_graph.h"
#include "bench/synthetic_rows.h"

namespace diverge::bench {
namespace {

using bench::MakeSyntheticRows;
using bench::SyntheticRows;
using bench::SyntheticSpec;

double ProcessCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + 1e-6 * (u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

SyntheticRows MakeRows(int64_t n) {
  SyntheticSpec spec;
  spec.rows = n;
  spec.common = 1.0f;  // anisotropic, like averaged word vectors
  return MakeSyntheticRows(spec);
}

// Clustering alone, on a prebuilt kNN graph, scoring pairs with the exact cosine.
void BM_ClusterClaims(benchmark::State& state) {
  const SyntheticRows rows = MakeRows(state.range(0));
  cluster::KnnOptions kopt;
  Result<cluster::KnnGraph> graph = cluster::BuildKnnGraph(rows.x, kopt);
  if (!graph.ok()) {
    state.SkipWithError(graph.status().ToString().c_str());
    return;
  }
  const cluster::PairScore score = cluster::CosinePairScore(rows.x);
  size_t clusters = 0;
  const double cpu0 = ProcessCpuSeconds();
  for (auto _ : state) {
    auto c = cluster::ClusterClaims(*graph, rows.doc, cluster::ClusterOptions{}, score);
    clusters = c.size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["cpu_s"] = (ProcessCpuSeconds() - cpu0) / state.iterations();
  state.counters["clusters"] = static_cast<double>(clusters);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ClusterClaims)
    ->ArgName("rows")
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

// kNN graph (kAuto: exact up to 50k rows, HNSW above) + clustering, as `analyze` runs them.
void BM_Pipeline(benchmark::State& state) {
  const SyntheticRows rows = MakeRows(state.range(0));
  size_t clusters = 0;
  const double cpu0 = ProcessCpuSeconds();
  for (auto _ : state) {
    Result<cluster::KnnGraph> graph = cluster::BuildKnnGraph(rows.x, cluster::KnnOptions{});
    if (!graph.ok()) {
      state.SkipWithError(graph.status().ToString().c_str());
      return;
    }
    auto c = cluster::ClusterClaims(*graph, rows.doc, cluster::ClusterOptions{},
                                    cluster::CosinePairScore(rows.x));
    clusters = c.size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["cpu_s"] = (ProcessCpuSeconds() - cpu0) / state.iterations();
  state.counters["clusters"] = static_cast<double>(clusters);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Pipeline)
    ->ArgName("rows")
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace diverge::bench
