// What the page clean-up set aside stays visible: report.json carries it (round trip,
// canonical order) and report.md / report.html list it with counts by reason.
#include <catch2/catch.hpp>
#include <string>

#include "analyzer/report/report.h"
#include "reports/render.h"

using namespace diverge;

TEST_CASE("Set-aside lines round-trip through report.json and are listed", "[report][set_aside]") {
  report::Report r;
  ingest::Document d;
  d.id = "007";
  d.outlet = "Daily A";
  r.documents.push_back(d);
  r.set_aside.push_back({"007", "furniture", "web interface phrase", "Subscribe <now>", 40, 55});
  r.set_aside.push_back({"007", "metadata", "byline", "By A. Writer", 0, 12});
  const std::string json = report::SerializeReport(r);
  Result<report::Report> back = report::ParseReport(json, "test.json");
  REQUIRE(back.ok());
  REQUIRE(back->set_aside.size() == 2);
  CHECK(back->set_aside[0].start == 0);  // sorted by (doc, start)
  CHECK(back->set_aside[0].reason == "metadata");
  CHECK(back->set_aside[1].text == "Subscribe <now>");
  CHECK(back->set_aside[1].detail == "web interface phrase");
  CHECK(report::SerializeReport(*back) == json);

  const std::string md = reports::Render(*back, reports::ReportFormat::kMarkdown);
  CHECK(md.find("## Set aside by the clean-up") != std::string::npos);
  CHECK(md.find("furniture 1; metadata 1.") != std::string::npos);
  const std::string html = reports::Render(*back, reports::ReportFormat::kHtml);
  CHECK(html.find("id=\"set-aside\"") != std::string::npos);
  CHECK(html.find("Subscribe &lt;now&gt;") != std::string::npos);  // escaped
  CHECK(html.find("Subscribe <now>") == std::string::npos);

  // Reports without set-aside lines have no such field or section.
  report::Report empty;
  CHECK(report::SerializeReport(empty).find("set_aside") == std::string::npos);
  CHECK(reports::Render(empty, reports::ReportFormat::kMarkdown).find("Set aside") ==
        std::string::npos);
}
