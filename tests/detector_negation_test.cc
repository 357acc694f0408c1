#include <catch2/catch.hpp>

#include "analyzer/divergence/negation_detector.h"
#include "analyzer/divergence/wordnet.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("negation scopes find their predicate", "[detector][negation]") {
  Side s = S("A man is not playing a guitar");
  auto n = FindNegations(s.tokens);
  REQUIRE(n.size() == 1);
  CHECK(s.tokens[n[0].predicate].text == "playing");
  Side t = S("The organization doesn't interfere in the affairs");
  auto m = FindNegations(t.tokens);
  REQUIRE(m.size() == 1);
  CHECK(t.tokens[m[0].predicate].text == "interfere");
  Side u = S("The talks failed to reach a deal");
  auto k = FindNegations(u.tokens);
  REQUIRE(k.size() == 1);
  CHECK(u.tokens[k[0].predicate].text == "reach");
}

TEST_CASE("a negated predicate that the other side asserts diverges", "[detector][negation]") {
  Side a = S("A man is playing a guitar");
  Side b = S("A man is not playing a guitar");
  auto f = DetectNegation(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == report::DivergenceKind::kNegation);
  CHECK(EvidenceA(a, f[0]) == "playing");
  CHECK(EvidenceB(b, f[0]) == "not playing");
  Side c = S("There is no man playing a guitar");
  CHECK_FALSE(DetectNegation(a, c, {}).empty());
  Side d = S("The ministers reached a deal on gas prices.");
  Side e = S("The ministers failed to reach a deal on gas prices.");
  CHECK_FALSE(DetectNegation(d, e, {}).empty());
}

TEST_CASE("negations that do not deny the other claim", "[detector][negation]") {
  // both negate
  CHECK(DetectNegation(S("A man is not playing a guitar"), S("The man isn't playing a guitar"), {})
            .empty());
  // the negated scope is about something else (piano vs guitar)
  CHECK(DetectNegation(S("There is no man playing a piano"), S("A man is playing a guitar"), {})
            .empty());
  // unrelated sentences
  CHECK(DetectNegation(S("No military contingents are needed to destabilize a state."),
                       S("The bank raised interest rates on Tuesday."), {})
            .empty());
  // paraphrase without negation
  CHECK(DetectNegation(S("The minister confirmed the deal."),
                       S("The deal was confirmed by the minister."), {})
            .empty());
}

TEST_CASE("a sentence calling the claim a hoax refutes it", "[detector][negation]") {
  Side a = S("Singer found dead in his Hollywood home");
  Side b =
      S("Reports that the singer was found dead in his Hollywood home are a hoax, his "
        "agent said.");
  auto f = DetectNegation(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(EvidenceB(b, f[0]) == "hoax");
  // a claim that is itself a debunking is not refuted again
  Side c = S("Singer death hoax spreads on Facebook");
  CHECK(DetectNegation(c, b, {}).empty());
}

}  // namespace
}  // namespace diverge::divergence

namespace diverge::divergence {
namespace {

TEST_CASE("negation across different subjects is no conflict", "[detector][negation]") {
  DetectorContext ctx;
  ctx.wordnet = WordNet::Default();
  // other people (gender, age) or other things are the subject
  CHECK(DetectNegation(testing::S("Some women are dancing"), testing::S("The men are not dancing"),
                       ctx)
            .empty());
  CHECK(DetectNegation(testing::S("A man is playing the guitar loudly"),
                       testing::S("A flute isn't being played by a man"), ctx)
            .empty());
  // the same subject, or a generic person, still conflicts
  CHECK_FALSE(DetectNegation(testing::S("A man is riding a horse"),
                             testing::S("The person is not riding the horse"), ctx)
                  .empty());
  CHECK_FALSE(DetectNegation(testing::S("The company confirmed the merger talks."),
                             testing::S("The company did not confirm the merger talks."), ctx)
                  .empty());
}

TEST_CASE("WordNet synonyms cover a negated scope", "[detector][negation]") {
  DetectorContext ctx;
  ctx.wordnet = WordNet::Default();
  if (!ctx.wordnet) {
    WARN("skipped: WordNet not installed");
    return;
  }
  CHECK(ctx.wordnet->AreRelated("slicing", "cutting"));
  CHECK_FALSE(ctx.wordnet->AreRelated("slicing", "singing"));
  Side a = testing::S("A man is cutting a potato");
  Side b = testing::S("There is no man slicing a potato");
  CHECK_FALSE(DetectNegation(a, b, ctx).empty());
  // without WordNet the scope ("slicing") is not covered
  CHECK(DetectNegation(a, b, {}).empty());
}

}  // namespace
}  // namespace diverge::divergence
