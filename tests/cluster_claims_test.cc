// Claim clustering: planted partitions, cross-document rule, chaining, outliers,
// order independence, centrality, average linkage.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "analyzer/cluster/average_linkage.h"
#include "analyzer/cluster/claim_clustering.h"

using namespace diverge;

namespace {

struct Planted {
  RowMatrixXf x;
  std::vector<int32_t> doc;
  std::vector<int32_t> truth;  // group of each row, -1 for outliers
};

// `groups` centres; group g has 2..max_size noisy copies, each from a different document
// (of `docs`); then `outliers` random rows. Copy-to-copy cosine is ~0.85-0.9, far above
// random pairs (~0 in d=100).
Planted MakePlanted(int groups, int max_size, int outliers, int docs, int d, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> g(0.f, 1.f);
  std::uniform_int_distribution<int> size_of(2, max_size), doc_of(0, docs - 1);
  auto random_unit = [&] {
    Eigen::RowVectorXf v(d);
    for (int j = 0; j < d; ++j) v(j) = g(rng);
    return Eigen::RowVectorXf(v.normalized());
  };
  std::vector<Eigen::RowVectorXf> rows;
  Planted p;
  const float noise = 0.35f / std::sqrt(static_cast<float>(d));
  for (int c = 0; c < groups; ++c) {
    const Eigen::RowVectorXf centre = random_unit();
    const int m = size_of(rng);
    std::set<int> used;
    for (int i = 0; i < m; ++i) {
      int doc = doc_of(rng);
      while (used.count(doc)) doc = (doc + 1) % docs;
      used.insert(doc);
      Eigen::RowVectorXf v = centre;
      for (int j = 0; j < d; ++j) v(j) += noise * g(rng);
      rows.push_back(v.normalized());
      p.doc.push_back(doc);
      p.truth.push_back(c);
    }
  }
  for (int i = 0; i < outliers; ++i) {
    rows.push_back(random_unit());
    p.doc.push_back(doc_of(rng));
    p.truth.push_back(-1);
  }
  p.x.resize(static_cast<int>(rows.size()), d);
  for (size_t i = 0; i < rows.size(); ++i) p.x.row(i) = rows[i];
  return p;
}

// Pairwise precision/recall F1 of co-membership against the planted groups.
double PairF1(const std::vector<std::vector<int32_t>>& clusters,
              const std::vector<int32_t>& truth) {
  std::vector<int> label(truth.size(), -1);
  for (size_t c = 0; c < clusters.size(); ++c) {
    for (int32_t r : clusters[c]) label[r] = static_cast<int>(c);
  }
  double tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < truth.size(); ++i) {
    for (size_t j = i + 1; j < truth.size(); ++j) {
      const bool same_truth = truth[i] >= 0 && truth[i] == truth[j];
      const bool same_pred = label[i] >= 0 && label[i] == label[j];
      tp += same_truth && same_pred;
      fp += !same_truth && same_pred;
      fn += same_truth && !same_pred;
    }
  }
  return tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
}

std::vector<std::vector<int32_t>> Run(const RowMatrixXf& x, const std::vector<int32_t>& doc,
                                      cluster::ClusterOptions copt,
                                      std::span<const uint64_t> keys = {},
                                      cluster::KnnMethod method = cluster::KnnMethod::kExact) {
  cluster::KnnOptions kopt;
  kopt.method = method;
  kopt.row_keys = keys;
  Result<cluster::KnnGraph> g = cluster::BuildKnnGraph(x, kopt);
  REQUIRE(g.ok());
  copt.row_keys = keys;
  return cluster::ClusterClaims(*g, doc, copt, cluster::CosinePairScore(x));
}

// Unit vector at angle t in the plane of the first two axes (of dimension d).
Eigen::RowVectorXf AtAngle(double t, int d) {
  Eigen::RowVectorXf v = Eigen::RowVectorXf::Zero(d);
  v(0) = static_cast<float>(std::cos(t));
  v(1) = static_cast<float>(std::sin(t));
  return v;
}

}  // namespace

TEST_CASE("Planted paraphrase groups across documents are recovered", "[cluster]") {
  Planted p = MakePlanted(300, 8, 500, 60, 100, 1);
  cluster::ClusterOptions opt;
  auto clusters = Run(p.x, p.doc, opt);
  const double f1 = PairF1(clusters, p.truth);
  INFO("pairwise F1 = " << f1);
  CHECK(f1 >= 0.99);
  // Outliers stay out; every cluster is sorted, spans >= 2 documents; clusters ordered.
  for (size_t c = 0; c < clusters.size(); ++c) {
    std::set<int32_t> docs;
    for (int32_t r : clusters[c]) {
      CHECK(p.truth[r] >= 0);
      docs.insert(p.doc[r]);
    }
    CHECK(docs.size() >= 2);
    CHECK(std::is_sorted(clusters[c].begin(), clusters[c].end()));
    if (c > 0) CHECK(clusters[c - 1].front() < clusters[c].front());
  }
  SECTION("the sparse path (kNN edges only) gives the same clusters here") {
    cluster::ClusterOptions sparse = opt;
    sparse.dense_component_limit = 0;  // groups <= 8 < k: all group pairs are kNN edges
    CHECK(Run(p.x, p.doc, sparse) == clusters);
  }
  SECTION("HNSW and IVF graphs give the same quality") {
    CHECK(PairF1(Run(p.x, p.doc, opt, {}, cluster::KnnMethod::kHnsw), p.truth) >= 0.99);
    CHECK(PairF1(Run(p.x, p.doc, opt, {}, cluster::KnnMethod::kIvf), p.truth) >= 0.99);
  }
}

TEST_CASE("Clusters need two documents, a document may repeat a claim", "[cluster]") {
  const int d = 16;
  RowMatrixXf x(7, d);
  x.row(0) = AtAngle(0.00, d);  // doc 0
  x.row(1) = AtAngle(0.05, d);  // doc 0: the same claim, same document only
  x.row(2) = AtAngle(0.02, d);  // doc 0
  x.row(3) = AtAngle(2.00, d);  // doc 1
  x.row(4) = AtAngle(2.03, d);  // doc 1 (repeat)
  x.row(5) = AtAngle(2.06, d);  // doc 2
  x.row(6) = AtAngle(-2.0, d);  // doc 3: alone
  std::vector<int32_t> doc = {0, 0, 0, 1, 1, 2, 3};
  auto clusters = Run(x, doc, cluster::ClusterOptions{});
  REQUIRE(clusters.size() == 1);
  CHECK(clusters[0] == std::vector<int32_t>{3, 4, 5});
}

TEST_CASE("Ineligible rows (no claim words) join no cluster", "[cluster]") {
  const int d = 16;
  RowMatrixXf x(4, d);
  x.row(0) = AtAngle(0.00, d);  // doc 0
  x.row(1) = AtAngle(0.02, d);  // doc 1
  x.row(2) = AtAngle(0.04, d);  // doc 2: a dateline, as close as the others
  x.row(3) = AtAngle(2.00, d);  // doc 3
  std::vector<int32_t> doc = {0, 1, 2, 3};
  cluster::ClusterOptions opt;
  REQUIRE(Run(x, doc, opt) == std::vector<std::vector<int32_t>>{{0, 1, 2}});
  std::vector<char> eligible = {1, 1, 0, 1};
  opt.eligible = eligible;
  CHECK(Run(x, doc, opt) == std::vector<std::vector<int32_t>>{{0, 1}});
  std::vector<char> wrong_size = {1, 1};
  opt.eligible = wrong_size;
  CHECK(Run(x, doc, opt).empty());
}

TEST_CASE("Chaining A~B, B~C, A!~C does not put A and C together", "[cluster]") {
  // cos(A,B) = cos(B,C) = 0.9 > threshold; cos(A,C) = 2*0.81-1 = 0.62.
  const int d = 8;
  const double t = std::acos(0.9);
  RowMatrixXf x(3, d);
  x.row(0) = AtAngle(0, d);
  x.row(1) = AtAngle(t, d);
  x.row(2) = AtAngle(2 * t, d);
  std::vector<int32_t> doc = {0, 1, 2};
  cluster::ClusterOptions opt;
  opt.threshold = 0.8f;
  opt.average_link_min = 0.8f;  // mean of {0.9, 0.62} = 0.76 < 0.8: C cannot join {A, B}
  auto clusters = Run(x, doc, opt);
  REQUIRE(clusters.size() == 1);
  CHECK(clusters[0].size() == 2);
  CHECK(std::count(clusters[0].begin(), clusters[0].end(), 1) == 1);  // B is in it
  SECTION("a looser average_link_min accepts the chain as one claim") {
    opt.average_link_min = 0.7f;
    auto loose = Run(x, doc, opt);
    REQUIRE(loose.size() == 1);
    CHECK(loose[0] == std::vector<int32_t>{0, 1, 2});
  }
}

TEST_CASE("Random statements stay unclustered", "[cluster]") {
  Planted p = MakePlanted(0, 2, 2000, 50, 100, 4);
  CHECK(Run(p.x, p.doc, cluster::ClusterOptions{}).empty());
}

TEST_CASE("Clusters do not depend on row order", "[cluster]") {
  // Looser noise and a threshold near the typical similarity: many borderline decisions.
  Planted p = MakePlanted(400, 10, 400, 40, 48, 5);
  const int n = static_cast<int>(p.x.rows());
  std::vector<uint64_t> keys(n);
  std::mt19937_64 rng(8);
  for (auto& k : keys) k = rng();
  std::vector<int> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::shuffle(perm.begin(), perm.end(), std::mt19937(2));
  RowMatrixXf y(n, p.x.cols());
  std::vector<int32_t> ydoc(n);
  std::vector<uint64_t> ykeys(n);
  for (int i = 0; i < n; ++i) {
    y.row(i) = p.x.row(perm[i]);
    ydoc[i] = p.doc[perm[i]];
    ykeys[i] = keys[perm[i]];
  }
  for (cluster::KnnMethod m :
       {cluster::KnnMethod::kExact, cluster::KnnMethod::kIvf, cluster::KnnMethod::kHnsw}) {
    for (float threshold : {0.8f, 0.87f}) {
      CAPTURE(static_cast<int>(m), threshold);
      cluster::ClusterOptions opt;
      opt.threshold = threshold;
      opt.average_link_min = threshold - 0.03f;
      auto as_keys = [](const std::vector<std::vector<int32_t>>& cs,
                        const std::vector<uint64_t>& k) {
        std::set<std::set<uint64_t>> out;
        for (const auto& c : cs) {
          std::set<uint64_t> s;
          for (int32_t r : c) s.insert(k[r]);
          out.insert(s);
        }
        return out;
      };
      auto a = as_keys(Run(p.x, p.doc, opt, keys, m), keys);
      auto b = as_keys(Run(y, ydoc, opt, ykeys, m), ykeys);
      CHECK(a.size() > 100);
      CHECK(a == b);
    }
  }
}

TEST_CASE("MostCentralMember picks the member closest to the others", "[cluster]") {
  const int d = 4;
  RowMatrixXf x(4, d);
  x.row(0) = AtAngle(0.3, d);
  x.row(1) = AtAngle(0.0, d);
  x.row(2) = AtAngle(0.1, d);  // the middle one
  x.row(3) = AtAngle(0.2, d);
  const std::vector<int32_t> members = {0, 1, 2, 3};
  const int32_t c = cluster::MostCentralMember(members, cluster::CosinePairScore(x));
  CHECK((c == 2 || c == 3));  // rows 2 and 3 are symmetric around the middle
  CHECK(cluster::MostCentralMember(std::vector<int32_t>{1, 2, 3}, cluster::CosinePairScore(x)) ==
        2);
  CHECK(cluster::MostCentralMember(std::vector<int32_t>{}, cluster::CosinePairScore(x)) == -1);
  CHECK(cluster::MostCentralMember(std::vector<int32_t>{3}, cluster::CosinePairScore(x)) == 3);
}

TEST_CASE("AverageLinkage merges by mean cross score, missing pairs count", "[cluster]") {
  // 0-1: 0.9, 1-2: 0.9, 0-2 missing. Linkage({0,1},{2}) = (0.9 + missing) / 2.
  const std::vector<cluster::ScoredPair> pairs = {{0, 1, 0.9f}, {1, 2, 0.9f}, {3, 4, 0.5f}};
  auto rep = cluster::AverageLinkage(5, pairs, 0.0, 0.8);
  CHECK(rep[0] == 0);
  CHECK(rep[1] == 0);  // tie 0.9 vs 0.9: the pair with smaller indices merges first
  CHECK(rep[2] == 2);  // (0.9 + 0) / 2 < 0.8
  CHECK(rep[3] == 3);
  CHECK(rep[4] == 4);                                // 0.5 < 0.8
  auto loose = cluster::AverageLinkage(5, pairs, 0.75, 0.8);  // (0.9 + 0.75) / 2 > 0.8
  CHECK(loose[2] == 0);
}

TEST_CASE("AverageLinkage by components agrees with plain UPGMA", "[cluster]") {
  // Plain UPGMA over clusters as item sets: merge the two clusters of highest mean cross
  // score (missing pairs 0), ties by their smallest items, while the mean >= t. Scores are
  // multiples of 1/64, so every sum is exact and no tie depends on the summation order.
  auto plain = [](int32_t n, const std::vector<cluster::ScoredPair>& pairs, double t) {
    std::map<std::pair<int32_t, int32_t>, double> s;
    for (const auto& p : pairs) s.emplace(std::minmax(p.a, p.b), p.score);
    std::vector<std::vector<int32_t>> clusters;
    for (int32_t i = 0; i < n; ++i) clusters.push_back({i});
    for (;;) {
      double best = -1;
      size_t bx = 0, by = 0;
      for (size_t x = 0; x < clusters.size(); ++x) {
        for (size_t y = x + 1; y < clusters.size(); ++y) {
          double sum = 0;
          for (int32_t i : clusters[x]) {
            for (int32_t j : clusters[y]) {
              auto it = s.find(std::minmax(i, j));
              if (it != s.end()) sum += it->second;
            }
          }
          const double v = sum / double(clusters[x].size() * clusters[y].size());
          if (v > best) best = v, bx = x, by = y;  // clusters in order of their first item
        }
      }
      if (best < t) break;
      clusters[bx].insert(clusters[bx].end(), clusters[by].begin(), clusters[by].end());
      std::sort(clusters[bx].begin(), clusters[bx].end());
      clusters.erase(clusters.begin() + static_cast<long>(by));
    }
    std::vector<int32_t> rep(n);
    for (const auto& c : clusters) {
      for (int32_t i : c) rep[i] = c.front();
    }
    return rep;
  };
  std::mt19937 rng(7);
  int merged = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int32_t n = 14;
    std::vector<cluster::ScoredPair> pairs;
    for (int32_t a = 0; a < n; ++a) {
      for (int32_t b = a + 1; b < n; ++b) {
        if (rng() % 3 == 0) continue;  // a missing pair
        pairs.push_back({a, b, static_cast<float>(rng() % 65) / 64.0f});
      }
    }
    std::shuffle(pairs.begin(), pairs.end(), rng);
    const std::vector<int32_t> want = plain(n, pairs, 0.7);
    CHECK(cluster::AverageLinkage(n, pairs, 0.0, 0.7) == want);
    CHECK(cluster::AverageLinkage(n, pairs, 0.0, 0.7, /*threads=*/2) == want);
    for (int32_t i = 0; i < n; ++i) merged += want[i] != i;
  }
  CHECK(merged > 40);  // the trials do merge: the comparison is not vacuous
}
