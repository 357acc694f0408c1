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
std::vector<OrphanedReview> ApplyDecisions(Report& report, const std::vector<Decision>& decisions);

// The analyze pipeline's step: when the database at `db_path` holds decisions, carries
// them into `report` (review fields and orphaned_reviews). The database is opened
// read-only; none (or none with a decision): no change, and nothing is created.
Status CarryDecisions(Report& report, const std::string& db_path);

// Filters of `review list` / `review export` / the page. Empty fields match everything.
struct ReviewFilter {
  std::optional<ReviewStatus> status;
  std::optional<DivergenceKind> kind;
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

  const Report& report() const { return *report_; }
  const reports::ReportView& view() const { return *view_; }
  DecisionStore& store() { return store_; }
  const std::string& report_path() const { return report_path_; }
  const std::vector<OrphanedReview>& orphans() const { return report_->orphaned_reviews; }
  // The stored decision on `id`, if any (as of the last Reload).
  const Decision* DecisionFor(const std::string& id) const;

  // Re-reads the decisions from the store (another writer may have changed them).
  Status Reload();
  // The divergences matching `filter`, by score (descending) then id.
  std::vector<const reports::DivergenceView*> Select(const ReviewFilter& filter) const;
  // Resolves a divergence id or a unique prefix of one (at least "d-" + 4 characters)
  // among the report's divergences and the stored decisions. kInvalidArgument for a
  // malformed or ambiguous id, kNotFound for an id neither holds.
  Result<std::string> ResolveId(const std::string& id_or_prefix) const;
  // Resolves every change's id (all or nothing), applies them in one transaction and
  // reloads. A note-only change on an id without a stored decision keeps the status
  // report.json gives it.
  Result<std::vector<Decision>> DecideAll(std::vector<Change> changes);
  Result<Decision> Decide(Change change);

 private:
  ReviewSession(std::unique_ptr<Report> report, DecisionStore store, std::string report_path);
  std::unique_ptr<Report> report_;
  std::vector<Review> original_;  // review fields as in report.json, one per divergence
  std::unique_ptr<reports::ReportView> view_;
  DecisionStore store_;
  std::string report_path_;
  std::map<std::string, Decision> decisions_;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_SESSION_H_
