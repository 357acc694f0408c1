// Claim spans: lists mentioned in passing become statements of their own.
#include "analyzer/ingest/claim_spans.h"

#include <catch2/catch.hpp>
#include <string>

#include "analyzer/text/sentences.h"

using namespace diverge;

namespace {
std::vector<std::string> Lists(const std::string& sentence) {
  std::vector<std::string> out;
  for (const text::Span& s : ingest::FindListSpans(sentence)) {
    out.push_back(sentence.substr(s.begin, s.end - s.begin));
  }
  return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("A parenthetical list is a claim span", "[claim_spans]") {
  CHECK(Lists("The ministers of the partner countries (France, Spain, Italy and Portugal) met "
              "in Lisbon on Monday.") == V{"France, Spain, Italy and Portugal"});
  CHECK(Lists("All of the members \xE2\x80\x93 Chile, Peru, Brazil and Uruguay \xE2\x80\x93 "
              "face the same problem.") == V{"Chile, Peru, Brazil and Uruguay"});
  CHECK(Lists("The partners -- Chile, Peru and Brazil -- agreed.") == V{"Chile, Peru and Brazil"});
}

TEST_CASE("A list followed by more of the sentence is a claim span", "[claim_spans]") {
  CHECK(Lists("Delegates from France, Spain and Italy signed the accord on Friday.") ==
        V{"France, Spain and Italy"});
  CHECK(Lists("France, Spain, Italy and Portugal have agreed to cooperate more closely.") ==
        V{"France, Spain, Italy and Portugal"});
  // Multi-word items and an Oxford comma.
  CHECK(Lists("Envoys of South Korea, New Zealand, and Japan arrived in Seoul last night.") ==
        V{"South Korea, New Zealand, and Japan"});
  // Non-breaking spaces stay inside the span's bytes.
  CHECK(Lists("Ministers from France,\xC2\xA0Spain and\xC2\xA0Italy met in Rome today.") ==
        V{"France,\xC2\xA0Spain and\xC2\xA0Italy"});
}

TEST_CASE("A list that is what the sentence says yields no span", "[claim_spans]") {
  CHECK(Lists("The union has four members: France, Spain, Italy and Portugal.").empty());
  CHECK(
      Lists("In addition to France, the union is composed of Spain, Italy and Portugal.").empty());
  CHECK(Lists("France, Spain and Italy.").empty());  // the whole sentence is the list
}

TEST_CASE("Too short or open lists are not spans", "[claim_spans]") {
  CHECK(Lists("Officials from France and Spain met in Madrid on Tuesday.").empty());
  CHECK(Lists("Officials from France, Spain, Italy met in Madrid on Tuesday.").empty());
  CHECK(Lists("Prices rose in 2011, 2012 and 2013 across the region, officials said.").empty());
  CHECK(Lists("").empty());
}

TEST_CASE("List words are runs of text between list marks, read from the text layer",
          "[claim_spans]") {
  // "&" and "-" stay inside a word; a curly apostrophe separates words ("O’Neill" is two
  // capitalised words, still one item); an en dash opens the parenthetical list.
  CHECK(Lists("The carriers \xE2\x80\x93 AT&T, T-Mobile, Verizon and O\xE2\x80\x99Neill Mobile "
              "\xE2\x80\x93 have agreed to share masts.") ==
        V{"AT&T, T-Mobile, Verizon and O\xE2\x80\x99Neill Mobile"});
  // A number's comma is no list comma: "2,000" is one token of the text layer.
  CHECK(Lists("Some 2,000 troops from Chile, Peru, Brazil and Uruguay arrived in the city on "
              "Monday.") == V{"Chile, Peru, Brazil and Uruguay"});
}
