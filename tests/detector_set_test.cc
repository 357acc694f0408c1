#include <catch2/catch.hpp>

#include "analyzer/divergence/names.h"
#include "analyzer/divergence/set_detector.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("name lists are found, with an 'in addition to' item", "[detector][set]") {
  Side s = S("In addition to Paris, the league is composed of Lyon, Nice, Lille and Nantes.");
  auto lists = FindNameLists(s, {});
  REQUIRE(lists.size() == 1);
  REQUIRE(lists[0].items.size() == 5);
  CHECK(lists[0].items[0].text == "Paris");
  CHECK(lists[0].items[4].text == "Nantes");
  Side t = S("The bloc currently has four members: Lyon, Nice, Lille and Nantes.");
  auto l2 = FindNameLists(t, {});
  REQUIRE(l2.size() == 1);
  CHECK(l2[0].stated_count == 4);
  // two items are not a list
  CHECK(FindNameLists(S("Lyon and Nice signed."), {}).empty());
}

TEST_CASE("the same set in another order, with the inclusion, does not diverge",
          "[detector][set]") {
  Side a = S("The league has five members: Lille, Lyon, Nantes, Nice and Paris.");
  Side b = S("In addition to Paris, the league is composed of Lyon, Nice, Lille and Nantes.");
  CHECK(DetectSet(a, b, {}).empty());
  // A hyphen or a space inside a name is one spelling, not another member.
  CHECK(DetectSet(S("The provinces of Al-Haouz, Taroudant and Chichaoua were hit hardest."),
                  S("The provinces of Al Haouz, Taroudant and Chichaoua were hit hardest."), {})
            .empty());
}

TEST_CASE("a list with an extra member diverges and names it", "[detector][set]") {
  Side a = S("All of the member states - Paris, Lyon, Nice, Lille and Nantes - agreed.", "2011-08");
  Side b = S("The league has four member states: Lyon, Nice, Lille and Nantes.", "2017-06");
  auto f = DetectSet(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == report::DivergenceKind::kSet);
  CHECK(EvidenceA(a, f[0]) == "Paris");
  CHECK(f[0].changed_items == std::vector<std::string>{"Paris"});
  CHECK(f[0].summary.find("five listed incl. Paris vs four") != std::string::npos);
}

TEST_CASE("a list against a stated count of the same referent", "[detector][set]") {
  Side a = S("The member states - Paris, Lyon, Nice, Lille and Nantes - agreed.");
  Side b = S("The league currently has six member states.");
  auto f = DetectSet(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(EvidenceB(b, f[0]) == "six member states");
  // a count of something else is not compared with the list
  Side c = S("The league currently has six stadiums.");
  CHECK(DetectSet(a, c, {}).empty());
}

TEST_CASE("transliterated list items are the same item", "[detector][set]") {
  NameResolver names;
  names.AddText("Visits to Nikolay Bordyuzha and Nikolai Bordyuzha.");
  names.Build();
  DetectorContext ctx;
  ctx.names = &names;
  Side a = S("Guests: Paris, Nikolay, Lyon and Nice.");
  Side b = S("Guests: Paris, Nikolai, Lyon and Nice.");
  CHECK(DetectSet(a, b, ctx).empty());
  CHECK_FALSE(DetectSet(a, b, {}).empty());  // without the resolver they differ
}

}  // namespace
}  // namespace diverge::divergence
