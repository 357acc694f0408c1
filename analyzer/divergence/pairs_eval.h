// Evaluation of pairwise divergence detection (ComparePair) on labelled pair files:
//   SICK (SICK_train.txt / SICK_trial.txt: tab-separated, sentence_A, sentence_B,
//         entailment_judgment; positive = CONTRADICTION),
//   FNC-1 (train_stances.csv with train_bodies.csv beside it: Headline, Body ID, Stance;
//          positive = disagree; the headline is compared with the article body),
//   Emergent (url-versions-*.csv: claimHeadline, articleHeadline, articleHeadlineStance;
//             positive = against).
// A pair is predicted "disagreeing" when ComparePair returns at least one divergence of
// a contradiction-type kind (numeric, date, set, negation, antonym).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_PAIRS_EVAL_H_
#define DIVERGE_ANALYZER_DIVERGENCE_PAIRS_EVAL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/stance_train.h"

namespace diverge {

enum class PairsFormat { kSick, kFnc1, kEmergent };

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

PairsEvalResult EvaluatePairs(const std::vector<LabelledPair>& pairs, const DetectOptions& options);

// `diverge compare` arguments: each of `a` and `b` is read as a file when a regular file
// of that name exists, else taken as the literal text. Dates are "YYYY[-MM[-DD]]"
// (kInvalidArgument otherwise). Then ComparePair.
Result<std::vector<Divergence>> CompareArguments(const std::string& a, const std::string& b,
                                                 const std::optional<std::string>& date_a,
                                                 const std::optional<std::string>& date_b,
                                                 const DetectOptions& options);

// Reads labelled pairs from several files of one format and evaluates them together.
// A non-empty `errors_path` receives the misclassified pairs as TSV (gold label, flagged,
// the best divergence's explanation, text A, text B cut to 400 bytes), for error analysis.
Result<PairsEvalResult> EvaluatePairFiles(const std::vector<std::string>& files, PairsFormat format,
                                          const DetectOptions& options,
                                          const std::string& errors_path = "");

// Trains the stance model (divergence/stance_train.h) on labelled claim/article pairs
// (FNC-1 stances files): features from ClaimArticleFeatures, `folds`-fold CV grouped by
// article. Deterministic. A non-empty `features_cache` names a TSV of the computed
// features (group, gold label, features): read when it exists (a quicker retrain after
// changing only the model), else written.
Result<divergence::StanceTrainResult> TrainStanceOnFiles(const std::vector<std::string>& files,
                                                         int folds, const DetectOptions& options,
                                                         const std::string& features_cache = "");

// Parses RFC 4180 CSV text (quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_DIVERGENCE_PAIRS_EVAL_H_
