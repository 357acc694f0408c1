#include <catch2/catch.hpp>

#include "analyzer/divergence/framing_detector.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("clashing characterisations of the same act", "[detector][framing]") {
  Side a = S("The operation is aimed at drug dealers and also at political provocateurs.");
  Side b = S("The operation showed the information space remains vulnerable to drug dealers.");
  auto f = DetectFraming(a, b, {}, 0.08);
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == report::DivergenceKind::kFraming);
  CHECK(f[0].nature == TimeNature::kTimeless);
  CHECK(EvidenceA(a, f[0]) == "political provocateurs");
  CHECK(EvidenceB(b, f[0]) == "vulnerable");
}

TEST_CASE("a hedge against a factive", "[detector][framing]") {
  Side a = S("The minister allegedly took bribes from the company.");
  Side b = S("The minister admitted he took bribes from the company.");
  auto f = DetectFraming(a, b, {}, 0.08);
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "allegedly");
  CHECK(EvidenceB(b, f[0]) == "admitted");
}

TEST_CASE("a reporting verb after its subject is not a hedge", "[detector][framing]") {
  // "police reported" attributes; "the reported attack" hedges.
  CHECK(DetectFraming(
            S("Police reported 44 arrests in the capital after the march."),
            S("Officials confirmed 20 arrests in the capital after the march.", nullptr, "e"), {},
            0.08)
            .empty());
  CHECK(DetectFraming(
            S("The reported arrests in the capital followed the march."),
            S("Officials confirmed the arrests in the capital after the march.", nullptr, "e"), {},
            0.08)
            .size() == 1);
}

TEST_CASE("an event a figure counts is not a factive", "[detector][framing]") {
  // "demonstrated" as the marching that 1.2 million did, not as "showed".
  CHECK(DetectFraming(S("Police estimated the marchers in Oslo at about 1.2 million."),
                      S("1.2 million people demonstrated in Oslo, police said."), {}, 0.08)
            .empty());
  // Without a figure it is still read as a factive.
  CHECK(DetectFraming(S("The audit allegedly exposed fraud at the Oslo office."),
                      S("The audit demonstrated fraud at the Oslo office."), {}, 0.08)
            .size() == 1);
}

TEST_CASE("paraphrases and one-sided colour are not framing flags", "[detector][framing]") {
  CHECK(DetectFraming(S("The government closed the border on Monday."),
                      S("On Monday the border was closed by the government."), {}, 0.08)
            .empty());
  // an evaluative word on one side only
  CHECK(DetectFraming(S("The regime closed the border on Monday."),
                      S("The government closed the border on Monday."), {}, 0.08)
            .empty());
  // the same loaded word on both sides
  CHECK(
      DetectFraming(S("The regime closed the border."), S("The regime shut the border."), {}, 0.08)
          .empty());
}

}  // namespace
}  // namespace diverge::divergence
