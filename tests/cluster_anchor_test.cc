// Anchored links (analyzer/cluster/anchor_links.h): which names count as anchors, acronym
// aliases, and when two statements sharing a rare name are linked.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "analyzer/cluster/anchor_links.h"

using namespace diverge;
using Anchors = std::vector<std::string>;

namespace {

Anchors Extract(const std::string& text, const std::vector<std::string>& names = {},
                const std::vector<std::pair<std::string, std::string>>& acronyms = {}) {
  return cluster::ExtractAnchors(text, names, acronyms);
}

bool Has(const Anchors& a, const std::string& x) {
  return std::find(a.begin(), a.end(), x) != a.end();
}

}  // namespace

TEST_CASE("Anchors are case-folded runs of capitalised words", "[cluster][anchor]") {
  Anchors a = Extract("The results of the Operation NIGHTJAR show that the ports remain open.");
  CHECK(a == Anchors{"operation nightjar"});
  // Leading function word dropped, "of" kept inside a name, possessive dropped.
  a = Extract("Delegates of the Union of Northern Ports met in Ostrija’s capital of Velmar.");
  CHECK(Has(a, "union of northern ports"));
  CHECK(Has(a, "ostrija"));
  CHECK(Has(a, "velmar"));
  CHECK(!Has(a, "delegates"));  // a single capitalised word at the start, not a known name
  // Punctuation breaks a run; months and weekdays are no anchors.
  a = Extract("In July, Velmar proposed a treaty on Monday.");
  CHECK(a == Anchors{"velmar"});
  a = Extract("Officials said on Sept. 3 that Velmar and Ostrija met on Oct 5.");
  CHECK(a == Anchors{"ostrija", "velmar"});
}

TEST_CASE("Anchor words come from the text layer's tokens, joined as written",
          "[cluster][anchor]") {
  // A hyphen or apostrophe between touching pieces joins them, digits included.
  Anchors a = Extract("Officials said the Velmar F-16 deal and O'Neill's plan were signed.");
  CHECK(Has(a, "velmar f-16"));
  CHECK(Has(a, "o'neill"));  // the possessive is dropped
  // A soft hyphen is invisible; a registered sign or a middle dot is not part of a name.
  a = Extract("Reporters at Global\xC2\xADPost and Ostrija\xC2\xAE met Velmar\xC2\xB7officials.");
  CHECK(Has(a, "globalpost"));
  CHECK(Has(a, "ostrija"));
  CHECK(Has(a, "velmar"));
  // After « a quoted sentence starts: its first word is no mid-sentence name.
  std::vector<std::string> texts = {"He shouted \xC2\xABMaintain the line!\xC2\xBB twice."};
  CHECK(cluster::MidSentenceNames(texts).empty());
}

TEST_CASE("A sentence-initial single word is an anchor only when it is a name elsewhere",
          "[cluster][anchor]") {
  std::vector<std::string> texts = {"Regrettably, the talks failed.",
                                    "Talks with Ostrija failed.",
                                    "Ostrija left the pact."};
  std::vector<std::string> names = cluster::MidSentenceNames(texts);
  CHECK(names == std::vector<std::string>{"ostrija"});
  // A quoted sentence starts after its opening quote: "More" there is no name.
  CHECK(cluster::MidSentenceNames(
            std::vector<std::string>{
                "The union said \xE2\x80\x9CMore than two million\xE2\x80\x9D marched."})
            .empty());
  CHECK(Extract(texts[0], names).empty());
  CHECK(Extract(texts[2], names) == Anchors{"ostrija"});
}

TEST_CASE("Title-case headlines have no anchors", "[cluster][anchor]") {
  CHECK(Extract("Northern Pact Leaders Tackle Port Crime In Velmar").empty());
  CHECK(!Extract("Northern Pact leaders tackle port crime in Velmar").empty());
}

TEST_CASE("Acronyms defined in parentheses resolve to one anchor", "[cluster][anchor]") {
  std::vector<std::string> texts = {
      "The Northern Defence Pact (NDP), a bloc of five states, met on Monday.",
      "He spoke at the Velmar Port Authority (XYZ) offices.",  // initials do not match
      "The summit (NDP) was short.",                           // no name before it
  };
  auto acronyms = cluster::DefinedAcronyms(texts);
  REQUIRE(acronyms.size() == 1);
  CHECK(acronyms[0] == std::pair<std::string, std::string>{"northern defence pact", "ndp"});
  CHECK(Extract("Members of the Northern Defence Pact are worried.", {}, acronyms) ==
        Anchors{"ndp"});
  CHECK(Extract("Members of the NDP are worried.", {}, acronyms) == Anchors{"ndp"});
}

namespace {

struct Fixture {
  std::vector<Anchors> anchors;
  std::vector<int32_t> doc;
  std::map<std::pair<int32_t, int32_t>, float> scores;  // (min, max) -> score; absent = 0
  std::vector<char> clustered, eligible;
  cluster::AnchorOptions options;

  void Add(int32_t d, Anchors a) {
    anchors.push_back(std::move(a));
    doc.push_back(d);
    clustered.push_back(0);
    eligible.push_back(1);
  }
  void Score(int32_t i, int32_t j, float s) { scores[{std::min(i, j), std::max(i, j)}] = s; }
  std::vector<std::vector<int32_t>> Run() const {
    cluster::PairScore score = [this](int32_t i, int32_t j) {
      auto it = scores.find({std::min(i, j), std::max(i, j)});
      return it == scores.end() ? 0.f : it->second;
    };
    return cluster::AnchoredClusters(anchors, doc, clustered, eligible, score, {}, options);
  }
};

// 40 filler statements so that a name held by 2-4 statements is rare (share 0.10).
Fixture WithFiller() {
  Fixture f;
  for (int i = 0; i < 40; ++i) f.Add(10 + i % 3, {"filler" + std::to_string(i)});
  return f;
}

}  // namespace

TEST_CASE("Two statements sharing a rare name link at a moderate score", "[cluster][anchor]") {
  Fixture f = WithFiller();
  const int32_t a = 40, b = 41;
  f.Add(0, {"operation nightjar"});
  f.Add(1, {"operation nightjar", "velmar"});
  f.Score(a, b, 0.40f);
  CHECK(f.Run() == std::vector<std::vector<int32_t>>{{a, b}});

  SECTION("below min_score: no link") {
    f.options.min_score = 0.45f;
    CHECK(f.Run().empty());
  }
  SECTION("same document: no link") {
    f.doc[b] = 0;
    CHECK(f.Run().empty());
  }
  SECTION("one side already clustered by the first stage: no link") {
    f.clustered[a] = 1;
    CHECK(f.Run().empty());
  }
  SECTION("an ineligible statement (no claim words) links to nothing") {
    f.eligible[b] = 0;
    CHECK(f.Run().empty());
  }
  SECTION("a name on many statements is the story's topic, not an anchor") {
    for (int i = 0; i < 10; ++i) f.anchors[i].push_back("operation nightjar");
    CHECK(f.Run().empty());
  }
}

TEST_CASE("Anchored links keep only mutual best matches per document", "[cluster][anchor]") {
  Fixture f = WithFiller();
  f.Add(0, {"velmar"});  // 40
  f.Add(1, {"velmar"});  // 41: 40's best in document 1
  f.Add(1, {"velmar"});  // 42: weaker
  f.Add(2, {"velmar"});  // 43: document 2
  f.Score(40, 41, 0.6f);
  f.Score(40, 42, 0.5f);
  f.Score(41, 42, 0.9f);  // same document: never a link
  f.Score(40, 43, 0.45f);
  f.Score(42, 43, 0.7f);  // 43's best in document 1 is 42, and 42's best in doc 2 is 43
  f.Score(41, 43, 0.3f);
  // Links 40-41, 40-43 (mutual best across documents 0/2) and 42-43: one connected group.
  CHECK(f.Run() == std::vector<std::vector<int32_t>>{{40, 41, 42, 43}});
  f.Score(40, 43, 0.2f);  // below min_score: 40-41 and 42-43 stay apart
  CHECK(f.Run() == std::vector<std::vector<int32_t>>{{40, 41}, {42, 43}});
}

TEST_CASE("An anchor's rarity is judged within its story, whatever else the folder holds",
          "[cluster][anchor]") {
  // Story 0: 20 statements, "kremlin" held by 2 (rare: at most 10% of 20). Story 1: 10
  // statements, "kremlin" held by 5 (its topic: more than max(2, 10% of 10)).
  std::vector<std::vector<std::string>> anchors(30);
  std::vector<int32_t> story(30, 0);
  for (int i = 20; i < 30; ++i) story[i] = 1;
  for (int i : {3, 11, 20, 21, 22, 23, 24}) anchors[i] = {"kremlin"};
  const std::vector<char> eligible(30, 1);
  const cluster::AnchorOptions options;
  auto by_story = cluster::RareAnchorHolders(anchors, eligible, options, story);
  REQUIRE(by_story.count("kremlin") == 1);
  CHECK(by_story.at("kremlin") == std::vector<int32_t>{3, 11});
  // Judged over the whole folder, 7 holders of 30 are more than 3: a topic everywhere.
  CHECK(cluster::RareAnchorHolders(anchors, eligible, options).count("kremlin") == 0);
  // Story 0 alone gives the same holders as story 0 in the mixed folder.
  std::vector<std::vector<std::string>> alone(anchors.begin(), anchors.begin() + 20);
  auto solo = cluster::RareAnchorHolders(alone, std::vector<char>(20, 1), options,
                                         std::vector<int32_t>(20, 0));
  CHECK(solo.at("kremlin") == by_story.at("kremlin"));
}
