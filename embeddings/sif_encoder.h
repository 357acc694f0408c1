// SifEncoder: the "sif" sentence encoder (the default, see encoder_registry.h), a
// SentenceEncoder over the word vectors of an EmbeddingModel.
//
//   SifEncoder enc(**model);                      // or MakeEncoder("sif", **model)
//   EncodedSentence a = enc.Encode("Prices rose 5% in May.");
//
// Sentence vector: SIF (Arora et al. 2017) with weight a / (a + p(w)), a = 1e-3, p(w)
// estimated from the word's frequency rank with Zipf's law (the model stores ranks), then
// the model's FIXED common component (estimated from the vocabulary when the model was
// converted, see EstimateCommonComponent) is projected out, then L2-normalised. So a
// sentence's vector depends only on the sentence and the model: never on the rest of the
// corpus or its order. Hyphenated words unknown as a whole are split; unknown words use
// fastText subword vectors when the model has them; numbers and negators have no vector
// but are kept for the lexical parts. The pair similarity is ComputePairFeatures
// (pair_features.h) combined by the built-in learned weights (similarity.h).
// The class is final: calls on a SifEncoder (and its own calls, per word) are direct.
// Thread-safety: Encode/EncodeAll/Similarity/ClaimScore/Features are const and may run
// concurrently.
#ifndef DIVERGE_EMBEDDINGS_SIF_ENCODER_H_
#define DIVERGE_EMBEDDINGS_SIF_ENCODER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/base/row_matrix.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sentence_encoder.h"
#include "embeddings/similarity.h"

namespace diverge::embeddings {

class SifEncoder final : public SentenceEncoder {
 public:
  // `model` must outlive the encoder. Uses the built-in learned similarity weights.
  explicit SifEncoder(const EmbeddingModel& model, EncoderOptions options = {});

  static constexpr std::string_view kName = "sif";

  std::string_view name() const override { return kName; }
  int dims() const override { return model_.dims(); }
  const EmbeddingModel& model() const override { return model_; }

  EncodedSentence Encode(std::string_view text) const override;
  RowMatrixXf EncodeAll(const std::vector<std::string>& texts, int threads) const override;

  PairSimilarity Similarity(const EncodedSentence& a, const EncodedSentence& b) const override;
  float ClaimScore(const EncodedSentence& a, const EncodedSentence& b) const override;
  SimilarityFeatures Features(const EncodedSentence& a, const EncodedSentence& b) const override;

  void set_combiner(SimilarityCombiner combiner) override { combiner_ = std::move(combiner); }
  const SimilarityCombiner& combiner() const { return combiner_; }

 private:
  // full = false: only `vector` is filled, for EncodeAll.
  EncodedSentence EncodeImpl(std::string_view text, bool full) const;

  const EmbeddingModel& model_;
  EncoderOptions options_;
  SimilarityCombiner combiner_;
  float max_idf_ = 1.0f;
};

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_SIF_ENCODER_H_
