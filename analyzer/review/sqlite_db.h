// A thin adapter over the SQLite C API (Debian libsqlite3-dev): one connection, its
// prepared statements, and every SQLite error turned into a Status naming the database
// file. Nothing above this file sees sqlite3 types.
#ifndef DIVERGE_ANALYZER_REVIEW_SQLITE_DB_H_
#define DIVERGE_ANALYZER_REVIEW_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyzer/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace diverge::review {

class SqliteDb;

// A prepared statement. Bind indices are 1-based, column indices 0-based.
class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  ~SqliteStatement();

  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& BindOpt(int index, const std::optional<std::string>& text);  // NULL if none
  SqliteStatement& Bind(int index, int64_t value);
  // Runs one step: true when a row is ready, false when done; errors name the database.
  Result<bool> Step();
  // Steps to completion (for statements that return no rows).
  Status Run();

  std::string Text(int column) const;
  std::optional<std::string> OptText(int column) const;  // nullopt for NULL
  int64_t Int(int column) const;

 private:
  friend class SqliteDb;
  SqliteStatement(SqliteDb* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  // Opens `path` read-write (created if `create`), with extended result codes and a
  // busy timeout of `busy_timeout_ms` (another writer holding the lock makes us wait
  // that long before kIOError "database is locked"). kNotFound when `path` does not
  // exist and !create.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, bool create,
                                                int busy_timeout_ms);
  // Opens an existing `path` for reading only: nothing is created (kNotFound when `path`
  // does not exist) and PRAGMA query_only makes every statement that would write fail.
  // The file itself is opened read-write (read-only by SQLite itself when it is not
  // writable) because a connection opened SQLITE_OPEN_READONLY cannot remove the -wal
  // and -shm files it creates beside a WAL database, and would leave them behind.
  static Result<std::unique_ptr<SqliteDb>> OpenReadOnly(const std::string& path,
                                                        int busy_timeout_ms);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  const std::string& path() const { return path_; }
  // Runs one or more SQL statements that return no rows.
  Status Exec(const std::string& sql);
  Result<SqliteStatement> Prepare(std::string_view sql);
  // The first column of the first row of `sql` as text ("" if no row).
  Result<std::string> QueryText(const std::string& sql);
  // QueryText, retrying SQLITE_BUSY until the busy timeout has passed. For statements
  // that upgrade a read lock to a write lock, such as "PRAGMA journal_mode=WAL" on a
  // database not yet in WAL mode: SQLite fails such an upgrade at once, without the busy
  // handler, when another connection holds the write lock (it cannot wait there without
  // risking a deadlock), so two processes creating one database at once would see
  // "database is locked" however long the busy timeout.
  Result<std::string> QueryTextRetryingBusy(const std::string& sql);
  // A Status for the last error of this connection: kIOError for busy/locked/IO/full,
  // kCorruption for a malformed or non-database file, kInvalidArgument for constraint
  // failures, kInternal otherwise. The message is "<path>: <what>: <sqlite message>".
  Status LastError(std::string_view what) const;

 private:
  SqliteDb(sqlite3* db, std::string path, int busy_timeout_ms)
      : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}
  static Result<std::unique_ptr<SqliteDb>> OpenWithFlags(const std::string& path, int flags,
                                                         int busy_timeout_ms);
  sqlite3* db_;
  std::string path_;
  int busy_timeout_ms_;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_SQLITE_DB_H_
