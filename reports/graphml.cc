// claims.graphml: Boost.Graph write_graphml over a directed graph whose vertices are
// outlets, claims and statements and whose edges are typed (see render.h).
#include <algorithm>
// Boost's adj_list_edge_iterator trips a false -Wmaybe-uninitialized in g++ 12.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#pragma GCC diagnostic pop
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "reports/escape.h"
#include "reports/formats.h"

namespace diverge::reports {

namespace {

struct VertexProps {
  std::string type;   // "outlet" | "claim" | "statement"
  std::string ref;    // outlet name, cluster id or statement id
  std::string label;  // display label
  std::string text;   // statement text ("" otherwise)
  std::string doc;    // statement document id
  std::string date;   // statement document date
};

struct EdgeProps {
  std::string type;  // "member_of" | "said_by" | "diverges" | "similar"
  std::string ref;   // divergence id for "diverges"
  std::string kind, temporal;
  double weight = 0;  // divergence score, similarity, or 1 (member_of, said_by)
};

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

EdgeProps Typed(std::string type) {
  EdgeProps e;
  e.type = std::move(type);
  e.weight = 1;  // structural edges: full weight for layout tools
  return e;
}

// Rounds to 4 decimals so the written value does not carry float noise of the input.
double Round4(double v) { return static_cast<double>(static_cast<long long>(v * 1e4 + 0.5)) / 1e4; }

}  // namespace

std::string RenderGraphml(const ReportView& view, const std::vector<SimilarityEdge>& similarities) {
  Graph g;
  std::map<std::string, Vertex> outlet_v, claim_v, statement_v;
  auto add = [&g](VertexProps p) {
    p.label = XmlChars(p.label);
    p.text = XmlChars(p.text);
    p.ref = XmlChars(p.ref);
    p.doc = XmlChars(p.doc);
    p.date = XmlChars(p.date);
    return boost::add_vertex(std::move(p), g);
  };
  for (const std::string& o : view.outlets()) {
    outlet_v[o] = add({"outlet", o, o, "", "", ""});
  }
  for (const ClaimView& c : view.claims()) {
    claim_v[c.cluster->id] = add({"claim", c.cluster->id, c.number + " " + c.label, "", "", ""});
  }
  for (const ingest::Statement* s : view.statements()) {
    statement_v[s->id] =
        add({"statement", s->id, TruncateUtf8(s->text, 80), s->text, s->doc, view.DateOf(s)});
  }
  for (const ingest::Statement* s : view.statements()) {
    auto it = outlet_v.find(view.OutletOf(s));
    if (it != outlet_v.end()) boost::add_edge(statement_v[s->id], it->second, Typed("said_by"), g);
  }
  for (const ClaimView& c : view.claims()) {
    for (const ingest::Statement* s : c.statements) {
      boost::add_edge(statement_v[s->id], claim_v[c.cluster->id], Typed("member_of"), g);
    }
  }
  for (const DivergenceView& v : view.divergences()) {
    if (v.a == nullptr || v.b == nullptr) continue;  // omission: no statement on side b
    const report::Divergence& d = *v.divergence;
    boost::add_edge(statement_v[v.a->id], statement_v[v.b->id],
                    {"diverges", XmlChars(d.id), std::string(report::KindName(d.kind)),
                     std::string(report::TemporalName(d.temporal)), Round4(d.score)},
                    g);
  }
  // Similarity edges: two statements of the same claim only, one per unordered pair
  // (highest sim), then only each statement's kGraphmlSimilarPerStatement strongest.
  std::map<std::string, std::string> claim_of;
  for (const ClaimView& c : view.claims()) {
    for (const ingest::Statement* s : c.statements) claim_of[s->id] = c.cluster->id;
  }
  std::map<std::pair<std::string, std::string>, float> sims;
  for (const SimilarityEdge& e : similarities) {
    if (e.a == e.b || !statement_v.count(e.a) || !statement_v.count(e.b)) continue;
    auto ca = claim_of.find(e.a), cb = claim_of.find(e.b);
    if (ca == claim_of.end() || cb == claim_of.end() || ca->second != cb->second) continue;
    auto key = std::minmax(e.a, e.b);
    auto [it, inserted] = sims.emplace(std::make_pair(key.first, key.second), e.sim);
    if (!inserted) it->second = std::max(it->second, e.sim);
  }
  std::vector<std::pair<const std::pair<std::string, std::string>*, float>> by_strength;
  for (const auto& [pair, sim] : sims) by_strength.emplace_back(&pair, sim);
  std::stable_sort(by_strength.begin(), by_strength.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  std::map<std::string, size_t> seen;  // edges of each statement, strongest first
  std::set<const std::pair<std::string, std::string>*> kept;
  for (const auto& [pair, sim] : by_strength) {
    const size_t ra = seen[pair->first]++, rb = seen[pair->second]++;
    if (ra < kGraphmlSimilarPerStatement || rb < kGraphmlSimilarPerStatement) kept.insert(pair);
  }
  for (const auto& [pair, sim] : sims) {
    if (!kept.count(&pair)) continue;
    boost::add_edge(statement_v[pair.first], statement_v[pair.second],
                    {"similar", "", "", "", Round4(sim)}, g);
  }

  boost::dynamic_properties dp;
  dp.property("type", boost::get(&VertexProps::type, g));
  dp.property("ref", boost::get(&VertexProps::ref, g));
  dp.property("label", boost::get(&VertexProps::label, g));
  dp.property("text", boost::get(&VertexProps::text, g));
  dp.property("doc", boost::get(&VertexProps::doc, g));
  dp.property("date", boost::get(&VertexProps::date, g));
  dp.property("type", boost::get(&EdgeProps::type, g));
  dp.property("ref", boost::get(&EdgeProps::ref, g));
  dp.property("kind", boost::get(&EdgeProps::kind, g));
  dp.property("temporal", boost::get(&EdgeProps::temporal, g));
  dp.property("weight", boost::get(&EdgeProps::weight, g));
  std::ostringstream out;
  out.imbue(std::locale::classic());
  boost::write_graphml(out, g, boost::get(boost::vertex_index, g), dp, true);
  return out.str();
}

}  // namespace diverge::reports
