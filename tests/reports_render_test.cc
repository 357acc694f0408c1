#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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
  CHECK(*reports::ParseReportFormat("md") == reports::ReportFormat::kMarkdown);
  CHECK(*reports::ParseReportFormat("markdown") == reports::ReportFormat::kMarkdown);
  CHECK(*reports::ParseReportFormat("html") == reports::ReportFormat::kHtml);
  CHECK(*reports::ParseReportFormat("csv") == reports::ReportFormat::kCsv);
  CHECK(*reports::ParseReportFormat("graphml") == reports::ReportFormat::kGraphml);
  Result<reports::ReportFormat> bad = reports::ParseReportFormat("pdf");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("pdf") != std::string::npos);
  CHECK_FALSE(reports::ParseReportFormat("HTML").ok());
}

TEST_CASE("WriteAllFormats writes the four files, each equal to Render", "[reports]") {
  TempDir dir;
  report::Report report = SyntheticReport();
  REQUIRE(reports::WriteAllFormats(report, dir.path.string()).ok());
  for (reports::ReportFormat f : {reports::ReportFormat::kMarkdown, reports::ReportFormat::kHtml,
                                  reports::ReportFormat::kCsv, reports::ReportFormat::kGraphml}) {
    Result<std::string> text = ReadFile((dir.path / reports::DefaultFileName(f)).string());
    REQUIRE(text.ok());
    CHECK(*text == reports::Render(report, f, {}, reports::RenderOptions{dir.path.string()}));
  }
  CHECK(fs::exists(dir.path / "report.md"));
  CHECK(fs::exists(dir.path / "report.html"));
  CHECK(fs::exists(dir.path / "divergences.csv"));
  CHECK(fs::exists(dir.path / "claims.graphml"));
  Status st = reports::WriteAllFormats(report, (dir.path / "missing" / "dir").string());
  CHECK(st.code() == StatusCode::kIOError);
}

TEST_CASE("RenderAllFormats renders each format from one view, on any number of threads",
          "[reports]") {
  report::Report report = HostileReport();
  const reports::RenderOptions options{"out"};
  auto one = reports::RenderAllFormats(report, {}, options, 1);
  auto two = reports::RenderAllFormats(report, {}, options, 2);
  REQUIRE(one.size() == std::size(reports::kAllReportFormats));
  CHECK(one == two);
  for (size_t i = 0; i < one.size(); ++i) {
    const reports::ReportFormat f = reports::kAllReportFormats[i];
    CHECK(one[i].first == reports::DefaultFileName(f));
    CHECK(one[i].second == reports::Render(report, f, {}, options));
  }
}

TEST_CASE("RenderReportFile re-renders report.json and reports load errors", "[reports]") {
  Result<std::string> md = reports::RenderReportFile(ReportsDataDir() + "/synthetic_report.json",
                                                     reports::ReportFormat::kMarkdown);
  REQUIRE(md.ok());
  CHECK(*md == reports::Render(SyntheticReport(), reports::ReportFormat::kMarkdown));
  Result<std::string> missing =
      reports::RenderReportFile("/nonexistent/report.json", reports::ReportFormat::kCsv);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

TEST_CASE("Progress prints stages and counts only to its sink", "[reports]") {
  reports::Progress quiet(true);
  CHECK_FALSE(quiet.enabled());
  quiet.Stage("nothing");  // no sink: no output, no crash
  quiet.Count(3);
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  reports::Progress p(f);
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

TEST_CASE("Progress lines inside a stage give count, percentage and time left", "[reports]") {
  CHECK(reports::Progress::Thousands(0) == "0");
  CHECK(reports::Progress::Thousands(1234567) == "1,234,567");
  CHECK(reports::Progress::Duration(0.4) == "under 1 s");
  CHECK(reports::Progress::Duration(42) == "42 s");
  CHECK(reports::Progress::Duration(200) == "3 min 20 s");
  CHECK(reports::Progress::Duration(7500) == "2 h 05 min");
  CHECK(reports::Progress::FormatLine("clustering", 1200, 5000, "statements", 11) ==
        "diverge: clustering: 1,200/5,000 statements (24%), about 35 s left");
  // No estimate before 1% of the work or one second; none when the total is unknown.
  CHECK(reports::Progress::FormatLine("clustering", 10, 5000, "statements", 30) ==
        "diverge: clustering: 10/5,000 statements (0%)");
  CHECK(reports::Progress::FormatLine("x", 500, 1000, "pairs", 0.5) ==
        "diverge: x: 500/1,000 pairs (50%)");
  CHECK(reports::Progress::FormatLine("x", 7, 0, "pairs", 3) == "diverge: x: 7 pairs");
  CHECK(reports::Progress::FormatLine("x", 1000, 1000, "pairs", 3) ==
        "diverge: x: 1,000/1,000 pairs (100%)");

  // Off a terminal (no redraw) a counted stage prints only its final line.
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  {
    reports::Progress p(f);
    p.Start("clustering", 300, "statements");
    p.Advance(100);
    ProgressFn fn = p.Reporter();
    fn(250, 300);
    fn(200, 300);  // late report from a slower thread: ignored
    p.Advance(50);
    p.Finish();
  }
  std::rewind(f);
  char buf[512] = {0};
  std::string out(buf, std::fread(buf, 1, sizeof buf - 1, f));
  std::fclose(f);
  CHECK(out.rfind("diverge: clustering: 300 statements in ", 0) == 0);
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);

  // On a terminal the live line is redrawn in place and replaced by the final one.
  std::FILE* t = std::tmpfile();
  REQUIRE(t != nullptr);
  {
    reports::Progress p(t, /*redraw=*/true);
    p.Start("detecting", 4, "claims");
    p.Update(1);  // the first update draws at once
    p.Finish();
  }
  std::rewind(t);
  std::string tty(buf, std::fread(buf, 1, sizeof buf - 1, t));
  std::fclose(t);
  CHECK(tty.find("\r\033[Kdiverge: detecting: 1/4 claims (25%)") == 0);
  CHECK(tty.find("\r\033[Kdiverge: detecting: 1 claims in ") != std::string::npos);
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
  CHECK(*csv == reports::Render(SyntheticReport(), reports::ReportFormat::kCsv));

  std::string stdout_path = (dir.path / "stdout.md").string();
  cmd = std::string(DIVERGE_BINARY) + " report '" + json + "' -f markdown > '" + stdout_path + "'";
  CHECK(std::system(cmd.c_str()) == 0);
  Result<std::string> md = ReadFile(stdout_path);
  REQUIRE(md.ok());
  CHECK(*md == reports::Render(SyntheticReport(), reports::ReportFormat::kMarkdown));

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

TEST_CASE("Progress reports every stage start to the stage observer", "[reports]") {
  std::vector<std::string> seen;
  reports::Progress::SetStageObserver([&](std::string_view stage) { seen.emplace_back(stage); });
  {
    reports::Progress quiet(true);  // observed whether or not it prints
    quiet.Stage("reading corpus");
    quiet.Start("clustering", 10, "statements");
  }
  reports::Progress::SetStageObserver({});
  reports::Progress after(true);
  after.Stage("writing reports");
  CHECK(seen == std::vector<std::string>{"reading corpus", "clustering"});
}
