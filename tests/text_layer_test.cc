// The text layer's shared pieces: one partial date for ingest and the detectors, one
// month table, one sentence splitter, one stemmer file.
#include <catch2/catch.hpp>

#include "analyzer/text/dates.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::text {
namespace {

TEST_CASE("A partial date prints as ingest writes it and parses back", "[text][dates]") {
  CHECK(PartialDate{}.ToString().empty());
  CHECK(PartialDate{2021, 0, 0}.ToString() == "2021");
  CHECK(PartialDate{2021, 3, 0}.ToString() == "2021-03");
  CHECK(PartialDate{2021, 3, 31}.ToString() == "2021-03-31");
  for (std::string s : {"2012", "2011-08", "2020-02-29"}) {
    REQUIRE(IsValidPartialDate(s));
    auto d = ParseIsoDate(s);
    REQUIRE(d);
    CHECK(d->ToString() == s);
  }
  CHECK_FALSE(IsValidPartialDate("2021-02-29"));
  CHECK_FALSE(IsValidPartialDate("1700"));
}

TEST_CASE("One month table reads full names, abbreviations and Sept", "[text][dates]") {
  CHECK(MonthNumber("january") == 1);
  CHECK(MonthNumber("jan") == 1);
  CHECK(MonthNumber("sept") == 9);
  CHECK(MonthNumber("september") == 9);
  CHECK(MonthNumber("december") == 12);
  CHECK(MonthNumber("decade") == 0);
}

TEST_CASE("Dates found in tokens resolve against the publication date", "[text][dates]") {
  std::string s = "The treaty was signed on May 15, 1992 and ratified last June.";
  auto found = FindDates(Tokenize(s), PartialDate{2012, 11, 3});
  REQUIRE(found.size() == 2);
  CHECK(found[0].date.ToString() == "1992-05-15");
  CHECK(s.substr(found[0].begin, found[0].end - found[0].begin) == "May 15, 1992");
  CHECK(found[1].date.ToString() == "2012-06");
  CHECK(found[1].relative);
}

TEST_CASE("The sentence splitter keeps abbreviations and offsets", "[text][sentences]") {
  std::string s = "The U.S. State Department spoke. Gen. Smith agreed! It ended";
  auto spans = SplitSentences(s);
  REQUIRE(spans.size() == 3);
  CHECK(s.substr(spans[0].begin, spans[0].end - spans[0].begin) ==
        "The U.S. State Department spoke.");
  CHECK(s.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Gen. Smith agreed!");
  CHECK(s.substr(spans[2].begin, spans[2].end - spans[2].begin) == "It ended");
}

TEST_CASE("The two stems: inflections only, and the detectors' cruder key", "[text][stemmer]") {
  CHECK(InflectionStem("playing") == "play");
  CHECK(InflectionStem("puppies") == "puppy");
  CHECK(InflectionStem("player") == "player");
  CHECK(Singular("servicemen") == "serviceman");
  CHECK(Singular("countries") == "country");
  CHECK(Stem("stated") == Stem("states"));
}

TEST_CASE("Content overlap counts stemmed content words only", "[text][word_lists]") {
  CHECK(IsFunctionWord("the"));
  CHECK_FALSE(IsFunctionWord("troops"));
  auto a = Tokenize("The troops withdrew from the city.");
  auto b = Tokenize("Troops withdraw from a city");
  CHECK(ContentOverlap(a, b) == Approx(2.0 / 4.0));
  CHECK(ContentOverlap(a, Tokenize("of the")) == 0.0);
  // Accents and the dotless i are folded: one name however it is spelt.
  CHECK(ContentOverlap(Tokenize("Erdoğan beat Kılıçdaroğlu"),
                       Tokenize("Erdogan beat Kilicdaroglu")) == Approx(1.0));
  CHECK(ContentOverlap(Tokenize("Erdoğan beat Kılıçdaroğlu"), Tokenize("Erdogan lost")) ==
        Approx(1.0 / 4.0));
}

}  // namespace
}  // namespace diverge::text
