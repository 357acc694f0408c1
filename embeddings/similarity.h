// Pair similarity parts and their learned combination.
//
// PairSimilarity keeps every part inspectable; `score` is the learned combination in
// [0, 1] (trained to predict STS-B / SICK relatedness rescaled to [0, 1]). The
// combiner is a ridge regression on the standardised base features and their pairwise
// products plus boosted trees on its residuals; its weights ship in
// embeddings/weights/similarity.json (compiled in) and are retrained by
// `diverge eval train-sim` (scripts/train-similarity.sh).
#ifndef DIVERGE_EMBEDDINGS_SIMILARITY_H_
#define DIVERGE_EMBEDDINGS_SIMILARITY_H_

#include <Eigen/Core>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "learning/boosted_trees.h"

namespace diverge::embeddings {

// Base features, in this order (names are the keys in similarity.json).
inline constexpr int kNumSimilarityFeatures = 36;
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
    "align_plain_f1",     // the alignment F1 without IDF weights
    "align_sq_f1",        // IDF-weighted alignment F1 of max(cos, 0)^2 (strong matches)
    "unaligned",          // IDF mass share of words whose best match has cos < 0.5
    "bigram_jaccard",     // Jaccard of word bigrams (word order)
    "length_diff",        // |log(tokens a) - log(tokens b)|
    "cosine_raw",         // SIF cosine without common-component removal
    "cosine_avg",         // cosine of the plain averaged word vectors
    "align_content_f1",   // IDF-weighted alignment F1 over content words only
    "word_jaccard",       // Jaccard of the word-token sets
    "char3_jaccard",      // Jaccard of character trigrams
    "align_one2one_f1",   // greedy one-to-one alignment, IDF-weighted F1
    "length_min",         // log of the shorter token count
    "length_max",         // log of the longer token count
    "negation_diff",      // |negators a - negators b|
    "unmatched_terms",    // log1p(content terms found on one side only)
    "align_max",          // max(precision, recall) of the IDF alignment
    "cosine_content",     // SIF cosine over content words only (no stopwords)
    "content_min_best",   // worst best-match cosine of any content word, either side
    "order_discord",      // share of discordant pairs among one-to-one content matches
    "unmatched_max_idf",  // max idf * (1 - best cosine) of a content word, either side
    "strong_align_f1",    // F1 of the shares of content words with a match >= 0.75
    "lcs_ratio",          // longest common subsequence of word stems / the longer length
    "wordnet_antonyms",   // content-word pairs across the sides that are WordNet antonyms
    "substituted",        // IDF share of one-to-one content matches with cosine in [0.5, 0.8)
    "noun_align_f1",      // IDF-weighted alignment F1 over nouns (WordNet part of speech)
    "verb_align_f1",      // the same over verbs (-ing forms with a verb sense are verbs)
    "head_match",         // min over sides of the first content word's best match
};

// The base features plus, for the learned combination, the element-wise product and
// absolute difference of the two sentence vectors (2 * dims values).
struct SimilarityFeatures {
  std::array<float, kNumSimilarityFeatures> base{};
  std::vector<float> vec;
  float operator[](int i) const { return base[i]; }
  float& operator[](int i) { return base[i]; }
};

struct PairSimilarity {
  float cosine = 0;     // embedding cosine of the SIF vectors, [-1, 1]
  float alignment = 0;  // soft word alignment F1, [0, 1]
  float lexical = 0;    // IDF-weighted term Jaccard, [0, 1]
  float numbers = 1;    // number-token agreement, [0, 1]
  float entities = 1;   // named-entity agreement, [0, 1]
  bool negation_mismatch = false;
  float length_ratio = 1;
  float score = 0;  // learned combination, [0, 1] (the STS relatedness estimate)
  // The learned combination with the features of what a claim SAYS set to "agree"
  // (numbers, negation_mismatch, negation_diff, wordnet_antonyms, order_discord): how
  // related the two would be if those agreed. Clustering uses it: differing numbers,
  // negation and antonyms are divergences reported within a claim, and outlets list the
  // same members or put the same clauses in another order ("Russia, Armenia, Belarus"
  // vs "Armenia, Belarus, ... Russia"), which the STS-trained order feature penalises.
  float claim_score = 0;
  SimilarityFeatures features{};
};

// The position of a feature in kSimilarityFeatureNames (compile-time; -1 if unknown).
constexpr int FeatureIndex(std::string_view name) {
  for (int i = 0; i < kNumSimilarityFeatures; ++i) {
    if (kSimilarityFeatureNames[i] == name) return i;
  }
  return -1;
}

// The same, for code that fills or reads a feature by name: an unknown name does not
// compile (a throw is not a constant expression).
consteval int Feature(std::string_view name) {
  const int i = FeatureIndex(name);
  if (i < 0) throw "unknown similarity feature";
  return i;
}

// `f` with the features of what a claim SAYS set to their "agree" values: numbers 1,
// negation_mismatch, negation_diff, wordnet_antonyms and order_discord 0. claim_score is
// the combiner's score of these (see PairSimilarity::claim_score).
SimilarityFeatures ClaimFeatures(const SimilarityFeatures& f);

// The ridge part of the combiner: weights on the standardised expanded features
// (SimilarityCombiner::Expand), score = bias + sum_k weights[k] (x[k] - mean[k]) / scale[k].
struct RidgeWeights {
  std::vector<double> mean, scale, weights;
  double bias = 0;
  int vec_size = 0;  // how many vector features (2 * dims) follow the base ones
};

// Scoring with the learned combination and its JSON form. Fitting is training's
// (analyzer/training/similarity_trainer.h), apart from what `analyze` links.
class SimilarityCombiner {
 public:
  SimilarityCombiner() = default;  // untrained: score = max(cosine, 0)
  // Ridge weights plus boosted trees (learning/boosted_trees.h) on the base features that
  // fit its residuals.
  SimilarityCombiner(RidgeWeights ridge, learning::BoostedTrees trees);
  // The compiled-in weights (embeddings/weights/similarity.json). If those are empty
  // (bootstrap), falls back to score = max(cosine, 0).
  static SimilarityCombiner Builtin();
  // Parses a similarity.json; kCorruption naming `name` if malformed.
  static Result<SimilarityCombiner> FromJson(std::string_view json, const std::string& name);

  float Score(const SimilarityFeatures& f) const;
  // Score(f) and Score(g) at once, for g a copy of f with a few features changed (as
  // claim_score is): a tree whose path for f tests no changed feature gives g the same
  // leaf, so it is walked once.
  void ScoreBoth(const SimilarityFeatures& f, const SimilarityFeatures& g, float* score_f,
                 float* score_g) const;
  bool trained() const { return !ridge_.mean.empty(); }
  std::string ToJson() const;

  // The expanded features the ridge part weighs: the base features, their pairwise
  // products (i <= j), then the vector features.
  static std::vector<double> Expand(const SimilarityFeatures& f);

  std::string note;  // free text stored in the JSON (training data, CV figures)

 private:
  RidgeWeights ridge_;
  learning::BoostedTrees trees_;
  // Ridge weights folded with the standardisation: score = folded_bias_ + folded . x.
  std::vector<double> folded_;
  double folded_bias_ = 0;
  void Prepare();  // fills folded_
  double LinearScore(const SimilarityFeatures& f) const;
};

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_SIMILARITY_H_
