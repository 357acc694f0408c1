// Claims grouped by story, coverage per outlet and wire copies in report.md / report.html.
#include <catch2/catch.hpp>

#include "reports/formats.h"
#include "reports/render.h"
#include "reports/report_view.h"
#include "reports/wire_copies.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

// The synthetic report split into two stories: "Ministry fire" (d04 d05 d06; claims
// c-founded = C1, c-ministry = C5, c-talks = C6) and "Alliance summit" (d01 d02 d03;
// c-members = C2, c-summit = C3, c-injured = C4).
report::Report TwoStories() {
  report::Report r = SyntheticReport();
  report::Story a, b;
  a.id = "t-alliance";
  a.label = "Alliance summit";
  a.documents = {"d01", "d02", "d03"};
  b.id = "t-ministry";
  b.label = "Ministry fire";
  b.documents = {"d04", "d05", "d06"};
  r.stories = {a, b};
  for (report::ClaimCluster& c : r.clusters) {
    bool ministry = c.id == "c-founded" || c.id == "c-ministry" || c.id == "c-talks";
    c.story = ministry ? b.id : a.id;
  }
  return r;
}

// The text of `text` from `from` up to the next `to` (or the end).
std::string Section(const std::string& text, const std::string& from, const std::string& to) {
  size_t begin = text.find(from);
  if (begin == std::string::npos) return "";
  size_t end = text.find(to, begin + from.size());
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

ingest::Document Doc(std::string id, std::string outlet, std::string date) {
  ingest::Document d;
  d.id = std::move(id);
  d.path = "corpus/" + d.id + ".txt";
  d.outlet = std::move(outlet);
  d.date = std::move(date);
  return d;
}

ingest::Statement St(std::string id, std::string doc, int64_t start, std::string text) {
  ingest::Statement s;
  s.id = std::move(id);
  s.doc = std::move(doc);
  s.text = std::move(text);
  s.start = start;
  s.end = start + static_cast<int64_t>(s.text.size());
  return s;
}

const char* kAgency[] = {
    "The earthquake of magnitude 6.8 struck the High Atlas late on Friday night, the national "
    "geophysics institute said.",
    "At least 2,012 people were killed and 2,059 injured, most of them in the provinces of Al "
    "Haouz and Taroudant, the interior ministry said on Saturday.",
    "Rescue teams were still digging through the rubble of mountain villages that the roads "
    "could not reach, a civil protection official told reporters.",
    "The king ordered three days of national mourning and the army to deploy search and rescue "
    "units across the region."};

// Three outlets: Agence (d1, the agency text), Reprint (d2, the same text with its own
// first sentence, a day later), Local (d3, its own report sharing one quoted clause).
report::Report WireReport() {
  report::Report r;
  r.documents = {Doc("d1", "Agence", "2023-09-09"), Doc("d2", "Reprint", "2023-09-10"),
                 Doc("d3", "Local", "2023-09-09")};
  int64_t at = 0;
  for (int i = 0; i < 4; ++i) {
    r.statements.push_back(St("s-a" + std::to_string(i), "d1", at, kAgency[i]));
    at += 200;
  }
  r.statements.push_back(St("s-b0", "d2", 0, "Our correspondent in Marrakesh reports on the "
                                              "disaster that hit the mountains."));
  for (int i = 1; i < 4; ++i) {
    r.statements.push_back(St("s-b" + std::to_string(i), "d2", 200 * i, kAgency[i]));
  }
  r.statements.push_back(St("s-c0", "d3", 0, "In Amizmiz, families slept outside for a second "
                                             "night as aftershocks shook the valley."));
  r.statements.push_back(St("s-c1", "d3", 100, "The death toll rose to 2,012, according to the "
                                               "interior ministry, while hospitals in Marrakesh "
                                               "asked for blood donors."));
  report::ClaimCluster toll;
  toll.id = "c-toll";
  toll.label = "Death toll";
  toll.statements = {"s-a1", "s-b1", "s-c1"};
  report::ClaimCluster rescue;
  rescue.id = "c-rescue";
  rescue.label = "Rescue teams";
  rescue.statements = {"s-a2", "s-b2"};
  r.clusters = {toll, rescue};
  return r;
}

}  // namespace

TEST_CASE("Stories are in reading order by their first claim, with their claims",
          "[reports][stories]") {
  report::Report report = TwoStories();
  reports::ReportView view(report);
  REQUIRE(view.grouped_by_story());
  REQUIRE(view.stories().size() == 2);
  CHECK(view.stories()[0].label == "Ministry fire");  // holds C1
  CHECK(view.stories()[1].label == "Alliance summit");
  std::string numbers;
  for (const reports::ClaimView* c : view.ClaimsByStory()) numbers += c->number + " ";
  CHECK(numbers == "C1 C5 C6 C2 C3 C4 ");
  CHECK(reports::ReportView::StorySize(view.stories()[0]) == "3 documents from 3 outlets");
}

TEST_CASE("report.md and report.html show claims under their story headings",
          "[reports][stories]") {
  report::Report report = TwoStories();
  std::string md = reports::Render(report, reports::ReportFormat::kMarkdown);
  std::string claims = Section(md, "## Claims, statement by statement", "\n## ");
  REQUIRE(!claims.empty());
  size_t ministry = claims.find("### Story: Ministry fire\n\n3 documents from 3 outlets, 3 claims.");
  size_t alliance = claims.find("### Story: Alliance summit\n\n3 documents from 3 outlets, 3 claims.");
  REQUIRE(ministry != std::string::npos);
  REQUIRE(alliance != std::string::npos);
  CHECK(ministry < claims.find("#### C1 ·"));
  CHECK(claims.find("#### C6 ·") < alliance);
  CHECK(alliance < claims.find("#### C2 ·"));
  // The stories table is in the same order, each with its claims.
  std::string table = Section(md, "## Stories", "\n## ");
  REQUIRE(table.find("| Ministry fire | d04, d05, d06 | C1 C5 C6 |") != std::string::npos);
  CHECK(table.find("| Ministry fire |") < table.find("| Alliance summit | d01, d02, d03 | C2 C3 C4 |"));
  // The matrix has a row per story before its claims.
  std::string matrix = Section(md, "## Who says what", "\n## ");
  CHECK(matrix.find("| **Story: Ministry fire** |") < matrix.find("| C5 "));
  CHECK(matrix.find("| C6 ") < matrix.find("| **Story: Alliance summit** |"));

  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  std::string hclaims = Section(html, "<section id=\"claims\">", "</section>");
  size_t h1 = hclaims.find("<h3 class=\"story\">Story: Ministry fire</h3>");
  size_t h2 = hclaims.find("<h3 class=\"story\">Story: Alliance summit</h3>");
  REQUIRE(h1 != std::string::npos);
  REQUIRE(h2 != std::string::npos);
  CHECK(h1 < hclaims.find("id=\"claim-C1\""));
  CHECK(hclaims.find("id=\"claim-C6\"") < h2);
  CHECK(h2 < hclaims.find("id=\"claim-C2\""));
  CHECK(html.find("<tr class=\"story\"><th class=\"claim story\" colspan=\"6\"") !=
        std::string::npos);
  CHECK(html.find("<tr><th>Stories</th><td class=\"num\">2</td></tr>") != std::string::npos);
}

TEST_CASE("A report with one story reads as one without stories", "[reports][stories]") {
  report::Report plain = SyntheticReport();
  report::Report one = SyntheticReport();
  report::Story t;
  t.id = "t-one";
  t.label = "Everything";
  for (const ingest::Document& d : one.documents) t.documents.push_back(d.id);
  one.stories = {t};
  for (report::ClaimCluster& c : one.clusters) c.story = t.id;
  for (reports::ReportFormat f : {reports::ReportFormat::kMarkdown, reports::ReportFormat::kHtml}) {
    std::string a = reports::Render(plain, f), b = reports::Render(one, f);
    CHECK(b.find("Story: Everything") == std::string::npos);
    std::string from =
        f == reports::ReportFormat::kMarkdown ? "## Claims" : "<section id=\"claims\">";
    CHECK(Section(a, from, "## Names") == Section(b, from, "## Names"));
    CHECK(Section(a, "Who says what", "Coverage") == Section(b, "Who says what", "Coverage"));
  }
}

TEST_CASE("Coverage per outlet lists the story's claims it carries and leaves out",
          "[reports][stories]") {
  report::Report report = TwoStories();
  reports::ReportView view(report);
  const reports::StoryView& ministry = view.stories()[0];
  REQUIRE(ministry.coverage.size() == 3);  // Daily Ledger, The Courier, Valley Post
  const reports::OutletCoverage& ledger = ministry.coverage[0];
  REQUIRE(view.outlets()[ledger.outlet] == "Daily Ledger");
  REQUIRE(ledger.documents.size() == 1);
  CHECK(ledger.documents[0]->id == "d06");
  REQUIRE(ledger.carries.size() == 2);
  CHECK(ledger.carries[0]->number == "C1");
  CHECK(ledger.carries[1]->number == "C6");
  REQUIRE(ledger.leaves_out == 1);
  std::vector<const reports::ClaimView*> left = reports::LeftOut(ministry, ledger, 10);
  REQUIRE(left.size() == 1);
  CHECK(left[0]->number == "C5");
  // Harbor Times and Metro Wire have no document in it.
  REQUIRE(ministry.absent_outlets.size() == 2);

  std::string md = reports::Render(report, reports::ReportFormat::kMarkdown);
  std::string cov = Section(md, "## Coverage by outlet", "\n## ");
  CHECK(cov.find("| Daily Ledger | d06 | 2 of 3: C1 C6 | C5 |") != std::string::npos);
  CHECK(cov.find("Not covering this story: Harbor Times, Metro Wire.") != std::string::npos);
  CHECK(cov.find("No two documents of different outlets carry the same agency text.") !=
        std::string::npos);
  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  std::string hcov = Section(html, "<section id=\"coverage\">", "</section>");
  CHECK(hcov.find("<td class=\"leaves-out\"><a href=\"#claim-C5\">C5</a></td>") !=
        std::string::npos);
}

TEST_CASE("Wire copies: a reprint of agency text, not an independent report",
          "[reports][wire]") {
  report::Report report = WireReport();
  std::vector<reports::WireCopy> pairs = reports::FindWireCopies(report);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].copy == "d2");
  CHECK(pairs[0].original == "d1");
  CHECK(pairs[0].share >= reports::kWireMinShare);
  CHECK(pairs[0].share < 1.0);  // d2 has its own first sentence
  CHECK(pairs[0].shared >= reports::kWireMinShingles);

  // The same pair whatever the order of the arrays.
  for (unsigned seed = 1; seed <= 5; ++seed) {
    report::Report shuffled = report;
    ShuffleReport(shuffled, seed);
    std::vector<reports::WireCopy> again = reports::FindWireCopies(shuffled);
    REQUIRE(again.size() == 1);
    CHECK(again[0].copy == "d2");
    CHECK(again[0].shared == pairs[0].shared);
  }

  // The same outlet reprinting itself is no wire copy; nor is one quoted sentence.
  report::Report same = report;
  same.documents[1].outlet = "Agence";
  CHECK(reports::FindWireCopies(same).empty());
  report::Report half = report;
  half.statements.erase(
      std::remove_if(half.statements.begin(), half.statements.end(),
                     [](const ingest::Statement& s) { return s.id == "s-b2" || s.id == "s-b3"; }),
      half.statements.end());
  half.statements.push_back(St("s-b4", "d2", 900,
                               "Our correspondent met survivors who had lost everything in the "
                               "night and were waiting for tents, water and blankets to arrive "
                               "before the cold of the mountain evening set in again."));
  CHECK(reports::FindWireCopies(half).empty());  // one shared sentence of three
}

TEST_CASE("A wire copy is not counted as independent confirmation", "[reports][wire]") {
  report::Report report = WireReport();
  reports::ReportView view(report);
  const reports::ClaimView* toll = nullptr;
  for (const reports::ClaimView& c : view.claims()) {
    if (c.cluster->id == "c-toll") toll = &c;
  }
  REQUIRE(toll != nullptr);
  CHECK(reports::OutletCount(*toll) == "3 outlets (1 wire copy)");
  // outlets: Agence, Local, Reprint
  CHECK(toll->wire == std::vector<char>{0, 0, 1});

  std::string md = reports::Render(report, reports::ReportFormat::kMarkdown);
  CHECK(md.find("3 statements from 3 outlets (1 wire copy)") != std::string::npos);
  CHECK(md.find("2 statements from 2 outlets (1 wire copy)") != std::string::npos);
  CHECK(md.find("asserts (wire copy) |") != std::string::npos);
  CHECK(md.find("| d2 | Reprint | d1 | Agence | ") != std::string::npos);
  CHECK(md.find("| Reprint | d2 | 2 of 2: ") != std::string::npos);
  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  CHECK(html.find("<td class=\"asserts wire\" title=\"Reprint: asserts (wire copy)\">") !=
        std::string::npos);
  CHECK(html.find("<table class=\"wire-copies\">") != std::string::npos);
}

TEST_CASE("Wire-copy and story text in report.html is escaped", "[reports][wire]") {
  report::Report report = WireReport();
  report.documents[0].outlet = kImgAttack;
  report.documents[1].outlet = kScriptAttack;
  report::Story t;
  t.id = "t-x";
  t.label = kScriptAttack;
  t.documents = {"d1", "d2"};
  report::Story u;
  u.id = "t-y";
  u.label = kImgAttack;
  u.documents = {"d3"};
  report.stories = {t, u};
  for (report::ClaimCluster& c : report.clusters) c.story = "t-x";
  REQUIRE(reports::FindWireCopies(report).size() == 1);
  std::string html = reports::Render(report, reports::ReportFormat::kHtml);
  CHECK(html.find("<script>document") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("Coverage lists stay short on a story of many claims", "[reports][stories]") {
  report::Report r;
  r.documents = {Doc("d1", "Alpha", "2024-01-01"), Doc("d2", "Beta", "2024-01-01"),
                 Doc("d3", "Gamma", "2024-01-01")};
  r.statements.push_back(St("s-g", "d3", 0, "Gamma wrote about something else entirely."));
  for (int i = 0; i < 150; ++i) {
    std::string n = std::to_string(1000 + i);
    r.statements.push_back(St("s-a" + n, "d1", i * 100, "Alpha claim " + n + "."));
    r.statements.push_back(St("s-b" + n, "d2", i * 100, "Beta claim " + n + "."));
    report::ClaimCluster c;
    c.id = "c-" + n;
    c.statements = {"s-a" + n, "s-b" + n};
    r.clusters.push_back(c);
  }
  std::string md = reports::Render(r, reports::ReportFormat::kMarkdown);
  std::string cov = Section(md, "## Coverage by outlet", "\n## ");
  CHECK(cov.find("| Gamma | d3 | 0 of 150 | C1 C2 ") != std::string::npos);
  CHECK(cov.find(" C100 and 50 more |") != std::string::npos);
  CHECK(cov.find("C101") == std::string::npos);
  CHECK(cov.find("| Alpha | d1 | 150 of 150: C1 ") != std::string::npos);
  std::string html = reports::Render(r, reports::ReportFormat::kHtml);
  std::string hcov = Section(html, "<section id=\"coverage\">", "</section>");
  CHECK(hcov.find(">C60</a> and 90 more</td>") != std::string::npos);
  CHECK(hcov.find("C61") == std::string::npos);
}
