#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "reports/escape.h"
#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

struct Tag {
  std::string name;
  std::string raw;
};

// Every markup tag of `html` (anything from '<' to '>'). Corpus text has its '<'
// escaped, so every tag found must be one the renderer writes.
std::vector<Tag> Tags(const std::string& html) {
  std::vector<Tag> tags;
  for (size_t p = html.find('<'); p != std::string::npos; p = html.find('<', p + 1)) {
    size_t end = html.find('>', p);
    REQUIRE(end != std::string::npos);
    std::string raw = html.substr(p, end - p + 1);
    size_t n = 1;
    if (raw.size() > 1 && (raw[1] == '/' || raw[1] == '!')) n = 2;
    size_t stop = raw.find_first_of(" \n>/", n);
    tags.push_back({raw.substr(n, stop - n), raw});
  }
  return tags;
}

const std::set<std::string> kAllowedTags = {
    "DOCTYPE", "html",  "head",  "meta",  "title", "style", "body",    "header",
    "h1",      "h2",    "h3",    "p",     "nav",   "a",     "main",    "section",
    "table",   "tbody", "thead", "tr",    "th",    "td",    "em",      "strong",
    "span",    "div",   "svg",   "g",     "text",  "rect",  "details", "summary",
    "article", "mark",  "code",  "input", "label"};

void CheckInert(const std::string& html) {
  for (const Tag& t : Tags(html)) {
    INFO(t.raw);
    CHECK(kAllowedTags.count(t.name) == 1);
    std::string lower = t.raw;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    CHECK_FALSE(std::regex_search(lower, std::regex("\\son[a-z]+\\s*=")));  // no event handlers
    CHECK(lower.find("javascript:") == std::string::npos);
    CHECK(lower.find("src=") == std::string::npos);  // no external resources
    if (t.name == "a" && t.raw[1] != '/') {
      std::smatch m;
      REQUIRE(std::regex_search(t.raw, m, std::regex("href=\"([^\"]*)\"")));
      std::string href = m[1];
      bool ok = href.rfind("#", 0) == 0 || href.rfind("https://", 0) == 0 ||
                href.rfind("http://", 0) == 0 || href.find(':') == std::string::npos;
      CHECK(ok);
    }
  }
}

}  // namespace

TEST_CASE("HTML escaping covers text and attributes", "[reports]") {
  using reports::HtmlEscape;
  CHECK(HtmlEscape("<a href=\"x\" title='y'>&</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  CHECK(reports::IsSafeHttpUrl("https://example.org/a?b=1"));
  CHECK(reports::IsSafeHttpUrl("HTTP://example.org/"));
  CHECK_FALSE(reports::IsSafeHttpUrl("javascript:alert(1)"));
  CHECK_FALSE(reports::IsSafeHttpUrl(" https://example.org"));
  CHECK_FALSE(reports::IsSafeHttpUrl("https://x.org/\"onmouseover=alert(1)"));
  CHECK_FALSE(reports::IsSafeHttpUrl("data:text/html,<script>"));
  CHECK_FALSE(reports::IsLinkablePath("javascript:alert(1)"));
  CHECK(reports::IsLinkablePath("corpus/a:b.txt"));
}

TEST_CASE("report.html of hostile text executes nothing and links only http(s)", "[reports]") {
  report::Report report = HostileReport();
  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<svg onload") == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)") !=
        std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;") !=
        std::string::npos);
  CheckInert(html);
  // The javascript: manifest URLs and path are shown as text, the https one is a link.
  CHECK(html.find(">javascript:alert(document.cookie)<") != std::string::npos);
  CHECK(html.find(">JAVASCRIPT:alert(3)<") != std::string::npos);
  CHECK(html.find("<a href=\"https://ok.example/a?b=1&amp;c=&quot;2&quot;\"") ==
        std::string::npos);  // has a quote: not a safe URL, so text
  CHECK(html.find("https://ok.example/a?b=1&amp;c=&quot;2&quot;") != std::string::npos);
  CHECK(html.find("<code>javascript:alert(2)#0-") != std::string::npos);
}

TEST_CASE("report.html is self-contained with a strict CSP and the matrix", "[reports]") {
  std::string html = reports::Render(SyntheticReport(), reports::ReportFormat::kHtml);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; img-src data:\">") != std::string::npos);
  CHECK(html.find("<title>diverge report: 8 divergences across 5 outlets</title>") !=
        std::string::npos);
  CheckInert(html);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  // The SVG heatmap: one rect per claim x outlet cell (6 x 5) plus 3 legend swatches.
  size_t svg = html.find("<svg class=\"heatmap\"");
  REQUIRE(svg != std::string::npos);
  std::string heat = html.substr(svg, html.find("</svg>", svg) - svg);
  CHECK(CountOf(heat, "<rect ") == 6 * 5 + 3);
  CHECK(CountOf(heat, "fill=\"#d95f02\"") == 13 + 1);  // differs cells (2+3+2+2+2+2) + legend
  CHECK(html.find("<svg class=\"bars\"") != std::string::npos);
  // The matrix table, divergence articles in score order with <mark>ed evidence.
  CHECK(html.find("<table class=\"matrix\">") != std::string::npos);
  CHECK(CountOf(html, "<article class=\"divergence") == 8);
  CHECK(html.find("id=\"d-founded\"") < html.find("id=\"d-members-num\""));
  CHECK(html.find("id=\"d-injured\"") < html.find("id=\"d-members-set\""));
  CHECK(html.find("id=\"d-talks\"") < html.find("id=\"d-injured-omit\""));
  CHECK(html.find("founded in <mark>1994</mark> in Varna") != std::string::npos);
  CHECK(html.find("<div class=\"side silent\">") != std::string::npos);
  CHECK(html.find("<a href=\"corpus/synthetic/d04%20valley%20post.txt#0-62\">") !=
        std::string::npos);
  CHECK(html.find("<a href=\"ftp:") == std::string::npos);
  CHECK(html.find("<section id=\"timeline\">") != std::string::npos);
}

namespace {

// The size of the 20,000-file attack run: 92,848 statements in 20,000 documents of
// 2,000 outlets, 30,000 claims of about 3 statements, 400 divergences of every kind.
report::Report LargeReport() {
  report::Report r;
  r.generator.name = "diverge";
  for (int i = 0; i < 20000; ++i) {
    ingest::Document d;
    d.id = "doc" + std::to_string(100000 + i);
    d.path = "corpus/" + d.id + ".txt";
    d.outlet = "Outlet number " + std::to_string(i % 2000);
    d.date = "2020-01-" + std::to_string(10 + i % 19);
    r.documents.push_back(d);
  }
  for (int i = 0; i < 92848; ++i) {
    ingest::Statement s;
    s.id = "s-" + std::to_string(1000000 + i);
    s.doc = r.documents[size_t(i) % r.documents.size()].id;
    s.text = "Statement " + std::to_string(i) +
             " says that the ministers met on Monday and agreed on a plan to rebuild the bridge.";
    s.start = 0;
    s.end = s.text.size();
    r.statements.push_back(s);
  }
  for (int c = 0; c < 30000; ++c) {
    report::ClaimCluster cl;
    cl.id = "c-" + std::to_string(100000 + c);
    cl.label = "Claim " + std::to_string(c);
    for (int k = 0; k < 3; ++k) cl.statements.push_back(r.statements[size_t(c * 3 + k)].id);
    r.clusters.push_back(cl);
  }
  for (int i = 0; i < 400; ++i) {
    report::Divergence d;
    d.id = "d-" + std::to_string(100000 + i);
    d.cluster = r.clusters[size_t(i * 37) % r.clusters.size()].id;
    d.kind = static_cast<report::DivergenceKind>(i % 8);
    d.temporal = static_cast<report::Temporal>(i % 3);
    d.score = 0.5 + 0.001 * (i % 400);
    const report::ClaimCluster& cl = r.clusters[size_t(i * 37) % r.clusters.size()];
    d.a.statement = cl.statements[0];
    d.b.statement = cl.statements[1];
    d.a.evidence = "ministers";
    d.b.evidence = "bridge";
    d.explanation = "synthetic";
    r.divergences.push_back(d);
  }
  r.divergences_cut = {{"date", 1234}};
  return r;
}

}  // namespace

TEST_CASE("report.html of 92,848 statements shows the top of each section with counts",
          "[reports][robust][large]") {
  const report::Report report = LargeReport();
  const std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  // 32.6 MB before (Chromium took 35 s to render it); everything is in report.json.
  CHECK(html.size() < 4u * 1024 * 1024);
  CHECK_THAT(html, Catch::Contains("Showing the first 100 of 30000 claims (rows)"));
  CHECK_THAT(html, Catch::Contains("Showing the first 40 of 2000 outlets"));
  CHECK_THAT(html, Catch::Contains("of 30000 claims; all of them are in"));
  CHECK_THAT(html, Catch::Contains("Showing the first 500 of 20000 documents"));
  CHECK_THAT(html, Catch::Contains("<a href=\"report.json\">report.json</a>"));
  CHECK_THAT(html, Catch::Contains("(and 1234 more found: 1234 date, cut by --max-flags)"));
  // Every divergence (fewer than the section's limit) is shown, and every claim a shown
  // divergence names is among the claims shown (claims with divergences come first).
  for (const report::Divergence& d : report.divergences) {
    CHECK(html.find("id=\"" + d.id + "\"") != std::string::npos);
  }
  size_t missing = 0;
  const std::regex link("href=\"#claim-(C[0-9]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it) {
    missing += html.find("id=\"claim-" + (*it)[1].str() + "\"") == std::string::npos;
  }
  CHECK(missing == 0);
}
