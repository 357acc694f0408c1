// BoostedTrees: a sum of regression trees, the one tree model of diverge (the pair
// similarity's residual trees, the stance model's two stages). Scoring and the JSON form
// only; fitting is in learning/tree_fitting.h.
//
// Layout: every tree in one node array, tree t starting at node root(t) and its nodes
// stored after that of tree t - 1. An inner node sends a row x to `left` when
// x[feature] <= split, else to left + 1 (children come after their parent); a leaf
// (feature -1, left -1) holds its value in `split`. Margin(x) = base + the leaf values of
// x, added tree by tree in order.
//
// JSON form (keys of an enclosing object): "tree_roots", "tree_feature", "tree_left",
// "tree_split" (arrays) and "tree_base" (a number, written when not 0). FromJson refuses a
// node that points backwards or outside the array, or at a feature >= num_features, so a
// prediction always ends at a leaf.
#ifndef DIVERGE_LEARNING_BOOSTED_TREES_H_
#define DIVERGE_LEARNING_BOOSTED_TREES_H_

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::learning {

// How values are written to JSON: as they are, as float (7 significant digits), or
// rounded to 1e-9. Thresholds and leaf values are chosen separately.
enum class Rounding { kExact, kFloat, kNano };

class BoostedTrees {
 public:
  struct Node {
    int32_t feature;  // -1: a leaf
    int32_t left;     // the child for x[feature] <= split; left + 1 is the other
    double split;     // an inner node's threshold, a leaf's value
  };

  bool empty() const { return roots_.empty(); }
  size_t size() const { return roots_.size(); }  // trees
  double base() const { return base_; }

  // base + the leaf values of the first `trees` trees (all when negative). Row: anything
  // with operator[](int) giving a number (float features are compared as double).
  template <typename Row>
  double Margin(const Row& x, int trees = -1) const {
    double z = base_;
    const size_t k = trees < 0 ? roots_.size() : std::min(roots_.size(), size_t(trees));
    for (size_t t = 0; t < k; ++t) z += nodes_[Leaf(x, roots_[t])].split;
    return z;
  }
  // Logistic-loss models: P(positive) = sigmoid(Margin(x, trees)).
  template <typename Row>
  double Probability(const Row& x, int trees = -1) const {
    return Sigmoid(Margin(x, trees));
  }
  static double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }
  // Margin(x) and Margin(y) at once, for y a copy of x with a few features changed: a
  // tree whose path for x tests no changed feature gives y the same leaf (walked once).
  template <typename Row>
  void MarginBoth(const Row& x, const Row& y, double* margin_x, double* margin_y) const {
    // Trees are walked kLanes at a time, level by level, so the lanes' node loads overlap
    // (one tree is a chain of dependent loads); leaf values are still added in tree order,
    // so the sums are bit-identical to walking the trees one by one.
    constexpr size_t kLanes = 8;
    double mx = base_, my = base_;
    const size_t trees = roots_.size();
    for (size_t t0 = 0; t0 < trees; t0 += kLanes) {
      const size_t lanes = std::min(kLanes, trees - t0);
      int node[kLanes];
      bool differs[kLanes];
      for (size_t i = 0; i < lanes; ++i) node[i] = roots_[t0 + i], differs[i] = false;
      for (bool active = true; active;) {
        active = false;
        for (size_t i = 0; i < lanes; ++i) {
          const Node& nd = nodes_[node[i]];
          if (nd.feature < 0) continue;
          const int f = nd.feature;
          differs[i] = differs[i] || x[f] != y[f];
          node[i] = nd.left + (x[f] <= nd.split ? 0 : 1);
          active = true;
        }
      }
      for (size_t i = 0; i < lanes; ++i) {
        mx += nodes_[node[i]].split;
        my += nodes_[differs[i] ? Leaf(y, roots_[t0 + i]) : node[i]].split;
      }
    }
    *margin_x = mx;
    *margin_y = my;
  }

  // The JSON form's keys, in an object; see the file comment.
  nlohmann::json ToJson(Rounding thresholds, Rounding leaves) const;
  // Reads the keys of `j` (an object); no "tree_roots" key is an empty model.
  static Result<BoostedTrees> FromJson(const nlohmann::json& j, size_t num_features,
                                       const std::string& name);

  // For the fitting code (learning/tree_fitting.cc): a model is built tree by tree.
  void set_base(double base) { base_ = base; }
  std::vector<Node>& mutable_nodes() { return nodes_; }
  std::vector<int>& mutable_roots() { return roots_; }
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  template <typename Row>
  int Leaf(const Row& x, int node) const {
    while (nodes_[node].feature >= 0) {
      node = nodes_[node].left + (x[nodes_[node].feature] <= nodes_[node].split ? 0 : 1);
    }
    return node;
  }

  std::vector<Node> nodes_;
  std::vector<int> roots_;
  double base_ = 0;
};

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_BOOSTED_TREES_H_
