#include "analyzer/cluster/claim_clustering.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <mutex>
#include <numeric>

#include "analyzer/cluster/average_linkage.h"
#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster {
namespace {

using knn_internal::KeyOf;

bool ListsRow(const KnnGraph& g, int32_t row, int32_t target) {
  for (const Neighbor& nb : g.row(row)) {
    if (nb.id == target) return true;
  }
  return false;
}

// Score of (i, j), calling pair_score with the smaller key first so a slightly asymmetric
// scorer still gives an order-independent result.
float Score(const PairScore& pair_score, std::span<const uint64_t> keys, int32_t i, int32_t j,
            float knn_sim) {
  if (!pair_score) return knn_sim;
  return KeyOf(keys, i) < KeyOf(keys, j) ? pair_score(i, j) : pair_score(j, i);
}

// The score of (i, j) in `sorted` (pair scores computed while building the candidate
// edges, sorted by (a, b) with a < b: the refinement looks them up instead of calling
// pair_score again; the learned score costs ~100 us a pair, and every candidate edge is
// scored at most once), or nullptr.
const float* FindScore(std::span<const ScoredPair> sorted, int32_t i, int32_t j) {
  const ScoredPair key{std::min(i, j), std::max(i, j), 0.f};
  auto it = std::lower_bound(sorted.begin(), sorted.end(), key);
  return it != sorted.end() && it->a == key.a && it->b == key.b ? &it->score : nullptr;
}

// Score(...) of (i, j) from the cache when it holds the pair.
float CachedScore(std::span<const ScoredPair> cache, const PairScore& pair_score,
                  std::span<const uint64_t> keys, int32_t i, int32_t j, float knn_sim) {
  if (!pair_score) return knn_sim;
  if (const float* s = FindScore(cache, i, j)) return *s;
  return Score(pair_score, keys, i, j, knn_sim);
}

int DistinctDocuments(std::span<const int32_t> rows, const std::vector<int32_t>& doc_of_row,
                      int stop_at) {
  std::vector<int32_t> seen;
  for (int32_t r : rows) {
    if (std::find(seen.begin(), seen.end(), doc_of_row[r]) == seen.end()) {
      seen.push_back(doc_of_row[r]);
      if (static_cast<int>(seen.size()) >= stop_at) break;
    }
  }
  return static_cast<int>(seen.size());
}

// Refines one connected component (rows sorted by key) into average-linkage clusters.
std::vector<std::vector<int32_t>> RefineComponent(
    const std::vector<int32_t>& rows, const KnnGraph& graph, const std::vector<int>& comp,
    std::vector<int32_t>& local_of, const std::vector<int32_t>& doc_of_row,
    const ClusterOptions& options, const PairScore& pair_score, std::span<const ScoredPair> cache) {
  const int32_t s = static_cast<int32_t>(rows.size());
  for (int32_t i = 0; i < s; ++i) local_of[rows[i]] = i;
  std::vector<ScoredPair> pairs;
  if (pair_score && static_cast<size_t>(s) <= options.dense_component_limit) {
    pairs.reserve(static_cast<size_t>(s) * (s - 1) / 2);
    for (int32_t a = 0; a < s; ++a) {
      for (int32_t b = a + 1; b < s; ++b) {
        pairs.push_back(
            {a, b, CachedScore(cache, pair_score, options.row_keys, rows[a], rows[b], 0.f)});
      }
    }
  } else {
    // Every kNN edge (mutual or not) and extra candidate between two rows of the
    // component, once.
    struct Edge {
      int32_t a, b;
      float knn_sim;
      bool operator<(const Edge& o) const { return a != o.a ? a < o.a : b < o.b; }
      bool operator==(const Edge& o) const { return a == o.a && b == o.b; }
    };
    std::vector<Edge> seen;
    for (const auto& [x, y] : options.extra_candidates) {
      if (x == y || comp[x] != comp[rows.front()] || comp[y] != comp[rows.front()]) continue;
      const int32_t a = std::min(local_of[x], local_of[y]), b = std::max(local_of[x], local_of[y]);
      seen.push_back({a, b, 0.f});
    }
    for (int32_t a = 0; a < s; ++a) {
      for (const Neighbor& nb : graph.row(rows[a])) {
        if (nb.id < 0) continue;
        if (comp[nb.id] != comp[rows[a]]) continue;  // not in this component
        const int32_t b = local_of[nb.id];
        if (b < a && ListsRow(graph, rows[b], rows[a])) continue;  // added from b's side
        seen.push_back({std::min(a, b), std::max(a, b), nb.sim});
      }
    }
    std::stable_sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const Edge& e : seen) {
      pairs.push_back({e.a, e.b,
                       CachedScore(cache, pair_score, options.row_keys, rows[e.a], rows[e.b],
                                   e.knn_sim)});
    }
  }
  const std::vector<int32_t> rep =
      AverageLinkage(s, pairs, /*missing_score=*/0.0, options.average_link_min);
  std::vector<std::vector<int32_t>> groups(s);
  for (int32_t i = 0; i < s; ++i) groups[rep[i]].push_back(rows[i]);
  std::vector<std::vector<int32_t>> out;
  for (auto& g : groups) {
    if (g.size() < 2) continue;
    if (DistinctDocuments(g, doc_of_row, options.min_documents) < options.min_documents) continue;
    std::sort(g.begin(), g.end());
    out.push_back(std::move(g));
  }
  for (int32_t r : rows) local_of[r] = -1;
  return out;
}

}  // namespace

std::vector<std::vector<int32_t>> ClusterClaims(const KnnGraph& graph,
                                                const std::vector<int32_t>& doc_of_row,
                                                const ClusterOptions& options,
                                                const PairScore& pair_score) {
  const int32_t n = graph.n;
  const auto keys = options.row_keys;
  const auto eligible = options.eligible;
  if (n <= 1 || static_cast<int32_t>(doc_of_row.size()) != n ||
      (!keys.empty() && static_cast<int32_t>(keys.size()) != n) ||
      (!eligible.empty() && static_cast<int32_t>(eligible.size()) != n)) {
    return {};
  }
  // 1. Candidate edges, scored in parallel over row chunks (chunk order keeps determinism).
  // Small chunks so that both threads stay busy when the work per row is uneven (the
  // learned score of a long statement costs many times that of a short one).
  constexpr int32_t kChunk = 256;
  const int64_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> chunk_edges(chunks);
  std::vector<std::vector<ScoredPair>> chunk_scores(chunks);
  knn_internal::ParallelFor(options.threads, chunks, [&](int64_t c) {
    const int32_t end = static_cast<int32_t>(std::min<int64_t>(n, (c + 1) * kChunk));
    for (int32_t i = static_cast<int32_t>(c * kChunk); i < end; ++i) {
      if (!eligible.empty() && !eligible[i]) continue;
      for (const Neighbor& nb : graph.row(i)) {
        const int32_t j = nb.id;
        if (j < 0 || j == i) continue;
        if (!eligible.empty() && !eligible[j]) continue;
        const bool back = ListsRow(graph, j, i);
        if (options.mutual && !back) continue;
        if (back && j < i) continue;  // the pair is handled from row min(i, j)
        const float score = Score(pair_score, keys, i, j, nb.sim);
        if (pair_score) chunk_scores[c].push_back({std::min(i, j), std::max(i, j), score});
        if (score >= options.threshold) chunk_edges[c].push_back({i, j});
      }
    }
  });
  // Extra candidates, scored in parallel the same way.
  const auto extra = options.extra_candidates;
  const int64_t extra_chunks = (static_cast<int64_t>(extra.size()) + kChunk - 1) / kChunk;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> extra_edges(extra_chunks);
  std::vector<std::vector<ScoredPair>> extra_scores(extra_chunks);
  knn_internal::ParallelFor(options.threads, extra_chunks, [&](int64_t c) {
    const size_t end = std::min(extra.size(), static_cast<size_t>((c + 1) * kChunk));
    for (size_t k = static_cast<size_t>(c * kChunk); k < end; ++k) {
      const auto [i, j] = extra[k];
      if (i == j || i < 0 || j < 0 || i >= n || j >= n) continue;
      if (!eligible.empty() && (!eligible[i] || !eligible[j])) continue;
      // A candidate that is also a kNN edge step 1 scored: its edge (if any) is in already.
      const bool ij = ListsRow(graph, i, j), ji = ListsRow(graph, j, i);
      if (options.mutual ? ij && ji : ij || ji) continue;
      const float score = Score(pair_score, keys, i, j, 0.f);
      if (pair_score) extra_scores[c].push_back({std::min(i, j), std::max(i, j), score});
      if (score >= options.threshold) extra_edges[c].push_back({i, j});
    }
  });
  for (auto& e : extra_edges) chunk_edges.push_back(std::move(e));
  std::vector<ScoredPair> cache;
  {
    size_t total = 0;
    for (const auto& v : chunk_scores) total += v.size();
    for (const auto& v : extra_scores) total += v.size();
    cache.reserve(total);
    for (auto* all : {&chunk_scores, &extra_scores}) {
      for (auto& v : *all) {
        cache.insert(cache.end(), v.begin(), v.end());
        std::vector<ScoredPair>().swap(v);
      }
    }
    // A pair scored twice (a kNN edge that is also an extra candidate) has one value:
    // the scorer is called with the same (smaller key first) order both times.
    std::sort(cache.begin(), cache.end());
    cache.erase(std::unique(cache.begin(), cache.end(),
                            [](const auto& x, const auto& y) { return x.a == y.a && x.b == y.b; }),
                cache.end());
  }
  // 2. Connected components.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  std::vector<int> comp(n);
  {
    Graph g(n);
    for (auto& edges : chunk_edges) {
      for (auto [i, j] : edges) boost::add_edge(i, j, g);
      std::vector<std::pair<int32_t, int32_t>>().swap(edges);
    }
    boost::connected_components(g, comp.data());
  }
  // 3. Refine each multi-document component (components listed by their first row).
  std::vector<std::vector<int32_t>> components;
  std::vector<int32_t> comp_index(n, -1);
  for (int32_t i = 0; i < n; ++i) {
    if (comp_index[comp[i]] < 0) {
      comp_index[comp[i]] = static_cast<int32_t>(components.size());
      components.emplace_back();
    }
    components[comp_index[comp[i]]].push_back(i);
  }
  std::vector<int32_t> todo;
  for (size_t c = 0; c < components.size(); ++c) {
    const auto& rows = components[c];
    if (rows.size() >= 2 &&
        DistinctDocuments(rows, doc_of_row, options.min_documents) >= options.min_documents) {
      todo.push_back(static_cast<int32_t>(c));
    }
  }
  // Largest first so one big component does not end up last on one thread.
  std::stable_sort(todo.begin(), todo.end(), [&](int32_t a, int32_t b) {
    return components[a].size() > components[b].size();
  });
  std::vector<int32_t> local_of(n, -1);
  std::vector<std::vector<std::vector<int32_t>>> refined(todo.size());
  knn_internal::ParallelFor(options.threads, static_cast<int64_t>(todo.size()), [&](int64_t t) {
    std::vector<int32_t> rows = components[todo[t]];
    std::sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) {
      const uint64_t ka = KeyOf(keys, a), kb = KeyOf(keys, b);
      return ka != kb ? ka < kb : a < b;
    });
    refined[t] =
        RefineComponent(rows, graph, comp, local_of, doc_of_row, options, pair_score, cache);
  });
  std::vector<std::vector<int32_t>> clusters;
  for (auto& r : refined) {
    for (auto& c : r) clusters.push_back(std::move(c));
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  if (options.scored_out) *options.scored_out = std::move(cache);
  return clusters;
}

PairScore CachedPairScore(std::span<const ScoredPair> sorted, std::span<const uint64_t> row_keys,
                          const PairScore& fallback) {
  return [sorted, row_keys, &fallback](int32_t i, int32_t j) {
    return CachedScore(sorted, fallback, row_keys, i, j, 0.f);
  };
}

PairScore CosinePairScore(const RowMatrixXf& unit_rows) {
  return [&unit_rows](int32_t i, int32_t j) {
    return ExactDot(unit_rows.row(i).data(), unit_rows.row(j).data(),
                    static_cast<int>(unit_rows.cols()));
  };
}

int32_t MostCentralMember(std::span<const int32_t> members, const PairScore& score,
                          std::span<const uint64_t> row_keys) {
  if (members.empty()) return -1;
  // Work in key order so the floating-point sums do not depend on the member order.
  std::vector<int32_t> sorted(members.begin(), members.end());
  std::sort(sorted.begin(), sorted.end(), [&](int32_t a, int32_t b) {
    const uint64_t ka = KeyOf(row_keys, a), kb = KeyOf(row_keys, b);
    return ka != kb ? ka < kb : a < b;
  });
  members = sorted;
  const size_t m = members.size();
  std::vector<double> total(m, 0.0);
  for (size_t a = 0; a < m; ++a) {
    for (size_t b = a + 1; b < m; ++b) {
      const int32_t i = members[a], j = members[b];
      const double s = KeyOf(row_keys, i) < KeyOf(row_keys, j) ? score(i, j) : score(j, i);
      total[a] += s;
      total[b] += s;
    }
  }
  size_t best = 0;
  for (size_t a = 1; a < m; ++a) {
    if (total[a] > total[best]) best = a;  // ties: the earlier (smaller key) member
  }
  return members[best];
}

}  // namespace diverge::cluster
