// `diverge review ...`: the real binary; exit codes, messages, two processes at once,
// and read-only commands that leave a missing database missing.
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analyzer/review/decision_store.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;

#ifdef DIVERGE_BINARY
namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs `diverge ARGS` through the shell; stdout and stderr captured.
Run Diverge(const ReviewDir& tmp, const std::string& args) {
  std::string err_file = tmp.file("stderr.txt");
  std::string cmd = std::string("'") + DIVERGE_BINARY + "' " + args + " 2>'" + err_file + "'";
  Run r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = Slurp(err_file);
  return r;
}

}  // namespace

TEST_CASE("CLI: review confirm / dismiss / note / reopen / show / list", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string dir = "'" + tmp.str() + "'";

  Run c = Diverge(
      tmp, "review confirm " + dir + " d-founded d-summ --note 'seen <both>' --reviewer ann");
  REQUIRE(c.code == 0);
  CHECK(c.out.find("d-founded confirmed by ann; note: seen <both>") != std::string::npos);
  CHECK(c.out.find("d-summit confirmed by ann") != std::string::npos);  // prefix resolved
  REQUIRE(Diverge(tmp, "review dismiss " + dir + " d-injured --reviewer bo").code == 0);
  REQUIRE(Diverge(tmp, "review note " + dir + " d-injured 'not the same gate'").code == 0);

  Run list = Diverge(tmp, "review list " + dir + " --status confirmed");
  REQUIRE(list.code == 0);
  CHECK(list.out.find("d-founded") != std::string::npos);
  CHECK(list.out.find("d-summit") != std::string::npos);
  CHECK(list.out.find("d-members-num") != std::string::npos);  // confirmed in report.json
  CHECK(list.out.find("d-injured") == std::string::npos);
  Run kind = Diverge(tmp, "review list " + dir + " --kind antonym --outlet metro --min-score 0.5");
  REQUIRE(kind.code == 0);
  CHECK(kind.out.find("d-injured ") != std::string::npos);
  CHECK(kind.out.find("dismissed") != std::string::npos);
  CHECK(kind.out.find("# not the same gate") != std::string::npos);
  CHECK(std::count(kind.out.begin(), kind.out.end(), '\n') == 1);

  Run show = Diverge(tmp, "review show " + dir + " d-injured");
  REQUIRE(show.code == 0);
  CHECK(show.out.find("status: dismissed by") != std::string::npos);
  CHECK(show.out.find("note: not the same gate") != std::string::npos);
  CHECK(show.out.find("bo: (new) -> dismissed") != std::string::npos);
  CHECK(show.out.find("evidence:") != std::string::npos);

  REQUIRE(Diverge(tmp, "review reopen " + dir + " d-injured").code == 0);
  REQUIRE(Diverge(tmp, "review note " + dir + " d-injured ''").code == 0);
  Result<DecisionStore> store = DecisionStore::Open(tmp.file("review.db"));
  REQUIRE(store.ok());
  Result<std::optional<Decision>> d = store->Get("d-injured");
  REQUIRE(d.ok());
  REQUIRE(d->has_value());
  CHECK((*d)->status == report::ReviewStatus::kOpen);
  CHECK_FALSE((*d)->note.has_value());
  CHECK(store->History("d-injured")->size() == 4);
}

TEST_CASE("CLI: bad ids and bad statuses get clear messages and exit codes", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string dir = "'" + tmp.str() + "'";
  Run unknown = Diverge(tmp, "review confirm " + dir + " d-founded d-no-such-flag");
  CHECK(unknown.code == 7);
  CHECK(unknown.err.find("no divergence \"d-no-such-flag\"") != std::string::npos);
  Run malformed = Diverge(tmp, "review dismiss " + dir + " founded");
  CHECK(malformed.code == 2);
  CHECK(malformed.err.find("\"founded\" is not a divergence id") != std::string::npos);
  Run ambiguous = Diverge(tmp, "review show " + dir + " d-members");
  CHECK(ambiguous.code == 2);
  CHECK(ambiguous.err.find("ambiguous") != std::string::npos);
  Run status = Diverge(tmp, "review list " + dir + " --status maybe");
  CHECK(status.code == 2);
  CHECK(status.err.find("unknown review status \"maybe\"") != std::string::npos);
  Run kind = Diverge(tmp, "review export " + dir + " --kind contradictory");
  CHECK(kind.code == 2);
  CHECK(kind.err.find("unknown divergence kind") != std::string::npos);
  // Nothing was written by the failed commands (the batch with a bad id included).
  Result<DecisionStore> store = DecisionStore::Open(tmp.file("review.db"));
  REQUIRE(store.ok());
  CHECK(store->All()->empty());

  Run no_report = Diverge(tmp, "review list '" + tmp.file("nowhere") + "'");
  CHECK(no_report.code == 4);
  CHECK(no_report.err.find("report.json") != std::string::npos);
  REQUIRE(WriteFileAtomic(tmp.file("bad.db"), std::string(4096, 'x')).ok());
  Run bad_db = Diverge(tmp, "review list " + dir + " --db '" + tmp.file("bad.db") + "'");
  CHECK(bad_db.code == 8);
  CHECK(bad_db.err.find("bad.db") != std::string::npos);
}

TEST_CASE("CLI: export CSV and JSON, orphans listed", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string dir = "'" + tmp.str() + "'";
  {
    Result<DecisionStore> store = DecisionStore::Open(tmp.file("review.db"));
    REQUIRE(store.ok());
    Change c;
    c.id = "d-from-an-old-run";
    c.status = report::ReviewStatus::kConfirmed;
    c.reviewer = "old";
    REQUIRE(store->Apply(c).ok());
  }
  REQUIRE(Diverge(tmp, "review confirm " + dir + " d-talks").code == 0);
  Run orphans = Diverge(tmp, "review list " + dir + " --orphaned");
  REQUIRE(orphans.code == 0);
  CHECK(orphans.out.rfind("d-from-an-old-run\tconfirmed\told\t", 0) == 0);
  CHECK(orphans.err.find("1 orphaned") != std::string::npos);

  Run exp = Diverge(tmp, "review export " + dir);
  REQUIRE(exp.code == 0);
  nlohmann::json j = nlohmann::json::parse(Slurp(tmp.file("review.json")));
  CHECK(j["divergences"].size() == SyntheticReport().divergences.size());
  REQUIRE(j["orphaned"].size() == 1);
  std::string csv = Slurp(tmp.file("review.csv"));
  CHECK(csv.find("d-talks,confirmed,") != std::string::npos);
  CHECK(csv.find("d-from-an-old-run,confirmed,,old,") != std::string::npos);
  Run filtered = Diverge(tmp, "review export " + dir + " --status confirmed --csv '" +
                                  tmp.file("c.csv") + "' --json '" + tmp.file("c.json") + "'");
  REQUIRE(filtered.code == 0);
  nlohmann::json f = nlohmann::json::parse(Slurp(tmp.file("c.json")));
  CHECK(f["divergences"].size() == 2);  // d-talks and d-members-num (confirmed in report.json)
  Run unwritable = Diverge(tmp, "review export " + dir + " --csv /nonexistent/dir/x.csv");
  CHECK(unwritable.code == 6);
}

TEST_CASE("CLI: list, show and export create no review database", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string dir = "'" + tmp.str() + "'";
  auto db_files = [&] {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(tmp.path())) {
      n += e.path().filename().string().rfind("review.db", 0) == 0;
    }
    return n;
  };
  Run list = Diverge(tmp, "review list " + dir);
  REQUIRE(list.code == 0);
  CHECK(list.out.find("d-founded") != std::string::npos);
  CHECK(list.out.find("d-members-num  confirmed") != std::string::npos);  // report.json
  Run show = Diverge(tmp, "review show " + dir + " d-founded");
  REQUIRE(show.code == 0);
  CHECK(show.out.find("status: open (no decision yet)") != std::string::npos);
  Run exp = Diverge(tmp, "review export " + dir);
  REQUIRE(exp.code == 0);
  CHECK(std::filesystem::exists(tmp.file("review.csv")));
  Run other = Diverge(tmp, "review list " + dir + " --db '" + tmp.file("elsewhere.db") + "'");
  REQUIRE(other.code == 0);
  CHECK_FALSE(std::filesystem::exists(tmp.file("elsewhere.db")));
  CHECK(other.err.find("no review database at " + tmp.file("elsewhere.db")) !=
        std::string::npos);                                          // mistyped?
  CHECK(list.err.find("no review database") == std::string::npos);  // default path: quiet
  CHECK(db_files() == 0);

  // A decision creates it; the read-only commands then see what it holds.
  REQUIRE(Diverge(tmp, "review confirm " + dir + " d-founded --reviewer ann").code == 0);
  CHECK(std::filesystem::exists(tmp.file("review.db")));
  Run after = Diverge(tmp, "review show " + dir + " d-founded");
  REQUIRE(after.code == 0);
  CHECK(after.out.find("status: confirmed by ann") != std::string::npos);
  Run confirmed = Diverge(tmp, "review list " + dir + " --status confirmed");
  REQUIRE(confirmed.code == 0);
  CHECK(confirmed.out.find("d-founded") != std::string::npos);
  CHECK(db_files() == 1);  // review.db alone: no -wal / -shm left by the readers
}

TEST_CASE("CLI: two review processes writing at once lose nothing", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string bin = std::string("'") + DIVERGE_BINARY + "'", dir = "'" + tmp.str() + "'";
  constexpr int kRounds = 15;
  std::string loop = [&] {
    std::string a, b;
    for (int i = 0; i < kRounds; ++i) {
      a += bin + " review confirm " + dir + " d-founded d-summit >/dev/null || echo FAIL; ";
      b += bin + " review dismiss " + dir + " d-founded d-talks >/dev/null || echo FAIL; ";
    }
    return "(" + a + ") & (" + b + ") & wait";
  }();
  FILE* p = ::popen(loop.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[256];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  CHECK(out.find("FAIL") == std::string::npos);
  Result<DecisionStore> store = DecisionStore::Open(tmp.file("review.db"));
  REQUIRE(store.ok());
  CHECK(store->History("d-founded")->size() == 2 * kRounds);
  CHECK(store->History()->size() == 4 * kRounds);
  CHECK(store->Get("d-summit")->value().status == report::ReviewStatus::kConfirmed);
  CHECK(store->Get("d-talks")->value().status == report::ReviewStatus::kDismissed);
}
TEST_CASE("CLI: review takes the report's numbers (D3) and short unique prefixes", "[review][cli]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  std::string dir = "'" + tmp.str() + "'";
  // D1 founded 0.91, D2 members-num 0.88, D3 summit 0.85 (report.md numbers them so).
  Run show = Diverge(tmp, "review show " + dir + " D3");
  REQUIRE(show.code == 0);
  CHECK(show.out.rfind("d-summit (D3)", 0) == 0);
  CHECK(show.out.find("claim C3 (c-summit)") != std::string::npos);
  // list names each flag's claim, so --claim can take it.
  Run list = Diverge(tmp, "review list " + dir + " --kind negation");
  REQUIRE(list.code == 0);
  CHECK(list.out.find(" C3 ") != std::string::npos);
  Run bulk = Diverge(tmp, "review dismiss " + dir + " --claim C2 --reason not_same_claim");
  REQUIRE(bulk.code == 0);
  CHECK(bulk.out.find("d-members-num dismissed (not the same claim)") != std::string::npos);
  CHECK(bulk.out.find("d-members-set dismissed (not the same claim)") != std::string::npos);
  Run bad_reason = Diverge(tmp, "review dismiss " + dir + " D1 --reason bored");
  CHECK(bad_reason.code == 2);
  CHECK(bad_reason.err.find("unknown dismissal reason") != std::string::npos);
  Run eval = Diverge(tmp, "eval review " + dir);
  REQUIRE(eval.code == 0);
  CHECK(eval.out.find("by detector") != std::string::npos);
  CHECK(eval.out.find("not_same_claim") != std::string::npos);
  Run corr = Diverge(tmp, "review correct " + dir + " move-out s-03a --reviewer ann");
  REQUIRE(corr.code == 0);
  CHECK(corr.out.find("correction 1: move_out s-03a by ann") != std::string::npos);
  Run corrs = Diverge(tmp, "review corrections " + dir);
  REQUIRE(corrs.code == 0);
  CHECK(corrs.out.find("pending (re-run analyze)") != std::string::npos);
  Run bad_corr = Diverge(tmp, "review correct " + dir + " set-kind D1 weird");
  CHECK(bad_corr.code == 2);
  Run lower = Diverge(tmp, "review confirm " + dir + " d1 --reviewer ann");
  REQUIRE(lower.code == 0);
  CHECK(lower.out.find("d-founded confirmed by ann") != std::string::npos);
  Run missing = Diverge(tmp, "review show " + dir + " D99");
  CHECK(missing.code == 7);
  CHECK(missing.err.find("no divergence D99") != std::string::npos);
  CHECK(missing.err.find("D1 to D8") != std::string::npos);
  // No minimum length: a unique prefix of any length resolves, an ambiguous one is exit 2
  // (README: bad command line), whatever its length.
  Run short_prefix = Diverge(tmp, "review show " + dir + " d-t");
  REQUIRE(short_prefix.code == 0);
  CHECK(short_prefix.out.rfind("d-talks", 0) == 0);
  Run ambiguous = Diverge(tmp, "review show " + dir + " d-m");
  CHECK(ambiguous.code == 2);
  CHECK(ambiguous.err.find("ambiguous") != std::string::npos);
  Run help = Diverge(tmp, "review show --help");
  REQUIRE(help.code == 0);
  CHECK(help.out.find("diverge review show out/csto D3") != std::string::npos);
  CHECK(help.out.find("Exit codes:") != std::string::npos);
}

#endif  // DIVERGE_BINARY
