#include <catch2/catch.hpp>

#include "analyzer/divergence/omission_detector.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::S;

StoryDocument Doc(const std::string& id, const std::string& outlet, const std::string& text,
                  const char* date = nullptr) {
  StoryDocument d;
  d.id = id;
  d.outlet = outlet;
  if (date) d.published = text::ParseIsoDate(date);
  d.tokens = text::Tokenize(text);
  return d;
}

TEST_CASE("an outlet covering the story but silent on the claim", "[detector][omission]") {
  Side a = S("The central bank raised interest rates to curb inflation.", "2020-01-05", "1");
  Side b =
      S("Interest rates were raised by the central bank to fight inflation.", "2020-01-05", "2");
  Side c = S("The central bank lifted interest rates as inflation climbed.", "2020-01-06", "3");
  a.outlet = "A";
  b.outlet = "B";
  c.outlet = "C";
  std::vector<StoryDocument> docs = {
      Doc("4", "D",
          "Inflation worries grow. The central bank meets again; interest rates and "
          "bank lending are in focus.",
          "2020-01-05"),
      Doc("5", "E", "The football team won the cup on Sunday.", "2020-01-05")};
  auto om = DetectOmissions({&a, &b, &c}, docs, OmissionOptions{});
  REQUIRE(om.size() == 1);
  CHECK(om[0].silent_outlet == "D");
  CHECK(om[0].silent_doc == "4");
}

TEST_CASE("omissions are conservative", "[detector][omission]") {
  Side a = S("The central bank raised interest rates to curb inflation.", "2020-01-05", "1");
  Side b =
      S("Interest rates were raised by the central bank to fight inflation.", "2020-01-05", "2");
  a.outlet = "A";
  b.outlet = "B";
  std::vector<StoryDocument> docs = {
      Doc("4", "D", "The central bank meets; interest rates and inflation are in focus.",
          "2020-01-05")};
  // two outlets are too few to call a third one silent
  CHECK(DetectOmissions({&a, &b}, docs, OmissionOptions{}).empty());
  Side c = S("The central bank lifted interest rates as inflation climbed.", "2020-01-06", "3");
  c.outlet = "C";
  // a document published years later is not expected to repeat the claim
  std::vector<StoryDocument> late = {
      Doc("4", "D", "The central bank meets; interest rates and inflation are in focus.",
          "2024-01-05")};
  CHECK(DetectOmissions({&a, &b, &c}, late, OmissionOptions{}).empty());
}

}  // namespace
}  // namespace diverge::divergence
