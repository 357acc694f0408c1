// The base features of a sentence pair (see kSimilarityFeatureNames in similarity.h):
// embedding cosines under three views, BERTScore-like word alignments, lexical
// overlaps, agreement of numbers / entities / negation, WordNet antonyms, word order
// and length cues. The word-to-word similarity behind every alignment is the embedding
// cosine, raised to 1 for equal inflection stems (plays / playing) and WordNet synonyms
// and to at least 0.9 for WordNet hypernyms (slice / cut); see word_senses.h. Computed
// only for candidate pairs; cost is O(words_a * words_b) cosines, bounded: a sentence
// of more than kMaxPairWords in-vocabulary words is compared by its first kMaxPairWords
// (news sentences have far fewer; an unpunctuated run of text may not).
#ifndef DIVERGE_EMBEDDINGS_PAIR_FEATURES_H_
#define DIVERGE_EMBEDDINGS_PAIR_FEATURES_H_

#include <cstddef>

#include "embeddings/embedding_model.h"
#include "embeddings/similarity.h"

namespace diverge::embeddings {

struct EncodedSentence;

inline constexpr size_t kMaxPairWords = 160;

SimilarityFeatures ComputePairFeatures(const EmbeddingModel& model, const EncodedSentence& a,
                                       const EncodedSentence& b);

// Fills the sorted views of `s` that the set overlaps of ComputePairFeatures read
// (EncodedSentence::sorted_*, char3), once per sentence instead of once per pair. A
// sentence without them (or with lists longer than 65,535) is sorted per pair: the
// features are the same either way.
void PrepareSetFeatures(EncodedSentence* s);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_PAIR_FEATURES_H_
