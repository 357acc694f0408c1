#include "analyzer/cluster/average_linkage.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

#include "analyzer/base/parallel_for.h"

namespace diverge::cluster {
namespace {

struct Link {
  double sum = 0;     // sum of known cross-pair scores
  int64_t count = 0;  // number of known cross pairs
};

struct Candidate {
  double linkage;
  int32_t a;  // a < b, both cluster representatives
  int32_t b;
  uint32_t version_a;
  uint32_t version_b;
};

// Max-heap order: linkage desc, then (a, b) asc.
struct Worse {
  bool operator()(const Candidate& x, const Candidate& y) const {
    if (x.linkage != y.linkage) return x.linkage < y.linkage;
    if (x.a != y.a) return x.a > y.a;
    return x.b > y.b;
  }
};

// The agglomeration itself, over items 0..count-1 (AverageLinkage's contract).
std::vector<int32_t> Agglomerate(int32_t count, const std::vector<ScoredPair>& pairs,
                                 double missing_score, double min_linkage) {
  std::vector<int32_t> parent(count);
  for (int32_t i = 0; i < count; ++i) parent[i] = i;
  std::vector<int64_t> size(count, 1);
  std::vector<uint32_t> version(count, 0);
  std::vector<char> alive(count, 1);
  std::vector<std::unordered_map<int32_t, Link>> nb(count);
  for (const ScoredPair& p : pairs) {
    if (p.a == p.b || p.a < 0 || p.b < 0 || p.a >= count || p.b >= count) continue;
    Link& l = nb[p.a][p.b];
    if (l.count > 0) continue;  // duplicate pair: keep the first
    l = {p.score, 1};
    nb[p.b][p.a] = l;
  }
  auto linkage = [&](int32_t x, int32_t y, const Link& l) {
    const double total = static_cast<double>(size[x]) * static_cast<double>(size[y]);
    return (l.sum + missing_score * (total - static_cast<double>(l.count))) / total;
  };
  std::priority_queue<Candidate, std::vector<Candidate>, Worse> heap;
  auto push = [&](int32_t x, int32_t y, const Link& l) {
    const double v = linkage(x, y, l);
    if (v < min_linkage) return;  // linkage only drops when a side grows with weaker pairs
    if (x > y) std::swap(x, y);
    heap.push({v, x, y, version[x], version[y]});
  };
  for (int32_t x = 0; x < count; ++x) {
    for (const auto& [y, l] : nb[x]) {
      if (x < y) push(x, y, l);
    }
  }
  while (!heap.empty()) {
    const Candidate c = heap.top();
    heap.pop();
    if (!alive[c.a] || !alive[c.b] || version[c.a] != c.version_a || version[c.b] != c.version_b) {
      continue;
    }
    const int32_t a = c.a, b = c.b;  // merge b into a (a is the smaller representative)
    for (const auto& [y, l] : nb[b]) {
      if (y == a) continue;
      Link& ay = nb[a][y];
      ay.sum += l.sum;
      ay.count += l.count;
      nb[y].erase(b);
      nb[y][a] = ay;
    }
    nb[a].erase(b);
    nb[b].clear();
    alive[b] = 0;
    parent[b] = a;
    size[a] += size[b];
    ++version[a];
    for (const auto& [y, l] : nb[a]) push(a, y, l);
  }
  // Resolve representatives (parents always point to smaller, earlier-merged indices).
  for (int32_t i = 0; i < count; ++i) {
    int32_t r = i;
    while (parent[r] != r) r = parent[r];
    parent[i] = r;
  }
  return parent;
}

}  // namespace

std::vector<int32_t> AverageLinkage(int32_t count, const std::vector<ScoredPair>& pairs,
                                    double missing_score, double min_linkage, int threads) {
  if (count <= 0) return {};
  if (missing_score >= min_linkage) return Agglomerate(count, pairs, missing_score, min_linkage);
  // Two clusters whose mean cross score is >= min_linkage have a cross pair scoring
  // >= min_linkage (unknown pairs count less), so every cluster lies inside one connected
  // component of the pairs scoring >= min_linkage, and clusters of two components never
  // merge: each component is agglomerated alone, with its own pairs only (the pairs
  // between components cannot change a merge), on `threads` threads. Items keep their
  // order inside a component, so the tie-breaks are those of one run over all items.
  std::vector<int32_t> root(count);
  for (int32_t i = 0; i < count; ++i) root[i] = i;
  auto find = [&](int32_t x) {
    while (root[x] != x) x = root[x] = root[root[x]];
    return x;
  };
  auto valid = [&](const ScoredPair& p) {
    return p.a != p.b && p.a >= 0 && p.b >= 0 && p.a < count && p.b < count;
  };
  for (const ScoredPair& p : pairs) {
    if (!valid(p) || !(p.score >= min_linkage)) continue;
    const int32_t x = find(p.a), y = find(p.b);
    if (x != y) root[std::max(x, y)] = std::min(x, y);
  }
  // Components with >= 2 items, each listing its items ascending and its pairs in input
  // order (a duplicate pair keeps its first score, as in one run).
  std::vector<int32_t> comp_of(count, -1), local(count, -1);
  std::vector<std::vector<int32_t>> items;
  for (int32_t i = 0; i < count; ++i) {
    const int32_t r = find(i);
    if (r == i) continue;
    if (comp_of[r] < 0) {
      comp_of[r] = static_cast<int32_t>(items.size());
      local[r] = 0;
      items.push_back({r});
    }
    comp_of[i] = comp_of[r];
    local[i] = static_cast<int32_t>(items[comp_of[r]].size());
    items[comp_of[r]].push_back(i);
  }
  std::vector<std::vector<ScoredPair>> comp_pairs(items.size());
  for (const ScoredPair& p : pairs) {
    if (!valid(p) || comp_of[p.a] < 0 || comp_of[p.a] != comp_of[p.b]) continue;
    comp_pairs[comp_of[p.a]].push_back({local[p.a], local[p.b], p.score});
  }
  std::vector<int32_t> parent(count);
  for (int32_t i = 0; i < count; ++i) parent[i] = i;
  // Largest first, so that one big component does not end up last on one thread.
  std::vector<int32_t> order(items.size());
  for (size_t c = 0; c < order.size(); ++c) order[c] = static_cast<int32_t>(c);
  std::stable_sort(order.begin(), order.end(), [&](int32_t x, int32_t y) {
    return comp_pairs[x].size() > comp_pairs[y].size();
  });
  ParallelFor(threads, static_cast<int64_t>(order.size()), [&](int64_t k) {
    const int32_t c = order[k];
    const std::vector<int32_t> rep = Agglomerate(static_cast<int32_t>(items[c].size()),
                                                 comp_pairs[c], missing_score, min_linkage);
    for (size_t i = 0; i < rep.size(); ++i) parent[items[c][i]] = items[c][rep[i]];
  });
  return parent;
}

}  // namespace diverge::cluster
