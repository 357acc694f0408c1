// The review page's requests beyond single decisions, as functions of a ReviewSession
// (review_server.h routes them; the caller holds the session's lock):
//   POST /api/bulk    {"claim": "C3" | "c-...", "status": ..., "reason": ..., "note": ...}
//                     or {"ids": ["d-...", "D3", ...], ...}: one decision for every
//                     divergence named (all of a claim's), in ONE transaction
//                     -> {"decisions": [...]}
//   GET /api/source?statement=ID   the statement in its document with the sentences
//                     around it -> {"statement", "document", "before", "after", ...}
//   GET /source?statement=ID       the same as a page (the review page links to it)
//   POST /api/correct {"action": "move_out"|"split"|"merge"|"set_kind"|"set_temporal"|
//                     "retract", "targets": [...], "value": ..., "note": ...}
//                     -> the stored correction {"seq", ...} (corrections.h; applied by
//                     the next analyze)
// Errors are Status values: kInvalidArgument (bad body, 400), kNotFound (unknown id,
// claim or statement, 404).
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_API_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_API_H_

#include <nlohmann/json.hpp>
#include <string>

#include "analyzer/base/result.h"
#include "analyzer/review/review_session.h"

namespace diverge::review {

// {"id", "status", "note", "reviewer", "updated", "reason"} of a stored decision.
nlohmann::json DecisionToJson(const Decision& d);

// Parses the optional "reason" of a decision request body into `change`:
// kInvalidArgument for an unknown reason.
Status ParseReasonField(const nlohmann::json& body, Change* change);

Result<nlohmann::json> BulkDecide(ReviewSession& session, const std::string& body,
                                  const std::string& reviewer);

Result<nlohmann::json> Correct(ReviewSession& session, const std::string& body,
                               const std::string& reviewer);

Result<nlohmann::json> SourceJson(const ReviewSession& session, const std::string& statement_id);

// A page: the document's outlet, date, title and URL, and the statement marked among
// its neighbours (`radius` before and after). `nonce` as for RenderReviewPage.
Result<std::string> RenderSourcePage(const ReviewSession& session, const std::string& statement_id,
                                     const std::string& nonce, size_t radius = 8);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_API_H_
