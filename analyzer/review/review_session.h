// ReviewSession: one analysis directory (its report.json) joined with the decision
// store. Decisions in the store override the review fields of report.json (which may
// be older); decisions on ids the report does not hold are orphans, kept and listed.
// Shared by `diverge review`, `diverge serve` and the analyze pipeline.
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_SESSION_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_SESSION_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"
#include "analyzer/review/decision_store.h"
#include "reports/report_view.h"

namespace diverge::review {

// DIR/review.db.
std::string DefaultDbPath(const std::string& dir);

// Sets the review of every divergence of `report` that has a decision and returns the
// decisions whose id is not in the report, as orphans sorted by id.
std::vector<report::OrphanedReview> ApplyDecisions(report::Report& report,
                                                   const std::vector<Decision>& decisions);

// The analyze pipeline's step: when the database at `db_path` holds corrections,
// applies them to `report` (ApplyCorrections; every one recorded in
// report.corrections, applied or not and why), then carries the decisions into it
// (review fields and orphaned_reviews). The database is opened read-only; none (or an
// empty one): no change, and nothing is created.
Status CarryDecisions(report::Report& report, const std::string& db_path);

// Filters of `review list` / `review export` / the page. Empty fields match everything.
struct ReviewFilter {
  std::optional<report::ReviewStatus> status;
  std::optional<report::DivergenceKind> kind;
  std::optional<report::Temporal> temporal;
  std::string outlet;  // case-insensitive substring of either side's outlet
  double min_score = 0;
};

// How a session opens its store: kReadOnly for commands that only look (a missing
// database is empty and stays missing; Decide fails), kReadWrite for those that write
// (the database is created when missing).
enum class DbAccess { kReadOnly, kReadWrite };

class ReviewSession {
 public:
  // Loads DIR/report.json and opens the store at `db_path` ("" = DIR/review.db) with
  // `access`. Errors: LoadReport's, DecisionStore::Open's / OpenReadOnly's.
  // `store_failed`, when given, is set to whether an error came from the store (else
  // from report.json).
  static Result<ReviewSession> Open(const std::string& dir, const std::string& db_path,
                                    DbAccess access, bool* store_failed = nullptr);

  const report::Report& report() const { return *report_; }
  const reports::ReportView& view() const { return *view_; }
  DecisionStore& store() { return store_; }
  const std::string& report_path() const { return report_path_; }
  const std::vector<report::OrphanedReview>& orphans() const { return report_->orphaned_reviews; }
  // The stored decision on `id`, if any (as of the last Reload).
  const Decision* DecisionFor(const std::string& id) const;

  // Re-reads the decisions from the store (another writer may have changed them).
  Status Reload();
  // The divergences matching `filter`, by score (descending) then id.
  std::vector<const reports::DivergenceView*> Select(const ReviewFilter& filter) const;
  // Resolves a divergence id, a unique prefix of one (any length: "d-3" will do when
  // only one id starts so) among the report's divergences and the stored decisions, or
  // the number the reports print ("D3", by score in this report.json). kInvalidArgument
  // for a malformed or ambiguous id (exit 2), kNotFound for an id or number neither
  // holds (exit 7).
  Result<std::string> ResolveId(const std::string& id_or_prefix) const;
  // Resolves every change's id (all or nothing), applies them in one transaction and
  // reloads. A note-only change on an id without a stored decision keeps the status
  // report.json gives it.
  Result<std::vector<Decision>> DecideAll(std::vector<Change> changes);
  Result<Decision> Decide(Change change);

  // A statement id or a unique prefix of one. kInvalidArgument when ambiguous,
  // kNotFound when unknown.
  Result<std::string> ResolveStatement(const std::string& id_or_prefix) const;

  // The claim named by `claim`: its number in the reports ("C3"), its id ("c-...") or a
  // unique prefix of the id. kInvalidArgument when ambiguous, kNotFound when unknown.
  Result<const reports::ClaimView*> ResolveClaim(const std::string& claim) const;
  // The divergences of a claim, by score.
  std::vector<const reports::DivergenceView*> DivergencesOf(const reports::ClaimView& c) const;

  // A statement in its document: the statements of the same document (the sentences
  // the segmenter cut, in reading order) up to `radius` before and after it.
  struct SourceContext {
    const ingest::Statement* statement = nullptr;
    const ingest::Document* document = nullptr;  // null when the report lacks it
    std::vector<const ingest::Statement*> before, after;
    size_t position = 0, total = 0;  // index of the statement among its document's
  };
  Result<SourceContext> Source(const std::string& statement_id, size_t radius = 3) const;

 private:
  ReviewSession(std::unique_ptr<report::Report> report, DecisionStore store,
                std::string report_path);
  std::unique_ptr<report::Report> report_;
  std::vector<report::Review> original_;  // review fields as in report.json, one per divergence
  std::unique_ptr<reports::ReportView> view_;
  DecisionStore store_;
  std::string report_path_;
  std::map<std::string, Decision> decisions_;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_SESSION_H_
