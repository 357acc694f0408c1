// Gradient-boosted regression trees for a binary label (logistic loss, second-order
// splits with an L2 penalty on leaf values, as in the usual "boosted trees" recipe),
// grown depth-wise on features cut into at most `bins` quantile bins. Fully
// deterministic: no sampling, ties broken by feature then bin order. Used by the stance
// model (stance_model.h); kept generic so it can be tested on synthetic data.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_BOOSTED_TREES_H_
#define DIVERGE_ANALYZER_DIVERGENCE_BOOSTED_TREES_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/base/result.h"

namespace diverge::divergence {

struct BoostParams {
  int trees = 200;
  int depth = 3;
  double learning_rate = 0.1;
  double l2 = 1.0;           // penalty on leaf values
  double min_hessian = 5.0;  // least summed hessian in a leaf
  int bins = 64;
  double positive_weight = 1.0;  // weight of a positive example in the loss
};

class BoostedTrees {
 public:
  // Fits on rows of equal length. `y` true = positive. Deterministic.
  static BoostedTrees Fit(const std::vector<std::vector<double>>& x, const std::vector<bool>& y,
                          const BoostParams& params);

  bool empty() const { return trees_.empty(); }
  size_t size() const { return trees_.size(); }
  // The log-odds after the first `trees` trees (all when negative).
  double Margin(const std::vector<double>& x, int trees = -1) const;
  double Probability(const std::vector<double>& x, int trees = -1) const;
  // Keeps the first `trees` trees.
  void Truncate(size_t trees);

  nlohmann::json ToJson() const;
  static Result<BoostedTrees> FromJson(const nlohmann::json& j, size_t num_features,
                                       const std::string& name);

 private:
  struct Node {
    int feature = -1;  // -1: a leaf
    double threshold = 0;  // x[feature] <= threshold goes left
    int left = -1, right = -1;
    double value = 0;  // a leaf's contribution to the log-odds
  };
  std::vector<std::vector<Node>> trees_;
  double base_ = 0;
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_BOOSTED_TREES_H_
