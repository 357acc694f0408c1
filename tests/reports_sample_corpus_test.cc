// Golden files of the sample corpus: `diverge analyze corpus/csto` with the default model,
// every output compared byte for byte with tests/data/reports/golden/csto/, and report.md
// also with the committed example reports/examples/csto/report.md (so the example a
// newcomer reads never goes stale). report.md and report.html link each source relative
// to where they are written, so the goldens are report.json rendered for where each
// golden lives (the analysis's own report.md/html must equal report.json rendered for
// its output directory). Regenerate both (then review the diff by eye):
//   DIVERGE_UPDATE_GOLDEN=1 build/tests/diverge_tests "[sample]"
// Skipped when the default model has not been fetched (scripts/fetch-model.sh).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/pipeline/analyze.h"
#include "reports/render.h"
#include "tests/ingest_test_util.h"

using namespace diverge;
namespace fs = std::filesystem;

namespace {

bool UpdateGolden() {
  const char* update = std::getenv("DIVERGE_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Runs from the source directory so document paths read "corpus/csto/...", exactly as in
// the README's demo command.
class InSourceDir {
 public:
  InSourceDir() : old_(fs::current_path()) { fs::current_path(DIVERGE_SOURCE_DIR); }
  ~InSourceDir() {
    std::error_code ec;
    fs::current_path(old_, ec);
  }

 private:
  fs::path old_;
};

void CheckAgainst(const std::string& got, const std::string& golden_path) {
  if (UpdateGolden()) {
    fs::create_directories(fs::path(golden_path).parent_path());
    REQUIRE(WriteFileAtomic(golden_path, got).ok());
    WARN("rewrote " << golden_path);
  }
  Result<std::string> want = ReadFile(golden_path);
  REQUIRE(want.ok());
  INFO(golden_path << " differs; regenerate with DIVERGE_UPDATE_GOLDEN=1 and review the diff");
  CHECK(got == *want);
}

}  // namespace

TEST_CASE("Golden outputs of the sample corpus, and the committed example",
          "[reports][golden][sample]") {
  if (!fs::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("default model missing (" << DIVERGE_DEFAULT_MODEL << "): scripts/fetch-model.sh");
    return;
  }
  testing::TempDir out;
  Result<pipeline::AnalyzeSummary> summary = [&] {
    InSourceDir here;
    pipeline::AnalyzeOptions opt;
    opt.inputs = {"corpus/csto"};
    opt.out_dir = out.path().string();
    opt.model_path = DIVERGE_DEFAULT_MODEL;
    opt.quiet = true;
    return pipeline::Analyze(opt);
  }();
  REQUIRE(summary.ok());
  // A report worth reading: several claims across outlets and something to review.
  CHECK(summary->report.documents.size() == 5);
  CHECK(summary->report.clusters.size() >= 3);
  CHECK(!summary->report.divergences.empty());

  const std::string golden = std::string(DIVERGE_SOURCE_DIR) + "/tests/data/reports/golden/csto/";
  const std::string example = std::string(DIVERGE_SOURCE_DIR) + "/reports/examples/csto";
  InSourceDir here;  // document paths are relative to the source directory
  for (const char* name :
       {"report.json", "report.md", "report.html", "divergences.csv", "claims.graphml"}) {
    Result<std::string> got = ReadFile((out.path() / name).string());
    REQUIRE(got.ok());
    const std::string n = name;
    if (n != "report.md" && n != "report.html") {
      CheckAgainst(*got, golden + name);
      continue;
    }
    const reports::ReportFormat format =
        n == "report.md" ? reports::ReportFormat::kMarkdown : reports::ReportFormat::kHtml;
    CHECK(*got == reports::Render(summary->report, format, {},
                                  reports::RenderOptions{out.path().string()}));
    CheckAgainst(reports::Render(summary->report, format, {}, reports::RenderOptions{golden}),
                 golden + name);
    if (n == "report.md") {
      CheckAgainst(reports::Render(summary->report, format, {}, reports::RenderOptions{example}),
                   example + "/report.md");
    }
  }
}
