#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analyzer/text/vocabulary_tokenizer.h"

using namespace diverge;

namespace {
std::vector<std::string> Texts(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& t : text::TokenizeForVocabulary(s)) out.push_back(t.text);
  return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("tokenizer lowercases and splits punctuation GloVe-style", "[tokenizer]") {
  CHECK(Texts("The Cat sat, quietly.") == V{"the", "cat", "sat", ",", "quietly", "."});
  CHECK(Texts("\"Hello!\"") == V{"\"", "hello", "!", "\""});
}

TEST_CASE("tokenizer splits clitics and normalises curly apostrophes", "[tokenizer]") {
  CHECK(Texts("don't") == V{"do", "n't"});
  CHECK(Texts("don\xE2\x80\x99t") == V{"do", "n't"});
  CHECK(Texts("can't won't") == V{"can", "n't", "will", "n't"});
  CHECK(Texts("John's car") == V{"john", "'s", "car"});
  CHECK(Texts("the parents' house") == V{"the", "parents", "house"});
  CHECK(Texts("they're here") == V{"they", "'re", "here"});
  CHECK(Texts("\xE2\x80\x9CQuoted\xE2\x80\x9D") == V{"\"", "quoted", "\""});
}

TEST_CASE("tokenizer marks negation", "[tokenizer]") {
  auto toks = text::TokenizeForVocabulary("He did not go and never will; cannot stop. No way.");
  int neg = 0;
  for (const auto& t : toks) neg += t.kind == text::VocabTokenKind::kNegation;
  CHECK(neg == 4);  // not, never, not (from cannot), no
  auto t2 = text::TokenizeForVocabulary("isn't");
  REQUIRE(t2.size() == 2);
  CHECK(t2[0].text == "is");
  CHECK(t2[1].kind == text::VocabTokenKind::kNegation);
}

TEST_CASE("tokenizer canonicalises numbers", "[tokenizer]") {
  auto toks = text::TokenizeForVocabulary("It cost $1,200.50, up 45% in 2019 (3.0 times).");
  std::vector<std::string> nums;
  for (const auto& t : toks) {
    if (t.kind == text::VocabTokenKind::kNumber) nums.push_back(t.text);
  }
  CHECK(nums == V{"1200.5", "45%", "2019", "3"});
  CHECK(Texts("the 1990s") == V{"the", "1990s"});
}

TEST_CASE("tokenizer keeps hyphenated words and abbreviations whole", "[tokenizer]") {
  CHECK(Texts("a well-known U.S. firm") == V{"a", "well-known", "u.s.", "firm"});
  CHECK(Texts("2015-2016") == V{"2015", "-", "2016"});
  CHECK(Texts("wait \xE2\x80\x94 now") == V{"wait", "-", "now"});
}

TEST_CASE("tokenizer flags capitalised non-initial words", "[tokenizer]") {
  auto toks = text::TokenizeForVocabulary("Officials in Paris met Merkel.");
  REQUIRE(toks.size() == 6);
  CHECK_FALSE(toks[0].capitalized);  // sentence-initial
  CHECK(toks[2].capitalized);
  CHECK(toks[4].capitalized);
  CHECK_FALSE(toks[3].capitalized);
}
