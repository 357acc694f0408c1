#include <catch2/catch.hpp>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#pragma GCC diagnostic pop
#include <cstdlib>
#include <map>
#include <sstream>

#include "reports/escape.h"
#include "reports/render.h"
#include "tests/ingest_test_util.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

struct V {
  std::string type, ref, label, text, doc, date;
};
struct E {
  std::string type, ref, kind, temporal;
  double weight = 0;
};
using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E>;

// Reads the GraphML back with Boost's (XML-validating) reader.
G ReadBack(const std::string& text) {
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("type", boost::get(&V::type, g));
  dp.property("ref", boost::get(&V::ref, g));
  dp.property("label", boost::get(&V::label, g));
  dp.property("text", boost::get(&V::text, g));
  dp.property("doc", boost::get(&V::doc, g));
  dp.property("date", boost::get(&V::date, g));
  dp.property("type", boost::get(&E::type, g));
  dp.property("ref", boost::get(&E::ref, g));
  dp.property("kind", boost::get(&E::kind, g));
  dp.property("temporal", boost::get(&E::temporal, g));
  dp.property("weight", boost::get(&E::weight, g));
  std::istringstream in(text);
  REQUIRE_NOTHROW(boost::read_graphml(in, g, dp));
  return g;
}

std::map<std::string, int> CountTypes(const G& g, bool edges) {
  std::map<std::string, int> n;
  if (edges) {
    for (auto [it, end] = boost::edges(g); it != end; ++it) ++n[g[*it].type];
  } else {
    for (auto [it, end] = boost::vertices(g); it != end; ++it) ++n[g[*it].type];
  }
  return n;
}

}  // namespace

TEST_CASE("claims.graphml is well-formed with typed vertices and edges", "[reports]") {
  report::Report report = SyntheticReport();
  std::vector<reports::SimilarityEdge> sims = {{"s-01a", "s-02a", 0.81f},
                                               {"s-02a", "s-01a", 0.9f},  // same pair: kept once
                                               {"s-01a", "s-unknown", 0.5f}};  // unknown: skipped
  std::string xml = reports::Render(report, reports::ReportFormat::kGraphml, sims);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  G g = ReadBack(xml);
  auto vt = CountTypes(g, false);
  CHECK(vt["outlet"] == 5);
  CHECK(vt["claim"] == 6);
  CHECK(vt["statement"] == 14);
  CHECK(boost::num_vertices(g) == 25);
  auto et = CountTypes(g, true);
  CHECK(et["said_by"] == 14);
  CHECK(et["member_of"] == 14);
  CHECK(et["diverges"] == 7);  // 8 divergences minus the omission
  CHECK(et["similar"] == 1);
  bool found = false;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const E& e = g[*it];
    if (e.type == "similar") CHECK(e.weight == Approx(0.9));
    if (e.type == "diverges" && e.ref == "d-founded") {
      found = true;
      CHECK(e.kind == "date");
      CHECK(e.temporal == "contradiction");
      CHECK(e.weight == Approx(0.91));
      CHECK(g[boost::source(*it, g)].ref == "s-01b");
      CHECK(g[boost::target(*it, g)].ref == "s-04a");
    }
    if (e.type == "member_of") CHECK(g[boost::target(*it, g)].type == "claim");
    if (e.type == "said_by") CHECK(g[boost::target(*it, g)].type == "outlet");
  }
  CHECK(found);
}

TEST_CASE("claims.graphml of hostile text stays well-formed and keeps the text", "[reports]") {
  report::Report report = HostileReport();
  std::string xml = reports::Render(report, reports::ReportFormat::kGraphml);
  CHECK(xml.find("<script") == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  G g = ReadBack(xml);
  CHECK(boost::num_vertices(g) == 3 + 1 + 3);
  bool found = false;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].ref == "s-h2") {
      found = true;
      // The XML reader folds the newline; statements are whitespace-folded anyway.
      CHECK(reports::FoldSpace(g[*it].text) == reports::FoldSpace(report.statements[1].text));
    }
  }
  CHECK(found);
}

TEST_CASE("XmlChars drops every code point XML 1.0 forbids", "[reports][robust]") {
  using reports::XmlChars;
  CHECK(XmlChars("plain é 日本 😀\ttab\nline") == "plain é 日本 😀\ttab\nline");
  CHECK(XmlChars("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c") == "abc");        // U+FFFE, U+FFFF
  CHECK(XmlChars("a\xED\xA0\x80" "b\xED\xBF\xBF" "c") == "abc");        // lone surrogates
  CHECK(XmlChars("a\xED\xA0\xBD\xED\xB8\x80" "b") == "ab");             // CESU-8 pair
  CHECK(XmlChars("a\xC0\xAF" "b\xE0\x80\xAF" "c") == "abc");            // overlong
  CHECK(XmlChars("a\xF4\x90\x80\x80" "b\xFF\x80" "c\xE2\x82") == "abc");  // >U+10FFFF, stray
  CHECK(XmlChars("a\x01" "b\x7f" "c") == "a b c");  // C0 and DEL: a space, as StripControls
  CHECK(XmlChars("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // U+FFFD is allowed
}

TEST_CASE("claims.graphml with U+FFFE, U+FFFF and surrogates passes xmllint", "[reports][robust]") {
  report::Report report = SyntheticReport();
  const std::string poison =
      " \xEF\xBF\xBE \xEF\xBF\xBF \xED\xA0\x80 \x01\x1b \xC0\xAF \xF4\x90\x80\x80 \xFF end";
  for (ingest::Statement& s : report.statements) s.text += poison;
  for (ingest::Document& d : report.documents) d.outlet += poison;
  for (report::ClaimCluster& c : report.clusters) c.label += poison;
  const std::string xml = reports::Render(report, reports::ReportFormat::kGraphml);
  G g = ReadBack(xml);
  CHECK(boost::num_vertices(g) == 25);
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    WARN("xmllint not installed (Debian libxml2-utils): well-formedness checked by Boost only");
    return;
  }
  TempDir dir;
  const std::string path = dir.Write("claims.graphml", xml);
  CHECK(std::system(("xmllint --noout '" + path + "'").c_str()) == 0);
  // The check can fail: the raw text is rejected.
  const std::string raw = dir.Write(
      "raw.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xEF\xBF\xBE</a>");
  CHECK(std::system(("xmllint --noout '" + raw + "' 2>/dev/null").c_str()) != 0);
}

TEST_CASE("similar edges stay inside claims, the strongest few per statement",
          "[reports][robust]") {
  report::Report report = SyntheticReport();
  // A claim of 40 statements, every pair similar, plus edges across claims.
  report::ClaimCluster big;
  big.id = "c-big";
  big.label = "One claim said forty times";
  for (int i = 0; i < 40; ++i) {
    ingest::Statement s;
    s.id = "s-big-" + std::to_string(100 + i);
    s.doc = report.documents[size_t(i) % report.documents.size()].id;
    s.text = "Statement number " + std::to_string(i);
    report.statements.push_back(s);
    big.statements.push_back(s.id);
  }
  report.clusters.push_back(big);
  std::vector<reports::SimilarityEdge> sims;
  for (int i = 0; i < 40; ++i) {
    for (int j = i + 1; j < 40; ++j) {
      sims.push_back({big.statements[size_t(i)], big.statements[size_t(j)],
                      0.5f + 0.01f * float((i * 7 + j * 3) % 40)});
    }
  }
  sims.push_back({"s-01a", "s-01b", 0.99f});       // two claims: dropped
  sims.push_back({"s-01a", "s-big-100", 0.99f});   // two claims: dropped
  const std::string xml = reports::Render(report, reports::ReportFormat::kGraphml, sims);
  G g = ReadBack(xml);
  std::map<std::string, int> degree;
  int similar = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (g[*it].type != "similar") continue;
    ++similar;
    const std::string a = g[boost::source(*it, g)].ref, b = g[boost::target(*it, g)].ref;
    CHECK(a.rfind("s-big-", 0) == 0);
    CHECK(b.rfind("s-big-", 0) == 0);
    ++degree[a];
    ++degree[b];
  }
  CHECK(similar >= 40 * int(reports::kGraphmlSimilarPerStatement) / 2);
  CHECK(similar <= 40 * int(reports::kGraphmlSimilarPerStatement));  // not 780
  for (const auto& [id, n] : degree) CHECK(n >= int(reports::kGraphmlSimilarPerStatement));
  CHECK(reports::Render(report, reports::ReportFormat::kGraphml, sims) == xml);
}
