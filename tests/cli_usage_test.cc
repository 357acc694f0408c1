// The command line itself: typo suggestions for subcommands and options, every
// subcommand's --help naming its exit codes, `diverge report DIR` and `embed --encoder`.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::testing;

#ifdef DIVERGE_BINARY
namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

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

TEST_CASE("CLI: a mistyped subcommand or option gets the nearest name", "[cli]") {
  ReviewDir tmp;
  Run analyse = Diverge(tmp, "analyse corpus --out x");
  CHECK(analyse.code == 2);
  CHECK(analyse.err.find("unknown subcommand \"analyse\" for diverge (did you mean "
                         "\"analyze\"?)") != std::string::npos);
  Run outt = Diverge(tmp, "analyze corpus --outt x");
  CHECK(outt.code == 2);
  CHECK(outt.err.find("unknown option \"--outt\" for diverge analyze (did you mean \"--out\"?)") !=
        std::string::npos);
  Run nested = Diverge(tmp, "review lst out");
  CHECK(nested.code == 2);
  CHECK(nested.err.find("did you mean \"list\"?") != std::string::npos);
  Run value = Diverge(tmp, "review list out --stauts open");
  CHECK(value.code == 2);
  CHECK(value.err.find("did you mean \"--status\"?") != std::string::npos);
  Run far = Diverge(tmp, "frobnicate");
  CHECK(far.code == 2);
  CHECK(far.err.find("expected one of: ingest, analyze") != std::string::npos);
  // An option's value is not taken for an unknown word.
  Run ok_value = Diverge(tmp, "report --format html");
  CHECK(ok_value.code == 2);
  CHECK(ok_value.err.find("unknown") == std::string::npos);
}

TEST_CASE("CLI: every subcommand's --help lists its exit codes", "[cli]") {
  ReviewDir tmp;
  const std::vector<std::string> commands = {
      "ingest",        "analyze",        "embed",         "report",        "compare",
      "serve",         "model",          "model convert", "model info",    "eval",
      "eval sts",      "eval train-sim", "eval gold",     "eval paraphrase", "eval anchors",
      "eval pairs",    "eval train-stance", "eval review", "review",  "review list",
      "review show",   "review confirm", "review dismiss", "review reopen", "review note",
      "review export", "review correct", "review corrections"};
  for (const std::string& c : commands) {
    Run help = Diverge(tmp, c + " --help");
    INFO(c);
    CHECK(help.code == 0);
    CHECK(help.out.find("Exit codes:") != std::string::npos);
  }
}

TEST_CASE("CLI: embed --encoder takes a registered name, an unknown one is a usage error",
          "[cli][embeddings]") {
  if (!HaveDefaultModel()) {
    WARN("default model absent (scripts/fetch-model.sh): skipped");
    return;
  }
  ReviewDir tmp;
  const std::string base = "embed '" + std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto' --model '" +
                           DIVERGE_DEFAULT_MODEL + "' --threads 1 --out '";
  Run unknown = Diverge(tmp, base + tmp.file("x.npy") + "' --encoder nope");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("unknown encoder 'nope'") != std::string::npos);
  CHECK(unknown.err.find("sif") != std::string::npos);  // the known names
  Run dflt = Diverge(tmp, base + tmp.file("a.npy") + "'");
  Run sif = Diverge(tmp, base + tmp.file("b.npy") + "' --encoder sif");
  REQUIRE(dflt.code == 0);
  REQUIRE(sif.code == 0);
  CHECK(Slurp(tmp.file("a.npy")) == Slurp(tmp.file("b.npy")));
  CHECK(Slurp(tmp.file("a.ids.txt")) == Slurp(tmp.file("b.ids.txt")));
  Run help = Diverge(tmp, "embed --help");
  CHECK(help.out.find("--encoder") != std::string::npos);
  CHECK(help.out.find("sif: smooth-inverse-frequency") != std::string::npos);
}

TEST_CASE("CLI: diverge report DIR reads DIR/report.json", "[cli][reports]") {
  ReviewDir tmp;
  WriteReportDir(tmp, SyntheticReport());
  Run dir = Diverge(tmp, "report '" + tmp.str() + "' --format csv");
  REQUIRE(dir.code == 0);
  Run file = Diverge(tmp, "report '" + tmp.file("report.json") + "' --format csv");
  REQUIRE(file.code == 0);
  CHECK(dir.out == file.out);
  CHECK(dir.out.find("d-founded") != std::string::npos);
  Run empty = Diverge(tmp, "report '" + tmp.file("nothing") + "' --format csv");
  CHECK(empty.code == 4);
}
#endif
