// Semantic-textual-similarity evaluation (STS-B, SICK): the labelled-pair reader and the
// correlation of the pair similarity with the gold relatedness. Training the similarity
// on these files is analyzer/training/similarity_trainer.h.
#ifndef DIVERGE_ANALYZER_EVALUATION_STS_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_STS_EVAL_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::evaluation {

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
StsResult EvaluateSts(const embeddings::SentenceEncoder& encoder, const std::vector<StsPair>& pairs,
                      std::string* feature_table = nullptr);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_STS_EVAL_H_
