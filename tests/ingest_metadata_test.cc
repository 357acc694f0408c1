// Metadata inference and page clean-up on synthetic pages (generic rules, not the
// sample corpus).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "analyzer/ingest/cleanup.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/ingest/metadata_inference.h"
#include "tests/ingest_test_util.h"

using namespace diverge;
using diverge::testing::TempDir;

TEST_CASE("Partial dates are validated", "[ingest][metadata]") {
  CHECK(text::IsValidPartialDate("2012"));
  CHECK(text::IsValidPartialDate("2011-08"));
  CHECK(text::IsValidPartialDate("2020-02-29"));
  CHECK_FALSE(text::IsValidPartialDate("2021-02-29"));
  CHECK_FALSE(text::IsValidPartialDate("2021-13"));
  CHECK_FALSE(text::IsValidPartialDate("21-03-01"));
  CHECK_FALSE(text::IsValidPartialDate("March 2021"));
  CHECK_FALSE(text::IsValidPartialDate(""));
}

TEST_CASE("Dates in text", "[ingest][metadata]") {
  auto one = [](const std::string& s) {
    auto d = ingest::FindDates(s);
    return d.empty() ? std::string("none")
                     : d[0].date.ToString() + "|" + std::to_string(d[0].date.month) + "-" +
                           std::to_string(d[0].date.day);
  };
  CHECK(one("Published 31 March 2021, 10:38") == "2021-03-31|3-31");
  CHECK(one("March 31, 2021") == "2021-03-31|3-31");
  CHECK(one("on Sept. 5, 2019 at noon") == "2019-09-05|9-5");
  CHECK(one("2017-06-15T10:00") == "2017-06-15|6-15");
  CHECK(one("in June 2012") == "2012-06|6-0");
  CHECK(one("Aug 16. The Voice") == "|8-16");  // no year: month and day only
  CHECK(one("they may 5 times") == "none");    // "may" is not a month
}

TEST_CASE("Datelines, bylines, copyright and site-name lines", "[ingest][metadata]") {
  auto dl = ingest::ParseDateline("KYIV, 2 June (Ukrinform) - The council met today.");
  REQUIRE(dl);
  CHECK(dl->outlet == std::optional<std::string>("Ukrinform"));
  CHECK(dl->date.month == 6);
  CHECK(dl->date.day == 2);
  CHECK(std::string("KYIV, 2 June (Ukrinform) - The council met today.").substr(dl->prefix_len) ==
        "The council met today.");
  auto dl2 = ingest::ParseDateline("PARIS (AFP) Ministers agreed.");
  REQUIRE(dl2);
  CHECK(dl2->outlet == std::optional<std::string>("AFP"));
  auto dl3 = ingest::ParseDateline("May 3. Radio Free Planet");
  REQUIRE(dl3);
  CHECK(dl3->whole_line);
  CHECK(dl3->outlet == std::optional<std::string>("Radio Free Planet"));
  CHECK_FALSE(ingest::ParseDateline("The Council (formerly the Board) met.").has_value());

  CHECK(ingest::ParseByline("By John Smith") == std::optional<std::string>("John Smith"));
  CHECK(ingest::ParseByline("By Anna Lee and Tom Ray") ==
        std::optional<std::string>("Anna Lee and Tom Ray"));
  CHECK_FALSE(ingest::ParseByline("By the end of the year, prices rose.").has_value());

  auto c = ingest::ParseCopyright("(c) 2015 Acme News Corp. All rights reserved.");
  REQUIRE(c);
  CHECK(c->year == 2015);
  CHECK(c->holder == std::optional<std::string>("Acme News Corp"));
  CHECK_FALSE(ingest::ParseCopyright("Copyright law changed in many ways.").has_value());

  CHECK(ingest::ParseSiteNameLine("| Morning Gazette") ==
        std::optional<std::string>("Morning Gazette"));
  CHECK_FALSE(ingest::ParseSiteNameLine("- the talks failed.").has_value());
  CHECK(ingest::IsDateOnlyLine("Tuesday, 4 May 2010, 09:15 GMT"));
  CHECK_FALSE(ingest::IsDateOnlyLine("On 4 May 2010 the council met in the capital."));
}

TEST_CASE("Synthetic page: inference and clean-up without a manifest", "[ingest][metadata]") {
  TempDir dir;
  const std::string page =
      "Home\n"
      "Business\n"
      "Sign in\n"
      "Friday, 9 October 2015\n"
      "\n"
      "Port Strike Halts Grain Exports\n"
      "\n"
      "By Jane Q. Public\n"
      "\n"
      "ODESA, 9 October (Portnews) - Dock workers stopped loading grain ships on Friday morning.\n"
      "\n"
      "\xC2\xA9 Portnews / John Doe / Photo bankA crane stands idle at the main terminal in the "
      "harbour.\n"
      "A crane stands idle at the main terminal in the harbour. - Portnews\n"
      "\n"
      "The union said the strike would last at least three days, citing unpaid wages.\n"
      "\n"
      "\xCE\x91\xCF\x85\xCF\x84\xCF\x8C \xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9 "
      "\xCE\xAD\xCE\xBD\xCE\xB1 "
      "\xCE\xBA\xCE\xB5\xCE\xAF\xCE\xBC\xCE\xB5\xCE\xBD\xCE\xBF\n"
      "Share\n"
      "Read more\n"
      "Markets\n"
      "Grain Prices Jump As Ports Close\n"
      "12\n";
  dir.Write("strike.txt", page);
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  const ingest::Document& d = c->documents[0];
  CHECK(d.id == "strike");
  CHECK(d.outlet == "Portnews");
  CHECK(d.date == std::optional<std::string>("2015-10-09"));
  CHECK(d.title == std::optional<std::string>("Port Strike Halts Grain Exports"));
  CHECK(d.author == std::optional<std::string>("Jane Q. Public"));
  std::vector<std::string> texts;
  for (const auto& s : c->statements) texts.push_back(s.text);
  const std::vector<std::string> want = {
      "Port Strike Halts Grain Exports",
      "Dock workers stopped loading grain ships on Friday morning.",
      "A crane stands idle at the main terminal in the harbour.",
      "The union said the strike would last at least three days, citing unpaid wages."};
  CHECK(texts == want);
  auto aside = [&](const std::string& reason) {
    return std::count_if(c->set_aside.begin(), c->set_aside.end(),
                         [&](const ingest::SetAsideLine& s) { return s.reason == reason; });
  };
  CHECK(aside("other-language") == 1);
  CHECK(aside("repeated") == 1);
  CHECK(aside("metadata") >= 2);  // date line, byline
}

TEST_CASE("Clean-up keeps a headline but drops menu words and footer teasers",
          "[ingest][metadata]") {
  const std::string page =
      "Menu\nNews\n\nCouncil Approves New Budget\n\n"
      "The city council approved the new budget on Tuesday after a long debate.\n"
      "The mayor said the vote showed the council could work together again.\n\n"
      "Related\nMayor Faces New Questions Over Spending\n";
  ingest::CleanPageResult r = ingest::CleanPage(page, std::nullopt);
  std::vector<std::string> kept;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    if (r.verdicts[i].fate == ingest::LineFate::kKeep) kept.push_back(r.lines[i].folded);
  }
  const std::vector<std::string> want = {
      "Council Approves New Budget",
      "The city council approved the new budget on Tuesday after a long debate.",
      "The mayor said the vote showed the council could work together again."};
  CHECK(kept == want);
  CHECK(r.metadata.title == std::optional<std::string>("Council Approves New Budget"));
}

TEST_CASE("A known title glued to the first sentence is cut off", "[ingest][metadata]") {
  const std::string page =
      "Floods Hit The Valley\n\nFloods Hit The ValleyHeavy rain flooded three villages overnight "
      "and closed the main road.\nRescue teams reached the villages by noon on Sunday, officials "
      "said.\n";
  ingest::CleanPageResult r = ingest::CleanPage(page, std::string("Floods Hit The Valley"));
  REQUIRE(r.lines.size() == 3);
  CHECK(r.verdicts[0].fate == ingest::LineFate::kKeep);
  CHECK(page.substr(r.verdicts[1].begin, 10) == "Heavy rain");
  // Without the title known and without it on its own line, nothing is cut.
  const std::string page2 = "Floods Hit The ValleyHeavy rain flooded three villages overnight.\n";
  ingest::CleanPageResult r2 = ingest::CleanPage(page2, std::nullopt);
  REQUIRE(r2.lines.size() == 1);
  CHECK(r2.verdicts[0].begin == 0);
}
