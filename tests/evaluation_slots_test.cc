#include <catch2/catch.hpp>

#include "analyzer/evaluation/slot_eval.h"
#include "tests/ingest_test_util.h"

namespace diverge {
namespace {

TEST_CASE("Slot matches on Emergent headlines are counted within and across rumours",
          "[evaluation][slots]") {
  testing::TempDir dir;
  const std::string csv = dir.Write(
      "emergent.csv",
      ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n"
      "0,Quake kills 300 in Norway,\"The quake killed 300 people in Norway, police said\","
      "for,a1,c1\n"
      "1,Quake kills 300 in Norway,Death toll in Norway quake climbs to 410,for,a2,c1\n"
      "2,Storm kills 12 in Chile,The storm killed 12 people in Chile,for,a3,c2\n"
      "3,Storm kills 12 in Chile,Chile storm: 15 people were killed,observing,a4,c2\n");
  Result<evaluation::SlotEvalResult> r = evaluation::EvaluateSlotsOnEmergent(csv);
  REQUIRE(r.ok());
  // Two claim headlines and four article headlines, each once.
  CHECK(r->texts == 6);
  CHECK(r->same_claim_pairs == 6);  // three headlines per rumour
  // The Norway counts fill one slot, and so do the Chile counts; Norway and Chile do not.
  CHECK(r->matched_same >= 4);
  CHECK(r->matched_other == 0);
  CHECK(r->precision() == 1.0);
  CHECK(r->recall() > 0.5);
}

TEST_CASE("A file without Emergent's columns is an error naming it", "[evaluation][slots]") {
  testing::TempDir dir;
  const std::string csv = dir.Write("other.csv", "a,b\n1,2\n");
  Result<evaluation::SlotEvalResult> r = evaluation::EvaluateSlotsOnEmergent(csv);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("other.csv") != std::string::npos);
  CHECK_FALSE(evaluation::EvaluateSlotsOnEmergent(dir.str() + "/missing.csv").ok());
}

}  // namespace
}  // namespace diverge
