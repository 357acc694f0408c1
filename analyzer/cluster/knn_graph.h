// k-nearest-neighbour similarity graph over unit vectors (cosine = dot product).
//
//   KnnOptions opt;  opt.k = 10;  opt.row_keys = keys;   // keys: stable per-row ids
//   Result<KnnGraph> g = BuildKnnGraph(unit_rows, opt);
//   for (const Neighbor& nb : g->row(i)) if (nb.id >= 0) Use(nb.id, nb.sim);
//
// Methods: kExact computes all dot products with blocked GEMM (query blocks of
// 128 rows x database blocks of 1024 rows, spread over `threads` std::threads) and keeps
// a top-(k+margin) candidate list per row; kHnsw builds an hnswlib index (inner-product
// space, M / ef_construction / seed from the options) and queries every row with
// ef = max(ef_search, k+1); kIvf partitions the rows with spherical k-means and runs the
// GEMM search inside the `ivf_probes` cells nearest each row (see knn_ivf.cc). kAuto picks
// kExact up to `exact_limit` rows and kIvf above (measured faster and more accurate on
// high-similarity neighbours than HNSW at 100k-1M rows; see bench/knn_bench.cc).
// Copies: the approximate methods index each distinct vector once (rows with bitwise-
// identical vectors, e.g. one sentence repeated 400,000 times, or the zero vector of rows
// without a known word, would otherwise share one cell that all of them probe: quadratic),
// then give every copy the first k+1 rows by key of its own and of its neighbours' groups,
// rescored and ranked as below. Without copies the graph is unchanged; kAuto then picks
// kExact when the distinct vectors are at most exact_limit.
//
// Determinism and order independence: whatever the method, the final similarity of a
// pair is recomputed with ExactDot (fixed summation order, double accumulator), so it
// does not depend on where the pair sat in a GEMM block; rows are ranked by
// (sim desc, row_keys asc). HNSW indexes insert rows in row_keys order with one thread
// each (hnswlib's construction is only deterministic single-threaded), so the graph
// depends on the set of (key, vector) pairs, not on their order in the matrix. To use
// several cores deterministically, rows are split into `hnsw_shards` indexes built
// concurrently (each single-threaded) and every row is searched in all of them.
#ifndef DIVERGE_ANALYZER_CLUSTER_KNN_GRAPH_H_
#define DIVERGE_ANALYZER_CLUSTER_KNN_GRAPH_H_

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/base/row_matrix.h"

namespace diverge::cluster {

// One neighbour of a row: its row index and cosine similarity (rows are unit vectors).
struct Neighbor {
  int32_t id = -1;
  float sim = -std::numeric_limits<float>::infinity();
};

// n rows x k slots. Row i lives at nbrs[i*k, i*k+k), sorted by (sim desc, key asc); a row
// never lists itself (duplicates of it are listed, at sim ~1). When fewer than k other
// rows exist (n <= k) the tail slots are unused: {-1, -inf}.
struct KnnGraph {
  int32_t n = 0;
  int k = 0;
  std::vector<Neighbor> nbrs;

  std::span<const Neighbor> row(int32_t i) const {
    return {nbrs.data() + static_cast<size_t>(i) * k, static_cast<size_t>(k)};
  }
};

enum class KnnMethod { kAuto, kExact, kIvf, kHnsw };

struct KnnOptions {
  int k = 10;
  KnnMethod method = KnnMethod::kAuto;
  size_t exact_limit = 50000;  // kAuto: exact up to this many rows, kIvf above
  int hnsw_m = 16;
  int hnsw_ef_construction = 200;
  int hnsw_ef_search = 64;
  uint64_t seed = 42;   // HNSW level generator
  int ivf_lists = 0;    // IVF cells; 0 = sqrt(rows * ivf_probes)
  int ivf_probes = 20;  // cells searched per row (recall@10 0.96 at 100k: bench/README.md)
  int ivf_train_iterations = 4;
  int threads = 2;      // exact GEMM blocks, HNSW shard builds and queries
  int hnsw_shards = 2;  // independent HNSW indexes (see above); not tied to threads
  // Optional stable key per row (e.g. hash of the statement id), size n, distinct. Used to
  // break similarity ties and to order HNSW insertion; empty = the row index.
  std::span<const uint64_t> row_keys;
};

// Builds the kNN graph of `unit_rows` (one L2-normalised vector per row). Fails with
// InvalidArgument on k < 1, a row_keys size mismatch or non-finite values; Internal when
// the HNSW library throws.
Result<KnnGraph> BuildKnnGraph(const RowMatrixXf& unit_rows, const KnnOptions& options);

// Dot product with a fixed summation order (4 double lanes), so the value for a pair is
// bit-identical wherever it is computed and symmetric in (a, b).
float ExactDot(const float* a, const float* b, int dim);

}  // namespace diverge::cluster

#endif  // DIVERGE_ANALYZER_CLUSTER_KNN_GRAPH_H_
