// SentenceEncoder: the interface of a sentence encoder. text -> EncodedSentence (a
// sentence vector + the lexical parts the pair similarity needs), and the pair similarity
// clustering uses to decide "same claim". Callers hold a `const SentenceEncoder&`; an
// encoder is made by name through the registry (encoder_registry.h), whose default, "sif",
// is SifEncoder (sif_encoder.h: SIF vectors over the model's word vectors).
//
//   auto model = EmbeddingModel::Load(DefaultModelPath(DIVERGE_DEFAULT_MODEL));
//   auto enc = MakeEncoder(kDefaultEncoder, **model);   // Result<unique_ptr<SentenceEncoder>>
//   EncodedSentence a = (*enc)->Encode("Prices rose 5% in May."), b = (*enc)->Encode(...);
//   PairSimilarity s = (*enc)->Similarity(a, b);   // s.score in [0, 1], parts inspectable
//   RowMatrixXf m = (*enc)->EncodeAll(texts, 0);   // N x dims(), L2-normalised rows, for kNN
//
// Contract of every encoder: a sentence's vector depends only on the sentence, the model
// and the options, never on the other inputs or their order (EncodeAll row i ==
// Encode(texts[i]).vector, whatever the thread count); `vector` is L2-normalised (all
// zeros when nothing in the sentence can be embedded) and dims() long; every other field
// of EncodedSentence is filled as documented below (Encode only: the pair features,
// pair_features.h, read them). Virtual calls are per sentence or per pair, never per word.
// Thread-safety: everything const may run concurrently.
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

namespace diverge::embeddings {

struct EncodedSentence {
  Eigen::VectorXf vector;             // L2-normalised sentence vector (zeros: no known word)
  Eigen::VectorXf vector_raw;         // the vector before normalising (SIF: and before
                                      // common-component removal)
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
  // Filled by PrepareSetFeatures (pair_features.h): positions of words, bigrams, numbers
  // and entities in the order of their strings, and the sorted character trigrams of the
  // words; empty when not prepared.
  std::vector<uint16_t> sorted_words, sorted_bigrams, sorted_numbers, sorted_entities;
  std::vector<uint32_t> char3;
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
  virtual ~SentenceEncoder() = default;

  // The encoder's name in the registry ("sif").
  virtual std::string_view name() const = 0;
  // Length of EncodedSentence::vector and of the rows of EncodeAll.
  virtual int dims() const = 0;
  // The word vectors the encoder was made with (it must outlive the encoder).
  virtual const EmbeddingModel& model() const = 0;

  virtual EncodedSentence Encode(std::string_view text) const = 0;
  // Rows are Encode(texts[i]).vector; computed on up to `threads` threads (0 = all cores).
  virtual RowMatrixXf EncodeAll(const std::vector<std::string>& texts, int threads) const = 0;

  // All similarity parts and the combined score (see embeddings/similarity.h).
  virtual PairSimilarity Similarity(const EncodedSentence& a, const EncodedSentence& b) const = 0;
  // Similarity(a, b).claim_score alone, bit for bit, for the clustering's many pairs:
  // the other parts are not computed.
  virtual float ClaimScore(const EncodedSentence& a, const EncodedSentence& b) const = 0;
  // The feature vector the learned combination uses (for training).
  virtual SimilarityFeatures Features(const EncodedSentence& a, const EncodedSentence& b) const = 0;
  // Replaces the learned combination of Features (e.g. freshly trained weights).
  virtual void set_combiner(SimilarityCombiner combiner) = 0;
};

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_SENTENCE_ENCODER_H_
