// Pair similarity parts and their learned combination.
//
// PairSimilarity keeps every part inspectable; `score` is the learned combination in
// [0, 1] (trained to predict STS-B / SICK relatedness rescaled to [0, 1]). The
// combiner is a ridge regression on the standardised base features and their pairwise
// products; its weights ship in embeddings/weights/similarity.json (compiled in) and are
// retrained by `diverge eval train-sim` (scripts/train-similarity.sh).
#ifndef DIVERGE_EMBEDDINGS_SIMILARITY_H_
#define DIVERGE_EMBEDDINGS_SIMILARITY_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge {

// Base features, in this order (names are the keys in similarity.json).
inline constexpr int kNumSimilarityFeatures = 9;
inline constexpr std::array<std::string_view, kNumSimilarityFeatures> kSimilarityFeatureNames = {
    "cosine",             // SIF sentence-vector cosine
    "align_f1",           // IDF-weighted greedy max-cosine word alignment, F1 (BERTScore-like)
    "align_min",          // min(precision, recall) of that alignment
    "lex_jaccard",        // IDF-weighted Jaccard of content terms
    "lex_contain",        // IDF-weighted overlap / the smaller side
    "numbers",            // Jaccard of number tokens (1 if neither has numbers)
    "entities",           // Jaccard of capitalised words (1 if neither has any)
    "negation_mismatch",  // 1 if exactly one side is negated
    "length_ratio",       // min/max of token counts
};

using SimilarityFeatures = std::array<float, kNumSimilarityFeatures>;

struct PairSimilarity {
  float cosine = 0;     // embedding cosine of the SIF vectors, [-1, 1]
  float alignment = 0;  // soft word alignment F1, [0, 1]
  float lexical = 0;    // IDF-weighted term Jaccard, [0, 1]
  float numbers = 1;    // number-token agreement, [0, 1]
  float entities = 1;   // named-entity agreement, [0, 1]
  bool negation_mismatch = false;
  float length_ratio = 1;
  float score = 0;  // learned combination, [0, 1]
  SimilarityFeatures features{};
};

class SimilarityCombiner {
 public:
  // The compiled-in weights (embeddings/weights/similarity.json). If those are empty
  // (bootstrap), falls back to score = max(cosine, 0).
  static SimilarityCombiner Builtin();
  // Parses a similarity.json; kCorruption naming `name` if malformed.
  static Result<SimilarityCombiner> FromJson(std::string_view json, const std::string& name);

  float Score(const SimilarityFeatures& f) const;
  std::string ToJson() const;
  bool trained() const { return !weights_.empty(); }

  // Ridge regression on the expanded features (base + pairwise products), features
  // standardised on the training data; `lambda` the L2 penalty.
  static SimilarityCombiner Fit(const std::vector<SimilarityFeatures>& x,
                                const std::vector<float>& y, double lambda);
  // Chooses lambda among `lambdas` by k-fold cross-validation (folds by index modulo k,
  // deterministic), maximising mean Spearman; refits on all data. `cv_spearman` receives
  // the mean CV Spearman of the chosen lambda.
  static SimilarityCombiner FitCV(const std::vector<SimilarityFeatures>& x,
                                  const std::vector<float>& y, const std::vector<double>& lambdas,
                                  int folds, double* cv_spearman, double* chosen_lambda);

  std::string note;  // free text stored in the JSON (training data, CV figures)

 private:
  static std::vector<double> Expand(const SimilarityFeatures& f);
  std::vector<double> mean_, scale_, weights_;
  double bias_ = 0;
};

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_SIMILARITY_H_
