// Training the stance model (analyzer/divergence/stance_model.h) with honest figures:
// K-fold cross-validation grouped by article (every claim paired with one article lands
// in the same fold; learning/folds.h). The refutes stage's tree depth, positive-class
// weight and number of trees, and the decision threshold, are chosen inside each
// training part by an inner grouped cross-validation, so the reported F1 is measured on
// articles never seen. Each stage is logistic-loss boosted trees
// (learning/tree_fitting.h). Deterministic.
#ifndef DIVERGE_ANALYZER_TRAINING_STANCE_TRAINER_H_
#define DIVERGE_ANALYZER_TRAINING_STANCE_TRAINER_H_

#include <map>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/stance_model.h"
#include "learning/tree_params.h"

namespace diverge::training {

using divergence::StanceFeatures;
using divergence::StanceLabels;
using divergence::StanceModel;
using divergence::StanceParams;

struct StanceExample {
  StanceFeatures x{};
  StanceLabels y;
  std::string group;  // the article id (FNC-1 Body ID)
  std::string label;  // the gold class name, for the per-class report (FNC-1 Stance)
};

// What the search tries: stage 1 is fixed; each refutes candidate is tried with the
// first `checkpoints` trees of its fit.
struct StanceSearch {
  learning::TreeParams related;
  std::vector<learning::TreeParams> refutes;
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

// Fits both stages on all of x: stage 1 (related) when params.related.trees > 0, then
// stage 2 (refutes) on the related examples (on all of them without a stage 1). The
// threshold is left at 0.5.
StanceModel FitStance(const std::vector<StanceFeatures>& x, const std::vector<StanceLabels>& y,
                      const StanceParams& params);

StanceTrainResult TrainStance(const std::vector<StanceExample>& examples, int folds,
                              const StanceSearch& search);

// TrainStance with DefaultStanceSearch on labelled claim/article pairs (FNC-1 stances
// files, evaluation/pairs_eval.h): features from ClaimArticleFeatures, groups the files'
// Body IDs. kInvalidArgument when folds < 2. A non-empty `features_cache` names a TSV of
// the computed features (group, gold label, features): read when it exists (a quicker
// retrain after changing only the model), else written.
Result<StanceTrainResult> TrainStanceOnFiles(const std::vector<std::string>& files, int folds,
                                             const divergence::DetectOptions& options,
                                             const std::string& features_cache = "");

}  // namespace diverge::training

#endif  // DIVERGE_ANALYZER_TRAINING_STANCE_TRAINER_H_
