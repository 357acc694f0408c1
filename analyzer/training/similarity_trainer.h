// Training the pair-similarity combiner (embeddings/similarity.h) on STS-B / SICK train
// splits: ridge regression on the expanded features, then boosted regression trees
// (learning/tree_fitting.h) on the base features fitting the ridge residuals, with the
// configuration chosen by k-fold cross-validation. Deterministic: fixed folds (pair i in
// fold i % k), no sampling. The runtime only scores and loads what this writes.
#ifndef DIVERGE_ANALYZER_TRAINING_SIMILARITY_TRAINER_H_
#define DIVERGE_ANALYZER_TRAINING_SIMILARITY_TRAINER_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/sentence_encoder.h"
#include "embeddings/similarity.h"

namespace diverge::training {

// Ridge with L2 penalty `lambda`; trees > 0: then gradient-boosted regression trees
// (depth `depth`, shrinkage `shrinkage`, >= `min_leaf` pairs a leaf) on the base features
// fit the ridge residuals.
struct CombinerConfig {
  double lambda = 1.0;
  int trees = 0;
  int depth = 3;
  double shrinkage = 0.05;  // boosted trees: learning rate
  int min_leaf = 20;        // boosted trees: fewest training pairs in a leaf
};

// Parses "lambda=10,trees=300,depth=4,shrink=0.05,leaf=20" (any subset; unnamed keys
// keep their defaults). kInvalidArgument on an unknown key or a value not a number.
Result<CombinerConfig> ParseCombinerConfig(const std::string& text);

// Fits on all of x (non-empty), standardised on it.
embeddings::SimilarityCombiner FitCombiner(const std::vector<embeddings::SimilarityFeatures>& x,
                                           const std::vector<float>& y,
                                           const CombinerConfig& config);

struct CombinerSearch {
  CombinerConfig chosen;
  double cv_spearman = 0;          // the chosen config's mean over groups
  std::vector<double> cv_by_group;  // its per-group figures
  std::string report;              // one line per config tried
};
// Chooses among `configs` by k-fold cross-validation and refits on all data.
// `groups[i]` is pair i's data set (0..G-1, e.g. STS-B and SICK; empty: one group): the
// CV Spearman is computed within each group and fold, averaged over folds, and the
// config with the best mean over groups wins (the first on a tie).
embeddings::SimilarityCombiner FitCombinerCV(const std::vector<embeddings::SimilarityFeatures>& x,
                                             const std::vector<float>& y,
                                             const std::vector<int>& groups,
                                             const std::vector<CombinerConfig>& configs, int folds,
                                             CombinerSearch* search);

struct TrainSimilarityOptions {
  std::vector<std::string> train_files;  // STS-B / SICK train splits only
  int folds = 5;
  // {lambda, trees, depth, shrinkage, min_leaf}; chosen by CV.
  std::vector<CombinerConfig> configs = {{10, 300, 4, 0.05, 20},
                                         {10, 1000, 6, 0.02, 10},
                                         {10, 1500, 7, 0.015, 10},
                                         {30, 2000, 6, 0.015, 10}};
};

struct TrainSimilarityResult {
  embeddings::SimilarityCombiner combiner;
  size_t n = 0;
  double cv_spearman = 0;  // mean over train files of the k-fold CV Spearman (chosen config)
  std::vector<double> cv_by_file;  // the chosen config's CV Spearman within each train file
  CombinerConfig config;
  std::string report;  // CV Spearman of every config tried
};

// Reads the train files (evaluation/sts_eval.h ReadStsFile), computes the pair features
// with `encoder` and fits the combiner (FitCombinerCV, one group per file); the
// combiner's note names the files, the model and the CV figures.
Result<TrainSimilarityResult> TrainSimilarity(const embeddings::SentenceEncoder& encoder,
                                              const TrainSimilarityOptions& options);

}  // namespace diverge::training

#endif  // DIVERGE_ANALYZER_TRAINING_SIMILARITY_TRAINER_H_
