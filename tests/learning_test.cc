// The learning kit (learning/): boosted trees (both losses, both split searches, the one
// JSON form), cross-validation folds and the metrics.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "learning/boosted_trees.h"
#include "learning/folds.h"
#include "learning/metrics.h"
#include "learning/tree_fitting.h"

namespace diverge::learning {
namespace {

// XOR of two features plus a noise column: no linear rule gets it.
void Xor(std::vector<std::vector<double>>* x, std::vector<bool>* y) {
  for (int i = 0; i < 400; ++i) {
    double a = double((i * 37) % 101) / 100.0, b = double((i * 53) % 97) / 96.0;
    x->push_back({a, b, double(i % 5)});
    y->push_back((a > 0.5) != (b > 0.5));
  }
}

TEST_CASE("logistic boosted trees learn an interaction and round-trip as JSON",
          "[learning][trees]") {
  std::vector<std::vector<double>> x;
  std::vector<bool> y;
  Xor(&x, &y);
  TreeParams p;
  p.trees = 50;
  p.depth = 2;
  p.min_hessian = 1;
  const FeatureMatrix m = FeatureMatrix::FromRows(x, 3);
  BoostedTrees t = FitLogistic(m, y, p);
  size_t right = 0;
  for (size_t i = 0; i < x.size(); ++i) right += (t.Probability(x[i]) >= 0.5) == y[i];
  CHECK(double(right) / double(x.size()) > 0.95);
  CHECK(t.size() == 50);
  // no trees: the prior alone, the same for every row
  CHECK(t.Margin(x[0], 0) == t.Margin(x[1], 0));
  CHECK(t.Margin(x[0], 0) == t.base());
  auto back = BoostedTrees::FromJson(t.ToJson(Rounding::kExact, Rounding::kExact), 3, "test");
  REQUIRE(back.ok());
  for (size_t i = 0; i < 20; ++i) CHECK(back->Margin(x[i]) == t.Margin(x[i]));
  // deterministic
  BoostedTrees again = FitLogistic(m, y, p);
  CHECK(again.ToJson(Rounding::kExact, Rounding::kExact) ==
        t.ToJson(Rounding::kExact, Rounding::kExact));
  // a node pointing backwards, or at a feature the model lacks, is refused
  nlohmann::json bad = t.ToJson(Rounding::kExact, Rounding::kExact);
  REQUIRE(bad["tree_feature"][0].get<int>() >= 0);
  bad["tree_left"][0] = 0;
  CHECK_FALSE(BoostedTrees::FromJson(bad, 3, "bad").ok());
  CHECK_FALSE(
      BoostedTrees::FromJson(t.ToJson(Rounding::kExact, Rounding::kExact), 1, "narrow").ok());
  // no tree keys: an empty model
  auto none = BoostedTrees::FromJson(nlohmann::json::object(), 3, "none");
  REQUIRE(none.ok());
  CHECK(none->empty());
}

TEST_CASE("residual trees with exact splits fit a step and MarginBoth agrees with Margin",
          "[learning][trees]") {
  std::vector<std::vector<double>> x;
  std::vector<double> residual;
  for (int i = 0; i < 200; ++i) {
    double a = double((i * 37) % 101) / 100.0, b = double((i * 53) % 97) / 96.0;
    x.push_back({a, b});
    residual.push_back(a > 0.3 ? 1.0 : 0.0);
  }
  TreeParams p;
  p.trees = 20;
  p.depth = 1;
  p.learning_rate = 0.5;
  p.l2 = 0;
  p.min_hessian = 10;
  p.bins = 0;
  BoostedTrees t = FitResiduals(FeatureMatrix::FromRows(x, 2), residual, p);
  REQUIRE(t.size() == 20);
  // the first split is on feature 0, halfway between the values around 0.3
  REQUIRE(t.nodes()[0].feature == 0);
  CHECK(t.nodes()[0].split == Approx(0.305));
  for (size_t i = 0; i < x.size(); ++i) CHECK(t.Margin(x[i]) == Approx(residual[i]).margin(1e-3));
  std::vector<double> u = x[5], v = x[5];
  v[1] = 0.99;  // a feature no split tests changes nothing
  double mu = 0, mv = 0;
  t.MarginBoth(u, v, &mu, &mv);
  CHECK(mu == t.Margin(u));
  CHECK(mv == t.Margin(v));
  // float rounding of the splits: what the similarity weights store
  auto rounded = BoostedTrees::FromJson(t.ToJson(Rounding::kFloat, Rounding::kFloat), 2, "f");
  REQUIRE(rounded.ok());
  CHECK(rounded->nodes()[0].split == double(float(t.nodes()[0].split)));
}

TEST_CASE("float rows walk the compact nodes to the leaves the double nodes give",
          "[learning][trees]") {
  // Splits that are not floats (0.1, 1/3, 0.7 + 1e-12) and float features at, just below
  // and just above each: the compact copy stores the largest float <= each split.
  const double splits[] = {0.1, 1.0 / 3.0, 0.7 + 1e-12, -0.25, 2.5};
  nlohmann::json j;
  std::vector<int> roots, feature, left;
  std::vector<double> split;
  for (int t = 0; t < 5; ++t) {  // tree t: x[t % 2] <= splits[t] ? t : -t
    roots.push_back(static_cast<int>(feature.size()));
    const int at = static_cast<int>(feature.size());
    feature.insert(feature.end(), {t % 2, -1, -1});
    left.insert(left.end(), {at + 1, -1, -1});
    split.insert(split.end(), {splits[t], double(t + 1), -double(t + 1)});
  }
  j["tree_roots"] = roots;
  j["tree_feature"] = feature;
  j["tree_left"] = left;
  j["tree_split"] = split;
  auto compact = BoostedTrees::FromJson(j, 2, "compact");
  REQUIRE(compact.ok());
  BoostedTrees plain = *compact;
  plain.mutable_roots();  // drops the compact copy: rows walk the double nodes
  int checked = 0;
  for (double s : splits) {
    const float near = static_cast<float>(s);
    for (float v : {near, std::nextafter(near, -1e9f), std::nextafter(near, 1e9f)}) {
      for (float w : {0.0f, v}) {
        const std::array<float, 2> row{v, w}, other{w, v};
        double mc = 0, mc2 = 0, mp = 0, mp2 = 0;
        compact->MarginBoth(row, other, &mc, &mc2);
        plain.MarginBoth(row, other, &mp, &mp2);
        CHECK(mc == mp);
        CHECK(mc2 == mp2);
        CHECK(compact->Margin(row) == plain.Margin(row));
        // and what a double row of the same values gets
        CHECK(compact->Margin(row) == compact->Margin(std::vector<double>{v, w}));
        ++checked;
      }
    }
  }
  CHECK(checked == 30);
  // The walk does depend on the side of the split: x[0] = 0.1f (above 0.1) vs 0.0999.
  CHECK(compact->Margin(std::array<float, 2>{0.1f, 0}) !=
        compact->Margin(std::array<float, 2>{0.0999f, 0}));
}

TEST_CASE("folds: interleaved by index, grouped by a hash of the group name",
          "[learning][folds]") {
  CHECK(InterleavedFolds(5, 2) == std::vector<int>{0, 1, 0, 1, 0});
  std::vector<std::string> groups = {"a", "b", "a", "c", "b", "d", "a"};
  std::vector<int> f = GroupedFolds(groups, 2);
  REQUIRE(f.size() == groups.size());
  CHECK(f[0] == f[2]);
  CHECK(f[0] == f[6]);
  CHECK(f[1] == f[4]);
  // the order of the items does not change a group's fold
  std::vector<std::string> reversed(groups.rbegin(), groups.rend());
  std::vector<int> g = GroupedFolds(reversed, 2);
  CHECK(g[0] == f[6]);
  CHECK(g[2] == f[4]);
  // both folds used (4 groups dealt round robin)
  CHECK(std::count(f.begin(), f.end(), 0) > 0);
  CHECK(std::count(f.begin(), f.end(), 1) > 0);
}

TEST_CASE("binary counts, correlations and the F1-best threshold", "[learning][metrics]") {
  BinaryCounts c;
  for (bool p : {true, true, true, false}) c.Add(p, true);  // 3 tp, 1 fn
  c.Add(true, false);                                       // 1 fp
  c.Add(false, false);                                      // 1 tn
  CHECK(c.precision() == Approx(0.75));
  CHECK(c.recall() == Approx(0.75));
  CHECK(c.f1() == Approx(0.75));
  CHECK(c.accuracy() == Approx(4.0 / 6.0));
  CHECK(BinaryCounts{}.f1() == 0.0);
  CHECK(Pearson({1, 2, 3}, {2, 4, 6}) == Approx(1.0));
  CHECK(Spearman({1, 2, 3}, {10, 5, 0}) == Approx(-1.0));
  double f1 = 0;
  double t = BestF1Threshold({{0.9, true}, {0.8, true}, {0.4, false}, {0.2, false}}, &f1);
  CHECK(t == Approx(0.6));  // flag the two top ones: P 1, R 1
  CHECK(f1 == Approx(1.0));
}

TEST_CASE("a grouping is judged by its pairs of items", "[learning][metrics]") {
  // Items 0-3 gold group 7, items 4-5 gold group 9. Predicted: {0,1,2}, {3,4}, {5}.
  const std::vector<int64_t> predicted = {1, 1, 1, 2, 2, 3};
  const std::vector<int64_t> gold = {7, 7, 7, 7, 9, 9};
  const BinaryCounts c = GroupPairCounts(predicted, gold);
  CHECK(c.tp == 3);  // 0-1, 0-2, 1-2
  CHECK(c.fp == 1);  // 3-4
  CHECK(c.fn == 4);  // 0-3, 1-3, 2-3, 4-5
  CHECK(c.precision() == Approx(0.75));
  CHECK(c.recall() == Approx(3.0 / 7.0));
  // Labels are names only: renaming them changes nothing.
  const BinaryCounts d = GroupPairCounts({5, 5, 5, 0, 0, -1}, {1, 1, 1, 1, 2, 2});
  CHECK(d.tp == c.tp);
  CHECK(d.fp == c.fp);
  CHECK(d.fn == c.fn);
}

}  // namespace
}  // namespace diverge::learning
