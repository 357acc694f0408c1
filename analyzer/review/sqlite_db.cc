#include "analyzer/review/sqlite_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <thread>
#include <utility>

namespace diverge::review {

namespace {

Status StatusFor(int code, const std::string& message) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status::IOError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(message);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return Status::InvalidArgument(message);
    default:
      return Status::Internal(message);
  }
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::BindOpt(int index, const std::optional<std::string>& text) {
  if (!text) {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  return Bind(index, std::string_view(*text));
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->LastError("statement failed");
}

Status SqliteStatement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> SqliteStatement::OptText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Text(column);
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenWithFlags(const std::string& path, int flags,
                                                          int busy_timeout_ms) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open review database: " +
                      (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    // Only a file that is not there is kNotFound (also when a directory of its path is
    // missing or is a file); one we may not open is kIOError.
    const int err = handle != nullptr ? sqlite3_system_errno(handle) : 0;
    bool absent = (rc & 0xff) == SQLITE_CANTOPEN && (flags & SQLITE_OPEN_CREATE) == 0 &&
                  (err == ENOENT || err == ENOTDIR);
    sqlite3_close(handle);
    if (absent) return Status::NotFound(msg);
    return StatusFor(rc, msg);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, busy_timeout_ms);
  return std::unique_ptr<SqliteDb>(new SqliteDb(handle, path, busy_timeout_ms));
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, bool create,
                                                 int busy_timeout_ms) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
                       busy_timeout_ms);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::OpenReadOnly(const std::string& path,
                                                         int busy_timeout_ms) {
  Result<std::unique_ptr<SqliteDb>> db =
      OpenWithFlags(path, SQLITE_OPEN_READWRITE, busy_timeout_ms);
  if (!db.ok()) return db;
  DIVERGE_RETURN_IF_ERROR((*db)->Exec("PRAGMA query_only=ON"));
  return db;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return LastError("statement failed");
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return LastError("cannot prepare statement");
  }
  return SqliteStatement(this, stmt);
}

Result<std::string> SqliteDb::QueryText(const std::string& sql) {
  Result<SqliteStatement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Text(0) : std::string();
}

Result<std::string> SqliteDb::QueryTextRetryingBusy(const std::string& sql) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  for (int wait_ms = 1;; wait_ms = std::min(2 * wait_ms, 50)) {
    Result<SqliteStatement> stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    int rc = sqlite3_step(stmt->stmt_);
    if (rc == SQLITE_ROW) return stmt->Text(0);
    if (rc == SQLITE_DONE) return std::string();
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) {
      return LastError("statement failed");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  }
}

Status SqliteDb::LastError(std::string_view what) const {
  return StatusFor(sqlite3_extended_errcode(db_),
                   path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

}  // namespace diverge::review
