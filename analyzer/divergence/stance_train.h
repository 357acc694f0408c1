// Training the stance model (stance_model.h) with honest figures: K-fold cross-validation
// grouped by article (every claim paired with one article lands in the same fold). The
// refutes stage's tree depth, positive-class weight and number of trees, and the decision
// threshold, are chosen inside each training part by an inner grouped cross-validation,
// so the reported F1 is measured on articles never seen.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_

#include <map>
#include <string>
#include <vector>

#include "analyzer/divergence/stance_model.h"

namespace diverge::divergence {

struct StanceExample {
  StanceFeatures x{};
  StanceLabels y;
  std::string group;  // the article id (FNC-1 Body ID)
  std::string label;  // the gold class name, for the per-class report (FNC-1 Stance)
};

// What the search tries: stage 1 is fixed; each refutes candidate is tried with the
// first `checkpoints` trees of its fit.
struct StanceSearch {
  BoostParams related;
  std::vector<BoostParams> refutes;
  std::vector<int> checkpoints;
};
// The search scripts/train-stance.sh uses.
StanceSearch DefaultStanceSearch();

struct StanceTrainResult {
  StanceModel model;  // fitted on all examples, hyperparameters and threshold chosen by CV
  double cv_precision = 0, cv_recall = 0, cv_f1 = 0;
  double cv_related_accuracy = 0;  // stage 1 (P >= 0.5) against the related label
  // per gold class: (pairs, pairs flagged as refuting) in the outer folds
  std::map<std::string, std::pair<size_t, size_t>> cv_by_label;
  std::string report;  // one line per outer fold
};

StanceTrainResult TrainStance(const std::vector<StanceExample>& examples, int folds,
                              const StanceSearch& search);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_TRAIN_H_
