#include <catch2/catch.hpp>
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#pragma GCC diagnostic pop
#include <map>
#include <sstream>

#include "reports/escape.h"
#include "reports/render.h"
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
  Report report = SyntheticReport();
  std::vector<SimilarityEdge> sims = {{"s-01a", "s-02a", 0.81f},
                                      {"s-02a", "s-01a", 0.9f},       // same pair: kept once
                                      {"s-01a", "s-unknown", 0.5f}};  // unknown: skipped
  std::string xml = Render(report, ReportFormat::kGraphml, sims);
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
  Report report = HostileReport();
  std::string xml = Render(report, ReportFormat::kGraphml);
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
