// Stories: documents grouped by the terms they share, without chaining.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "analyzer/cluster/stories.h"
#include "analyzer/pipeline/claim_slots.h"

using namespace diverge;
using cluster::StoryTerm;

namespace {
std::vector<StoryTerm> Terms(const std::string& words) {
  std::vector<StoryTerm> out;
  std::istringstream in(words);
  std::string w;
  while (in >> w) out.push_back({w, 5.0f});
  return out;
}
}  // namespace

TEST_CASE("Two stories that share a name stay apart", "[stories]") {
  // Story A: a border clash; story B: a trade deal. Both mention "china".
  std::vector<std::vector<StoryTerm>> docs = {
      Terms("china india border clash soldier kill valley patrol army"),
      Terms("india china clash soldier valley army casualty border"),
      Terms("china tariff trade deal export minister sign agreement"),
      Terms("trade agreement tariff export deal sign minister commerce"),
      Terms("border patrol clash valley soldier army india casualty")};
  const std::vector<int32_t> story = cluster::GroupStories(docs, cluster::StoryOptions{});
  REQUIRE(story.size() == 5);
  CHECK(story[0] == story[1]);
  CHECK(story[0] == story[4]);
  CHECK(story[2] == story[3]);
  CHECK(story[0] != story[2]);
}

TEST_CASE("A document joins a story by its mean similarity, not a chain", "[stories]") {
  // 0~1 and 1~2 share terms, 0 and 2 share none: 2 must not join through 1 alone.
  std::vector<std::vector<StoryTerm>> docs = {Terms("alpha beta gamma delta"),
                                              Terms("alpha beta gamma delta eps zeta eta theta"),
                                              Terms("eps zeta eta theta")};
  cluster::StoryOptions options;
  options.min_similarity = 0.5;
  const std::vector<int32_t> story = cluster::GroupStories(docs, options);
  CHECK(story[0] == story[1]);
  CHECK(story[2] != story[0]);
}

TEST_CASE("Document similarity is symmetric and bounded", "[stories]") {
  std::vector<std::vector<StoryTerm>> docs = {Terms("a b c"), Terms("a b c"), Terms("x y z")};
  const auto pairs = cluster::DocumentSimilarities(docs, cluster::StoryOptions{});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].a == 0);
  CHECK(pairs[0].b == 1);
  CHECK(pairs[0].similarity == Approx(1.0f));
}

TEST_CASE("Words every document holds weigh less than words two documents share", "[stories]") {
  // Documents 0 and 1 share x and y. In the second folder every document holds them, so
  // they say less about a shared story and the pair is less similar.
  const cluster::StoryOptions options;
  auto sim01 = [&](const std::vector<std::vector<StoryTerm>>& docs) {
    for (const auto& p : cluster::DocumentSimilarities(docs, options)) {
      if (p.a == 0 && p.b == 1) return p.similarity;
    }
    return -1.0f;
  };
  const float rare = sim01({Terms("x y a"), Terms("x y b"), Terms("c d"), Terms("e f")});
  const float common = sim01({Terms("x y a"), Terms("x y b"), Terms("x y c d"), Terms("x y e f")});
  CHECK(rare > 0);
  CHECK(common > 0);
  CHECK(common < rare);
}

TEST_CASE("A term held by one document only is damped, not dropped", "[stories]") {
  const std::vector<std::vector<StoryTerm>> docs = {Terms("x y a b c d"), Terms("x y e f g h")};
  cluster::StoryOptions undamped;
  undamped.singleton_weight = 1.0;
  const cluster::StoryOptions damped;  // singleton_weight 0.25
  const auto u = cluster::DocumentSimilarities(docs, undamped);
  const auto d = cluster::DocumentSimilarities(docs, damped);
  REQUIRE(u.size() == 1);
  REQUIRE(d.size() == 1);
  CHECK(d[0].similarity > u[0].similarity);
  CHECK(d[0].similarity < 0.99f);  // the unshared terms still count
}

TEST_CASE("Figures about different named things are different claims", "[claim_slots]") {
  const std::vector<std::string> names;
  auto p = [&](const char* t) { return pipeline::MakeSlotProfile(t, names); };
  // Different places: different slots.
  CHECK(pipeline::SlotConflict(p("At least 9,000 people marched in Bergen."),
                               p("Police counted 4,500 marchers in Oslo.")));
  // A shared place (with a spelling variant) and a demonym: same slot.
  CHECK_FALSE(pipeline::SlotConflict(p("About 9,000 people marched in Marseille."),
                                     p("In all 9,500 marched in Marseilles.")));
  CHECK_FALSE(pipeline::SlotConflict(p("As many as 35 Chinese troops died."),
                                     p("Officials said China lost 43 soldiers.")));
  // Accents fold: Erdoğan = Erdogan.
  CHECK_FALSE(pipeline::SlotConflict(p("Erdo\xC4\x9F"
                                       "an won 49.5 percent."),
                                     p("President Erdogan took 49.51 percent of the vote.")));
  // A cited source is not the slot: "according to X" names who counted, not what.
  CHECK_FALSE(pipeline::SlotConflict(p("Some 1.1 million marched, according to the Ministry."),
                                     p("The total was 2 million in France.")));
  // Figures about different places conflict even when both statements name Smith.
  CHECK(pipeline::SlotConflict(
      p("Smith led the parade in the north, and 400,000 people marched in Bergen."),
      p("Smith led marches in the south, and 2 million people demonstrated in Norway.")));
  CHECK_FALSE(pipeline::SlotConflict(
      p("Smith led the parade in the north, and 400,000 people marched in Bergen."),
      p("Smith led the parade, where 450,000 people marched in Bergen.")));
  // A name run shared in part is not shown to be another thing: "the Indian Army" and
  // "Indian" (the head, army, differs).
  CHECK_FALSE(pipeline::SlotConflict(
      p("An Indian Army officer and two soldiers were killed in the valley."),
      p("Twenty Indian soldiers were killed in a violent face-off.")));
  // "More" opening a sentence is no name.
  CHECK(p("More than 2 million people demonstrated in France.").names ==
        std::vector<std::string>{"france"});
  // Without a figure on both sides there is no slot to conflict.
  CHECK_FALSE(pipeline::SlotConflict(p("Talks were held in Oslo."), p("9,000 marched in Bergen.")));
}

TEST_CASE("A story and its follow-up are one family, not one story", "[stories]") {
  // 0~1 and 1~2 are alike, 0 and 2 share nothing: average linkage keeps 2 out of the
  // story of 0 and 1, single linkage at the same threshold puts it in their family.
  std::vector<std::vector<StoryTerm>> docs = {Terms("alpha beta gamma delta"),
                                              Terms("alpha beta gamma delta eps zeta eta theta"),
                                              Terms("eps zeta eta theta"), Terms("omega psi chi")};
  cluster::StoryOptions options;
  options.min_similarity = 0.5;
  std::vector<int32_t> family;
  const std::vector<int32_t> story = cluster::GroupStories(docs, options, 2, &family);
  REQUIRE(family.size() == 4);
  CHECK(story[2] != story[0]);
  CHECK(family[0] == family[1]);
  CHECK(family[2] == family[0]);
  CHECK(family[3] != family[0]);
  CHECK(family[0] == 0);  // numbered by smallest document
}

TEST_CASE("Figures tied to the same name and thing fill one slot", "[claim_slots]") {
  const std::vector<std::string> names;
  auto p = [&](const char* t) { return pipeline::MakeSlotProfile(t, names); };
  // The same candidate's share, worded apart.
  CHECK(pipeline::SlotMatch(p("compared to 42% for Kilicdaroglu"),
                            p("and Kılıçdaroğlu 44.85 percent of votes")));
  // Another candidate's share is another slot.
  CHECK_FALSE(pipeline::SlotMatch(p("Erdogan won 49.5% of the vote"),
                                  p("compared to 42% for Kilicdaroglu")));
  // A bare figure fills a count of the same order, not one a hundred times smaller,
  // and never a share.
  CHECK(pipeline::SlotMatch(p("30,000 in Toulouse"), p("at least 36,000 people marched in Toulouse")));
  CHECK_FALSE(pipeline::SlotMatch(p("including 80,000 in Paris"),
                                  p("There were over 200 demonstrations in Paris")));
  CHECK_FALSE(pipeline::SlotMatch(p("30,000 in Toulouse"), p("Turnout in Toulouse was 30%")));
  // A figure with no name nearby has no slot; a cited source is not the slot's name.
  CHECK(p("the turnout was 88 percent").slots.empty());
  CHECK_FALSE(pipeline::SlotMatch(p("The CGT said 2 million marched"),
                                  p("The CGT said 400,000 marched in Bordeaux")));
  // Month names are dates, not names.
  CHECK(p("26,000 on January 19").slots.empty());
  // A figure is about the head of its name: a title or a demonym before it is not.
  // Counts of one event: a name word in common is enough ("Chinese" / "Chinese Army").
  CHECK(pipeline::SlotMatch(p("As many as 35 Chinese troops died in the clash"),
                            p("the Chinese Army suffered 35 casualties in the clash")));
  // A name attached by "from" / "of" belongs to the name before it.
  CHECK(pipeline::SlotMatch(p("The third candidate, Sinan Ogan from the Ata Alliance, got 5.17 percent"),
                            p("and third candidate Sinan Ogan got 5.2%")));
  // Heads alike, the rest of the names apart: two armies.
  CHECK_FALSE(pipeline::SlotMatch(p("the Indian Army lost 20 soldiers in the clash"),
                                  p("the Chinese Army lost 35 soldiers in the clash")));
  // A figure far from any name is about the subject of its clause.
  CHECK(pipeline::SlotMatch(
      p("In the end Erdogan emerged victorious in the first round of elections with 49.52%"),
      p("President Erdogan took 49.5 percent of the vote")));
  // Counts of one event with no name nearby fill one slot ("the death toll"); a figure of
  // no event and no name fills none.
  CHECK(pipeline::SlotMatch(p("the death toll rose to 820 on Tuesday"),
                            p("at least 1,037 people died, officials said")));
  CHECK_FALSE(pipeline::SlotMatch(p("the death toll rose to 820 on Tuesday"),
                                  p("at least 1,037 people were injured, officials said")));
  // A running count (the dead, ...) with no name and one about a name fill one slot when
  // the values are of one order; not a count a hundred times smaller. Marchers are
  // counted city by city, so a nameless count of them fills no named slot.
  CHECK(pipeline::SlotMatch(p("the death toll has risen to 2,012, officials said"),
                            p("The quake killed 820 people in Morocco")));
  CHECK_FALSE(pipeline::SlotMatch(p("the death toll has risen to 2,012, officials said"),
                                  p("The quake killed 12 people in Marrakesh")));
  CHECK_FALSE(
      pipeline::SlotMatch(p("the unions said 2 million people had marched across the country"),
                          p("The ministry counted 1.12 million demonstrators in Norway")));
  CHECK_FALSE(
      pipeline::SlotMatch(p("The count gave Turkish President Erdogan 49.90 percent"),
                          p("No candidate got more than 50 percent of the votes in Turkey")));
  CHECK_FALSE(pipeline::SlotMatch(p("The count gave President Erdogan 52 percent"),
                                  p("The count gave President Macron 43 percent")));
  CHECK(pipeline::SlotMatch(p("The count gave Turkish President Erdogan 49.90 percent"),
                            p("The count gave President Erdogan 52 percent")));
  // A reporting verb cut off by punctuation cites nobody: Erdogan is the slot's name.
  CHECK(pipeline::SlotMatch(
      p("With 98% of votes counted, Erdogan, who has been in power since 2003, secured 49.34%"),
      p("President Erdogan took 49.5 percent of the vote")));
  // Counts of one event about one name fill one slot whatever noun each counts; a count
  // of an event and a count of none, or of another event, do not.
  CHECK(pipeline::SlotMatch(p("As many as 35 Chinese troops died in the clash"),
                            p("More than 43 Chinese soldiers were killed, ANI said")));
  CHECK_FALSE(pipeline::SlotMatch(p("As many as 35 Chinese troops died in the clash"),
                                  p("Chinese troops numbering over 350 joined")));
  CHECK_FALSE(pipeline::SlotMatch(p("Twenty Indian soldiers were killed"),
                                  p("Four Indian soldiers were injured")));
}

TEST_CASE("Dates of one founding or signing about a shared name fill one slot", "[claim_slots]") {
  const std::vector<std::string> names;
  auto p = [&](const char* t) { return pipeline::MakeSlotProfile(t, names); };
  const auto founded = p("The Northern Trade League was founded in Oslo on March 3, 1994.");
  CHECK(founded.dated_acts == std::vector<std::string>{"founding"});
  // Another word for the act, another date, one name in common.
  CHECK(pipeline::SlotMatch(founded,
                            p("The league was established in 1996 by the Northern Trade Pact.")));
  // Another name: another founding.
  CHECK_FALSE(pipeline::SlotMatch(founded, p("The Baltic Rail Union was formed in 1996.")));
  // An undated act, or a dated act of the story's own kind (a death), fills no slot.
  CHECK(p("The Northern Trade League was founded by nine states.").dated_acts.empty());
  CHECK(p("Two Northern Trade League guards died on March 3, 1994.").dated_acts.empty());
  // An attributive year dates nothing ("the 1994 Northern Trade League").
  CHECK(p("The bank was founded under the 1994 Northern Trade League charter.").dated_acts.empty());
  // Rows that date one act share a bucket.
  const std::vector<pipeline::SlotProfile> rows = {
      founded, p("The league was established in 1996 by the Northern Trade Pact.")};
  CHECK(pipeline::SlotMatchPairs(rows, {0, 0}, {0, 1}, 200) ==
        std::vector<std::pair<int32_t, int32_t>>{{0, 1}});
}

TEST_CASE("Slot pairs stay inside a family and cross documents only", "[claim_slots]") {
  const std::vector<std::string> names;
  std::vector<pipeline::SlotProfile> profiles = {
      pipeline::MakeSlotProfile("Sinan Ogan got 5.2 percent", names),
      pipeline::MakeSlotProfile("Sinan Ogan received 5.17 percent of the votes", names),
      pipeline::MakeSlotProfile("Then Ogan won 5.28 percent", names),
      pipeline::MakeSlotProfile("Candidate Ogan took 5 percent", names)};
  const std::vector<int32_t> family = {0, 0, 1, 0};
  const std::vector<int32_t> doc = {0, 1, 2, 0};
  const auto pairs = pipeline::SlotMatchPairs(profiles, family, doc, 200);
  // (0,1) one family, two documents; (1,3); not (0,3): one document; nothing with 2.
  CHECK(pairs == std::vector<std::pair<int32_t, int32_t>>{{0, 1}, {1, 3}});
  // A bucket larger than the cap is a topic, not a slot.
  CHECK(pipeline::SlotMatchPairs(profiles, family, doc, 1).empty());
}

TEST_CASE("Counts of protesters and of demonstrators fill one slot", "[claim_slots]") {
  const std::vector<std::string> names;
  auto p = [&](const char* t) { return pipeline::MakeSlotProfile(t, names); };
  const auto protesters = p("More than 2 million protesters marched in Norway on Thursday");
  const auto marchers = p("The ministry counted 1.12 million demonstrators in Norway");
  // Both count demonstrators (the event, numeric_detector.h), with or without WordNet.
  CHECK(pipeline::SlotMatch(protesters, marchers));
  // Without WordNet, other referents match only when equal.
  CHECK_FALSE(pipeline::SlotMatch(p("More than 2 million people lined the route in Norway"),
                                  p("The ministry counted 1.12 million visitors in Norway")));
  const embeddings::WordSenses* senses = embeddings::WordSenses::Default();
  if (senses == nullptr) {
    WARN("WordNet not installed: the WordNet case is not checked");
    return;
  }
  const pipeline::ReferentsAlike alike = pipeline::WordNetReferents(senses);
  CHECK(pipeline::SlotMatch(protesters, marchers, alike));
  // Other kinds of thing stay apart: demonstrations are not demonstrators, police
  // officers are persons but not the demonstrators, and a share is never a count.
  CHECK_FALSE(pipeline::SlotMatch(marchers, p("There were 200 demonstrations in Norway"), alike));
  CHECK_FALSE(pipeline::SlotMatch(p("2 million people marched in Norway"),
                                  p("10,000 police officers were mobilized in Norway"), alike));
  CHECK_FALSE(pipeline::SlotMatch(protesters, p("Turnout in Norway was 30 percent"), alike));
}
