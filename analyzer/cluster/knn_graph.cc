#include "analyzer/cluster/knn_graph.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string>
#include <thread>
#include <unordered_map>

#include "analyzer/base/stable_hash.h"

#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster {

namespace knn_internal {

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

namespace {

// Rows with bitwise-identical vectors: copies of one sentence, or the zero vector of every
// row without a known word ("A b. A b. ..." gives 400,000 of them). An approximate index
// puts all copies in one cell that every copy probes, which makes the search quadratic in
// the number of copies; so copies are indexed once. Returns, per distinct vector, its rows
// sorted by key (the first is the group's representative), in order of first row.
std::vector<std::vector<int32_t>> IdenticalRows(const RowMatrixXf& x,
                                                std::span<const uint64_t> keys) {
  const int64_t n = x.rows();
  const size_t bytes = static_cast<size_t>(x.cols()) * sizeof(float);
  std::vector<std::vector<int32_t>> groups;
  std::unordered_multimap<uint64_t, int32_t> group_of_hash;  // hash -> group index
  group_of_hash.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    const char* row = reinterpret_cast<const char*>(x.row(i).data());
    const uint64_t h = StableHash(std::string_view(row, bytes));
    int32_t found = -1;
    for (auto [it, end] = group_of_hash.equal_range(h); it != end; ++it) {
      const char* other = reinterpret_cast<const char*>(x.row(groups[it->second][0]).data());
      if (std::memcmp(row, other, bytes) == 0) {
        found = it->second;
        break;
      }
    }
    if (found < 0) {
      found = static_cast<int32_t>(groups.size());
      groups.emplace_back();
      group_of_hash.emplace(h, found);
    }
    groups[found].push_back(static_cast<int32_t>(i));
  }
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [&](int32_t a, int32_t b) {
      const uint64_t ka = knn_internal::KeyOf(keys, a), kb = knn_internal::KeyOf(keys, b);
      return ka != kb ? ka < kb : a < b;
    });
  }
  return groups;
}

// The approximate graph over distinct vectors only (IdenticalRows), expanded to every row:
// a row's candidates are the first k + 1 rows (by key) of its own group and of each group
// its representative's neighbours belong to, rescored and ranked by FinalizeRow. Ties
// among copies are broken by key, as the exact graph breaks them.
Result<KnnGraph> BuildOverDistinct(const RowMatrixXf& x, const KnnOptions& options,
                                   const std::vector<std::vector<int32_t>>& groups) {
  const int64_t n = x.rows();
  const int64_t m = static_cast<int64_t>(groups.size());
  RowMatrixXf reps(m, x.cols());
  std::vector<uint64_t> rep_keys(static_cast<size_t>(m));
  std::vector<int32_t> group_of_row(static_cast<size_t>(n));
  for (int64_t g = 0; g < m; ++g) {
    reps.row(g) = x.row(groups[g][0]);
    rep_keys[g] = knn_internal::KeyOf(options.row_keys, groups[g][0]);
    for (int32_t r : groups[g]) group_of_row[r] = static_cast<int32_t>(g);
  }
  KnnOptions sub = options;
  sub.row_keys = rep_keys;
  if (sub.method == KnnMethod::kAuto && static_cast<size_t>(m) <= sub.exact_limit) {
    sub.method = KnnMethod::kExact;
  }
  Result<KnnGraph> reduced = BuildKnnGraph(reps, sub);
  if (!reduced.ok()) return reduced.status();
  KnnGraph graph;
  graph.n = static_cast<int32_t>(n);
  graph.k = options.k;
  graph.nbrs.assign(static_cast<size_t>(n) * options.k, Neighbor{});
  const size_t first = static_cast<size_t>(options.k) + 1;
  constexpr int64_t kRows = 4096;
  knn_internal::ParallelFor(options.threads, (n + kRows - 1) / kRows, [&](int64_t b) {
    std::vector<int32_t> ids;
    for (int64_t row = b * kRows; row < std::min(n, (b + 1) * kRows); ++row) {
      const int32_t g = group_of_row[row];
      ids.clear();
      auto add = [&](int32_t group) {
        const auto& rows = groups[group];
        ids.insert(ids.end(), rows.begin(), rows.begin() + std::min(first, rows.size()));
      };
      add(g);
      for (const Neighbor& nb : reduced->row(g)) {
        if (nb.id >= 0) add(nb.id);
      }
      knn_internal::FinalizeRow(x, options.row_keys, static_cast<int32_t>(row), ids, graph);
    }
  });
  return graph;
}

}  // namespace

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
  // Approximate methods: copies of one vector are indexed once (IdenticalRows). Without
  // copies the graph is the method's own, unchanged.
  const std::vector<std::vector<int32_t>> groups = IdenticalRows(unit_rows, options.row_keys);
  if (static_cast<int64_t>(groups.size()) < n) {
    return BuildOverDistinct(unit_rows, options, groups);
  }
  if (options.method == KnnMethod::kHnsw) return knn_internal::BuildHnsw(unit_rows, options);
  return knn_internal::BuildIvf(unit_rows, options);
}

}  // namespace diverge::cluster
