#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "analyzer/divergence/numeric_detector.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

TEST_CASE("number words parse", "[detector][numeric]") {
  double v = 0;
  REQUIRE(ParseNumberWords({"seventeen", "thousand"}, &v));
  CHECK(v == 17000);
  REQUIRE(ParseNumberWords({"two", "hundred", "and", "five"}, &v));
  CHECK(v == 205);
  REQUIRE(ParseNumberWords({"twenty-five"}, &v));
  CHECK(v == 25);
  CHECK_FALSE(ParseNumberWords({"many"}, &v));
}

TEST_CASE("quantities are bound to the noun they count", "[detector][numeric]") {
  Side s =
      S("Seventeen thousand soldiers and 2,000 special servicemen will join, "
        "and 1.5 million people and 40% of voters and six member states.");
  auto q = FindQuantities(s.tokens);
  REQUIRE(q.size() == 5);
  CHECK(q[0].value == 17000);
  CHECK(q[0].referent == "soldier");
  CHECK(q[1].value == 2000);
  CHECK(q[1].referent == "serviceman");
  CHECK(q[2].value == 1.5e6);
  CHECK(q[2].referent == "person");
  CHECK(q[3].value == 40);
  CHECK(q[3].referent == "percent");
  CHECK(q[4].value == 6);
  CHECK(q[4].referent == "state");
}

TEST_CASE("A hedged share is about a point, a hedged count about a tenth", "[detector][numeric]") {
  auto flags = [](const char* x, const char* y) { return DetectNumeric(S(x), S(y), {}).size(); };
  CHECK(flags("The mayor has about 52 percent of the vote.",
              "The mayor was ahead with 50.83 percent of the vote.") == 1);
  CHECK(flags("The mayor has about 52 percent of the vote.",
              "The mayor was ahead with 51.6 percent of the vote.") == 0);
  CHECK(flags("About 1.1 million people marched.", "Some 1.12 million people marched.") == 0);
}

TEST_CASE("Several figures a side: the figures about one name are compared",
          "[detector][numeric]") {
  // 43 and 43.36 agree for Jones, but Smith's about 52 and 50.83 do not.
  const auto f = DetectNumeric(
      S("Smith has secured about 52 per cent of the vote, compared with just 43 per cent for "
        "Jones, with just over 60 per cent of ballots counted."),
      S("Early projections showed Smith was ahead with 50.83 percent of votes, compared to "
        "43.36 percent for Jones."),
      {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "52 vs 50.83 percent");
  // "X, according to Y": X is still the figure's name, not a cited source.
  const auto g = DetectNumeric(
      S("The count gave Smith about 52 per cent of the vote, compared with just 43 per cent "
        "for Jones, according to the agency."),
      S("The count showed Smith ahead with 50.83 percent of votes, compared to 43.36 percent "
        "for Jones."),
      {});
  REQUIRE(g.size() == 1);
  CHECK(g[0].summary == "52 vs 50.83 percent");
  // Figures about two different names are never compared.
  CHECK(
      DetectNumeric(S("The vote gave Smith 52 percent."), S("The vote gave Jones 43 percent."), {})
          .empty());
}

TEST_CASE("Several figures a side: the one figure that counts nothing named is one slot",
          "[detector][numeric]") {
  // The other figures count the same things on both sides ("five years"): the amounts
  // fill one slot, as lone figures would.
  const auto f = DetectNumeric(S("The plan calls for spending $299 billion over five years."),
                               S("The plan calls for spending $601 billion over five years."), {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "299000000000 vs 601000000000 figure(s)");
  // The others count different things: the two statements are not parallel.
  CHECK(DetectNumeric(S("The plan calls for spending $299 billion over five years."),
                      S("The plan calls for spending $601 billion over ten months."), {})
            .empty());
  // Two such figures on one side: which one is the slot is unknown.
  CHECK(DetectNumeric(S("The plan moves $299 billion over five years, then $12 billion."),
                      S("The plan calls for spending $601 billion over five years."), {})
            .empty());
}

TEST_CASE("The share of ballots counted is no result, and no disagreement", "[detector][numeric]") {
  const auto f = DetectNumeric(S("With 98% of votes counted, Smith secured 49.34%."),
                               S("Smith won 52 percent of the vote."), {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "49.34 vs 52 percent");
  // How far the count had got differs by the hour of each report: no flag.
  CHECK(DetectNumeric(S("With 98% of votes counted, Smith secured 49.34%."),
                      S("After counting 60 percent of the ballots, Smith had 49.34 percent."), {})
            .empty());
  CHECK(DetectNumeric(S("The numbers were based on a tally of 74.47 percent of all ballot boxes."),
                      S("Results were based on around 91.55% of the ballot boxes opened."), {})
            .empty());
  // A count of marchers is not a share counted.
  const auto h = DetectNumeric(S("The ministry counted 1.12 million demonstrators."),
                               S("The union said 2 million people demonstrated."), {});
  REQUIRE(h.size() == 1);
  CHECK(h[0].summary == "1120000 vs 2000000 demonstrated");
  // "counted for" is "accounted for": a share of something else, not of ballots counted.
  const auto k = DetectNumeric(S("Smith's votes counted for 49% of the total."),
                               S("Smith won 52 percent of the total."), {});
  REQUIRE(k.size() == 1);
  CHECK(k[0].summary == "49 vs 52 percent");
}

TEST_CASE("Measurements: units, magnitudes, read to the finer precision", "[detector][numeric]") {
  auto summary = [](const char* x, const char* y) {
    const auto f = DetectNumeric(S(x), S(y), {});
    return f.empty() ? std::string() : f[0].summary;
  };
  CHECK(summary("The quake had a magnitude of 6.8, the agency said.",
                "A magnitude 7 earthquake struck the region.") == "6.8 vs 7 magnitude");
  CHECK(summary("The quake struck at a depth of 18.5 km.", "The quake was 8 km deep.") ==
        "18.5 vs 8 km");
  CHECK(summary("A 6.8-magnitude quake hit the town.", "The 6.8 magnitude quake hit.").empty());
  CHECK(summary("The quake was 10 kilometres deep.", "It struck 10 km below the surface.").empty());
  // A hedge still widens a measurement, and counts keep their rounding.
  CHECK(summary("A quake of about magnitude 7 hit.", "A magnitude 6.8 quake hit.").empty());
  CHECK(summary("About 1.1 million people marched.", "Some 1.12 million people marched.").empty());
}

TEST_CASE("A count of two kinds together agrees with its parts when they add up",
          "[detector][numeric]") {
  auto flags = [](const char* x, const char* y) { return DetectNumeric(S(x), S(y), {}).size(); };
  CHECK(flags("The five officers and soldiers stationed there were honoured.",
              "The army honoured two officers and three soldiers.") == 0);
  CHECK(flags("The army honoured two officers and three soldiers.",
              "The five officers and soldiers stationed there were honoured.") == 0);
  // Parts that do not add up still differ.
  CHECK(flags("The seven officers and soldiers stationed there were honoured.",
              "The army honoured two officers and three soldiers.") == 1);
}

TEST_CASE("A part of a group counts the group's noun", "[detector][numeric]") {
  auto q = FindQuantities(S("The army said four of its soldiers were killed.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "soldier");
  CHECK(DetectNumeric(S("The army has lost 43 of its soldiers in the clash."),
                      S("As many as 35 soldiers were killed in the clash."), {})
            .size() == 1);
}

TEST_CASE("per cent in two words is a percentage", "[detector][numeric]") {
  auto q = FindQuantities(S("The mayor has secured about 52 per cent of the vote.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "percent");
  CHECK(DetectNumeric(S("The mayor took 52 per cent of the vote."),
                      S("The mayor took 49.5% of the vote."), {})
            .size() == 1);
}

TEST_CASE("years, dates and times are not quantities", "[detector][numeric]") {
  Side s = S("On May 15, 1992 at 10:38 the treaty was signed; in 2002 it was renamed.");
  CHECK(FindQuantities(s.tokens).empty());
}

TEST_CASE("different values for the same referent diverge", "[detector][numeric]") {
  Side a = S("The alliance deployed 2,000 troops to the border region.");
  Side b = S("The alliance deployed 3,500 troops to the border region.");
  auto f = DetectNumeric(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == report::DivergenceKind::kNumeric);
  CHECK(EvidenceA(a, f[0]) == "2,000 troops");
  CHECK(EvidenceB(b, f[0]) == "3,500 troops");
}

TEST_CASE("false friends: same number, different referent", "[detector][numeric]") {
  Side a = S("Seventeen thousand soldiers and 2,000 special servicemen will make up the forces.");
  Side b = S("As a result of the joint action, 2,000 suspect websites were identified.");
  CHECK(DetectNumeric(a, b, {}).empty());
  // different value, different referent
  Side c = S("The operation found 300 websites.");
  Side d = S("The operation involved 40 servicemen.");
  CHECK(DetectNumeric(c, d, {}).empty());
}

TEST_CASE("approximate figures within tolerance agree", "[detector][numeric]") {
  Side a = S("About 2,000 people attended the rally.");
  Side b = S("Some 2,200 people attended the rally.");
  CHECK(DetectNumeric(a, b, {}).empty());
  Side c = S("The rally drew 2,000 people.");
  Side d = S("The rally drew 2,000 people, police said.");
  CHECK(DetectNumeric(c, d, {}).empty());
}

TEST_CASE("a year-like number before a counted noun is a count", "[detector][numeric]") {
  Side s = S("Officials said 2012 people were evacuated in 2019.");
  auto q = FindQuantities(s.tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].value == 2012);
  CHECK(q[0].referent == "person");
}

TEST_CASE("a comma before one or two digits is a decimal comma", "[detector][numeric]") {
  Side s = S("He has obtained 49,51% of votes and 1,272,000 ballots were void.");
  auto q = FindQuantities(s.tokens);
  REQUIRE(q.size() == 2);
  CHECK(q[0].value == Approx(49.51));
  CHECK(q[1].value == 1272000);
}

TEST_CASE("rounding and hedges agree, bounds that exclude each other diverge",
          "[detector][numeric]") {
  auto flags = [](const char* x, const char* y) { return DetectNumeric(S(x), S(y), {}).size(); };
  CHECK(flags("The mayor took 49.5 percent of the vote.", "The mayor took 49,51% of the vote.") ==
        0);
  CHECK(flags("About 1.1 million people marched.", "Some 1.12 million people marched.") == 0);
  CHECK(flags("The mayor took 49.52 percent of the vote.",
              "The mayor took 49.51 percent of the vote.") == 1);
  CHECK(flags("Nearly 300 troops attacked the patrol.", "Over 350 troops attacked the patrol.") ==
        1);
  CHECK(flags("More than 2 million people marched.", "Police said 1.12 million people marched.") ==
        1);
}

TEST_CASE("the one figure of each side is compared whatever follows it", "[detector][numeric]") {
  Side a = S("The death toll rose to 820.");
  Side b = S("The quake killed 1,037 people.");
  auto f = DetectNumeric(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "820");
  // A share and a count are different kinds of figure.
  CHECK(DetectNumeric(S("Turnout reached 88 percent."), S("Some 9,000 people voted."), {}).empty());
}


TEST_CASE("the head noun ends before the verb after it", "[detector][numeric]") {
  // "people demonstrated": the referent is person, not the verb; an -ed word before
  // the noun is an adjective.
  Side s = S("About 2 million people demonstrated, 35 Chinese troops died and 40 injured people waited.");
  auto q = FindQuantities(s.tokens);
  REQUIRE(q.size() == 3);
  CHECK(q[0].referent == "person");
  CHECK(q[1].referent == "troop");
  CHECK(q[2].referent == "person");
}

TEST_CASE("a count of days is a span of time, not a count of an event", "[detector][numeric]") {
  auto q = FindQuantities(S("The cat rose from the dead five days after its burial.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "day");
  CHECK(q[0].event.empty());
  // An infinitive "to" starts another predicate: the count is not of the casualties.
  auto r = FindQuantities(
      S("Beijing does not want people of the two countries to compare the casualties.").tokens);
  REQUIRE(r.size() == 1);
  CHECK(r[0].event.empty());
  // The count's own clause still gives its event.
  auto k = FindQuantities(S("Five soldiers were killed two days after the clash.").tokens);
  REQUIRE(k.size() == 2);
  CHECK(k[0].event == "killed");
}

TEST_CASE("counts of one event compare whatever noun each uses", "[detector][numeric]") {
  // "troops died" and "soldiers killed" count the dead.
  auto f = DetectNumeric(S("As many as 35 Chinese troops died in the clash."),
                         S("More than 43 Chinese soldiers were killed, ANI reported."), {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "35 vs 43 killed");
  // The event may come before the figure ("the death toll rose to 820").
  auto q = FindQuantities(S("The death toll rose to 820 on Tuesday.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].event == "killed");
  // Each count takes the event of its own clause: 20 killed, four injured.
  q = FindQuantities(S("20 soldiers were killed and four soldiers injured.").tokens);
  REQUIRE(q.size() == 2);
  CHECK(q[0].event == "killed");
  CHECK(q[1].event == "injured");
  // The same noun counted for two events is not compared.
  CHECK(DetectNumeric(S("Twenty soldiers were killed."), S("Four soldiers were injured."), {})
            .empty());
  // Counts of one event need no other shared words to be compared.
  f = DetectNumeric(S("The quake killed 820 people, officials said on Saturday."),
                    S("By Sunday the death toll had risen to 2,012."), {}, 0.1);
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "820 vs 2012 killed");
  // A larger relative difference ranks higher.
  const double far = DetectNumeric(S("35 soldiers died."), S("43 soldiers died."), {})[0].score;
  const double near = DetectNumeric(S("49.51 percent voted."), S("49.9 percent voted."), {})[0].score;
  CHECK(far > near);
  // The counted noun may come before "numbering": troops, and no event.
  q = FindQuantities(S("They met Chinese troops numbering over 350.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "troop");
  CHECK(q[0].event.empty());
  // A share has no event.
  CHECK(FindQuantities(S("He won 52 percent, and two people died.").tokens)[0].event.empty());
}

TEST_CASE("A possessive name after a figure is about the next figure, not this one",
          "[detector][numeric][names]") {
  // Erdogan is 9 tokens before 49.52 (beyond the window), Kilicdaroglu 5 after it.
  const Side a =
      S("Yesterday Erdogan emerged victorious in the first round of elections with "
        "49.52% of the votes against Kilicdaroglu's 44.88%.");
  const Side b =
      S("Yesterday Erdogan won 49.51 percent of the vote, while Kilicdaroglu won "
        "44.92 percent.");
  const auto f = DetectNumeric(a, b, {});
  // 49.52 belongs to the clause's subject Erdogan, 44.88 to Kilicdaroglu: both compared
  // (were Kilicdaroglu's the nearest name of 49.52, only 44.88 / 44.92 would be).
  REQUIRE(f.size() == 2);
  std::set<std::string> pairs;
  for (const Finding& x : f) pairs.insert(EvidenceA(a, x) + " / " + EvidenceB(b, x));
  CHECK(pairs == std::set<std::string>{"49.52% / 49.51 percent", "44.88% / 44.92 percent"});
}

TEST_CASE("A name the corpus capitalises mid-sentence names figures at a sentence's start too",
          "[detector][numeric][names]") {
  const Side a = S("Erdogan won 49.52% while Kilicdaroglu won 44.88%.");
  const Side b = S("Erdogan won 49.51 percent, while Kilicdaroglu won 44.92 percent.");
  // Without the corpus's names the first word is no name: both figures of a side are
  // about Kilicdaroglu, and only the closest pair is flagged.
  CHECK(DetectNumeric(a, b, {}).size() == 1);
  const std::vector<std::string> mid = {"erdogan", "kilicdaroglu"};
  DetectorContext ctx;
  ctx.mid_sentence_names = &mid;
  CHECK(DetectNumeric(a, b, ctx).size() == 2);
}

}  // namespace
TEST_CASE("A figure with an elided noun counts what the sentence's previous count counts",
          "[detector][numeric][elided]") {
  auto q = FindQuantities(
      S("The ministry counted 310,000 marchers, including 25,000 in Madrid; 9,000 in Bilbao.")
          .tokens);
  REQUIRE(q.size() == 3);
  CHECK(q[1].referent == "marcher");
  CHECK(q[1].elided);
  CHECK(q[2].referent == "marcher");
  // A count after a preposition is not the antecedent: "in more than 200 processions".
  q = FindQuantities(
      S("Over 2 million people marched in more than 200 processions, including 400,000 in "
        "Madrid.")
          .tokens);
  REQUIRE(q.size() == 3);
  CHECK(q[2].referent == "person");
  // A figure followed by a verb keeps no referent ("Flight 370 was").
  q = FindQuantities(S("Some 239 passengers were aboard when Flight 370 was lost.").tokens);
  REQUIRE(q.size() == 2);
  CHECK(q[1].referent.empty());
  // Without a count before it, the antecedent given (a clause's sentence) is used.
  const auto lead = LastCount(S("Police counted 10,000 officers on duty,").tokens);
  REQUIRE(lead.has_value());
  q = FindQuantities(S("including 3,500 in Madrid").tokens, &*lead);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "officer");
}

TEST_CASE("A figure with an elided noun is about the name right after it",
          "[detector][numeric][elided]") {
  // 12 is Iraq's, not Syria's: the Syria figures 17 and 37 differ.
  CHECK(DetectNumeric(
            S("The allies carried out 17 airstrikes in Syria and 12 in Iraq."),
            S("The allies carried out 37 airstrikes in Syria and 12 in Iraq.", nullptr, "e"), {})
            .size() == 1);
  // A span of days is no antecedent: "the 16" is a day, not 16 days.
  const auto q = FindQuantities(
      S("The Earth will see 6 days of darkness, from Tuesday the 16 to Monday the 22.").tokens);
  REQUIRE(q.size() == 3);
  CHECK(q[1].referent.empty());
}

TEST_CASE("An age set off by commas after a name is not a count", "[detector][numeric][elided]") {
  const auto q = FindQuantities(S("Said Ana Ruiz, 43, a nurse from Madrid.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].referent == "age");
  // "43" is not the lone figure of its side, to be compared with a count.
  CHECK(DetectNumeric(S("Ana Ruiz, 43, a nurse, joined the march."),
                      S("Some 80,000 marched in the capital."), {})
            .empty());
}

TEST_CASE("A clause statement's figure is read with its sentence's counted noun",
          "[detector][numeric][elided]") {
  // Marchers in Madrid vs police officers in Madrid: different things, no flag.
  Side marchers = S("including 25,000 in Madrid");
  marchers.lead = S("The ministry counted 310,000 marchers,").tokens;
  Side officers = S("including 3,500 in Madrid", nullptr, "e");
  officers.lead = S("Police deployed 10,000 officers,").tokens;
  CHECK(DetectNumeric(marchers, officers, {}).empty());
  // Without the sentences, two bare figures of one slot are compared.
  CHECK(DetectNumeric(S("including 25,000 in Madrid"), S("including 3,500 in Madrid", nullptr, "e"),
                      {})
            .size() == 1);
  // Marchers against marchers are.
  Side union_count = S("and 90,000 in Madrid, the union said", nullptr, "f");
  union_count.lead = S("The union counted 1 million marchers,").tokens;
  const auto f = DetectNumeric(marchers, union_count, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "25000 vs 90000 demonstrated");
}

TEST_CASE("A figure its sentence dates to a past year is compared only within that year",
          "[detector][numeric][past_year]") {
  auto flags = [](const char* x, const char* y) {
    return DetectNumeric(S(x, "2020-06-17"), S(y, "2020-06-18", "e"), {});
  };
  // The 1967 toll is not the toll of the clash both articles report.
  CHECK(flags("It was the worst clash since their 1967 clashes, when India lost 80 soldiers.",
              "As many as 20 Indian soldiers were killed in the clash.")
            .empty());
  CHECK(flags("On December 5, 2019, the police counted 806,000 demonstrators.",
              "The ministry counted 1.12 million demonstrators on Thursday.")
            .empty());
  // Two figures of the same past year are compared, as a dated past fact.
  const auto same = flags("In 2019, the police counted 806,000 demonstrators.",
                          "In 2019, the police counted 1.5 million demonstrators.");
  REQUIRE(same.size() == 1);
  CHECK(same[0].nature == TimeNature::kHistorical);
  // A bound ("since 1975") and a figure that reads like a year date nothing.
  CHECK(flags("Twenty soldiers were killed, the deadliest clash since 1975.",
              "Four soldiers were killed, the deadliest clash since 1975.")
            .size() == 1);
  CHECK(flags("The lake has over 2003 islands.", "The lake has over 1000 islands.").size() == 1);
  // Without publication dates nothing is dated.
  CHECK(DetectNumeric(S("In 2019, the police counted 806,000 demonstrators."),
                      S("The police counted 1.5 million demonstrators.", nullptr, "e"), {})
            .size() == 1);
}

TEST_CASE("A part of the subject's own group is not about a name after it",
          "[detector][numeric][names]") {
  // Four of the army's own soldiers, killed in a clash with the other side: not the
  // other side's toll.
  CHECK(DetectNumeric(
            S("On Friday, Northland's military command said that four of its soldiers died "
              "fighting Southland forces."),
            S("As many as 20 Southland soldiers were killed in the clash.", nullptr, "e"), {})
            .empty());
  // A part of an unnamed subject's group is not about a name the other side gives.
  CHECK(DetectNumeric(S("The neighbouring country has lost 43 of its soldiers in the clash."),
                      S("As many as 20 Southland soldiers were killed in the clash.", nullptr, "e"),
                      {})
            .empty());
  CHECK(DetectNumeric(S("The neighbouring country has lost 43 of its soldiers in the clash."),
                      S("The army lost 20 of its soldiers in the clash.", nullptr, "e"), {})
            .size() == 1);
  // "their 1967 clashes" dates clashes; it counts none.
  const auto q = FindQuantities(
      S("It was the worst clash after their 1967 clashes, when 80 soldiers died.").tokens);
  REQUIRE(q.size() == 1);
  CHECK(q[0].value == 80);
}

TEST_CASE("A figure's name is not the next clause's subject, and skips a relative clause",
          "[detector][numeric][names]") {
  Side a =
      S("In the count, Lena Holt from the Blue Alliance, the third candidate, received 5.17 "
        "percent, while Omar Vance of the Home Party - who withdrew from the race days "
        "before - got 0.44 percent.");
  Side b = S("In the count, Blue Alliance candidate Lena Holt got 5.7 percent.", nullptr, "e");
  const auto f = DetectNumeric(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "5.17 percent");
  // Vance's 0.44 is his, past the relative clause: not compared with Holt's 5.7.
  Side c =
      S("In the count, Omar Vance of the Home Party - who withdrew from the race days before "
        "- got 0.44 percent.");
  CHECK(DetectNumeric(c, b, {}).empty());
}

TEST_CASE("What happened to a group is not the group's size", "[detector][numeric][elided]") {
  // The force that attacked is not the toll.
  CHECK(DetectNumeric(S("The patrol was attacked by nearly 300 Northland soldiers at dusk."),
                      S("Four Northland soldiers died at dusk in the clash.", nullptr, "e"), {})
            .empty());
  // Two tolls are compared.
  CHECK(DetectNumeric(S("Nine Northland soldiers died at dusk in the clash."),
                      S("Four Northland soldiers died at dusk in the clash.", nullptr, "e"), {})
            .size() == 1);
  // An elided figure keeps its antecedent's event: "30,000 in Toulouse" after "40,000
  // people marched in Lyon" counts marchers, as "36,000 people demonstrated in Toulouse".
  Side clause = S("30,000 in Toulouse");
  clause.lead = S("At least 40,000 people marched in Lyon;").tokens;
  const auto f = DetectNumeric(
      clause, S("At least 36,000 people demonstrated in Toulouse.", nullptr, "e"), {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].summary == "30000 vs 36000 demonstrated");
}

}  // namespace diverge::divergence
