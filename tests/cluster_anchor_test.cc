// Anchored links (analyzer/cluster/anchor_links.h): which names count as anchors, acronym
// aliases, and when two statements sharing a rare name are linked.
#include <atomic>
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

// Rows with documents and explicit pair scores (absent = 0); first-stage groups and
// anchored candidate pairs given directly.
struct Fixture {
  std::vector<int32_t> doc;
  std::map<std::pair<int32_t, int32_t>, float> scores;  // (min, max) -> score; absent = 0
  std::vector<char> eligible;
  std::vector<std::vector<int32_t>> groups;
  std::vector<std::pair<int32_t, int32_t>> candidates;
  cluster::AnchorOptions options{.min_score = 0.29f};
  mutable std::atomic<int> calls{0};

  int32_t Add(int32_t d) {
    doc.push_back(d);
    eligible.push_back(1);
    return static_cast<int32_t>(doc.size()) - 1;
  }
  // A candidate pair with its score.
  void Link(int32_t i, int32_t j, float s) {
    Score(i, j, s);
    candidates.push_back({i, j});
  }
  void Score(int32_t i, int32_t j, float s) { scores[{std::min(i, j), std::max(i, j)}] = s; }
  std::vector<std::vector<int32_t>> Run(int threads = 1) const {
    cluster::PairScore score = [this](int32_t i, int32_t j) {
      ++calls;
      auto it = scores.find({std::min(i, j), std::max(i, j)});
      return it == scores.end() ? 0.f : it->second;
    };
    return cluster::AttachAnchored(groups, candidates, doc, eligible, score, {}, options, threads);
  }
};

using Groups = std::vector<std::vector<int32_t>>;

}  // namespace

TEST_CASE("Two left-out statements sharing a rare name pair up at a moderate score",
          "[cluster][anchor]") {
  Fixture f;
  const int32_t a = f.Add(0), b = f.Add(1);
  f.Link(a, b, 0.40f);
  CHECK(f.Run() == Groups{{a, b}});
  CHECK(f.Run(2) == Groups{{a, b}});

  SECTION("below min_score: no link") {
    f.options.min_score = 0.45f;
    CHECK(f.Run().empty());
  }
  SECTION("same document: no link") {
    f.doc[b] = 0;
    CHECK(f.Run().empty());
  }
  SECTION("an ineligible statement (no claim words) links to nothing") {
    f.eligible[b] = 0;
    CHECK(f.Run().empty());
  }
}

TEST_CASE("A left-out statement joins a claim only when close to the claim as a whole",
          "[cluster][anchor]") {
  Fixture f;
  const int32_t a = f.Add(0), b = f.Add(1), x = f.Add(2);
  f.groups = {{a, b}};
  f.Score(a, b, 0.8f);
  f.Link(x, b, 0.5f);  // x shares a rare name with b

  SECTION("mean to the claim (0.5 + 0.2) / 2 >= 0.29: joins") {
    f.Score(x, a, 0.2f);
    CHECK(f.Run() == Groups{{a, b, x}});
  }
  SECTION("chaining case: close to b, far from a, mean 0.25: stays out") {
    CHECK(f.Run() == Groups{{a, b}});
  }
  SECTION("two first-stage claims linked by a shared name never merge") {
    const int32_t c = f.Add(3), d = f.Add(4);
    f.groups.push_back({c, d});
    f.Link(b, c, 0.9f);
    f.Score(x, a, 0.2f);
    CHECK(f.Run() == Groups{{a, b, x}, {c, d}});
  }
}

TEST_CASE("Anchored links keep only mutual best matches per document", "[cluster][anchor]") {
  Fixture f;
  const int32_t p = f.Add(0), q = f.Add(1), r = f.Add(1), s = f.Add(2);
  f.Link(p, q, 0.6f);  // p's best in document 1
  f.Link(p, r, 0.5f);  // weaker: no link
  f.Link(r, s, 0.7f);  // s's best in document 1 is r
  f.Link(p, s, 0.2f);  // below min_score
  CHECK(f.Run() == Groups{{p, q}, {r, s}});
  // p-s strong enough and mutual best across documents 0 and 2: s's group {r, s} is formed
  // first (0.7); p-q next (0.6), then p already has a group: the groups never merge.
  f.Link(p, s, 0.45f);
  CHECK(f.Run() == Groups{{p, q}, {r, s}});
}

TEST_CASE("The anchored stage compares a joining statement with at most kMaxCompared members",
          "[cluster][anchor]") {
  Fixture f;
  std::vector<int32_t> big;
  for (size_t i = 0; i < 3 * cluster::kMaxCompared; ++i)
    big.push_back(f.Add(static_cast<int32_t>(i)));
  f.groups = {big};
  const int32_t x = f.Add(100000);
  f.Link(x, big.back(), 0.9f);
  for (int32_t m : big) f.Score(x, m, 0.5f);
  CHECK(f.Run() == Groups{[&] {
          std::vector<int32_t> all = big;
          all.push_back(x);
          return all;
        }()});
  // The candidate's score plus at most kMaxCompared member scores.
  CHECK(f.calls <= static_cast<int>(cluster::kMaxCompared) + 1);
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
