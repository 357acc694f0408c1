#include <catch2/catch.hpp>

#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/divergence/temporal.h"
#include "analyzer/text/dates.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::S;

Finding StateFinding(std::vector<std::string> changed) {
  Finding f;
  f.kind = report::DivergenceKind::kSet;
  f.nature = TimeNature::kState;
  f.changed_items = std::move(changed);
  return f;
}

TEST_CASE("a dated change between the publication dates is a change over time",
          "[detector][temporal]") {
  ChangeIndex idx;
  idx.AddDocument("004", "The league has five members. Paris quit the league last June.",
                  text::ParseIsoDate("2012-11"));
  auto ev = idx.Find("Paris");
  REQUIRE(ev);
  CHECK(ev->date.ToString() == "2012-06");
  CHECK(ev->word == "quit");
  CHECK(ev->direction == -1);
  Side a = S("x", "2011-08");
  Side b = S("y", "2017-06-15");
  TemporalLabel l = LabelTemporal(StateFinding({"Paris"}), a, b, &idx, 31);
  CHECK(l.temporal == report::Temporal::kChangeOverTime);
  CHECK(l.reason.find("004 dates Paris's leaving (\"quit\") to 2012-06") != std::string::npos);
  // a change dated before both articles: one of them is out of date
  Side c = S("x", "2013-01");
  Side d = S("y", "2014-01");
  CHECK(LabelTemporal(StateFinding({"Paris"}), c, d, &idx, 31).temporal ==
        report::Temporal::kContradiction);
}

TEST_CASE("without evidence, publication dates decide", "[detector][temporal]") {
  ChangeIndex idx;
  Side a = S("x", "2017-06-15");
  Side b = S("y", "2017-06-20");
  Side c = S("y", "2019-01");
  Side u = S("y");
  CHECK(LabelTemporal(StateFinding({"Lyon"}), a, b, &idx, 31).temporal ==
        report::Temporal::kContradiction);
  // Further apart than the period: the state may have changed in between.
  CHECK(LabelTemporal(StateFinding({"Lyon"}), a, c, &idx, 31).temporal ==
        report::Temporal::kChangeOverTime);
  CHECK(LabelTemporal(StateFinding({}), a, u, &idx, 31).temporal ==
        report::Temporal::kUndetermined);
}

TEST_CASE("a provisional or updated figure a day apart is a change over time",
          "[detector][temporal]") {
  Finding f;
  f.kind = report::DivergenceKind::kNumeric;
  f.nature = TimeNature::kState;
  Side early = S("With half of the ballots counted, the mayor had 52 percent.", "2023-05-14");
  Side late = S("The mayor won 49.5 percent.", "2023-05-15");
  CHECK(LabelTemporal(f, early, late, nullptr, 7).temporal == report::Temporal::kChangeOverTime);
  Side rose = S("The death toll rose to 1,037.", "2023-09-10");
  Side first = S("At least 820 people died.", "2023-09-09");
  CHECK(LabelTemporal(f, rose, first, nullptr, 7).temporal == report::Temporal::kChangeOverTime);
  // The same day, or a day apart with no sign of an update: a contradiction.
  Side same = S("The mayor won 44 percent.", "2023-05-15");
  CHECK(LabelTemporal(f, late, same, nullptr, 7).temporal == report::Temporal::kContradiction);
  Side next = S("The mayor won 44 percent.", "2023-05-16");
  CHECK(LabelTemporal(f, late, next, nullptr, 7).temporal == report::Temporal::kContradiction);
  // A month-only date that contains the other date is the same period.
  Side month = S("The mayor won 44 percent.", "2023-05");
  CHECK(LabelTemporal(f, late, month, nullptr, 7).temporal == report::Temporal::kContradiction);
}

TEST_CASE("a death toll that rises between publications is a change over time",
          "[detector][temporal]") {
  // The numeric detector marks counts of the dead as a running count.
  Side a = S("At least 820 people were killed in the quake.", "2023-09-09");
  Side b = S("The death toll rose to 2,012 people.", "2023-09-11");
  std::vector<Finding> f = DetectNumeric(a, b, {});
  REQUIRE(f.size() == 1);
  CHECK(f[0].running_count);
  CHECK(LabelTemporal(f[0], a, b, nullptr, 7).temporal == report::Temporal::kChangeOverTime);
  // A toll lower in the later article is not explained by time.
  Side c = S("The death toll rose to 2,012 people.", "2023-09-09");
  Side d = S("At least 820 people were killed in the quake.", "2023-09-11");
  f = DetectNumeric(c, d, {});
  REQUIRE(f.size() == 1);
  CHECK(LabelTemporal(f[0], c, d, nullptr, 7).temporal == report::Temporal::kContradiction);
  // Published on one day: a contradiction. A demonstration's count does not run.
  Side e = S("At least 820 people were killed in the quake.", "2023-09-09");
  CHECK(LabelTemporal(DetectNumeric(e, c, {})[0], e, c, nullptr, 7).temporal ==
        report::Temporal::kContradiction);
  f = DetectNumeric(S("40,000 people marched in Lyon.", "2023-01-19"),
                    S("Some 25,000 protesters marched in Lyon.", "2023-01-20"), {});
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].running_count);
}

TEST_CASE("historical facts and framings are contradictions whatever the dates",
          "[detector][temporal]") {
  Finding f;
  f.nature = TimeNature::kHistorical;
  Side a = S("x", "2011-08");
  Side b = S("y", "2021-03-31");
  CHECK(LabelTemporal(f, a, b, nullptr, 31).temporal == report::Temporal::kContradiction);
  f.nature = TimeNature::kTimeless;
  CHECK(LabelTemporal(f, a, b, nullptr, 31).temporal == report::Temporal::kContradiction);
}

}  // namespace
}  // namespace diverge::divergence
