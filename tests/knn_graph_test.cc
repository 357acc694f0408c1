// kNN graph: exact search equals brute force, HNSW recall, padding, order independence.
#include "analyzer/cluster/knn_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

using namespace diverge;

namespace {

RowMatrixXf RandomUnitRows(int n, int d, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> g(0.f, 1.f);
  RowMatrixXf x(n, d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) x(i, j) = g(rng);
    x.row(i).normalize();
  }
  return x;
}

// Unit vectors scattered around `centers` random centres (cosine to the centre ~0.9).
RowMatrixXf ClusteredUnitRows(int n, int d, int centers, uint64_t seed) {
  RowMatrixXf c = RandomUnitRows(centers, d, seed + 1);
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> g(0.f, 1.f);
  std::uniform_int_distribution<int> pick(0, centers - 1);
  RowMatrixXf x(n, d);
  const float noise = 0.5f / std::sqrt(static_cast<float>(d));
  for (int i = 0; i < n; ++i) {
    x.row(i) = c.row(pick(rng));
    for (int j = 0; j < d; ++j) x(i, j) += noise * g(rng);
    x.row(i).normalize();
  }
  return x;
}

// Brute force: every other row by (ExactDot desc, key asc), first k.
std::vector<cluster::Neighbor> BruteRow(const RowMatrixXf& x, const std::vector<uint64_t>& keys,
                                        int i, int k) {
  std::vector<cluster::Neighbor> all;
  for (int j = 0; j < x.rows(); ++j) {
    if (j != i) all.push_back({j, cluster::ExactDot(x.row(i).data(), x.row(j).data(), x.cols())});
  }
  std::sort(all.begin(), all.end(), [&](const cluster::Neighbor& a, const cluster::Neighbor& b) {
    return a.sim != b.sim ? a.sim > b.sim : keys[a.id] < keys[b.id];
  });
  all.resize(std::min<size_t>(all.size(), k));
  return all;
}

std::vector<uint64_t> RandomKeys(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::set<uint64_t> seen;
  std::vector<uint64_t> keys;
  while (static_cast<int>(keys.size()) < n) {
    uint64_t k = rng();
    if (seen.insert(k).second) keys.push_back(k);
  }
  return keys;
}

}  // namespace

TEST_CASE("Exact kNN equals brute force, including ties and n <= k", "[knn]") {
  struct Case {
    int n, d, k;
  };
  for (Case c :
       {Case{2, 8, 1}, Case{3, 8, 5}, Case{11, 16, 10}, Case{700, 32, 3}, Case{5000, 24, 10}}) {
    CAPTURE(c.n, c.d, c.k);
    RowMatrixXf x = RandomUnitRows(c.n, c.d, 7 + c.n);
    // Exact duplicates: ties at similarity 1 that only the keys can order.
    for (int i = 0; i + 3 < c.n; i += 5) x.row(i + 1) = x.row(i);
    if (c.n > 40) {
      for (int i = 20; i < 30; ++i) x.row(i) = x.row(10);
    }
    const std::vector<uint64_t> keys = RandomKeys(c.n, c.n);
    cluster::KnnOptions opt;
    opt.k = c.k;
    opt.method = cluster::KnnMethod::kExact;
    opt.row_keys = keys;
    Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(x, opt);
    REQUIRE(g.ok());
    REQUIRE(g->n == c.n);
    REQUIRE(g->k == c.k);
    int mismatches = 0;
    for (int i = 0; i < c.n; ++i) {
      const std::vector<cluster::Neighbor> want = BruteRow(x, keys, i, c.k);
      auto row = g->row(i);
      for (int s = 0; s < c.k; ++s) {
        if (s < static_cast<int>(want.size())) {
          if (row[s].id != want[s].id || row[s].sim != want[s].sim) ++mismatches;
        } else if (row[s].id != -1 || row[s].sim != -INFINITY) {
          ++mismatches;  // unused slots are padded
        }
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("kNN rejects bad input", "[knn]") {
  RowMatrixXf x = RandomUnitRows(10, 4, 1);
  cluster::KnnOptions opt;
  opt.k = 0;
  CHECK(cluster::BuildKnnGraph(x, opt).status().code() == StatusCode::kInvalidArgument);
  opt.k = 3;
  std::vector<uint64_t> keys(5, 0);
  opt.row_keys = keys;
  CHECK(cluster::BuildKnnGraph(x, opt).status().code() == StatusCode::kInvalidArgument);
  opt.row_keys = {};
  x(3, 2) = NAN;
  CHECK(cluster::BuildKnnGraph(x, opt).status().code() == StatusCode::kInvalidArgument);
  RowMatrixXf empty(0, 4);
  Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(empty, opt);
  REQUIRE(g.ok());
  CHECK(g->n == 0);
  CHECK(g->nbrs.empty());
}

TEST_CASE("kNN graph does not depend on row order", "[knn]") {
  const int n = 3000;
  RowMatrixXf x = ClusteredUnitRows(n, 40, 150, 11);
  for (int i = 0; i < 50; ++i) x.row(n - 1 - i) = x.row(i);  // duplicates: exact ties
  const std::vector<uint64_t> keys = RandomKeys(n, 5);
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::shuffle(perm.begin(), perm.end(), std::mt19937(3));
  RowMatrixXf y(n, x.cols());
  std::vector<uint64_t> ykeys(n);
  for (int i = 0; i < n; ++i) {
    y.row(i) = x.row(perm[i]);  // row i of y is row perm[i] of x
    ykeys[i] = keys[perm[i]];
  }
  for (cluster::KnnMethod m :
       {cluster::KnnMethod::kExact, cluster::KnnMethod::kIvf, cluster::KnnMethod::kHnsw}) {
    CAPTURE(static_cast<int>(m));
    cluster::KnnOptions opt;
    opt.method = m;
    opt.threads =
        m == cluster::KnnMethod::kIvf ? 1 : 2;  // results must not depend on threads either
    opt.row_keys = keys;
    Result<cluster::KnnGraph> gx = cluster::BuildKnnGraph(x, opt);
    opt.row_keys = ykeys;
    Result<cluster::KnnGraph> gy = cluster::BuildKnnGraph(y, opt);
    REQUIRE(gx.ok());
    REQUIRE(gy.ok());
    int differences = 0;
    for (int i = 0; i < n; ++i) {
      auto rx = gx->row(perm[i]);
      auto ry = gy->row(i);
      for (int s = 0; s < opt.k; ++s) {
        if (keys[rx[s].id] != ykeys[ry[s].id] || rx[s].sim != ry[s].sim) ++differences;
      }
    }
    CHECK(differences == 0);
  }
}

TEST_CASE("IVF kNN graph does not depend on the thread count", "[knn]") {
  // Cells finish in a different order with more threads; each row's running candidate
  // list must come out the same. 60 copies of one row: more exact ties than the list holds.
  const int n = 6000;
  RowMatrixXf x = ClusteredUnitRows(n, 32, 300, 17);
  for (int i = 1; i < 60; ++i) x.row(i * 97) = x.row(0);
  const std::vector<uint64_t> keys = RandomKeys(n, 9);
  cluster::KnnOptions opt;
  opt.method = cluster::KnnMethod::kIvf;
  opt.row_keys = keys;
  opt.threads = 1;
  Result<cluster::KnnGraph> one = cluster::BuildKnnGraph(x, opt);
  opt.threads = 4;
  Result<cluster::KnnGraph> four = cluster::BuildKnnGraph(x, opt);
  REQUIRE(one.ok());
  REQUIRE(four.ok());
  int differences = 0;
  for (int i = 0; i < n; ++i) {
    for (int s = 0; s < opt.k; ++s) {
      if (one->row(i)[s].id != four->row(i)[s].id || one->row(i)[s].sim != four->row(i)[s].sim) {
        ++differences;
      }
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("Approximate kNN recall@10 against exact kNN is >= 0.95", "[knn][hnsw]") {
  const int n = 20000;
  RowMatrixXf x = ClusteredUnitRows(n, 100, 2000, 21);
  std::vector<uint64_t> keys(n);
  std::iota(keys.begin(), keys.end(), 0);
  std::vector<std::vector<cluster::Neighbor>> want;  // exact neighbours of a sample of 500 rows
  for (int i = 0; i < n; i += n / 500) want.push_back(BruteRow(x, keys, i, 10));
  for (cluster::KnnMethod m : {cluster::KnnMethod::kHnsw, cluster::KnnMethod::kIvf}) {
    CAPTURE(static_cast<int>(m));
    cluster::KnnOptions opt;
    opt.k = 10;
    opt.method = m;
    Result<cluster::KnnGraph> approx = cluster::BuildKnnGraph(x, opt);
    REQUIRE(approx.ok());
    int found = 0, total = 0;
    for (int i = 0, w = 0; i < n; i += n / 500, ++w) {
      std::set<int32_t> got;
      for (const cluster::Neighbor& nb : approx->row(i)) got.insert(nb.id);
      for (const cluster::Neighbor& nb : want[w]) found += got.count(nb.id);
      total += static_cast<int>(want[w].size());
    }
    const double recall = static_cast<double>(found) / total;
    INFO("recall@10 = " << recall);
    CHECK(recall >= 0.95);
  }
}

TEST_CASE("ExactDot is symmetric and matches a double dot product", "[knn]") {
  RowMatrixXf x = RandomUnitRows(2, 101, 9);
  const float ab = cluster::ExactDot(x.row(0).data(), x.row(1).data(), 101);
  CHECK(ab == cluster::ExactDot(x.row(1).data(), x.row(0).data(), 101));
  CHECK(ab == Approx(x.row(0).cast<double>().dot(x.row(1).cast<double>())).margin(1e-6));
  CHECK(cluster::ExactDot(x.row(0).data(), x.row(0).data(), 101) == Approx(1.0).margin(1e-6));
}

TEST_CASE("Approximate kNN indexes copies of one vector once and ranks them as exact does",
          "[knn]") {
  // 3,000 copies of one vector and 2,000 copies of the zero vector (rows with no known
  // word) beside 1,000 ordinary rows: the copies would share one IVF cell that all of them
  // probe (quadratic); indexed once, every copy still lists the same neighbours as exact.
  RowMatrixXf x = RandomUnitRows(6000, 16, 11);
  for (int i = 1000; i < 4000; ++i) x.row(i) = x.row(0);
  for (int i = 4000; i < 6000; ++i) x.row(i).setZero();
  std::vector<uint64_t> keys(6000);
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = (i * 2654435761u) % 1000003u;
  cluster::KnnOptions opt;
  opt.row_keys = keys;
  opt.method = cluster::KnnMethod::kExact;
  cluster::KnnGraph exact = *cluster::BuildKnnGraph(x, opt);
  // kAuto above exact_limit is approximate; the 1,001 distinct vectors are then searched
  // exactly, so every row (copies and zero rows too) must list what exact search lists.
  opt.method = cluster::KnnMethod::kAuto;
  opt.exact_limit = 2000;
  cluster::KnnGraph deduped = *cluster::BuildKnnGraph(x, opt);
  int differences = 0;
  for (int32_t r = 0; r < 6000; ++r) {
    for (int s = 0; s < opt.k; ++s) {
      differences += deduped.row(r)[s].id != exact.row(r)[s].id ||
                     deduped.row(r)[s].sim != exact.row(r)[s].sim;
    }
  }
  CHECK(differences == 0);
  // Forced IVF: the copies of the vector still list other copies (similarity 1) first.
  opt.method = cluster::KnnMethod::kIvf;
  cluster::KnnGraph ivf = *cluster::BuildKnnGraph(x, opt);
  for (int32_t r : {0, 1000, 2500, 3999}) {
    for (int s = 0; s < opt.k; ++s) CHECK(ivf.row(r)[s].id == exact.row(r)[s].id);
  }
}
