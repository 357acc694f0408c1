#include "analyzer/review/decision_store.h"

#include <cstdlib>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ctime>
#include <utility>

#include "analyzer/review/sqlite_db.h"

namespace diverge::review {

namespace {

constexpr int64_t kApplicationId = 0x64697672;  // "divr"

// The version-1 schema; kMigrations bring it to kSchemaVersion.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE decisions(
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'd-?*'),
  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
  note TEXT,
  reviewer TEXT NOT NULL,
  updated TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE history(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  time TEXT NOT NULL,
  old_status TEXT,
  new_status TEXT NOT NULL CHECK (new_status IN ('open', 'confirmed', 'dismissed')),
  old_note TEXT,
  new_note TEXT
);
CREATE INDEX history_by_id ON history(id, seq);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
)sql";

// kMigrations[v - 1] upgrades version v to v + 1.
constexpr const char* kMigrations[] = {
    // 1 -> 2: dismissal reasons.
    R"sql(
ALTER TABLE decisions ADD COLUMN reason TEXT CHECK (reason IN
  ('not_same_claim', 'same_value', 'name_variant', 'changed_over_time', 'other'));
ALTER TABLE history ADD COLUMN old_reason TEXT;
ALTER TABLE history ADD COLUMN new_reason TEXT;
)sql",
    // 2 -> 3: reviewers' corrections of the analysis.
    R"sql(
CREATE TABLE corrections(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL CHECK (action IN
    ('move_out', 'split', 'merge', 'set_kind', 'set_temporal', 'retract')),
  targets TEXT NOT NULL,
  value TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  time TEXT NOT NULL,
  note TEXT
);
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
  BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
  BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion - 1);

// Parses a status stored by this module; the CHECK constraints keep it valid, so an
// unknown name means someone edited the file by hand.
Result<report::ReviewStatus> StoredStatus(const std::string& name, const std::string& path) {
  std::optional<report::ReviewStatus> s = report::ParseReviewStatus(name);
  if (!s) return Status::Corruption(path + ": unknown review status \"" + name + "\" stored");
  return *s;
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// Rolls back on scope exit unless committed.
class Transaction {
 public:
  explicit Transaction(SqliteDb& db) : db_(db) {}
  ~Transaction() {
    if (open_) (void)db_.Exec("ROLLBACK");
  }
  Status Begin() {
    DIVERGE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    DIVERGE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
    open_ = false;
    return Status::Ok();
  }

 private:
  SqliteDb& db_;
  bool open_ = false;
};

// The schema version of an opened database: 0 for an empty one (no tables yet, to be
// created). kCorruption for a file that is not a diverge review database, kUnsupported
// for a newer schema. One statement, so one snapshot: another process creating the
// schema meanwhile is seen either not at all or whole.
Result<int> ReadSchemaVersion(SqliteDb& db) {
  Result<SqliteStatement> q = db.Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), "
      "(SELECT count(*) FROM sqlite_master)");
  if (!q.ok()) return q.status();
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(db.path() + ": no schema version read");
  const int64_t v = q->Int(0), app = q->Int(1), tables = q->Int(2);
  if (v == 0) {
    if (tables != 0) {
      return Status::Corruption(db.path() +
                                ": not a diverge review database (it has tables "
                                "but no diverge schema version)");
    }
    return 0;
  }
  if (app != kApplicationId) {
    return Status::Corruption(db.path() + ": not a diverge review database (application_id " +
                              std::to_string(app) + ")");
  }
  if (v > kSchemaVersion) {
    return Status::Unsupported(db.path() + ": review database schema version " + std::to_string(v) +
                               ", this diverge reads up to " + std::to_string(kSchemaVersion));
  }
  return static_cast<int>(v);
}

Status InitSchema(SqliteDb& db) {
  // Checked first, so a foreign database is left as it was.
  Result<int> version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  // A no-op once in WAL mode; the switch itself is retried (see QueryTextRetryingBusy).
  Result<std::string> mode = db.QueryTextRetryingBusy("PRAGMA journal_mode=WAL");
  if (!mode.ok()) return mode.status();
  DIVERGE_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous=FULL"));
  if (*version == kSchemaVersion) return Status::Ok();
  Transaction txn(db);
  DIVERGE_RETURN_IF_ERROR(txn.Begin());
  // Re-read inside the write lock: another process may have created or upgraded it.
  version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  int v = *version;
  if (v == 0) {
    DIVERGE_RETURN_IF_ERROR(db.Exec(kSchemaSql));
    DIVERGE_RETURN_IF_ERROR(db.Exec("PRAGMA application_id=" + std::to_string(kApplicationId)));
    v = 1;
  }
  for (; v < kSchemaVersion; ++v) DIVERGE_RETURN_IF_ERROR(db.Exec(kMigrations[v - 1]));
  DIVERGE_RETURN_IF_ERROR(db.Exec("PRAGMA user_version=" + std::to_string(kSchemaVersion)));
  return txn.Commit();
}

Result<std::optional<DismissReason>> StoredReason(const std::optional<std::string>& name,
                                                  const std::string& path) {
  if (!name) return std::optional<DismissReason>();
  std::optional<DismissReason> r = ParseDismissReason(*name);
  if (!r) return Status::Corruption(path + ": unknown dismissal reason \"" + *name + "\" stored");
  return r;
}

Result<Decision> ReadDecision(const SqliteStatement& row, const std::string& path) {
  Decision d;
  d.id = row.Text(0);
  Result<report::ReviewStatus> s = StoredStatus(row.Text(1), path);
  if (!s.ok()) return s.status();
  d.status = *s;
  d.note = row.OptText(2);
  d.reviewer = row.Text(3);
  d.updated = row.Text(4);
  Result<std::optional<DismissReason>> reason = StoredReason(row.OptText(5), path);
  if (!reason.ok()) return reason.status();
  d.reason = *reason;
  return d;
}

std::optional<std::string> ReasonText(const std::optional<DismissReason>& r) {
  if (!r) return std::nullopt;
  return std::string(DismissReasonName(*r));
}

}  // namespace

std::string_view DismissReasonName(DismissReason reason) {
  switch (reason) {
    case DismissReason::kNotSameClaim:
      return "not_same_claim";
    case DismissReason::kSameValue:
      return "same_value";
    case DismissReason::kNameVariant:
      return "name_variant";
    case DismissReason::kChangedOverTime:
      return "changed_over_time";
    case DismissReason::kOther:
      return "other";
  }
  return "other";
}

std::string_view DismissReasonLabel(DismissReason reason) {
  switch (reason) {
    case DismissReason::kNotSameClaim:
      return "not the same claim";
    case DismissReason::kSameValue:
      return "same value";
    case DismissReason::kNameVariant:
      return "name variant";
    case DismissReason::kChangedOverTime:
      return "changed over time";
    case DismissReason::kOther:
      return "other";
  }
  return "other";
}

std::optional<DismissReason> ParseDismissReason(std::string_view name) {
  for (DismissReason r : kAllDismissReasons) {
    if (DismissReasonName(r) == name) return r;
  }
  return std::nullopt;
}

Status CheckDivergenceId(const std::string& id) {
  bool ok = id.size() > 2 && id.size() <= 130 && id.compare(0, 2, "d-") == 0;
  for (size_t i = 2; ok && i < id.size(); ++i) ok = IsIdChar(id[i]);
  if (ok) return Status::Ok();
  return Status::InvalidArgument("\"" + id +
                                 "\" is not a divergence id (expected d- followed by letters, "
                                 "digits, '-', '_' or '.', as in report.json)");
}

std::string DefaultReviewer() {
  for (const char* var : {"USER", "LOGNAME"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return v;
  }
  return "unknown";
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

DecisionStore::DecisionStore(std::unique_ptr<SqliteDb> db, std::string path, bool read_only,
                             int version)
    : db_(std::move(db)), path_(std::move(path)), read_only_(read_only), version_(version) {}
DecisionStore::DecisionStore(DecisionStore&&) noexcept = default;
DecisionStore& DecisionStore::operator=(DecisionStore&&) noexcept = default;
DecisionStore::~DecisionStore() = default;

Result<DecisionStore> DecisionStore::Open(const std::string& path, bool create) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, create, kBusyTimeoutMs);
  if (!db.ok()) return db.status();
  DIVERGE_RETURN_IF_ERROR(InitSchema(**db));
  return DecisionStore(std::move(*db), path, /*read_only=*/false, kSchemaVersion);
}

Result<DecisionStore> DecisionStore::OpenReadOnly(const std::string& path) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::OpenReadOnly(path, kBusyTimeoutMs);
  if (!db.ok() && db.status().code() == StatusCode::kNotFound) {
    return DecisionStore(nullptr, path, /*read_only=*/true, 0);
  }
  if (!db.ok()) return db.status();
  Result<int> version = ReadSchemaVersion(**db);
  if (!version.ok()) return version.status();
  if (*version == 0) return DecisionStore(nullptr, path, /*read_only=*/true, 0);
  return DecisionStore(std::move(*db), path, /*read_only=*/true, *version);
}

Result<std::optional<Decision>> DecisionStore::Get(const std::string& id) {
  if (!db_) return std::optional<Decision>();
  Result<SqliteStatement> q =
      db_->Prepare(std::string("SELECT id, status, note, reviewer, updated, ") + ReasonColumn() +
                   " FROM decisions WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Decision>();
  Result<Decision> d = ReadDecision(*q, path());
  if (!d.ok()) return d.status();
  return std::optional<Decision>(std::move(*d));
}

Result<std::vector<Decision>> DecisionStore::All() {
  if (!db_) return std::vector<Decision>();
  Result<SqliteStatement> q =
      db_->Prepare(std::string("SELECT id, status, note, reviewer, updated, ") + ReasonColumn() +
                   " FROM decisions ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<Decision> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Result<Decision> d = ReadDecision(*q, path());
    if (!d.ok()) return d.status();
    out.push_back(std::move(*d));
  }
  return out;
}

Result<std::vector<HistoryEntry>> DecisionStore::History(const std::string& id) {
  if (!db_) return std::vector<HistoryEntry>();
  const std::string reasons =
      version_ >= 2 ? "old_reason, new_reason" : "NULL AS old_reason, NULL AS new_reason";
  Result<SqliteStatement> q = db_->Prepare(
      "SELECT seq, id, reviewer, time, old_status, new_status, old_note, new_note, " + reasons +
      " FROM history WHERE ?1 = '' OR id = ?1 ORDER BY seq");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  std::vector<HistoryEntry> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    HistoryEntry h;
    h.seq = q->Int(0);
    h.id = q->Text(1);
    h.reviewer = q->Text(2);
    h.time = q->Text(3);
    if (std::optional<std::string> old = q->OptText(4)) {
      Result<report::ReviewStatus> s = StoredStatus(*old, path());
      if (!s.ok()) return s.status();
      h.old_status = *s;
    }
    Result<report::ReviewStatus> s = StoredStatus(q->Text(5), path());
    if (!s.ok()) return s.status();
    h.new_status = *s;
    h.old_note = q->OptText(6);
    h.new_note = q->OptText(7);
    Result<std::optional<DismissReason>> old_reason = StoredReason(q->OptText(8), path());
    if (!old_reason.ok()) return old_reason.status();
    Result<std::optional<DismissReason>> new_reason = StoredReason(q->OptText(9), path());
    if (!new_reason.ok()) return new_reason.status();
    h.old_reason = *old_reason;
    h.new_reason = *new_reason;
    out.push_back(std::move(h));
  }
  return out;
}

Result<Decision> DecisionStore::ApplyInTransaction(const Change& change, const std::string& now) {
  DIVERGE_RETURN_IF_ERROR(CheckDivergenceId(change.id));
  Result<std::optional<Decision>> old = Get(change.id);
  if (!old.ok()) return old.status();
  Decision d;
  if (*old) d = **old;
  d.id = change.id;
  if (change.status) d.status = *change.status;
  if (change.set_note) d.note = change.note;
  if (change.set_reason) d.reason = change.reason;
  if (d.status != report::ReviewStatus::kDismissed) {
    if (change.set_reason && change.reason) {
      return Status::InvalidArgument(d.id + ": a reason goes with a dismissal only (status is " +
                                     std::string(report::ReviewStatusName(d.status)) + ")");
    }
    d.reason.reset();
  }
  d.reviewer = change.reviewer.empty() ? DefaultReviewer() : change.reviewer;
  d.updated = now;

  Result<SqliteStatement> up = db_->Prepare(
      "INSERT INTO decisions(id, status, note, reviewer, updated, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT(id) DO UPDATE SET status = excluded.status, note = excluded.note, "
      "reviewer = excluded.reviewer, updated = excluded.updated, reason = excluded.reason");
  if (!up.ok()) return up.status();
  up->Bind(1, d.id)
      .Bind(2, report::ReviewStatusName(d.status))
      .BindOpt(3, d.note)
      .Bind(4, d.reviewer);
  up->Bind(5, d.updated).BindOpt(6, ReasonText(d.reason));
  DIVERGE_RETURN_IF_ERROR(up->Run());

  Result<SqliteStatement> hist = db_->Prepare(
      "INSERT INTO history(id, reviewer, time, old_status, new_status, old_note, new_note, "
      "old_reason, new_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!hist.ok()) return hist.status();
  std::optional<std::string> old_status, old_note, old_reason;
  if (*old) {
    old_status = std::string(report::ReviewStatusName((*old)->status));
    old_note = (*old)->note;
    old_reason = ReasonText((*old)->reason);
  }
  hist->Bind(1, d.id).Bind(2, d.reviewer).Bind(3, d.updated).BindOpt(4, old_status);
  hist->Bind(5, report::ReviewStatusName(d.status)).BindOpt(6, old_note).BindOpt(7, d.note);
  hist->BindOpt(8, old_reason).BindOpt(9, ReasonText(d.reason));
  DIVERGE_RETURN_IF_ERROR(hist->Run());
  return d;
}

Result<Decision> DecisionStore::Apply(const Change& change) {
  Result<std::vector<Decision>> all = ApplyAll({change});
  if (!all.ok()) return all.status();
  return std::move(all->front());
}

Result<std::vector<Decision>> DecisionStore::ApplyAll(
    const std::vector<Change>& changes, const std::function<void(size_t)>& after_each) {
  for (const Change& c : changes) DIVERGE_RETURN_IF_ERROR(CheckDivergenceId(c.id));
  if (read_only_) return Status::Internal(path_ + ": review database opened read-only");
  Transaction txn(*db_);
  DIVERGE_RETURN_IF_ERROR(txn.Begin());
  std::string now = UtcNow();
  std::vector<Decision> out;
  for (size_t i = 0; i < changes.size(); ++i) {
    Result<Decision> d = ApplyInTransaction(changes[i], now);
    if (!d.ok()) return d.status();
    out.push_back(std::move(*d));
    if (after_each) after_each(i);
  }
  DIVERGE_RETURN_IF_ERROR(txn.Commit());
  return out;
}

Result<std::vector<Correction>> DecisionStore::Corrections() {
  if (!db_ || version_ < 3) return std::vector<Correction>();
  Result<SqliteStatement> q = db_->Prepare(
      "SELECT seq, action, targets, value, reviewer, time, note FROM corrections ORDER BY seq");
  if (!q.ok()) return q.status();
  std::vector<Correction> out;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Correction c;
    c.seq = q->Int(0);
    std::optional<CorrectionAction> a = ParseCorrectionAction(q->Text(1));
    if (!a) return Status::Corruption(path_ + ": unknown correction \"" + q->Text(1) + "\" stored");
    c.action = *a;
    try {
      nlohmann::json t = nlohmann::json::parse(q->Text(2));
      for (const nlohmann::json& x : t) c.targets.push_back(x.get<std::string>());
    } catch (const nlohmann::json::exception&) {
      return Status::Corruption(path_ + ": correction " + std::to_string(c.seq) +
                                " has malformed targets");
    }
    c.value = q->Text(3);
    c.reviewer = q->Text(4);
    c.time = q->Text(5);
    c.note = q->OptText(6);
    out.push_back(std::move(c));
  }
  return out;
}

Result<Correction> DecisionStore::AddCorrection(Correction c) {
  DIVERGE_RETURN_IF_ERROR(CheckCorrection(c));
  if (read_only_) return Status::Internal(path_ + ": review database opened read-only");
  Transaction txn(*db_);
  DIVERGE_RETURN_IF_ERROR(txn.Begin());
  c.time = UtcNow();
  if (c.reviewer.empty()) c.reviewer = DefaultReviewer();
  Result<SqliteStatement> ins = db_->Prepare(
      "INSERT INTO corrections(action, targets, value, reviewer, time, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, CorrectionActionName(c.action)).Bind(2, nlohmann::json(c.targets).dump());
  ins->Bind(3, c.value).Bind(4, c.reviewer).Bind(5, c.time).BindOpt(6, c.note);
  DIVERGE_RETURN_IF_ERROR(ins->Run());
  Result<std::string> seq = db_->QueryText("SELECT last_insert_rowid()");
  if (!seq.ok()) return seq.status();
  c.seq = std::stoll(*seq);
  DIVERGE_RETURN_IF_ERROR(txn.Commit());
  return c;
}

}  // namespace diverge::review
