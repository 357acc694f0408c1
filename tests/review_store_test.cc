// The SQLite decision store: schema, history, bad ids, two writers at once, processes
// creating one database at once, read-only opening, and a writer killed with SIGKILL in
// the middle of a transaction.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>

#include "analyzer/review/decision_store.h"
#include "analyzer/review/sqlite_db.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using diverge::testing::ReviewDir;

namespace {

Change Set(const std::string& id, report::ReviewStatus s, const std::string& who = "tester") {
  Change c;
  c.id = id;
  c.status = s;
  c.reviewer = who;
  return c;
}

std::string Pragma(const std::string& db_path, const std::string& sql) {
  auto db = SqliteDb::Open(db_path, false, 1000);
  REQUIRE(db.ok());
  Result<std::string> v = (*db)->QueryText(sql);
  REQUIRE(v.ok());
  return *v;
}

}  // namespace

TEST_CASE("store: decisions, notes and an append-only history", "[review][store]") {
  ReviewDir dir;
  std::string path = dir.file("review.db");
  {
    Result<DecisionStore> store = DecisionStore::Open(path);
    REQUIRE(store.ok());
    REQUIRE(store->Apply(Set("d-aaa1", report::ReviewStatus::kConfirmed, "alice")).ok());
    Change note;
    note.id = "d-aaa1";
    note.set_note = true;
    note.note = "checked \"the\" source; <b>ok</b>";
    note.reviewer = "bob";
    Result<Decision> d = store->Apply(note);
    REQUIRE(d.ok());
    CHECK(d->status == report::ReviewStatus::kConfirmed);  // a note keeps the status
    CHECK(d->reviewer == "bob");
    REQUIRE(store->Apply(Set("d-bbb2", report::ReviewStatus::kDismissed)).ok());
  }
  // A new connection sees everything.
  Result<DecisionStore> store = DecisionStore::Open(path, false);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].id == "d-aaa1");
  CHECK((*all)[0].note == std::optional<std::string>("checked \"the\" source; <b>ok</b>"));
  CHECK((*all)[1].status == report::ReviewStatus::kDismissed);
  CHECK((*all)[0].updated.size() == 20);  // 2026-11-22T07:40:00Z
  CHECK((*all)[0].updated.back() == 'Z');

  Result<std::vector<HistoryEntry>> hist = store->History("d-aaa1");
  REQUIRE(hist.ok());
  REQUIRE(hist->size() == 2);
  CHECK(!(*hist)[0].old_status.has_value());
  CHECK((*hist)[0].new_status == report::ReviewStatus::kConfirmed);
  CHECK((*hist)[0].reviewer == "alice");
  CHECK((*hist)[1].old_status ==
        std::optional<report::ReviewStatus>(report::ReviewStatus::kConfirmed));
  CHECK(!(*hist)[1].old_note.has_value());
  CHECK((*hist)[1].new_note.has_value());
  CHECK((*hist)[0].seq < (*hist)[1].seq);
  CHECK(store->History()->size() == 3);

  // History cannot be rewritten, decisions cannot hold a bad status.
  auto raw = SqliteDb::Open(path, false, 1000);
  REQUIRE(raw.ok());
  Status upd = (*raw)->Exec("UPDATE history SET reviewer = 'mallory'");
  CHECK_FALSE(upd.ok());
  CHECK(upd.message().find("append-only") != std::string::npos);
  CHECK_FALSE((*raw)->Exec("DELETE FROM history").ok());
  Status bad = (*raw)->Exec("UPDATE decisions SET status = 'maybe'");
  CHECK(bad.code() == StatusCode::kInvalidArgument);
  CHECK(store->History()->size() == 3);

  CHECK(Pragma(path, "PRAGMA journal_mode") == "wal");
  CHECK(Pragma(path, "PRAGMA user_version") == std::to_string(kSchemaVersion));
}

TEST_CASE("store: bad ids, missing, foreign and newer databases are clear errors",
          "[review][store]") {
  ReviewDir dir;
  Result<DecisionStore> store = DecisionStore::Open(dir.file("review.db"));
  REQUIRE(store.ok());
  for (const char* bad : {"", "d-", "x-123", "d-12 34", "d-<script>", "D-123"}) {
    Result<Decision> r = store->Apply(Set(bad, report::ReviewStatus::kConfirmed));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message().find("is not a divergence id") != std::string::npos);
  }
  // A batch with one bad id writes nothing.
  Result<std::vector<Decision>> batch =
      store->ApplyAll({Set("d-good", report::ReviewStatus::kConfirmed),
                       Set("nope", report::ReviewStatus::kConfirmed)});
  CHECK_FALSE(batch.ok());
  CHECK(store->All()->empty());

  Result<DecisionStore> missing = DecisionStore::Open(dir.file("absent.db"), false);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message().find("absent.db") != std::string::npos);

  REQUIRE(WriteFileAtomic(dir.file("text.db"), std::string(4096, 'x')).ok());
  Result<DecisionStore> text = DecisionStore::Open(dir.file("text.db"));
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == StatusCode::kCorruption);
  CHECK(text.status().message().find("text.db") != std::string::npos);

  {
    auto other = SqliteDb::Open(dir.file("other.db"), true, 1000);
    REQUIRE(other.ok());
    REQUIRE((*other)->Exec("CREATE TABLE t(x)").ok());
  }
  Result<DecisionStore> foreign = DecisionStore::Open(dir.file("other.db"));
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.status().message().find("not a diverge review database") != std::string::npos);

  {
    auto raw = SqliteDb::Open(dir.file("review.db"), false, 1000);
    REQUIRE(raw.ok());
    REQUIRE((*raw)->Exec("PRAGMA user_version = 99").ok());
  }
  Result<DecisionStore> newer = DecisionStore::Open(dir.file("review.db"));
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().code() == StatusCode::kUnsupported);
  CHECK(newer.status().message().find("99") != std::string::npos);
}

TEST_CASE("store: two writers with separate connections lose nothing", "[review][store]") {
  ReviewDir dir;
  std::string path = dir.file("review.db");
  REQUIRE(DecisionStore::Open(path).ok());
  constexpr int kEach = 150;
  std::atomic<int> failures{0};
  auto writer = [&](const std::string& who) {
    Result<DecisionStore> store = DecisionStore::Open(path);
    if (!store.ok()) {
      ++failures;
      return;
    }
    for (int i = 0; i < kEach; ++i) {
      // Each writer its own ids, and both on one shared id.
      report::ReviewStatus s =
          i % 2 ? report::ReviewStatus::kConfirmed : report::ReviewStatus::kDismissed;
      if (!store->Apply(Set("d-" + who + "-" + std::to_string(i), s, who)).ok()) ++failures;
      if (!store->Apply(Set("d-shared", s, who)).ok()) ++failures;
    }
  };
  std::thread a(writer, "alice"), b(writer, "bob");
  a.join();
  b.join();
  CHECK(failures == 0);
  Result<DecisionStore> store = DecisionStore::Open(path);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  CHECK(all->size() == 2 * kEach + 1);
  Result<std::vector<HistoryEntry>> shared = store->History("d-shared");
  REQUIRE(shared.ok());
  CHECK(shared->size() == 2 * kEach);
  // Serialized: every change on the shared id saw the previous one as its old status.
  for (size_t i = 1; i < shared->size(); ++i) {
    CHECK((*shared)[i].old_status ==
          std::optional<report::ReviewStatus>((*shared)[i - 1].new_status));
  }
  CHECK(store->History()->size() == 4 * kEach);
}

TEST_CASE("store: a writer killed with SIGKILL mid-transaction leaves a valid database",
          "[review][store]") {
  ReviewDir dir;
  std::string path = dir.file("review.db");
  REQUIRE(DecisionStore::Open(path).ok());
  constexpr int kCommitted = 40;
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // child: its own connection; commits, then dies inside a transaction
    ::close(fds[0]);
    Result<DecisionStore> store = DecisionStore::Open(path);
    if (!store.ok()) ::_exit(2);
    for (int i = 0; i < kCommitted; ++i) {
      if (!store->Apply(Set("d-c" + std::to_string(i), report::ReviewStatus::kConfirmed)).ok())
        _exit(3);
    }
    std::vector<Change> big;
    for (int i = 0; i < 5000; ++i)
      big.push_back(Set("d-u" + std::to_string(i), report::ReviewStatus::kDismissed));
    // Overwrite committed ones too: none of this may become visible.
    for (int i = 0; i < kCommitted; ++i)
      big.push_back(Set("d-c" + std::to_string(i), report::ReviewStatus::kDismissed));
    (void)store->ApplyAll(big, [&](size_t i) {
      if (i == big.size() - 1) {
        char c = 'k';
        (void)!::write(fds[1], &c, 1);  // "mid-transaction": the parent kills us now
        for (;;) ::pause();
      }
    });
    ::_exit(4);
  }
  ::close(fds[1]);
  char c = 0;
  REQUIRE(::read(fds[0], &c, 1) == 1);
  ::close(fds[0]);
  REQUIRE(::kill(pid, SIGKILL) == 0);
  int wstatus = 0;
  REQUIRE(::waitpid(pid, &wstatus, 0) == pid);
  REQUIRE(WIFSIGNALED(wstatus));
  CHECK(WTERMSIG(wstatus) == SIGKILL);

  CHECK(Pragma(path, "PRAGMA integrity_check") == "ok");
  Result<DecisionStore> store = DecisionStore::Open(path);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  std::set<std::string> ids;
  for (const Decision& d : *all) {
    ids.insert(d.id);
    CHECK(d.status == report::ReviewStatus::kConfirmed);  // the uncommitted overwrite is gone
  }
  CHECK(ids.size() == kCommitted);
  for (int i = 0; i < kCommitted; ++i) CHECK(ids.count("d-c" + std::to_string(i)) == 1);
  CHECK(store->History()->size() == kCommitted);
  // And the database still takes writes.
  CHECK(store->Apply(Set("d-after", report::ReviewStatus::kOpen)).ok());
}

TEST_CASE("store: processes creating one database at once all succeed", "[review][store]") {
  // Each round a fresh database that kProcs processes, released together, create and
  // write at once. The switch of a new database to WAL upgrades a read lock, which SQLite
  // fails at once (busy timeout or not) while another connection holds the write lock;
  // the store retries it, so no process may fail here. In the first rounds this test
  // itself holds the write lock while the processes start, so that they meet it for sure.
  constexpr int kRounds = 12, kHeldRounds = 3, kProcs = 3;
  int failures = 0;
  for (int round = 0; round < kRounds; ++round) {
    ReviewDir dir;
    std::string path = dir.file("review.db");
    int gate[2];
    REQUIRE(::pipe(gate) == 0);
    std::vector<pid_t> children;
    for (int p = 0; p < kProcs; ++p) {
      pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        ::close(gate[1]);
        char c;
        (void)!::read(gate[0], &c, 1);  // EOF when the parent closes the gate: all go
        Result<DecisionStore> store = DecisionStore::Open(path);
        if (!store.ok()) {
          std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
          ::_exit(1);
        }
        if (!store->Apply(Set("d-proc" + std::to_string(p), report::ReviewStatus::kConfirmed)).ok())
          ::_exit(2);
        ::_exit(0);
      }
      children.push_back(pid);
    }
    // Opened after the forks: a child must not inherit a SQLite connection.
    std::unique_ptr<SqliteDb> holder;
    if (round < kHeldRounds) {
      auto db = SqliteDb::Open(path, true, 1000);
      REQUIRE(db.ok());
      holder = std::move(*db);
      REQUIRE(holder->Exec("BEGIN IMMEDIATE").ok());
    }
    ::close(gate[0]);
    ::close(gate[1]);
    if (holder) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      REQUIRE(holder->Exec("ROLLBACK").ok());
      holder.reset();
    }
    int failed = 0;
    for (pid_t pid : children) {
      int wstatus = 0;
      REQUIRE(::waitpid(pid, &wstatus, 0) == pid);
      if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) ++failed;
    }
    failures += failed;
    Result<DecisionStore> store = DecisionStore::Open(path, false);
    REQUIRE(store.ok());
    CHECK(store->All()->size() == static_cast<size_t>(kProcs - failed));  // each success kept
    CHECK(Pragma(path, "PRAGMA journal_mode") == "wal");
  }
  CHECK(failures == 0);
}

TEST_CASE("store: read-only opening creates nothing and writes nothing", "[review][store]") {
  ReviewDir dir;
  namespace fs = std::filesystem;
  // Missing (also in a missing directory, or below a regular file): an empty store, and
  // still missing after.
  REQUIRE(WriteFileAtomic(dir.file("file"), "x").ok());
  for (const std::string& path :
       {dir.file("absent.db"), dir.file("no/such/dir/x.db"), dir.file("file/x.db")}) {
    Result<DecisionStore> missing = DecisionStore::OpenReadOnly(path);
    REQUIRE(missing.ok());
    CHECK(missing->read_only());
    CHECK(missing->path() == path);
    CHECK(missing->All()->empty());
    CHECK_FALSE(missing->Get("d-aaa1")->has_value());
    CHECK(missing->History()->empty());
    Result<Decision> w = missing->Apply(Set("d-aaa1", report::ReviewStatus::kConfirmed));
    REQUIRE_FALSE(w.ok());
    CHECK(w.status().message().find("read-only") != std::string::npos);
    CHECK_FALSE(fs::exists(path));
  }
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

  // An empty file is an empty store and stays empty.
  REQUIRE(WriteFileAtomic(dir.file("empty.db"), "").ok());
  Result<DecisionStore> empty = DecisionStore::OpenReadOnly(dir.file("empty.db"));
  REQUIRE(empty.ok());
  CHECK(empty->All()->empty());
  CHECK(fs::file_size(dir.file("empty.db")) == 0);

  // An existing database: its decisions are read, and cannot be changed through it.
  std::string path = dir.file("review.db");
  {
    Result<DecisionStore> rw = DecisionStore::Open(path);
    REQUIRE(rw.ok());
    REQUIRE(rw->Apply(Set("d-aaa1", report::ReviewStatus::kDismissed, "ann")).ok());
  }
  {
    Result<DecisionStore> ro = DecisionStore::OpenReadOnly(path);
    REQUIRE(ro.ok());
    Result<std::optional<Decision>> d = ro->Get("d-aaa1");
    REQUIRE(d.ok());
    REQUIRE(d->has_value());
    CHECK((*d)->status == report::ReviewStatus::kDismissed);
    CHECK((*d)->reviewer == "ann");
    CHECK(ro->History("d-aaa1")->size() == 1);
    CHECK_FALSE(ro->Apply(Set("d-aaa1", report::ReviewStatus::kConfirmed)).ok());
    CHECK(ro->Get("d-aaa1")->value().status == report::ReviewStatus::kDismissed);
    // Below the store too, the connection takes no write.
    auto raw = SqliteDb::OpenReadOnly(path, 1000);
    REQUIRE(raw.ok());
    CHECK_FALSE((*raw)->Exec("DELETE FROM decisions").ok());
    CHECK(ro->All()->size() == 1);
  }
  // The last connection closed: no -wal / -shm left beside it.
  CHECK_FALSE(fs::exists(path + "-wal"));
  CHECK_FALSE(fs::exists(path + "-shm"));
  CHECK(SqliteDb::OpenReadOnly(dir.file("absent.db"), 1000).status().code() ==
        StatusCode::kNotFound);

  // Not a database, or a newer one: the same errors as Open's.
  REQUIRE(WriteFileAtomic(dir.file("text.db"), std::string(4096, 'x')).ok());
  Result<DecisionStore> text = DecisionStore::OpenReadOnly(dir.file("text.db"));
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == StatusCode::kCorruption);
  {
    auto raw = SqliteDb::Open(path, false, 1000);
    REQUIRE(raw.ok());
    REQUIRE((*raw)->Exec("PRAGMA user_version = 99").ok());
  }
  CHECK(DecisionStore::OpenReadOnly(path).status().code() == StatusCode::kUnsupported);
}
