// DecisionStore: reviewers' decisions on divergences, in a SQLite database (by default
// DIR/review.db beside report.json; `--db PATH` shares one across runs).
//
// Schema (PRAGMA user_version = kSchemaVersion, application_id 'divr'):
//   decisions(id PRIMARY KEY, status, note, reviewer, updated, reason)   current state,
//             one row per divergence id ever decided; rows are never deleted
//   history(seq, id, reviewer, time, old_status, new_status, old_note, new_note,
//           old_reason, new_reason)
//             append-only (triggers reject UPDATE and DELETE): who changed what, when
//   corrections(seq, action, targets, value, reviewer, time, note)   reviewers'
//             corrections of the analysis (corrections.h), append-only like history
// Versions: 1 had no reasons, 2 no corrections; Open (read-write) upgrades an older
// database in place, one migration after the other in one transaction (every decision
// and its history stay, with no reason); OpenReadOnly reads an older database as it is
// (no reasons, no corrections).
// Durability and concurrency: WAL journal, synchronous=FULL, a busy timeout, and every
// change in one BEGIN IMMEDIATE transaction that updates `decisions` and appends to
// `history` together. So the CLI and the web page can write at the same time, and a
// process killed mid-write loses nothing committed and leaves a valid database. Two
// processes may also create the database at once (the switch to WAL is retried).
// Commands that only look open it read-only (OpenReadOnly): they never create it.
#ifndef DIVERGE_ANALYZER_REVIEW_DECISION_STORE_H_
#define DIVERGE_ANALYZER_REVIEW_DECISION_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"
#include "analyzer/review/corrections.h"

namespace diverge::review {

class SqliteDb;

inline constexpr int kSchemaVersion = 3;
inline constexpr int kBusyTimeoutMs = 10000;

// Why a reviewer dismissed a flag: a short fixed set, so dismissals become labelled
// data (`review export` pairs, `eval review`).
enum class DismissReason {
  kNotSameClaim,     // the two statements are not about the same thing (a clustering error)
  kSameValue,        // they say the same (a detector error: units, rounding, wording)
  kNameVariant,      // the difference is a spelling of one name
  kChangedOverTime,  // both were right at their own dates
  kOther,
};
inline constexpr DismissReason kAllDismissReasons[] = {
    DismissReason::kNotSameClaim, DismissReason::kSameValue, DismissReason::kNameVariant,
    DismissReason::kChangedOverTime, DismissReason::kOther};
// "not_same_claim", "same_value", "name_variant", "changed_over_time", "other".
std::string_view DismissReasonName(DismissReason reason);
std::optional<DismissReason> ParseDismissReason(std::string_view name);
// "not the same claim", "same value", "name variant", "changed over time", "other".
std::string_view DismissReasonLabel(DismissReason reason);

struct Decision {
  std::string id;  // divergence id ("d-...")
  report::ReviewStatus status = report::ReviewStatus::kOpen;
  std::optional<std::string> note;
  std::string reviewer;
  std::string updated;  // UTC ISO 8601, "2026-11-22T07:40:00Z"
  std::optional<DismissReason> reason;  // only with status dismissed
};

struct HistoryEntry {
  int64_t seq = 0;  // increasing in commit order
  std::string id, reviewer, time;
  std::optional<report::ReviewStatus> old_status;  // nullopt for the first decision on an id
  report::ReviewStatus new_status = report::ReviewStatus::kOpen;
  std::optional<std::string> old_note, new_note;
  std::optional<DismissReason> old_reason, new_reason;
};

// One change by one reviewer: a new status and/or a new note (set_note with a nullopt
// note clears it) and/or a dismissal reason (set_reason; kInvalidArgument unless the
// resulting status is dismissed). A status other than dismissed clears the reason. A
// change that alters nothing is still recorded in history.
struct Change {
  std::string id;
  std::optional<report::ReviewStatus> status;
  bool set_note = false;
  std::optional<std::string> note;
  bool set_reason = false;
  std::optional<DismissReason> reason;
  std::string reviewer;
};

// kInvalidArgument unless `id` looks like a divergence id: "d-" then 1-128 characters
// of [A-Za-z0-9_.-].
Status CheckDivergenceId(const std::string& id);

// The reviewer name to record when none is given: $USER, else $LOGNAME, else "unknown".
std::string DefaultReviewer();

// Now, UTC, ISO 8601 to the second.
std::string UtcNow();

class DecisionStore {
 public:
  // Opens (and with `create`, creates) the database at `path`, upgrading an empty file
  // to the current schema. Errors: kNotFound if absent and !create, kCorruption if the
  // file is not a SQLite database or not a diverge review database, kUnsupported for a
  // newer schema version, kIOError when locked past the busy timeout or unwritable.
  static Result<DecisionStore> Open(const std::string& path, bool create = true);
  // Opens the database at `path` read-only: nothing is created or written, and Apply /
  // ApplyAll fail with kInternal. A missing file (or an empty one) is an empty store.
  // Errors: Open's, never kNotFound.
  static Result<DecisionStore> OpenReadOnly(const std::string& path);
  DecisionStore(DecisionStore&&) noexcept;
  DecisionStore& operator=(DecisionStore&&) noexcept;
  ~DecisionStore();

  const std::string& path() const { return path_; }
  // The schema version of the open database (kSchemaVersion, or 1 for an old database
  // opened read-only); 0 when there is none.
  int schema_version() const { return version_; }
  bool read_only() const { return read_only_; }
  // False for a read-only store opened on a missing or empty file (it holds nothing).
  bool has_database() const { return db_ != nullptr; }

  Result<std::optional<Decision>> Get(const std::string& id);
  // Every decision, sorted by id.
  Result<std::vector<Decision>> All();
  // History of `id` (every id when empty), by seq.
  Result<std::vector<HistoryEntry>> History(const std::string& id = "");

  // Every correction, by seq (none in a database older than version 3).
  Result<std::vector<Correction>> Corrections();
  // Appends a correction (CheckCorrection first; kInvalidArgument otherwise) with the
  // reviewer (DefaultReviewer when empty) and the time; returns it with its seq.
  Result<Correction> AddCorrection(Correction c);

  // Applies one change in its own transaction; returns the decision after it.
  Result<Decision> Apply(const Change& change);
  // Applies every change in ONE transaction (all or nothing). `after_each(i)` runs
  // after change i was written, before the commit (progress reporting).
  Result<std::vector<Decision>> ApplyAll(const std::vector<Change>& changes,
                                         const std::function<void(size_t)>& after_each = {});

 private:
  DecisionStore(std::unique_ptr<SqliteDb> db, std::string path, bool read_only, int version);
  // "reason" or, for a version-1 database, "NULL".
  const char* ReasonColumn() const { return version_ >= 2 ? "reason" : "NULL"; }
  Result<Decision> ApplyInTransaction(const Change& change, const std::string& now);
  std::unique_ptr<SqliteDb> db_;  // null: a read-only store with no database yet
  std::string path_;
  bool read_only_ = false;
  int version_ = 0;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_DECISION_STORE_H_
