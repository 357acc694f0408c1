#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "reports/progress.h"
#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("diverge-reports-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static inline int counter = 0;
};

}  // namespace

TEST_CASE("ParseReportFormat accepts the documented names only", "[reports]") {
  CHECK(*ParseReportFormat("md") == ReportFormat::kMarkdown);
  CHECK(*ParseReportFormat("markdown") == ReportFormat::kMarkdown);
  CHECK(*ParseReportFormat("html") == ReportFormat::kHtml);
  CHECK(*ParseReportFormat("csv") == ReportFormat::kCsv);
  CHECK(*ParseReportFormat("graphml") == ReportFormat::kGraphml);
  Result<ReportFormat> bad = ParseReportFormat("pdf");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("pdf") != std::string::npos);
  CHECK_FALSE(ParseReportFormat("HTML").ok());
}

TEST_CASE("WriteAllFormats writes the four files, each equal to Render", "[reports]") {
  TempDir dir;
  Report report = SyntheticReport();
  REQUIRE(WriteAllFormats(report, dir.path.string()).ok());
  for (ReportFormat f : {ReportFormat::kMarkdown, ReportFormat::kHtml, ReportFormat::kCsv,
                         ReportFormat::kGraphml}) {
    Result<std::string> text = ReadFile((dir.path / DefaultFileName(f)).string());
    REQUIRE(text.ok());
    CHECK(*text == Render(report, f));
  }
  CHECK(fs::exists(dir.path / "report.md"));
  CHECK(fs::exists(dir.path / "report.html"));
  CHECK(fs::exists(dir.path / "divergences.csv"));
  CHECK(fs::exists(dir.path / "claims.graphml"));
  Status st = WriteAllFormats(report, (dir.path / "missing" / "dir").string());
  CHECK(st.code() == StatusCode::kIOError);
}

TEST_CASE("RenderReportFile re-renders report.json and reports load errors", "[reports]") {
  Result<std::string> md =
      RenderReportFile(ReportsDataDir() + "/synthetic_report.json", ReportFormat::kMarkdown);
  REQUIRE(md.ok());
  CHECK(*md == Render(SyntheticReport(), ReportFormat::kMarkdown));
  Result<std::string> missing = RenderReportFile("/nonexistent/report.json", ReportFormat::kCsv);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("Progress prints stages and counts only to its sink", "[reports]") {
  Progress quiet(true);
  CHECK_FALSE(quiet.enabled());
  quiet.Stage("nothing");  // no sink: no output, no crash
  quiet.Count(3);
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  Progress p(f);
  CHECK(p.enabled());
  p.Stage("rendering");
  p.Count(42, "divergences");
  p.Note("done");
  std::rewind(f);
  char buf[512] = {0};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string out(buf, n);
  CHECK(out.find("diverge: rendering...\n") == 0);
  CHECK(out.find("diverge: rendering: 42 divergences") != std::string::npos);
  CHECK(out.find("diverge: done\n") != std::string::npos);
}

#ifdef DIVERGE_BINARY
TEST_CASE("diverge report renders to stdout or --out and maps errors to exit codes",
          "[reports][cli]") {
  TempDir dir;
  std::string json = ReportsDataDir() + "/synthetic_report.json";
  std::string out = (dir.path / "r.csv").string();
  std::string cmd = std::string(DIVERGE_BINARY) + " report '" + json + "' --format csv --out '" +
                    out + "' --quiet";
  CHECK(std::system(cmd.c_str()) == 0);
  Result<std::string> csv = ReadFile(out);
  REQUIRE(csv.ok());
  CHECK(*csv == Render(SyntheticReport(), ReportFormat::kCsv));

  std::string stdout_path = (dir.path / "stdout.md").string();
  cmd = std::string(DIVERGE_BINARY) + " report '" + json + "' -f markdown > '" + stdout_path + "'";
  CHECK(std::system(cmd.c_str()) == 0);
  Result<std::string> md = ReadFile(stdout_path);
  REQUIRE(md.ok());
  CHECK(*md == Render(SyntheticReport(), ReportFormat::kMarkdown));

  auto exit_code = [](const std::string& c) {
    int rc = std::system((c + " >/dev/null 2>&1").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  CHECK(exit_code(std::string(DIVERGE_BINARY) + " report '" + json + "' --format pdf") == 2);
  CHECK(exit_code(std::string(DIVERGE_BINARY) + " report /nonexistent/report.json") == 4);
  CHECK(exit_code(std::string(DIVERGE_BINARY) + " report '" + json +
                  "' --out /nonexistent/dir/r.md") == 6);
}
#endif
