// Training the stance model (stance_model.h) with honest figures: K-fold cross-validation
// grouped by article (every claim paired with one article lands in the same fold), the
// L2 penalty and the decision threshold chosen inside each training part by an inner
// grouped cross-validation, so the reported F1 is measured on articles never seen.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_

#include <string>
#include <vector>

#include "analyzer/divergence/stance_model.h"

namespace diverge::divergence {

struct StanceExample {
  StanceFeatures x{};
  bool refutes = false;
  std::string group;  // the article id (FNC-1 Body ID)
};

struct StanceTrainResult {
  StanceModel model;  // fitted on all examples, threshold and lambda chosen by CV
  double cv_precision = 0, cv_recall = 0, cv_f1 = 0;
  std::string report;  // one line per outer fold
};

StanceTrainResult TrainStance(const std::vector<StanceExample>& examples, int folds,
                              const std::vector<double>& lambdas);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_
