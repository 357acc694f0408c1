// Sentence segmentation (analyzer/text/sentences.h) on news-text cases.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analyzer/text/sentences.h"
#include "analyzer/text/utf8.h"

using namespace diverge;

namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const text::Span& s : text::SplitSentences(text)) {
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Segmentation: 40 news-text cases", "[segment]") {
  struct Case {
    const char* name;
    std::string text;
    V want;
  };
  const std::vector<Case> cases = {
      {"two plain sentences", "The bloc met. It agreed.", V{"The bloc met.", "It agreed."}},
      {"question and exclamation", "Is it over? No! It goes on.",
       V{"Is it over?", "No!", "It goes on."}},
      {"U.S. inside a sentence", "The U.S. State Department said so.",
       V{"The U.S. State Department said so."}},
      {"U.S. ending a sentence before an opener", "He flew to the U.S. The talks began.",
       V{"He flew to the U.S.", "The talks began."}},
      {"Gen. before a name", "Gen. Ivanov arrived. He spoke.",
       V{"Gen. Ivanov arrived.", "He spoke."}},
      {"Mr. and Mrs.", "Mr. Smith and Mrs. Jones met Dr. Who.",
       V{"Mr. Smith and Mrs. Jones met Dr. Who."}},
      {"month abbreviation before a day", "It opens on Dec. 3 in Minsk.",
       V{"It opens on Dec. 3 in Minsk."}},
      {"No. before a number", "Resolution No. 5 passed. It was close.",
       V{"Resolution No. 5 passed.", "It was close."}},
      {"Inc. mid-sentence", "Apple Inc. said profits rose.", V{"Apple Inc. said profits rose."}},
      {"Inc. at sentence end", "He works for Apple Inc. The firm grew.",
       V{"He works for Apple Inc.", "The firm grew."}},
      {"initials", "J. R. R. Tolkien wrote it. Readers loved it.",
       V{"J. R. R. Tolkien wrote it.", "Readers loved it."}},
      {"middle initial", "George W. Bush spoke. Then he left.",
       V{"George W. Bush spoke.", "Then he left."}},
      {"decimal", "Growth was 1.5 percent. Prices rose.",
       V{"Growth was 1.5 percent.", "Prices rose."}},
      {"thousands separator", "Some 2,000 troops came. More followed.",
       V{"Some 2,000 troops came.", "More followed."}},
      {"straight quote after full stop", "\"We agree.\" The minister left.",
       V{"\"We agree.\"", "The minister left."}},
      {"curly quote after full stop", "\xE2\x80\x9CWe agree.\xE2\x80\x9D The minister left.",
       V{"\xE2\x80\x9CWe agree.\xE2\x80\x9D", "The minister left."}},
      {"quote then lowercase attribution", "\"Is it over?\" he asked.",
       V{"\"Is it over?\" he asked."}},
      {"em dash without spaces", "Cyber crime\xE2\x80\x94this is new. We act.",
       V{"Cyber crime\xE2\x80\x94this is new.", "We act."}},
      {"spaced en dash", "Six states \xE2\x80\x93 Russia among them \xE2\x80\x93 agreed.",
       V{"Six states \xE2\x80\x93 Russia among them \xE2\x80\x93 agreed."}},
      {"headline without full stop then text", "CSTO Holds Summit\nThe leaders met.",
       V{"CSTO Holds Summit", "The leaders met."}},
      {"dateline line", "31 March 2021, 10:38\nA meeting was held.",
       V{"31 March 2021, 10:38", "A meeting was held."}},
      {"blank line ends a sentence", "First part\n\nsecond part.", V{"First part", "second part."}},
      {"wrapped line joins", "The secretary general said\nthat the bloc would act.",
       V{"The secretary general said\nthat the bloc would act."}},
      {"line ending in comma joins", "Russia, Belarus,\nArmenia and others agreed.",
       V{"Russia, Belarus,\nArmenia and others agreed."}},
      {"ellipsis then capital", "He waited... Nothing came.", V{"He waited...", "Nothing came."}},
      {"ellipsis then lowercase", "He waited... and waited.", V{"He waited... and waited."}},
      {"unicode ellipsis", "He waited\xE2\x80\xA6 Nothing came.",
       V{"He waited\xE2\x80\xA6", "Nothing came."}},
      {"e.g. continues", "Threats, e.g. hacking, grow.", V{"Threats, e.g. hacking, grow."}},
      {"p.m. before a name", "At 5 p.m. Moscow time it ended.",
       V{"At 5 p.m. Moscow time it ended."}},
      {"number ends sentence", "It was founded in 1992. Six states joined.",
       V{"It was founded in 1992.", "Six states joined."}},
      {"non-breaking space after full stop", "It ended.\xC2\xA0The next began.",
       V{"It ended.", "The next began."}},
      {"no space after full stop", "Visit example.com today.", V{"Visit example.com today."}},
      {"lowercase after full stop", "The vote was 5 vs. 4 in favour.",
       V{"The vote was 5 vs. 4 in favour."}},
      {"sentence starting with a digit", "They met. 2,000 soldiers came.",
       V{"They met.", "2,000 soldiers came."}},
      {"sentence starting with a quote", "He spoke. \xE2\x80\x9CWe act,\xE2\x80\x9D he said.",
       V{"He spoke.", "\xE2\x80\x9CWe act,\xE2\x80\x9D he said."}},
      {"bracket after full stop", "It passed (by 5 votes.) Then it stalled.",
       V{"It passed (by 5 votes.)", "Then it stalled."}},
      {"question mark inside quote ends", "He asked: \"Why?\" Nobody knew.",
       V{"He asked: \"Why?\"", "Nobody knew."}},
      {"Sen. and St.", "Sen. Brown visited St. Petersburg. He left.",
       V{"Sen. Brown visited St. Petersburg.", "He left."}},
      {"trailing whitespace trimmed", "  One sentence.  \n", V{"One sentence."}},
      {"punctuation-only pieces dropped", "It ended.\n\n***\n\n- - -", V{"It ended."}},
      {"Cyrillic capital starts a sentence",
       "It ended. \xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB5 began.",
       V{"It ended.", "\xD0\x9D\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB5 began."}},
      {"empty text", "", V{}},
  };
  REQUIRE(cases.size() >= 30);
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Split(c.text) == c.want);
  }
}

TEST_CASE("Segmentation spans are trimmed and ordered", "[segment]") {
  const std::string text = "  A first one.\n\n  A second one!  Third?  ";
  const auto spans = text::SplitSentences(text);
  REQUIRE(spans.size() == 3);
  size_t prev_end = 0;
  for (const auto& s : spans) {
    CHECK(s.begin >= prev_end);
    CHECK(s.begin < s.end);
    CHECK(text[s.begin] != ' ');
    CHECK(text[s.end - 1] != ' ');
    prev_end = s.end;
  }
}

TEST_CASE("Soft line breaks", "[segment]") {
  CHECK(text::IsSoftLineBreak("the official said", "that it would"));
  CHECK(text::IsSoftLineBreak("Russia, Belarus,", "Armenia"));
  CHECK_FALSE(text::IsSoftLineBreak("CSTO Holds Summit", "The leaders met."));
  CHECK_FALSE(text::IsSoftLineBreak("It ended.", "and then"));
}

TEST_CASE("Whitespace folding", "[segment]") {
  CHECK(text::FoldWhitespace("  a \t b\n\nc  ") == "a b c");
  CHECK(text::FoldWhitespace("a\xC2\xA0\xE2\x80\xAF"
                             "b\xE2\x80\x89"
                             "c") == "a b c");
  CHECK(text::FoldWhitespace("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  std::vector<size_t> map;
  const std::string folded = text::FoldWithMap("  ab  c ", &map);
  CHECK(folded == "ab c");
  REQUIRE(map.size() == folded.size() + 1);
  CHECK(map[0] == 2);
  CHECK(map[2] == 6);  // the folded space maps to the next word
  CHECK(map.back() == 7);
}
