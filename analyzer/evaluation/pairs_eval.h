// Evaluation of pairwise divergence detection (ComparePair) on labelled pair files:
//   SICK (SICK_train.txt / SICK_trial.txt: tab-separated, sentence_A, sentence_B,
//         entailment_judgment; positive = CONTRADICTION),
//   FNC-1 (train_stances.csv with train_bodies.csv beside it: Headline, Body ID, Stance;
//          positive = disagree; the headline is compared with the article body),
//   Emergent (url-versions-*.csv: claimHeadline, articleHeadline, articleHeadlineStance;
//             positive = against).
// A pair is predicted "disagreeing" when ComparePair returns at least one divergence of
// a contradiction-type kind (numeric, date, set, negation, antonym).
#ifndef DIVERGE_ANALYZER_EVALUATION_PAIRS_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_PAIRS_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/divergence/detect.h"

namespace diverge::evaluation {

enum class PairsFormat { kSick, kFnc1, kEmergent };

// One labelled pair (named apart from ParaphrasePair, evaluation/paraphrase_eval.h).
struct LabelledPair {
  std::string a, b;
  bool positive = false;  // the disagreeing class
  std::string group;      // FNC-1: the Body ID (cross-validation folds group by it)
  std::string label;      // FNC-1: the gold Stance (unrelated, discuss, agree, disagree)
};

// Reads one labelled file. Errors name the file (and line for malformed rows).
Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path, PairsFormat format);

struct PairsEvalResult {
  size_t n = 0;
  size_t positives = 0;  // gold disagreeing pairs
  size_t predicted = 0;  // pairs flagged
  size_t true_positives = 0;
  double precision = 0, recall = 0, f1 = 0;
  std::map<std::string, size_t> flagged_by_kind;  // kind of the best divergence -> pairs
  // Per pair, in input order: flagged or not, and the best divergence's explanation.
  struct Outcome {
    bool flagged = false;
    std::string explanation;
  };
  std::vector<Outcome> outcomes;
};

PairsEvalResult EvaluatePairs(const std::vector<LabelledPair>& pairs,
                              const divergence::DetectOptions& options);

// Reads labelled pairs from several files of one format and evaluates them together.
// A non-empty `errors_path` receives the misclassified pairs as TSV (gold label, flagged,
// the best divergence's explanation, text A, text B cut to 400 bytes), for error analysis.
Result<PairsEvalResult> EvaluatePairFiles(const std::vector<std::string>& files, PairsFormat format,
                                          const divergence::DetectOptions& options,
                                          const std::string& errors_path = "");

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_PAIRS_EVAL_H_
