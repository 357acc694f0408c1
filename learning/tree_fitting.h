// Fitting BoostedTrees (learning/boosted_trees.h) by gradient boosting with second-order
// splits: a split's gain is G_l^2/(H_l + l2) + G_r^2/(H_r + l2) - G^2/(H + l2) over the
// rows' gradients g and hessians h, a leaf's value -learning_rate * G / (H + l2). Trees
// grow level by level to `depth`; ties go to the lower feature, then the lower threshold.
// Fully deterministic: no sampling, sums always in row order.
//
// Two losses: squared error on residual targets (g = -residual, h = 1: with l2 0 and
// min_hessian the fewest rows a leaf, the classic regression trees on residuals), and
// logistic loss for a binary label (base = the log-odds of the weighted prior).
// Split candidates: `bins` 0 tries every midpoint between consecutive values of a
// node's rows; bins > 0 cuts each feature once into at most `bins` (<= 256) quantile bins.
#ifndef DIVERGE_LEARNING_TREE_FITTING_H_
#define DIVERGE_LEARNING_TREE_FITTING_H_

#include <cstddef>
#include <vector>

#include "learning/boosted_trees.h"
#include "learning/tree_params.h"

namespace diverge::learning {

// Rows x features, stored by column (what the split search walks).
class FeatureMatrix {
 public:
  // rows[i][f] for f < features: any indexable row type (float values become double).
  template <typename Rows>
  static FeatureMatrix FromRows(const Rows& rows, size_t features) {
    FeatureMatrix m;
    m.rows_ = rows.size();
    m.cols_ = features;
    m.values_.resize(m.rows_ * m.cols_);
    for (size_t i = 0; i < m.rows_; ++i) {
      for (size_t f = 0; f < features; ++f) m.values_[f * m.rows_ + i] = rows[i][int(f)];
    }
    return m;
  }
  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  double at(size_t row, size_t col) const { return values_[col * rows_ + row]; }
  const double* column(size_t col) const { return values_.data() + col * rows_; }

 private:
  size_t rows_ = 0, cols_ = 0;
  std::vector<double> values_;
};

// Squared loss: trees fitting `residual` (what an earlier model left), base 0.
BoostedTrees FitResiduals(const FeatureMatrix& x, std::vector<double> residual,
                          const TreeParams& params);
// Logistic loss: trees predicting P(y) = sigmoid(Margin(x)). Empty model when x is.
BoostedTrees FitLogistic(const FeatureMatrix& x, const std::vector<bool>& y,
                         const TreeParams& params);

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_TREE_FITTING_H_
