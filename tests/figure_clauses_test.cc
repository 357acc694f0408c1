// Figure clauses: a clause that carries its own figure becomes a statement of its own.
// The sentences are invented for the test (no corpus text).
#include "analyzer/ingest/figure_clauses.h"

#include <catch2/catch.hpp>
#include <string>

#include "analyzer/text/sentences.h"

using namespace diverge;

namespace {
std::vector<std::string> Clauses(const std::string& sentence) {
  std::vector<std::string> out;
  for (const text::Span& s : ingest::FindFigureClauses(sentence)) {
    out.push_back(sentence.substr(s.begin, s.end - s.begin));
  }
  return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("Figures about different things split a sentence into clauses", "[figure_clauses]") {
  CHECK(Clauses("Smith won 51.2 percent of the vote, while his rival Jones got 44.7 percent.") ==
        V{"while his rival Jones got 44.7 percent"});
  CHECK(Clauses("About 9,000 people marched in Oslo; 4,500 in Bergen; 1,200 in Tromso.") ==
        V{"4,500 in Bergen", "1,200 in Tromso"});
  CHECK(Clauses("The agency counted 310,000 marchers, including 25,000 in Madrid, police said.") ==
        V{"including 25,000 in Madrid, police said"});
  CHECK(Clauses("Early counts show: 12,000 in Lille (north), 8,000 in Nice (south), ") ==
        V{"12,000 in Lille (north)", "8,000 in Nice (south)"});
}

TEST_CASE("Thousands separators, years and dates are not cuts or figures", "[figure_clauses]") {
  CHECK(Clauses("The union said 40,000 people marched, a record.").empty());
  CHECK(Clauses("In 2019, 40,000 people marched on January 19.").empty());
  CHECK(Clauses("As of 12:15 GMT, the count stood at 52 percent.").empty());
  CHECK(ingest::HasFigure("30,000 in Toulouse"));
  CHECK_FALSE(ingest::HasFigure("on 19 May 2023 at 12:15"));
}

TEST_CASE("An age set off by commas after a name is not a figure", "[figure_clauses]") {
  CHECK(Clauses("About 9,000 people marched, said Ana Ruiz, 43, a nurse from Bilbao.").empty());
  CHECK_FALSE(ingest::HasFigure("said Ana Ruiz, 43, a nurse"));
  CHECK(ingest::HasFigure("said the union, 43,000 marched"));
}

TEST_CASE("One figure or figures in one clause give no clauses", "[figure_clauses]") {
  CHECK(Clauses("Rates were 42 percent and 65 percent, respectively.").empty());
  CHECK(Clauses("The strike, which began on Monday, drew 2 million people.").empty());
}

TEST_CASE("A connective opens the next figure's clause, a clock time is no cut", "[figure_clauses]") {
  // "while his rival," has no figure: it opens the clause of the figure after it, so the
  // clause keeps the rival's name.
  CHECK(Clauses("At 10:30 Smith had 51.2 percent, while his rival, Tom Jones, had 44.7 percent.") ==
        V{"while his rival, Tom Jones, had 44.7 percent"});
  // A figureless piece without a connective still closes the clause before it.
  CHECK(Clauses("Some 12,000 marched in Lille, a record, 8,000 in Nice, police said.") ==
        V{"8,000 in Nice, police said"});
}

TEST_CASE("And or against before a named figure opens its clause", "[figure_clauses]") {
  CHECK(Clauses("Smith got 44.9% and third candidate Ann Lee got 5.2%, officials said.") ==
        V{"and third candidate Ann Lee got 5.2%, officials said"});
  CHECK(Clauses("Smith won with 51.5% of the votes against Jones's 44.8%.") ==
        V{"against Jones's 44.8%"});
  // A range is one figure's clause, not two: "between 20 and 30".
  CHECK(Clauses("Between 20 and 30 people were hurt in Oslo.").empty());
  // "against" with no figure ahead is no cut.
  CHECK(Clauses("Some 9,000 marched against the reform in Oslo, 4,000 in Bergen.") ==
        V{"4,000 in Bergen"});
}

TEST_CASE("The sentence's own clause runs to its first figure", "[figure_clauses]") {
  // The name and its apposition before the first figure stay with it.
  CHECK(Clauses("Ann Lee from the Ata Party, the third candidate, received 5.17 percent, "
                "while Bo Kim of the Home Party got 0.44 percent.") ==
        V{"while Bo Kim of the Home Party got 0.44 percent"});
  CHECK(Clauses("According to the union, 2.8 million marched, 400,000 of them in Oslo.") ==
        V{"400,000 of them in Oslo"});
}

TEST_CASE("A dash joining a name to its figure is no cut", "[figure_clauses]") {
  // "Jones\u201444.8 percent": the dash pairs the name with its figure.
  const V got = Clauses("Smith has won 51.2 percent, rival Ann Jones\xE2\x80\x94"
                        "44.8 percent, and Lee Park\xE2\x80\x94" "4.1 percent.");
  CHECK(got == V{"rival Ann Jones\xE2\x80\x94" "44.8 percent",
                 "and Lee Park\xE2\x80\x94" "4.1 percent"});
  // A spaced dash still opens a clause.
  CHECK(Clauses("Some 9,000 marched in Oslo \xE2\x80\x94 4,000 in Bergen.") == V{"4,000 in Bergen"});
}
