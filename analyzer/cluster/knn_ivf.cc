// Approximate kNN with an inverted file (IVF) and blocked GEMM, for large inputs.
//
//  1. Spherical k-means on a sample (rows in key order, every step-th): `lists` centroids,
//     initialised from evenly spaced sample rows, `ivf_train_iterations` Lloyd rounds.
//  2. Every row is assigned to its `ivf_probes` most similar centroids (GEMM); the first is
//     its home cell.
//  3. Per cell (cells run in parallel): GEMM of the rows probing the cell against the rows
//     living in it; each probing row takes its top k of that cell, and each resident its
//     top k probers (so a pair is found when either row probes the other's home cell: in
//     high dimension a near neighbour's home is often not among a row's own nearest
//     centroids). Both are merged into the row's running list of its best k + 6 distinct
//     candidates (under a lock striped by row): n * (k + 6) slots in all, not
//     n * (probes + 1) * k (1.7 GB at 1M rows). The list is the top k + 6 of the distinct
//     candidates by (kernel score, key), a total order, so it does not depend on the
//     order in which cells finish.
//  4. Each row's k + 6 candidates are rescored with ExactDot (FinalizeRow).
// All matrices are gathered in key order, so every GEMM sees the same inputs whatever the
// row order of the caller: the graph depends only on the set of (key, vector) pairs.
// High-similarity neighbours (the ones clustering keeps) share a home or a probed cell
// with near certainty; recall drops for far, noise-level neighbours.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <numeric>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster::knn_internal {
namespace {

constexpr int64_t kRowBlock = 1024;
constexpr int kRescoreMargin = 6;
constexpr int kLockStripes = 4096;

// Score blocks are kept around 512 KB (L2) so they never round-trip through memory.
constexpr int64_t kQueryBlock = 128;
constexpr int64_t kCentroidChunk = 1024;

// For rows `rows` of x (gathered in that order), the `probes` best centroids of each, best
// first (ties: lower centroid). out has rows.size() * probes entries.
void TopCentroids(const RowMatrixXf& x, std::span<const int32_t> rows, const RowMatrixXf& c,
                  int probes, int threads, std::vector<int32_t>& out) {
  const int64_t m = static_cast<int64_t>(rows.size());
  const int64_t lists = c.rows();
  const int d = static_cast<int>(x.cols());
  out.assign(static_cast<size_t>(m) * probes, -1);
  const std::span<const uint64_t> no_keys;
  ParallelFor(threads, (m + kQueryBlock - 1) / kQueryBlock, [&](int64_t b) {
    const int64_t r0 = b * kQueryBlock, rn = std::min(kQueryBlock, m - r0);
    RowMatrixXf q(rn, d);
    for (int64_t i = 0; i < rn; ++i) q.row(i) = x.row(rows[r0 + i]);
    std::vector<float> s(static_cast<size_t>(rn) * kCentroidChunk);
    std::vector<Cand> slots(static_cast<size_t>(rn) * probes);
    std::vector<TopList> lists_of;
    lists_of.reserve(rn);
    for (int64_t i = 0; i < rn; ++i) lists_of.emplace_back(slots.data() + i * probes, probes);
    for (int64_t c0 = 0; c0 < lists; c0 += kCentroidChunk) {
      const int64_t cn = std::min(kCentroidChunk, lists - c0);
      DotBlock(q.data(), rn, c.row(c0).data(), cn, d, s.data());
      for (int64_t i = 0; i < rn; ++i) {
        TopList& list = lists_of[i];
        const float* srow = s.data() + i * cn;
        float worst = list.worst();
        for (int64_t j = 0; j < cn; ++j) {
          if (srow[j] < worst) continue;
          list.Offer(srow[j], static_cast<int32_t>(c0 + j), no_keys);
          worst = list.worst();
        }
      }
    }
    for (int64_t i = 0; i < rn; ++i) {
      for (int p = 0; p < lists_of[i].size(); ++p) {
        out[(r0 + i) * probes + p] = slots[i * probes + p].id;
      }
    }
  });
}

// Offers (score, id) to a row's running list: `width` slots best first, empty slots (id -1)
// at the end. An id already listed keeps the higher of its scores, so the list is the top
// `width` distinct ids by (best score desc, key asc) whatever the order of the offers.
void OfferDistinct(Cand* slots, int width, float score, int32_t id,
                   std::span<const uint64_t> keys) {
  auto better = [&](float s1, int32_t i1, float s2, int32_t i2) {
    if (s1 != s2) return s1 > s2;
    return KeyOf(keys, i1) < KeyOf(keys, i2);
  };
  int size = 0;
  while (size < width && slots[size].id >= 0) {
    if (slots[size].id == id) {
      if (slots[size].score >= score) return;
      std::copy(slots + size + 1, slots + width, slots + size);  // drop the old entry
      slots[width - 1] = Cand{0.f, -1};
      --size;
      break;
    }
    ++size;
  }
  while (size < width && slots[size].id >= 0) ++size;
  if (size == width && !better(score, id, slots[width - 1].score, slots[width - 1].id)) return;
  int pos = size == width ? width - 1 : size;
  while (pos > 0 && !better(slots[pos - 1].score, slots[pos - 1].id, score, id)) {
    slots[pos] = slots[pos - 1];
    --pos;
  }
  slots[pos] = Cand{score, id};
}

// DIVERGE_KNN_TRACE=1 prints the wall time of each phase to stderr.
class PhaseTrace {
 public:
  PhaseTrace() : on_(std::getenv("DIVERGE_KNN_TRACE") != nullptr) {}
  void Mark(const char* phase) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "knn ivf: %-8s %.2f s\n", phase,
                 std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

RowMatrixXf TrainCentroids(const RowMatrixXf& x, const std::vector<int32_t>& order, int lists,
                           const KnnOptions& options) {
  const int64_t n = x.rows();
  const int64_t want = std::min<int64_t>(n, static_cast<int64_t>(lists) * 24);
  std::vector<int32_t> sample;
  for (int64_t i = 0; i < want; ++i) sample.push_back(order[i * n / want]);
  const int64_t s = static_cast<int64_t>(sample.size());
  RowMatrixXf c(lists, x.cols());
  for (int l = 0; l < lists; ++l) c.row(l) = x.row(sample[l * s / lists]);
  std::vector<int32_t> assign;
  for (int it = 0; it < std::max(0, options.ivf_train_iterations); ++it) {
    TopCentroids(x, sample, c, 1, options.threads, assign);
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(lists, x.cols());
    std::vector<int64_t> count(lists, 0);
    for (int64_t i = 0; i < s; ++i) {
      sum.row(assign[i]) += x.row(sample[i]).cast<double>();
      ++count[assign[i]];
    }
    for (int l = 0; l < lists; ++l) {
      const double norm = sum.row(l).norm();
      if (count[l] > 0 && norm > 0) c.row(l) = (sum.row(l) / norm).cast<float>();
    }
  }
  return c;
}

}  // namespace

Result<KnnGraph> BuildIvf(const RowMatrixXf& x, const KnnOptions& options) {
  const int64_t n = x.rows();
  const auto& keys = options.row_keys;
  std::vector<int32_t> order = RowsInKeyOrder(n, keys);
  const int probes_wanted = std::max(1, options.ivf_probes);
  int lists = options.ivf_lists > 0
                  ? options.ivf_lists
                  : static_cast<int>(std::lround(std::sqrt(double(n) * probes_wanted)));
  lists = static_cast<int>(std::clamp<int64_t>(lists, 1, std::max<int64_t>(1, n / 4)));
  const int probes = std::min(probes_wanted, lists);
  PhaseTrace trace;
  const RowMatrixXf centroids = TrainCentroids(x, order, lists, options);
  trace.Mark("train");

  // Probes of every row (in key order), then per cell: residents and probing rows.
  std::vector<int32_t> probe_of;  // indexed by position in `order`
  TopCentroids(x, order, centroids, probes, options.threads, probe_of);
  trace.Mark("assign");
  std::vector<std::vector<int32_t>> residents(lists), probers(lists);
  for (int64_t i = 0; i < n; ++i) {
    const int32_t* p = &probe_of[i * probes];
    residents[p[0]].push_back(order[i]);
    for (int j = 0; j < probes; ++j) {
      if (p[j] >= 0) probers[p[j]].push_back(static_cast<int32_t>(i));  // position in order
    }
  }
  probe_of = std::vector<int32_t>();
  // Running candidate list of position i in order: best `width` distinct ids so far.
  const int k = options.k;
  const int width = k + kRescoreMargin;
  std::vector<Cand> cand(static_cast<size_t>(n) * width, Cand{0.f, -1});
  std::vector<std::mutex> stripes(kLockStripes);
  auto merge = [&](int32_t pos, const Cand* from, int count) {
    std::lock_guard<std::mutex> lock(stripes[pos % kLockStripes]);
    Cand* to = &cand[static_cast<size_t>(pos) * width];
    for (int i = 0; i < count; ++i) OfferDistinct(to, width, from[i].score, from[i].id, keys);
  };
  std::vector<int32_t> cells(lists);
  std::iota(cells.begin(), cells.end(), 0);
  std::stable_sort(cells.begin(), cells.end(), [&](int32_t a, int32_t b) {
    return probers[a].size() * residents[a].size() > probers[b].size() * residents[b].size();
  });
  std::vector<int32_t> pos_of(n);
  for (int64_t i = 0; i < n; ++i) pos_of[order[i]] = static_cast<int32_t>(i);
  ParallelFor(options.threads, lists, [&](int64_t t) {
    const int32_t cell = cells[t];
    const auto& res = residents[cell];
    const auto& qs = probers[cell];
    if (res.empty() || qs.empty()) return;
    const int64_t m = static_cast<int64_t>(res.size());
    RowMatrixXf db(m, x.cols());
    for (int64_t i = 0; i < m; ++i) db.row(i) = x.row(res[i]);
    // Reverse lists: the best probers of each resident (the cell owns its residents).
    const int rwidth = static_cast<int>(std::min<int64_t>(k, qs.size()));
    std::vector<Cand> rslots(static_cast<size_t>(m) * rwidth);
    std::vector<TopList> rlists;
    std::vector<float> rworst(m, -std::numeric_limits<float>::infinity());
    rlists.reserve(m);
    for (int64_t j = 0; j < m; ++j) rlists.emplace_back(rslots.data() + j * rwidth, rwidth);
    const int cell_width = static_cast<int>(std::min<int64_t>(k, m));
    std::vector<Cand> slots(cell_width);
    RowMatrixXf q, s;
    const int64_t block = std::max<int64_t>(16, (128 * 1024) / m);  // ~512 KB of scores
    for (size_t q0 = 0; q0 < qs.size(); q0 += block) {
      const int64_t qn = std::min<int64_t>(block, qs.size() - q0);
      q.resize(qn, x.cols());
      for (int64_t i = 0; i < qn; ++i) q.row(i) = x.row(order[qs[q0 + i]]);
      s.resize(qn, m);
      DotBlock(q.data(), qn, db.data(), m, static_cast<int>(x.cols()), s.data());
      for (int64_t i = 0; i < qn; ++i) {
        const int32_t pos = qs[q0 + i];
        const int32_t self = order[pos];
        TopList list(slots.data(), cell_width);
        const float* srow = s.row(i).data();
        float worst = list.worst();
        for (int64_t j = 0; j < m; ++j) {
          if (res[j] == self) continue;
          if (srow[j] >= rworst[j]) {
            rlists[j].Offer(srow[j], self, keys);
            rworst[j] = rlists[j].worst();
          }
          if (srow[j] >= worst) {
            list.Offer(srow[j], res[j], keys);
            worst = list.worst();
          }
        }
        merge(pos, slots.data(), list.size());
      }
    }
    for (int64_t j = 0; j < m; ++j) merge(pos_of[res[j]], &rslots[j * rwidth], rlists[j].size());
  });
  trace.Mark("search");
  KnnGraph graph;
  graph.n = static_cast<int32_t>(n);
  graph.k = k;
  graph.nbrs.assign(static_cast<size_t>(n) * k, Neighbor{});
  // Only the best k + kRescoreMargin candidates by kernel score are rescored: kernel scores
  // differ from ExactDot in the last bits at most.
  ParallelFor(options.threads, (n + kRowBlock - 1) / kRowBlock, [&](int64_t b) {
    std::vector<int32_t> ids;
    for (int64_t pos = b * kRowBlock; pos < std::min(n, (b + 1) * kRowBlock); ++pos) {
      const Cand* in = &cand[static_cast<size_t>(pos) * width];
      ids.clear();
      for (int i = 0; i < width && in[i].id >= 0; ++i) ids.push_back(in[i].id);
      FinalizeRow(x, keys, order[pos], ids, graph);
    }
  });
  trace.Mark("finalize");
  return graph;
}

}  // namespace diverge::cluster::knn_internal
