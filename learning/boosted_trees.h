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
#include <type_traits>
#include <utility>
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
    if (trees < 0 || size_t(trees) >= roots_.size()) {
      double z = 0;
      Walk<false>(x, x, &z, nullptr);
      return z;
    }
    double z = base_;
    for (size_t t = 0; t < size_t(trees); ++t) z += nodes_[LeafOf(x, roots_[t])].split;
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
    Walk<true>(x, y, margin_x, margin_y);
  }

  // The JSON form's keys, in an object; see the file comment.
  nlohmann::json ToJson(Rounding thresholds, Rounding leaves) const;
  // Reads the keys of `j` (an object); no "tree_roots" key is an empty model.
  static Result<BoostedTrees> FromJson(const nlohmann::json& j, size_t num_features,
                                       const std::string& name);

  // For the fitting code (learning/tree_fitting.cc): a model is built tree by tree.
  void set_base(double base) { base_ = base; }
  std::vector<Node>& mutable_nodes() {
    compact_.clear();
    return nodes_;
  }
  std::vector<int>& mutable_roots() {
    compact_.clear();
    return roots_;
  }
  // Builds the compact copy of the nodes that rows of float features walk (FromJson
  // calls it; a fitted model walks the plain nodes until it is called).
  void Compact();
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  // Margin(x) into *margin_x and, when kBoth, Margin(y) into *margin_y (y a copy of x with
  // a few features changed). Trees are walked kLanes at a time, level by level, so the
  // lanes' node loads overlap (one tree is a chain of dependent loads); leaf values are
  // still added in tree order, so the sums are bit-identical to walking the trees one by
  // one.
  template <bool kBoth, typename Row>
  void Walk(const Row& x, const Row& y, double* margin_x, double* margin_y) const {
    constexpr size_t kLanes = 8;
    double mx = base_, my = base_;
    const size_t trees = roots_.size();
    const bool compact = UsesCompact<Row>();
    for (size_t t0 = 0; t0 < trees; t0 += kLanes) {
      const size_t lanes = std::min(kLanes, trees - t0);
      int node[kLanes];
      bool differs[kLanes];
      for (size_t i = 0; i < lanes; ++i) node[i] = roots_[t0 + i], differs[i] = false;
      if (compact) {
        for (bool active = true; active;) {
          active = false;
          for (size_t i = 0; i < lanes; ++i) {
            const CompactNode nd = compact_[node[i]];
            if (nd.feature == kLeaf) continue;
            if constexpr (kBoth) differs[i] = differs[i] || x[nd.feature] != y[nd.feature];
            node[i] += nd.to_left + (x[nd.feature] <= nd.split ? 0 : 1);
            active = true;
          }
        }
      } else {
        for (bool active = true; active;) {
          active = false;
          for (size_t i = 0; i < lanes; ++i) {
            const Node& nd = nodes_[node[i]];
            if (nd.feature < 0) continue;
            const int f = nd.feature;
            if constexpr (kBoth) differs[i] = differs[i] || x[f] != y[f];
            node[i] = nd.left + (x[f] <= nd.split ? 0 : 1);
            active = true;
          }
        }
      }
      for (size_t i = 0; i < lanes; ++i) {
        mx += nodes_[node[i]].split;
        if constexpr (kBoth) {
          my += nodes_[differs[i] ? LeafOf(y, roots_[t0 + i]) : node[i]].split;
        }
      }
    }
    *margin_x = mx;
    if constexpr (kBoth) *margin_y = my;
  }

  // A node for rows of float features: 8 bytes instead of 16, so twice as many trees
  // stay in cache. `split` is the largest float <= the node's double split, so x <= split
  // for a float x exactly when double(x) <= the double split: the walk ends at the same
  // leaf. Leaves (feature kLeaf) keep their value in nodes_. Compact() leaves the model
  // without a compact copy when a child is more than 65,535 nodes after its parent.
  static constexpr uint16_t kLeaf = 0xFFFF;
  struct CompactNode {
    float split;
    uint16_t feature;
    uint16_t to_left;  // the child for x[feature] <= split is this many nodes on
  };
  template <typename Row>
  bool UsesCompact() const {
    using Value = std::decay_t<decltype(std::declval<const Row&>()[0])>;
    return std::is_same_v<Value, float> && compact_.size() == nodes_.size();
  }
  template <typename Row>
  int LeafOf(const Row& x, int node) const {
    if (UsesCompact<Row>()) {
      while (compact_[node].feature != kLeaf) {
        const CompactNode nd = compact_[node];
        node += nd.to_left + (x[nd.feature] <= nd.split ? 0 : 1);
      }
      return node;
    }
    while (nodes_[node].feature >= 0) {
      node = nodes_[node].left + (x[nodes_[node].feature] <= nodes_[node].split ? 0 : 1);
    }
    return node;
  }

  std::vector<Node> nodes_;
  std::vector<CompactNode> compact_;  // empty, or one per node (Compact)
  std::vector<int> roots_;
  double base_ = 0;
};

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_BOOSTED_TREES_H_
