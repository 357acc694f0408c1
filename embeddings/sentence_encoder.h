// SentenceEncoder: text -> EncodedSentence (SIF sentence vector + the lexical parts the
// pair similarity needs), and the pair similarity clustering uses to decide "same claim".
//
//   auto model = EmbeddingModel::Load(DefaultModelPath(DIVERGE_DEFAULT_MODEL));
//   SentenceEncoder enc(**model);
//   EncodedSentence a = enc.Encode("Prices rose 5% in May."), b = enc.Encode(...);
//   PairSimilarity s = enc.Similarity(a, b);   // s.score in [0, 1], parts inspectable
//   RowMatrixXf m = enc.EncodeAll(texts);        // N x d, L2-normalised rows, for kNN
//
// Sentence vector: SIF (Arora et al. 2017) with weight a / (a + p(w)), a = 1e-3, p(w)
// estimated from the word's frequency rank with Zipf's law (the model stores ranks), then
// the model's FIXED common component (estimated from the vocabulary when the model was
// converted, see EstimateCommonComponent) is projected out, then L2-normalised. So a
// sentence's vector depends only on the sentence and the model: never on the rest of the
// corpus or its order. Hyphenated words unknown as a whole are split; unknown words use
// fastText subword vectors when the model has them; numbers and negators have no vector
// but are kept for the lexical parts.
// Thread-safety: Encode/Similarity are const and may run concurrently.
#ifndef DIVERGE_EMBEDDINGS_SENTENCE_ENCODER_H_
#define DIVERGE_EMBEDDINGS_SENTENCE_ENCODER_H_

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/base/row_matrix.h"
#include "embeddings/embedding_model.h"
#include "embeddings/similarity.h"
#include "embeddings/word_senses.h"

namespace diverge {

struct EncodedSentence {
  Eigen::VectorXf vector;             // L2-normalised SIF vector (all zeros: no known word)
  Eigen::VectorXf vector_raw;         // SIF vector before common-component removal
  Eigen::VectorXf vector_avg;         // plain average of the word vectors
  std::vector<int32_t> word_ids;      // model rows of the in-vocabulary words, in order
  std::vector<float> idf;             // -log p(w) per word_ids entry (for alignment)
  std::vector<char> content;          // per word_ids entry: not a stopword
  std::vector<uint64_t> stem_keys;    // per word_ids entry: hash of InflectionStem(word)
  // per word_ids entry: WordNet senses of content words (nullptr for the others or
  // without WordNet); entries are owned by WordSenses::Default(), which lives forever.
  std::vector<const WordSenseSets*> senses;
  std::vector<uint8_t> pos;           // per word_ids entry: CoarsePos (0 for non-content words)
  std::vector<std::string> words;     // all word tokens, lowercased, in order
  std::vector<std::string> terms;     // stems of content words (known or not; not stopwords)
  std::vector<float> term_idf;        // idf per terms entry (unknown words: the maximum)
  std::vector<std::string> numbers;   // canonical number tokens, in order
  std::vector<std::string> entities;  // capitalised non-initial words (lowercased)
  std::vector<std::string> bigrams;   // "w1 w2" of consecutive word tokens
  int negations = 0;                  // count of negators
  int tokens = 0;                     // word + number + negation tokens
};

struct EncoderOptions {
  double sif_a = 1e-3;
  // Sum unit-length word vectors (as uSIF does): GloVe norms grow with frequency.
  // Off: on STS-B/SICK train it made no consistent difference.
  bool unit_word_vectors = false;
  bool remove_common_component = true;
  // WordNet synonyms / hypernyms / antonyms as evidence in the pair similarity (when
  // WordNet is installed; see word_senses.h). Loaded on the first Encode.
  bool use_wordnet = true;
};

class SentenceEncoder {
 public:
  // `model` must outlive the encoder. Uses the built-in learned similarity weights.
  explicit SentenceEncoder(const EmbeddingModel& model, EncoderOptions options = {});

  EncodedSentence Encode(std::string_view text) const;
  // Rows are Encode(texts[i]).vector; computed on up to `threads` threads (0 = all cores).
  RowMatrixXf EncodeAll(const std::vector<std::string>& texts, int threads = 0) const;

  // All similarity parts and the combined score (see embeddings/similarity.h).
  PairSimilarity Similarity(const EncodedSentence& a, const EncodedSentence& b) const;
  // The feature vector the learned combination uses (for training).
  SimilarityFeatures Features(const EncodedSentence& a, const EncodedSentence& b) const;

  // Replaces the learned combination (e.g. freshly trained weights).
  void set_combiner(SimilarityCombiner combiner) { combiner_ = std::move(combiner); }
  const SimilarityCombiner& combiner() const { return combiner_; }
  const EmbeddingModel& model() const { return model_; }

 private:
  // full = false: only `vector` is filled, for EncodeAll.
  EncodedSentence EncodeImpl(std::string_view text, bool full) const;

  const EmbeddingModel& model_;
  EncoderOptions options_;
  SimilarityCombiner combiner_;
  float max_idf_ = 1.0f;
};

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_SENTENCE_ENCODER_H_
