// Opens report.html in headless Chromium (Debian package `chromium`) and checks the
// rendered DOM: the matrix and divergences are there, and hostile corpus text ran no
// script. SKIPs with a warning when /usr/bin/chromium is absent.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

// The DOM after load (and 2 s of virtual time for timers), or "" on failure.
std::string DumpDom(const std::string& html_path, const fs::path& profile) {
  std::string cmd = std::string("timeout 60 ") + kChromium +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --user-data-dir='" +
                    profile.string() + "' --virtual-time-budget=2000 --dump-dom 'file://" +
                    html_path + "' 2>/dev/null";
  std::FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

std::string Title(const std::string& html) {
  std::smatch m;
  return std::regex_search(html, m, std::regex("<title>([^<]*)</title>")) ? std::string(m[1])
                                                                          : std::string();
}

}  // namespace

TEST_CASE("report.html renders in headless Chromium and runs no corpus script",
          "[reports][chromium]") {
  if (!fs::exists(kChromium)) {
    WARN("SKIPPED: " << kChromium << " not installed (scripts/install-deps.sh installs it)");
    return;
  }
  fs::path dir = fs::temp_directory_path() / ("diverge-chromium-" + std::to_string(::getpid()));
  fs::create_directories(dir / "profile");
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{dir};

  // The hostile report, with the synthetic report's claims and divergences merged in so
  // one browser run checks both rendering and inertness.
  report::Report report = SyntheticReport();
  report::Report hostile = HostileReport();
  for (auto& d : hostile.documents) report.documents.push_back(d);
  for (auto& s : hostile.statements) report.statements.push_back(s);
  for (auto& c : hostile.clusters) report.clusters.push_back(c);
  for (auto& d : hostile.divergences) report.divergences.push_back(d);
  for (auto& e : hostile.entities) report.entities.push_back(e);
  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  std::string path = (dir / "report.html").string();
  REQUIRE(WriteFileAtomic(path, html).ok());

  std::string dom = DumpDom(path, dir / "profile");
  REQUIRE_FALSE(dom.empty());
  // Rendered: the title we wrote, the heatmap, the matrix table, every divergence.
  std::string title = Title(html);
  REQUIRE_FALSE(title.empty());
  CHECK(Title(dom) == title);  // an onerror handler would have set it to 'pwned'
  CHECK(dom.find("pwned</title>") == std::string::npos);
  CHECK(dom.find("<svg class=\"heatmap\"") != std::string::npos);
  CHECK(dom.find("<table class=\"matrix\">") != std::string::npos);
  CHECK(CountOf(dom, "<article class=\"divergence") == 10);
  CHECK(dom.find("<mark>1994</mark>") != std::string::npos);
  // Inert: no script or img element exists, no attribute was set by script.
  CHECK(dom.find("data-pwned=") == std::string::npos);
  CHECK(dom.find("<script") == std::string::npos);
  CHECK(dom.find("<img") == std::string::npos);
  CHECK(dom.find("<body data-pwned") == std::string::npos);
  // The attack text is shown as text.
  CHECK(dom.find("&lt;script&gt;document.body.setAttribute(") != std::string::npos);
  CHECK(dom.find("&lt;img src=x onerror=") != std::string::npos);
  CHECK(dom.find("href=\"javascript:") == std::string::npos);
}
