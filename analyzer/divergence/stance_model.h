// The learned "article refutes claim" model, in two stages as in FNC-1 stance detection:
// boosted trees (learning/boosted_trees.h) on the stance features (stance_features.h)
// give P(the article is about the claim) and P(it refutes the claim | it is about it);
// their product is compared with a decision threshold chosen by cross-validation. Its
// weights ship in analyzer/divergence/weights/stance.json (compiled in) and are retrained
// by `diverge eval train-stance` (scripts/train-stance.sh, the fitting in
// analyzer/training/stance_trainer.h). Scoring and loading only.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/divergence/stance_features.h"
#include "learning/boosted_trees.h"
#include "learning/tree_params.h"

namespace diverge::divergence {

// One training example: the features and the FNC-1-style labels.
struct StanceLabels {
  bool related = false;  // the article is about the claim (FNC-1: not "unrelated")
  bool refutes = false;  // the article refutes the claim (FNC-1: "disagree")
};

// How each stage was fitted (stored in the JSON; logistic loss, binned splits).
struct StanceParams {
  learning::TreeParams related;  // stage 1: related vs unrelated, on all examples
  learning::TreeParams refutes;  // stage 2: refutes vs not, on related examples
};

class StanceModel {
 public:
  // The compiled-in weights; untrained (trained() false) when the file is "{}".
  static const StanceModel& Builtin();
  // Parses a stance.json; kCorruption naming `name` when malformed.
  static Result<StanceModel> FromJson(std::string_view json, const std::string& name);
  std::string ToJson() const;

  StanceModel() = default;  // untrained
  // The two fitted stages (an empty `related`: one stage); threshold 0.5.
  StanceModel(learning::BoostedTrees related, learning::BoostedTrees refutes,
              StanceParams params);

  bool trained() const { return !refutes_.empty(); }
  // P(related) * P(refutes | related) in [0, 1]; 0 when untrained. `refute_trees` < 0
  // uses all stage-2 trees, else the first that many (for choosing their number).
  double Probability(const StanceFeatures& f, int refute_trees = -1) const;
  // Stage 1 alone: P(related), 1 without a related stage.
  double RelatedProbability(const StanceFeatures& f) const;
  bool Refutes(const StanceFeatures& f) const { return trained() && Probability(f) >= threshold; }
  size_t refute_trees() const { return refutes_.size(); }

  double threshold = 0.5;
  StanceParams params;
  std::string note;  // training data and CV figures, stored in the JSON

 private:
  learning::BoostedTrees related_, refutes_;
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_
