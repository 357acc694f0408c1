// The same disagreement between the same outlets is flagged once, not once per sentence
// pair, document pair or claim (detect.h). Sentences invented for the test.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analyzer/divergence/detect.h"

using namespace diverge;

namespace {
void AddDoc(report::Report& r, const std::string& id, const std::string& outlet) {
  ingest::Document d;
  d.id = id;
  d.outlet = outlet;
  d.date = "2023-01-19";
  r.documents.push_back(d);
}
void AddStatement(report::Report& r, const std::string& id, const std::string& doc,
                  const std::string& text) {
  ingest::Statement s;
  s.id = id;
  s.doc = doc;
  s.text = text;
  s.start = 0;
  s.end = static_cast<int64_t>(text.size());
  r.statements.push_back(s);
}
// The flags of one claim holding `statements` (omissions off).
std::vector<report::Divergence> DetectClaim(report::Report& r,
                                            const std::vector<std::string>& statements) {
  r.clusters.clear();
  report::ClaimCluster c;
  c.id = "c-1";
  c.statements = statements;
  r.clusters.push_back(c);
  divergence::DetectOptions o;
  o.omissions = false;
  return divergence::DetectDivergences(r, {}, o).divergences;
}
}  // namespace

TEST_CASE("One disagreement between two outlets is one flag", "[divergence][dedup]") {
  report::Report r;
  AddDoc(r, "a1", "Daily A");
  AddDoc(r, "a2", "Daily A");  // a second article of the same outlet
  AddDoc(r, "b1", "Weekly B");
  AddStatement(r, "s-a1", "a1", "Police said 80,000 people marched in Paris on Thursday.");
  AddStatement(r, "s-a2", "a2", "Police said 80,000 people marched in Paris on Thursday.");
  AddStatement(r, "s-b1", "b1", "Police said 400,000 people marched in Paris on Thursday.");
  const auto flags = DetectClaim(r, {"s-a1", "s-a2", "s-b1"});
  // a1/b1 and a2/b1 say the same thing: one flag.
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].kind == report::DivergenceKind::kNumeric);

  // A third outlet with the same value is another disagreement.
  AddDoc(r, "c1", "Radio C");
  AddStatement(r, "s-c1", "c1", "Police said 80,000 people marched in Paris on Thursday.");
  CHECK(DetectClaim(r, {"s-a1", "s-a2", "s-b1", "s-c1"}).size() == 2);
}

TEST_CASE("One disagreement is one flag however each sentence writes the numbers",
          "[divergence][dedup]") {
  report::Report r;
  AddDoc(r, "a1", "Daily A");
  AddDoc(r, "a2", "Daily A");
  AddDoc(r, "b1", "Weekly B");
  AddStatement(r, "s-a1", "a1", "More than 43 Chinese soldiers were killed in the clash.");
  AddStatement(r, "s-a2", "a2", "The Chinese side suffered 43 casualties in the clash.");
  AddStatement(r, "s-b1", "b1", "As many as 35 Chinese troops died in the clash.");
  const auto flags = DetectClaim(r, {"s-a1", "s-a2", "s-b1"});
  // "43 Chinese soldiers" and "43 casualties" give one value: 43 vs 35 is one flag.
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].kind == report::DivergenceKind::kNumeric);
  // Another value from the same outlet is another disagreement, with B (45 vs 35) and
  // with the outlet's own other article (43 vs 45).
  AddDoc(r, "a3", "Daily A");
  AddStatement(r, "s-a3", "a3", "At least 45 Chinese soldiers were killed in the clash.");
  CHECK(DetectClaim(r, {"s-a1", "s-a2", "s-b1", "s-a3"}).size() == 3);
}

TEST_CASE("A clause statement is read with the sentence it comes from", "[divergence][elided]") {
  report::Report r;
  AddDoc(r, "a1", "Daily A");
  AddDoc(r, "b1", "Weekly B");
  // Each sentence and its figure clause (figure_clauses.h), as ingest makes them.
  const std::string a = "Police deployed 10,000 officers, including 3,500 in Madrid.";
  const std::string b = "The ministry counted 310,000 marchers, including 25,000 in Madrid.";
  AddStatement(r, "s-a", "a1", a);
  AddStatement(r, "s-b", "b1", b);
  ingest::Statement ca;
  ca.id = "s-ca";
  ca.doc = "a1";
  ca.text = "including 3,500 in Madrid";
  ca.start = static_cast<int64_t>(a.find(ca.text));
  ca.end = ca.start + static_cast<int64_t>(ca.text.size());
  ingest::Statement cb = ca;
  cb.id = "s-cb";
  cb.doc = "b1";
  cb.text = "including 25,000 in Madrid";
  cb.start = static_cast<int64_t>(b.find(cb.text));
  cb.end = cb.start + static_cast<int64_t>(cb.text.size());
  r.statements = {r.statements[0], ca, r.statements[1], cb};  // by (doc, start)
  // Officers are not marchers: the two clauses do not disagree.
  CHECK(DetectClaim(r, {"s-ca", "s-cb"}).empty());
}
