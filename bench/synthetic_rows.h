// Synthetic "paraphrase groups" of unit vectors for tests and benchmarks: noisy copies of
// random centres spread over documents, plus unrelated rows. Benchmark data (knn_bench,
// cluster_bench), not part of any runtime library. Deterministic for a given seed.
#ifndef DIVERGE_BENCH_SYNTHETIC_ROWS_H_
#define DIVERGE_BENCH_SYNTHETIC_ROWS_H_

#include <cstdint>
#include <vector>

#include "analyzer/base/row_matrix.h"

namespace diverge::bench {

struct SyntheticSpec {
  int64_t rows = 10000;
  int dim = 100;
  double grouped_fraction = 0.5;  // share of rows that are copies of a group centre
  int max_group_size = 8;         // groups hold 2..max_group_size copies
  float noise = 0.35f;            // per-coordinate noise = noise / sqrt(dim) (cos ~0.89)
  float common = 0.0f;            // weight of one direction shared by all rows (anisotropy)
  int documents = 1000;           // copies of a group go to distinct documents
  uint64_t seed = 1;
};

struct SyntheticRows {
  RowMatrixXf x;               // unit rows
  std::vector<int32_t> doc;    // document of each row
  std::vector<int32_t> group;  // planted group of each row, -1 for unrelated rows
};

SyntheticRows MakeSyntheticRows(const SyntheticSpec& spec);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_SYNTHETIC_ROWS_H_
