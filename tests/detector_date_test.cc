#include <catch2/catch.hpp>

#include "analyzer/divergence/date_detector.h"
#include "analyzer/text/dates.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::EvidenceA;
using testing::EvidenceB;
using testing::S;

std::vector<std::string> Resolved(const std::string& text, const char* pub) {
  Side s = S(text, pub);
  std::vector<std::string> out;
  for (const text::DateMention& d : text::FindDates(s.tokens, s.published)) {
    if (d.role == text::DateRole::kPoint) out.push_back(d.date.ToString());
  }
  return out;
}

TEST_CASE("partial publication dates parse and compare", "[detector][date]") {
  auto d = text::ParseIsoDate("2011-08");
  REQUIRE(d);
  CHECK(d->year == 2011);
  CHECK(d->month == 8);
  CHECK(d->day == 0);
  CHECK_FALSE(text::ParseIsoDate("August"));
  CHECK(text::CompareDates({2012, 0, 0}, {2012, 6, 0}) == 0);
  CHECK(text::CompareDates({2011, 8, 0}, {2012, 0, 0}) == -1);
  CHECK(text::CompareDates({2017, 6, 15}, {2017, 6, 14}) == 1);
}

TEST_CASE("relative dates resolve against the publication date", "[detector][date]") {
  // "last June" in a November 2012 article is June 2012; in June 2012 it is June 2011
  CHECK(Resolved("Uzbekistan quit the alliance last June.", "2012-11") ==
        std::vector<std::string>{"2012-06"});
  CHECK(Resolved("It quit last June.", "2012-06-20") == std::vector<std::string>{"2011-06"});
  // 2017-06-15 was a Thursday
  CHECK(Resolved("The secretary said Thursday that it works.", "2017-06-15") ==
        std::vector<std::string>{"2017-06-15"});
  CHECK(Resolved("He spoke on Monday.", "2017-06-15") == std::vector<std::string>{"2017-06-12"});
  CHECK(Resolved("We may sign an agreement this year.", "2017-06-15") ==
        std::vector<std::string>{"2017"});
  CHECK(Resolved("At the October 24 meeting he spoke.", "2012-11") ==
        std::vector<std::string>{"2012-10-24"});
  // a weekday cannot be resolved against a month-only date
  CHECK(Resolved("He spoke on Monday.", "2011-08").empty());
}

TEST_CASE("absolute dates and their roles", "[detector][date]") {
  CHECK(Resolved("It was signed on May 15, 1992 and renamed in 2002.", nullptr) ==
        std::vector<std::string>{"1992-05-15", "2002"});
  CHECK(Resolved("It met on 30 March 2021.", nullptr) == std::vector<std::string>{"2021-03-30"});
  // attributive and bounding years date no event
  CHECK(Resolved("building upon the 1992 Collective Security Treaty", nullptr).empty());
  CHECK(Resolved("each year since 1998, Russia has introduced it", nullptr).empty());
  // "may" the verb is not a month
  CHECK(Resolved("They may sign it.", nullptr).empty());
}

TEST_CASE("different dates for the same founding event are a historical conflict",
          "[detector][date]") {
  Side a =
      S("The organization was established on the basis of the treaty and signed by its "
        "members on May 15, 1992.",
        "2017-06-15");
  Side b = S("The organization was formed in 2002, building upon the 1992 treaty.", "2012-11");
  auto f = DetectDate(a, b, {});
  REQUIRE(f.size() >= 1);
  CHECK(f[0].kind == report::DivergenceKind::kDate);
  CHECK(f[0].nature == TimeNature::kHistorical);
  CHECK(EvidenceA(a, f[0]) == "May 15, 1992");
  CHECK(EvidenceB(b, f[0]) == "2002");
}

TEST_CASE("a death or an attack dates one event whatever verb names it", "[detector][date]") {
  Side a = S("The colonel was toppled and killed in 2011.", "2015-01-10");
  Side b = S("The colonel was toppled and slain in 2008.", "2015-01-12");
  auto f = DetectDate(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(EvidenceA(a, f[0]) == "2011");
  CHECK(EvidenceB(b, f[0]) == "2008");
  CHECK(DetectDate(S("The embassy was attacked in 1998.", "2015-01-10"),
                   S("The assault on the embassy came in 1995.", "2015-01-12"), {})
            .size() == 1);
}

TEST_CASE("the same date written differently, or different events, agree", "[detector][date]") {
  Side a = S("The bank was founded in 1998.", "2020-01-01");
  Side b = S("Founded in March 1998, the bank grew fast.", "2021-01-01");
  CHECK(DetectDate(a, b, {}).empty());
  Side c = S("The bank was founded in 1998.");
  Side d = S("The bank's chief died in 2004.");
  CHECK(DetectDate(c, d, {}).empty());
  // a relative date that resolves to the same month
  Side e = S("Uzbekistan quit the alliance last June.", "2012-11");
  Side g = S("Uzbekistan quit the alliance in June 2012.", "2015-01");
  CHECK(DetectDate(e, g, {}).empty());
}

}  // namespace
TEST_CASE("A month and day ahead of publication, or after a future marker, is the coming one",
          "[detector][date][future]") {
  // 2023-05-15 was a Monday.
  CHECK(Resolved("The runoff is on May 28.", "2023-05-15") ==
        std::vector<std::string>{"2023-05-28"});
  CHECK(Resolved("The vote was on May 28.", "2023-03-01") ==
        std::vector<std::string>{"2022-05-28"});
  CHECK(Resolved("The vote will be decided by a runoff on May 28.", "2023-03-01") ==
        std::vector<std::string>{"2023-05-28"});
  CHECK(Resolved("The second round will take place on Sunday.", "2023-05-15") ==
        std::vector<std::string>{"2023-05-21"});
  CHECK(Resolved("The first round took place on Sunday.", "2023-05-15") ==
        std::vector<std::string>{"2023-05-14"});
}

TEST_CASE("Dates of reports, names and other occurrences date no event of the claim",
          "[detector][date][instances]") {
  auto flags = [](const char* x, const char* y) {
    return DetectDate(S(x, "2023-05-15"), S(y, "2023-05-16", "e"), {}).size();
  };
  // The day something was said or announced is not the day of the election.
  CHECK(flags("The council said on Monday that the election went smoothly.",
              "The election took place on Sunday.") == 0);
  CHECK(flags("The agency, which on Tuesday reported the election result, ...",
              "The election took place on Sunday.") == 0);
  // "Election" in a name is no election.
  CHECK(flags("Votes were counted by the Supreme Election Council on May 15.",
              "The election took place on May 14.") == 0);
  // The last election and the runoff are other elections than Sunday's.
  CHECK(flags("In the last presidential election in 2018, the president won.",
              "The presidential election took place on Sunday.") == 0);
  CHECK(flags("The presidential election will be decided by a runoff on May 28.",
              "The presidential election took place on May 14.") == 0);
  // Each class is dated through its nearest event word: the runoff elections are not
  // dated by "the May 14 polls".
  CHECK(flags("The country will go to runoff elections following the May 14 polls.",
              "The presidential election will be decided by a runoff on May 28.") == 0);
  // Two dates of one election still disagree.
  CHECK(flags("The presidential election took place on May 14.",
              "The presidential election took place on May 7.") == 1);
}

}  // namespace diverge::divergence
