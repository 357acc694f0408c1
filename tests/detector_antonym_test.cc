#include <catch2/catch.hpp>

#include "analyzer/divergence/antonym_detector.h"
#include "analyzer/divergence/wordnet.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("news opposites are found without WordNet", "[detector][antonym]") {
  DetectorContext ctx;  // no WordNet
  Side a = S("Prices of bread increased sharply in the capital last month.");
  Side b = S("Prices of bread decreased sharply in the capital last month.");
  auto f = DetectAntonym(a, b, ctx);
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "increased");
  CHECK(EvidenceB(b, f[0]) == "decreased");
  CHECK(AreOpposites(ctx, "confirmed", "denied"));
  CHECK(AreOpposites(ctx, "quit", "joined"));
  CHECK_FALSE(AreOpposites(ctx, "confirmed", "said"));
}

TEST_CASE("WordNet antonyms, through inflections", "[detector][antonym]") {
  const WordNet* wn = WordNet::Default();
  if (!wn) {
    WARN("skipped: WordNet not installed");
    return;
  }
  CHECK(wn->AreAntonyms("near", "far"));
  CHECK(wn->AreAntonyms("folding", "unfolding"));
  CHECK(wn->AreAntonyms("cleaner", "dirtier"));
  CHECK_FALSE(wn->AreAntonyms("near", "close"));
  DetectorContext ctx;
  ctx.wordnet = wn;
  Side a = S("The horse is near the barrel");
  Side b = S("The horse is far from the barrel");
  CHECK_FALSE(DetectAntonym(a, b, ctx).empty());
}

TEST_CASE("antonyms that do not conflict", "[detector][antonym]") {
  DetectorContext ctx;
  ctx.wordnet = WordNet::Default();
  // negated opposite agrees
  CHECK(DetectAntonym(S("Prices did not increase in the capital."),
                      S("Prices decreased in the capital."), ctx)
            .empty());
  // opposite modifiers name different things
  CHECK(DetectAntonym(S("A white dog is running in the park"),
                      S("A black dog is running in the park"), ctx)
            .empty());
  // unrelated sentences
  CHECK(DetectAntonym(S("Oil prices increased."), S("The ministry decreased its staff."), ctx)
            .empty());
}

TEST_CASE("opposite compass directions conflict, adjacent ones do not", "[detector][antonym]") {
  DetectorContext ctx;
  CHECK(DetectAntonym(S("The quake struck 71 km southwest of the city of Marrakech."),
                      S("The quake struck 71 km northeast of the city of Marrakech."), ctx)
            .size() == 1);
  CHECK(DetectAntonym(S("The quake struck 71 km south-west of the city of Marrakech."),
                      S("The quake struck 71 km west of the city of Marrakech."), ctx)
            .empty());
}

}  // namespace
}  // namespace diverge::divergence
