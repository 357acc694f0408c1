// TreeParams: how BoostedTrees (learning/boosted_trees.h) are fitted. The fitting is
// learning/tree_fitting.h; a model that stores its settings (the stance model's JSON)
// includes only this.
#ifndef DIVERGE_LEARNING_TREE_PARAMS_H_
#define DIVERGE_LEARNING_TREE_PARAMS_H_

namespace diverge::learning {

struct TreeParams {
  int trees = 200;
  int depth = 3;
  double learning_rate = 0.1;
  double l2 = 1.0;               // penalty on leaf values
  double min_hessian = 5.0;      // least summed hessian in a leaf (squared loss: rows)
  int bins = 64;                 // 0: exact splits; see learning/tree_fitting.h
  double positive_weight = 1.0;  // logistic loss: weight of a positive row
  double min_gain = 1e-9;        // a split must gain more than this
};

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_TREE_PARAMS_H_
