// Semantic-textual-similarity evaluation (STS-B, SICK) and training of the learned
// similarity combiner on train splits.
#ifndef DIVERGE_EMBEDDINGS_STS_EVAL_H_
#define DIVERGE_EMBEDDINGS_STS_EVAL_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/sentence_encoder.h"

namespace diverge {

enum class StsFormat { kAuto, kStsb, kSick };

struct StsPair {
  std::string a, b;
  double score = 0;  // gold, rescaled to [0, 1] (STS-B /5, SICK (x-1)/4)
};

// Reads STS-B (tab-separated: genre, file, year, id, score, s1, s2[, extra...]) or SICK
// (header "pair_ID sentence_A sentence_B relatedness_score ..."). kAuto looks at the
// header. Errors name the file and line.
Result<std::vector<StsPair>> ReadStsFile(const std::string& path, StsFormat format);

struct StsResult {
  size_t n = 0;
  double pearson = 0, spearman = 0;                // learned score vs gold
  double cosine_pearson = 0, cosine_spearman = 0;  // plain SIF cosine vs gold
};

// `feature_table`, if given, receives a tab-separated table: a header "gold score
// <feature names...>" then one row per pair (the inspectable breakdown of each score).
StsResult EvaluateSts(const SentenceEncoder& encoder, const std::vector<StsPair>& pairs,
                      std::string* feature_table = nullptr);

struct TrainSimilarityOptions {
  std::vector<std::string> train_files;  // STS-B / SICK train splits only
  int folds = 5;
  // {hidden, lambda, epochs, trees, depth, shrinkage, min_leaf}; chosen by CV.
  std::vector<CombinerConfig> configs = {{0, 10, 0, 300, 4, 0.05, 20},
                                         {0, 10, 0, 1000, 6, 0.02, 10},
                                         {0, 10, 0, 1500, 7, 0.015, 10},
                                         {0, 30, 0, 2000, 6, 0.015, 10}};
};

// Parses "lambda=10,trees=300,depth=4,shrink=0.05,leaf=20,hidden=0,epochs=30" (any
// subset; unnamed keys keep their defaults). kInvalidArgument on an unknown key.
Result<CombinerConfig> ParseCombinerConfig(const std::string& text);

struct TrainSimilarityResult {
  SimilarityCombiner combiner;
  size_t n = 0;
  double cv_spearman = 0;  // mean over train files of the k-fold CV Spearman (chosen config)
  std::vector<double> cv_by_file;  // the chosen config's CV Spearman within each train file
  CombinerConfig config;
  std::string report;  // CV Spearman of every config tried
};

// Fits the combiner on the union of the train files (lambda by k-fold CV).
Result<TrainSimilarityResult> TrainSimilarity(const SentenceEncoder& encoder,
                                              const TrainSimilarityOptions& options);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_STS_EVAL_H_
