// The learned "article refutes claim" model: L2-regularised logistic regression on the
// standardised stance features (stance_features.h) and their products with the three
// claim/article match features (overlap_best, coverage, coverage_best: "refuting words
// matter when the article is about the claim"), with the decision threshold chosen
// by cross-validation. Its weights ship in analyzer/divergence/weights/stance.json
// (compiled in) and are retrained by `diverge eval train-stance` (scripts/train-stance.sh).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/divergence/stance_features.h"

namespace diverge::divergence {

class StanceModel {
 public:
  // The compiled-in weights; untrained (trained() false) when the file is "{}".
  static const StanceModel& Builtin();
  // Parses a stance.json; kCorruption naming `name` when malformed.
  static Result<StanceModel> FromJson(std::string_view json, const std::string& name);
  std::string ToJson() const;

  // Fits weights on standardised features (Newton's method, L2 penalty `lambda` on the
  // weights, not the bias). Deterministic. The threshold is left at 0.5.
  static StanceModel Fit(const std::vector<StanceFeatures>& x, const std::vector<bool>& y,
                         double lambda);

  bool trained() const { return !weights_.empty(); }
  // P(refutes) in [0, 1]; 0 when untrained.
  double Probability(const StanceFeatures& f) const;
  bool Refutes(const StanceFeatures& f) const { return trained() && Probability(f) >= threshold; }

  // The model's inputs: the features, then each times each match feature.
  static std::vector<double> Expand(const StanceFeatures& f);

  double threshold = 0.5;
  double lambda = 1.0;
  std::string note;  // training data and CV figures, stored in the JSON

 private:
  std::vector<double> mean_, scale_, weights_;
  double bias_ = 0;
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_MODEL_H_
