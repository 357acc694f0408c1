// Golden files: the synthetic report rendered to every format, compared byte for byte
// with tests/data/reports/golden/. Regenerate (then review the diff by eye):
//   DIVERGE_UPDATE_GOLDEN=1 ./diverge_tests "[reports][golden]"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

void CheckGolden(reports::ReportFormat format, const std::string& name) {
  report::Report report = SyntheticReport();
  std::string got = reports::Render(report, format);
  std::string path = ReportsDataDir() + "/golden/" + name;
  const char* update = std::getenv("DIVERGE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    REQUIRE(WriteFileAtomic(path, got).ok());
    WARN("rewrote " << path);
  }
  Result<std::string> want = ReadFile(path);
  REQUIRE(want.ok());
  CHECK(got == *want);
}

}  // namespace

TEST_CASE("Golden report.md of the synthetic report", "[reports][golden]") {
  CheckGolden(reports::ReportFormat::kMarkdown, "synthetic_report.md");
}
TEST_CASE("Golden report.html of the synthetic report", "[reports][golden]") {
  CheckGolden(reports::ReportFormat::kHtml, "synthetic_report.html");
}
TEST_CASE("Golden divergences.csv of the synthetic report", "[reports][golden]") {
  CheckGolden(reports::ReportFormat::kCsv, "synthetic_divergences.csv");
}
TEST_CASE("Golden claims.graphml of the synthetic report", "[reports][golden]") {
  CheckGolden(reports::ReportFormat::kGraphml, "synthetic_claims.graphml");
}

TEST_CASE("Every format is byte-identical under shuffled input arrays", "[reports]") {
  for (bool hostile : {false, true}) {
    report::Report base = hostile ? HostileReport() : SyntheticReport();
    for (reports::ReportFormat f : {reports::ReportFormat::kMarkdown, reports::ReportFormat::kHtml,
                                    reports::ReportFormat::kCsv, reports::ReportFormat::kGraphml}) {
      std::vector<reports::SimilarityEdge> sims;
      if (!base.statements.empty()) {
        sims = {{base.statements[0].id, base.statements.back().id, 0.75f},
                {base.statements.back().id, base.statements[0].id, 0.5f}};
      }
      std::string want = reports::Render(base, f, sims);
      CHECK(reports::Render(base, f, sims) == want);  // re-run
      for (unsigned seed = 1; seed <= 5; ++seed) {
        report::Report shuffled = base;
        ShuffleReport(shuffled, seed);
        std::vector<reports::SimilarityEdge> s2(sims.rbegin(), sims.rend());
        INFO("format " << reports::ReportFormatName(f) << " seed " << seed << " hostile "
                       << hostile);
        CHECK(reports::Render(shuffled, f, s2) == want);
      }
    }
  }
}
