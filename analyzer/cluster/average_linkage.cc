#include "analyzer/cluster/average_linkage.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

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

}  // namespace

std::vector<int32_t> AverageLinkage(int32_t count, const std::vector<ScoredPair>& pairs,
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

}  // namespace diverge::cluster
