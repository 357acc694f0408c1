// Reviewers' corrections of the analysis, and how `analyze` applies them.
//
//   move_out  [S]            statement S leaves its claim (its divergences there go)
//   split     [S1 ... Sk]    S1..Sk (all of one claim, not all of it) become a claim of
//                            their own; divergences across the two parts go
//   merge     [S1, S2]       the claims of S1 and S2 become one (S2 in no claim: it
//                            joins S1's)
//   set_kind  [D] value      divergence D gets kind `value` (numeric, date, ...)
//   set_temporal [D] value   divergence D gets temporal label `value`
//   retract   [N]            correction N no longer applies
//
// They are keyed by statement and divergence ids, which are content hashes, so they
// carry into every re-run; claims are named through their statements because a claim's
// id changes with its members. Stored append-only in the review database (schema
// version 3, table `corrections`: the table is its own history). `analyze` applies them
// in order of entry (CarryDecisions) after clustering and detection, before the
// reviewers' decisions; each one that no longer applies (a statement gone, a claim
// already split) is kept and recorded with why, in report.json "corrections".
#ifndef DIVERGE_ANALYZER_REVIEW_CORRECTIONS_H_
#define DIVERGE_ANALYZER_REVIEW_CORRECTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"

namespace diverge::review {

enum class CorrectionAction { kMoveOut, kSplit, kMerge, kSetKind, kSetTemporal, kRetract };

// "move_out", "split", "merge", "set_kind", "set_temporal", "retract"; the CLI spelling
// with '-' ("move-out") parses too.
std::string_view CorrectionActionName(CorrectionAction a);
std::optional<CorrectionAction> ParseCorrectionAction(std::string_view name);

struct Correction {
  int64_t seq = 0;  // assigned by the store
  CorrectionAction action = CorrectionAction::kMoveOut;
  std::vector<std::string> targets;
  std::string value;
  std::string reviewer, time;
  std::optional<std::string> note;
};

// kInvalidArgument unless the correction is well formed: the number and kind of
// targets and, for set_kind / set_temporal, a known value.
Status CheckCorrection(const Correction& c);

// Applies `all` (by seq) to `report`; returns one record per correction, applied or not
// and why. Claim ids are recomputed from their members ("c-" + stable hash of the
// sorted statement ids, as analyze makes them); a claim left with statements of fewer
// than two documents is dropped with its divergences.
std::vector<report::CorrectionRecord> ApplyCorrections(report::Report& report,
                                                       const std::vector<Correction>& all);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_CORRECTIONS_H_
