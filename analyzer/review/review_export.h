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
    "outlet_b", "statement_b", "evidence_b", "explanation"};

struct Export {
  std::string csv;   // RFC 4180, CRLF, header row kExportColumns (reports::CsvField cells)
  std::string json;  // {"schema", "divergences": [...], "orphaned": [...]}
};

// Orphans are included when the filter names no kind, outlet or minimum score.
Export ExportReview(const ReviewSession& session, const ReviewFilter& filter);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_EXPORT_H_
