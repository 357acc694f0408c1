#include <catch2/catch.hpp>
#include <string>

#include "analyzer/divergence/affiliations.h"
#include "analyzer/divergence/attribution_detector.h"
#include "analyzer/divergence/names.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("agents of speech and passive acts", "[detector][attribution]") {
  Side s = S("The operation, according to Secretary General Ivan Petrov, targets hackers.");
  auto a = FindAgents(s, {});
  REQUIRE(a.size() == 1);
  CHECK(a[0].key == "petrov");
  CHECK(s.text.substr(a[0].begin, a[0].end - a[0].begin) == "Ivan Petrov");
  Side t = S("The raid was conducted by Interpol, officials said.");
  auto b = FindAgents(t, {});
  REQUIRE(b.size() == 1);
  CHECK(b[0].key == "interpol");
  CHECK(FindAgents(S("He said the raid was a success."), {}).empty());
}

TEST_CASE("different agents for the same act diverge", "[detector][attribution]") {
  Side a = S("The raid on the smugglers was conducted by Interpol.");
  Side b = S("The raid on the smugglers was conducted by Europol.");
  auto f = DetectAttribution(a, b, {}, 0.25);
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "Interpol");
  CHECK(EvidenceB(b, f[0]) == "Europol");
}

TEST_CASE("an outlet citing itself names no source", "[detector][attribution]") {
  Side own = S("Twenty soldiers were killed in the clash, Daily reported.");
  own.outlet = "The Daily";
  CHECK(FindAgents(own, {}).empty());
  Side other = S("Twenty soldiers were killed in the clash, Weekly reported.");
  other.outlet = "The Daily";
  REQUIRE(FindAgents(other, {}).size() == 1);
  Side army = S("Twenty soldiers were killed in the clash, the Army said.", nullptr, "e");
  CHECK(DetectAttribution(own, army, {}, 0.25).empty());
  CHECK(DetectAttribution(other, army, {}, 0.25).size() == 1);
}

TEST_CASE("a person and the body the corpus names them with are one source",
          "[detector][attribution][affiliations]") {
  Affiliations links;
  const Affiliations::Canonicalizer lower = [](std::string_view w) { return AgentKey({}, w); };
  links.Add(S("The head of the Northland Election Council Omar Vance announced the result.").tokens,
            lower);
  links.Add(S("Yesterday Lena Holt, the spokeswoman of the Blue Alliance, spoke.").tokens, lower);
  CHECK(links.Linked("council", "vance"));
  CHECK(links.Linked("vance", "council"));
  CHECK(links.Linked("holt", "alliance"));
  CHECK_FALSE(links.Linked("holt", "vance"));
  DetectorContext ctx;
  ctx.affiliations = &links;
  Side a = S("The winner took 52 percent of the vote, according to Vance.");
  Side b = S("The winner took 52 percent of the vote, the Council said.", nullptr, "e");
  CHECK(DetectAttribution(a, b, ctx, 0.25).empty());
  // Without the corpus's word, two agents.
  CHECK(DetectAttribution(a, b, {}, 0.25).size() == 1);
}

TEST_CASE("the same agent in other words or spellings does not diverge",
          "[detector][attribution]") {
  NameResolver names;
  names.AddText("Nikolay Bordyuzha said it. Nikolai Bordyuzha said it.");
  names.Build();
  DetectorContext ctx;
  ctx.names = &names;
  Side a = S("Cyber crime is a new problem, Secretary General Nikolay Bordyuzha said.");
  Side b = S("Cyber crime is a new problem, according to Nikolai Bordyuzha.");
  CHECK(DetectAttribution(a, b, ctx, 0.25).empty());
  Side c = S("Cyber crime is a new problem, Bordyuzha said.");
  CHECK(DetectAttribution(a, c, ctx, 0.25).empty());
  // only one side names an agent
  Side d = S("Cyber crime is a new problem, the official said.");
  CHECK(DetectAttribution(a, d, ctx, 0.25).empty());
}

}  // namespace
}  // namespace diverge::divergence
