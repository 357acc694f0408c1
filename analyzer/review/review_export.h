// `diverge review export`: the reviewed divergences (with their decision) and the
// orphaned decisions, as CSV and JSON. Deterministic: rows by score (descending) then
// id, orphans after them by id; the same store and report give the same bytes.
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_EXPORT_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_EXPORT_H_

#include <string>

#include "analyzer/review/review_session.h"

namespace diverge::review {

inline constexpr std::string_view kExportSchema = "diverge.review-export/1";

inline constexpr std::string_view kExportColumns[] = {
    "id",       "status",      "note",       "reviewer",   "updated",     "orphaned",
    "kind",     "temporal",    "score",      "outlet_a",   "statement_a", "evidence_a",
    "outlet_b", "statement_b", "evidence_b", "explanation", "reason"};

inline constexpr std::string_view kPairsSchema = "diverge.review-pairs/1";

struct Export {
  std::string csv;   // RFC 4180, CRLF, header row kExportColumns (reports::CsvField cells)
  std::string json;  // {"schema", "divergences": [...], "orphaned": [...]}
  // Labelled pairs, one JSON object a line (JSONL), one per decided (confirmed or
  // dismissed) divergence of the report, by score then id:
  //   {"schema", "id", "kind", "temporal", "detector", "score",
  //    "a": {"statement", "outlet", "date", "text", "evidence"}, "b": {...} | null (silent),
  //    "same_claim": true | false | null, "divergent": true | false,
  //    "reason": "not_same_claim" | ... | null, "note", "reviewer", "updated"}
  // same_claim: confirmed, or dismissed for any reason but not_same_claim -> true;
  // dismissed as not_same_claim -> false; dismissed with no reason -> null (unknown).
  // divergent: confirmed -> true, dismissed -> false. Open flags are not labelled.
  std::string pairs;
};

// The detector that raised a divergence, derived from its kind (and, for negations,
// from its explanation: "calls the claim" is the refutation-word rule). report.json
// does not record detectors; this is the mapping `eval review` and the pairs use.
std::string DetectorOf(const report::Divergence& d);

// Orphans are included when the filter names no kind, outlet or minimum score.
Export ExportReview(const ReviewSession& session, const ReviewFilter& filter);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_EXPORT_H_
