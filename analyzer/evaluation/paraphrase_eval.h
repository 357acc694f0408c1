// "Same claim" decisions on a labelled paraphrase file (MSRP: Quality, #1 ID, #2 ID,
// #1 String, #2 String, tab-separated, header row). A pair is called the same claim when
// the pair similarity the clustering uses (SentenceEncoder::Similarity().score) is >=
// the threshold; precision, recall and F1 are of the positive ("paraphrase") class.
// BestThreshold is how the clustering threshold is chosen: on a TRAIN split.
#ifndef DIVERGE_ANALYZER_EVALUATION_PARAPHRASE_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_PARAPHRASE_EVAL_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/sentence_encoder.h"
#include "learning/metrics.h"

namespace diverge::evaluation {

struct ParaphrasePair {
  std::string a, b;
  bool same = false;
};

// Errors name the file and line (missing columns, a label other than 0/1).
Result<std::vector<ParaphrasePair>> ReadParaphraseFile(const std::string& path);

// The decisions at one threshold (precision, recall, F1, accuracy: learning/metrics.h).
struct BinaryScores : learning::BinaryCounts {
  double threshold = 0;
};

// Pair similarity scores, one per pair, computed on `threads` threads.
std::vector<float> ScorePairs(const embeddings::SentenceEncoder& encoder,
                              const std::vector<ParaphrasePair>& pairs, int threads = 2);
BinaryScores ScoreAtThreshold(const std::vector<float>& scores,
                              const std::vector<ParaphrasePair>& pairs, double threshold);
// The threshold in [0.30, 0.95] (steps of 0.01) with the highest accuracy (ties: the
// higher threshold, which favours precision). Accuracy, not F1: on MSRP two thirds of
// the pairs are paraphrases, so F1 peaks at "everything is the same claim".
BinaryScores BestThreshold(const std::vector<float>& scores,
                           const std::vector<ParaphrasePair>& pairs);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_PARAPHRASE_EVAL_H_
