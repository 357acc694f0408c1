// Evaluation of a report against a gold annotation (the format of
// ../shared/seeds/README.md: clusters of {doc, quote}, divergences with kind and
// temporal label, and non_divergences that must not be flagged).
//
// Matching rule: a gold quote maps to every statement of the same document whose
// whitespace-folded text overlaps it: one contains the other, or a suffix of one is a
// prefix of the other over at least kMinOverlapBytes bytes (so a quote that straddles a
// sentence boundary maps to both sentences). Divergence recall and non-divergence flags
// use all of these. Cluster pairs use the tightest match only (fewest bytes outside the
// overlap), because a claim span and the sentence holding it both overlap a quote of
// the span and may sit in different clusters.
#ifndef DIVERGE_ANALYZER_EVALUATION_GOLD_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_GOLD_EVAL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"

namespace diverge::evaluation {

inline constexpr size_t kMinOverlapBytes = 12;

struct GoldQuote {
  std::string doc;
  std::string quote;
};
struct GoldCluster {
  std::string id;
  std::vector<GoldQuote> statements;
};
struct GoldDivergence {
  std::string id, cluster, kind, temporal;
  GoldQuote a, b;
};
struct GoldPair {
  GoldQuote a, b;
  std::string note;
};
struct Gold {
  std::vector<GoldCluster> clusters;
  std::vector<GoldDivergence> divergences;
  std::vector<GoldPair> non_divergences;
};

Result<Gold> ParseGold(std::string_view json_text, const std::string& source);
Result<Gold> LoadGold(const std::string& path);

// The matching rule above, on folded texts: the overlap in bytes, 0 if none.
size_t OverlapBytes(std::string_view statement, std::string_view quote);

struct GoldScores {
  int gold_pairs = 0, gold_pairs_found = 0;              // recall of same-cluster pairs
  int predicted_pairs = 0, predicted_pairs_correct = 0;  // precision over gold statements
  int divergences = 0, divergences_found = 0, kind_right = 0, temporal_right = 0;
  int non_divergences = 0, non_divergences_flagged = 0;
  int unmatched_quotes = 0;         // gold quotes that map to no statement (a segmentation problem)
  int total_flags = 0;              // divergences in the report
  std::vector<std::string> missed;  // human-readable lines: what was not found, and why
  double pair_recall() const;
  double pair_precision() const;
  double divergence_recall() const;
  nlohmann::json ToJson() const;
  std::string ToText() const;
};

GoldScores EvaluateAgainstGold(const report::Report& report, const Gold& gold);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_GOLD_EVAL_H_
