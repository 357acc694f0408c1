// The SQLite decision store: schema, history, bad ids, two writers at once, and a
// writer killed with SIGKILL in the middle of a transaction.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <set>
#include <thread>

#include "analyzer/review/decision_store.h"
#include "analyzer/review/sqlite_db.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using diverge::testing::ReviewDir;

namespace {

Change Set(const std::string& id, ReviewStatus s, const std::string& who = "tester") {
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
    REQUIRE(store->Apply(Set("d-aaa1", ReviewStatus::kConfirmed, "alice")).ok());
    Change note;
    note.id = "d-aaa1";
    note.set_note = true;
    note.note = "checked \"the\" source; <b>ok</b>";
    note.reviewer = "bob";
    Result<Decision> d = store->Apply(note);
    REQUIRE(d.ok());
    CHECK(d->status == ReviewStatus::kConfirmed);  // a note keeps the status
    CHECK(d->reviewer == "bob");
    REQUIRE(store->Apply(Set("d-bbb2", ReviewStatus::kDismissed)).ok());
  }
  // A new connection sees everything.
  Result<DecisionStore> store = DecisionStore::Open(path, false);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].id == "d-aaa1");
  CHECK((*all)[0].note == std::optional<std::string>("checked \"the\" source; <b>ok</b>"));
  CHECK((*all)[1].status == ReviewStatus::kDismissed);
  CHECK((*all)[0].updated.size() == 20);  // 2026-11-22T07:40:00Z
  CHECK((*all)[0].updated.back() == 'Z');

  Result<std::vector<HistoryEntry>> hist = store->History("d-aaa1");
  REQUIRE(hist.ok());
  REQUIRE(hist->size() == 2);
  CHECK(!(*hist)[0].old_status.has_value());
  CHECK((*hist)[0].new_status == ReviewStatus::kConfirmed);
  CHECK((*hist)[0].reviewer == "alice");
  CHECK((*hist)[1].old_status == std::optional<ReviewStatus>(ReviewStatus::kConfirmed));
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
    Result<Decision> r = store->Apply(Set(bad, ReviewStatus::kConfirmed));
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message().find("is not a divergence id") != std::string::npos);
  }
  // A batch with one bad id writes nothing.
  Result<std::vector<Decision>> batch = store->ApplyAll(
      {Set("d-good", ReviewStatus::kConfirmed), Set("nope", ReviewStatus::kConfirmed)});
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
      ReviewStatus s = i % 2 ? ReviewStatus::kConfirmed : ReviewStatus::kDismissed;
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
    CHECK((*shared)[i].old_status == std::optional<ReviewStatus>((*shared)[i - 1].new_status));
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
      if (!store->Apply(Set("d-c" + std::to_string(i), ReviewStatus::kConfirmed)).ok()) _exit(3);
    }
    std::vector<Change> big;
    for (int i = 0; i < 5000; ++i)
      big.push_back(Set("d-u" + std::to_string(i), ReviewStatus::kDismissed));
    // Overwrite committed ones too: none of this may become visible.
    for (int i = 0; i < kCommitted; ++i)
      big.push_back(Set("d-c" + std::to_string(i), ReviewStatus::kDismissed));
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
    CHECK(d.status == ReviewStatus::kConfirmed);  // the uncommitted overwrite is gone
  }
  CHECK(ids.size() == kCommitted);
  for (int i = 0; i < kCommitted; ++i) CHECK(ids.count("d-c" + std::to_string(i)) == 1);
  CHECK(store->History()->size() == kCommitted);
  // And the database still takes writes.
  CHECK(store->Apply(Set("d-after", ReviewStatus::kOpen)).ok());
}
