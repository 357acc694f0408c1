// `diverge eval review DIR`: how precise the flags were, as the reviewers judged them.
// Every divergence of DIR/report.json with a decision in the store counts: confirmed is
// a true flag, dismissed a false one; open flags are counted but not judged. Precision
// = confirmed / (confirmed + dismissed), per kind, per detector (DetectorOf), per
// temporal label and overall; dismissals are also counted by reason.
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_EVAL_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_EVAL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/review/review_session.h"

namespace diverge::review {

struct PrecisionRow {
  std::string name;
  int flags = 0, confirmed = 0, dismissed = 0, open = 0;
  // confirmed / (confirmed + dismissed); nullopt when none was judged.
  std::optional<double> precision() const {
    if (confirmed + dismissed == 0) return std::nullopt;
    return static_cast<double>(confirmed) / (confirmed + dismissed);
  }
};

struct ReviewEvaluation {
  PrecisionRow all;
  std::vector<PrecisionRow> by_kind, by_detector, by_temporal;  // by name
  std::map<std::string, int> dismissed_by_reason;  // "(none)" for no reason given
};

ReviewEvaluation EvaluateReview(const ReviewSession& session);

// The table `eval review` prints: one line per row, "kind  flags  judged  precision".
std::string FormatReviewEvaluation(const ReviewEvaluation& e);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_EVAL_H_
