// Pair-similarity building blocks: the inflection stemmer, WordNet senses (skipped when
// WordNet is not installed), the learned combiner's JSON round trip, and the features
// claim_score agrees.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/training/similarity_trainer.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sif_encoder.h"
#include "embeddings/similarity.h"
#include "embeddings/word_senses.h"
#include "embeddings/wordnet_db.h"

using namespace diverge;
using training::FitCombiner;
using training::ParseCombinerConfig;

TEST_CASE("inflection stems join word forms and keep derivations apart", "[embeddings][stem]") {
  CHECK(text::InflectionStem("playing") == text::InflectionStem("plays"));
  CHECK(text::InflectionStem("played") == "play");
  CHECK(text::InflectionStem("running") == text::InflectionStem("runs"));
  CHECK(text::InflectionStem("dancing") == text::InflectionStem("dance"));
  CHECK(text::InflectionStem("puppies") == "puppy");
  CHECK(text::InflectionStem("boxes") == "box");
  CHECK(text::InflectionStem("glasses") == "glass");
  CHECK(text::InflectionStem("player") != text::InflectionStem("play"));
  CHECK(text::InflectionStem("string") == "string");  // no vowel before -ing: not a suffix
  CHECK(text::InflectionStem("bus") == "bus");
  CHECK(text::InflectionStem("Dogs") == "Dogs");  // not lowercase ASCII: unchanged
}

TEST_CASE("WordNet senses give synonyms, hypernyms and antonyms", "[embeddings][wordnet]") {
  const embeddings::WordSenses* wn = embeddings::WordSenses::Default();
  if (wn == nullptr) {
    WARN("WordNet not installed (wordnet-base): skipped");
    return;
  }
  CHECK(wn->lemmas() > 50000);  // single-word lemmas of WordNet 3.0: about 83k
  auto rel = [&](const char* a, const char* b) {
    return embeddings::Relate(wn->Lookup(a), wn->Lookup(b));
  };
  CHECK(rel("talking", "speaking") == embeddings::WordRelation::kSynonym);
  CHECK(rel("slicing", "cutting") == embeddings::WordRelation::kHypernym);
  CHECK(rel("big", "small") == embeddings::WordRelation::kAntonym);  // satellite "big" via its head
  CHECK(rel("guitar", "economy") == embeddings::WordRelation::kNone);
  CHECK(rel("zzxq", "guitar") == embeddings::WordRelation::kNone);
  CHECK(wn->Lookup("zzxq").empty());

  auto missing = embeddings::WordSenses::Load("/nonexistent-wordnet-dir");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("/nonexistent-wordnet-dir/index.noun"));
}

TEST_CASE("one WordNet database serves the similarity and the detectors", "[embeddings][wordnet]") {
  const embeddings::WordNetDb* db = embeddings::WordNetDb::Default();
  if (db == nullptr) {
    WARN("WordNet not installed (wordnet-base): skipped");
    return;
  }
  auto candidates = [&](const char* word) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& c : db->Morphy(word)) out.emplace_back(c.lemma, c.pos_mask);
    return out;
  };
  using C = std::pair<std::string, int>;
  auto has = [](const std::vector<C>& v, const C& c) {
    return std::find(v.begin(), v.end(), c) != v.end();
  };
  CHECK(has(candidates("running"), C{"run", 2}));      // doubled consonant, verbs only
  CHECK(has(candidates("player"), C{"play", 4}));      // -er reaches adjectives only
  CHECK_FALSE(has(candidates("player"), C{"play", 2}));
  CHECK(has(candidates("geese"), C{"goose", 0xf}));    // the exception list
  CHECK(candidates("cat").front() == C{"cat", 0xf});   // the form itself first
  // The similarity's view over the same database.
  REQUIRE(embeddings::WordSenses::Default() != nullptr);
  CHECK(embeddings::WordSenses::Default()->lemmas() > 50000);
  const auto& index = db->index();
  REQUIRE(index.count("guitar"));
  CHECK(embeddings::WordNetDb::PosOf(index.at("guitar").front()) == 0);  // a noun
}

TEST_CASE("the combiner with boosted trees survives a JSON round trip", "[embeddings][combiner]") {
  // A synthetic target with an interaction the trees have to pick up.
  std::vector<embeddings::SimilarityFeatures> xs;
  std::vector<float> ys;
  for (int i = 0; i < 400; ++i) {
    embeddings::SimilarityFeatures f;
    for (int k = 0; k < embeddings::kNumSimilarityFeatures; ++k) {
      f[k] = static_cast<float>(((i * 7919 + k * 104729) % 1000) / 1000.0);
    }
    xs.push_back(f);
    ys.push_back(0.5f * f[0] + (f[1] > 0.5f && f[3] > 0.5f ? 0.3f : 0.0f));
  }
  auto config = ParseCombinerConfig("lambda=1,trees=40,depth=3,shrink=0.1,leaf=10");
  REQUIRE(config.ok());
  CHECK(config->trees == 40);
  CHECK(config->min_leaf == 10);
  CHECK_FALSE(ParseCombinerConfig("trees=x").ok());
  CHECK_FALSE(ParseCombinerConfig("colour=3").ok());

  embeddings::SimilarityCombiner c = FitCombiner(xs, ys, *config);
  auto back = embeddings::SimilarityCombiner::FromJson(c.ToJson(), "round-trip.json");
  REQUIRE(back.ok());
  double max_diff = 0;
  for (const auto& f : xs) max_diff = std::max(max_diff, double(std::fabs(c.Score(f) - back->Score(f))));
  CHECK(max_diff < 1e-4);  // tree splits are stored as float
  CHECK(back->ToJson() == c.ToJson());

  // A child pointing backwards (a cycle) is rejected, naming the file.
  auto json = nlohmann::json::parse(c.ToJson());
  REQUIRE(json.at("tree_feature").at(0).get<int>() >= 0);  // the first root splits
  json["tree_left"][0] = 0;
  auto bad = embeddings::SimilarityCombiner::FromJson(json.dump(), "cyclic.json");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("cyclic.json"));
}

TEST_CASE("the shipped similarity weights are written back byte for byte",
          "[embeddings][combiner][learning]") {
  const std::string path = std::string(DIVERGE_SOURCE_DIR) + "/embeddings/weights/similarity.json";
  Result<std::string> text = ReadFile(path);
  REQUIRE(text.ok());
  Result<embeddings::SimilarityCombiner> c = embeddings::SimilarityCombiner::FromJson(*text, path);
  REQUIRE(c.ok());
  REQUIRE(c->trained());
  CHECK(c->ToJson() == *text);
}

TEST_CASE("claim features agree numbers, negation, antonyms and word order",
          "[embeddings][combiner][claim]") {
  embeddings::SimilarityFeatures f;
  for (int i = 0; i < embeddings::kNumSimilarityFeatures; ++i)
    f[i] = 0.25f + 0.01f * static_cast<float>(i);
  embeddings::SimilarityFeatures g = embeddings::ClaimFeatures(f);
  CHECK(g[embeddings::FeatureIndex("numbers")] == 1.0f);
  CHECK(g[embeddings::FeatureIndex("negation_mismatch")] == 0.0f);
  CHECK(g[embeddings::FeatureIndex("negation_diff")] == 0.0f);
  CHECK(g[embeddings::FeatureIndex("wordnet_antonyms")] == 0.0f);
  CHECK(g[embeddings::FeatureIndex("order_discord")] == 0.0f);
  int changed = 0;
  for (int i = 0; i < embeddings::kNumSimilarityFeatures; ++i) changed += g[i] != f[i];
  CHECK(changed == 5);  // nothing else moves
  CHECK(embeddings::FeatureIndex("no such feature") == -1);
}

TEST_CASE("the same member list in another order is the same claim",
          "[embeddings][claim]") {
  if (!std::filesystem::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("default model missing (" << DIVERGE_DEFAULT_MODEL << "): scripts/fetch-model.sh");
    return;
  }
  Result<std::unique_ptr<embeddings::EmbeddingModel>> model =
      embeddings::EmbeddingModel::Load(DIVERGE_DEFAULT_MODEL);
  REQUIRE(model.ok());
  embeddings::SifEncoder enc(**model);
  const embeddings::EncodedSentence a =
      enc.Encode("Russia, Armenia, Belarus, Kazakhstan and Tajikistan are members.");
  const embeddings::EncodedSentence b =
      enc.Encode("Tajikistan, Kazakhstan, Belarus, Armenia and Russia are members.");
  embeddings::PairSimilarity s = enc.Similarity(a, b);
  CHECK(s.features[embeddings::FeatureIndex("order_discord")] > 0.5f);  // the order is reversed
  // claim_score is the combiner on the agreed features, and the order costs it nothing.
  CHECK(s.claim_score == Approx(embeddings::SimilarityCombiner::Builtin().Score(
                             embeddings::ClaimFeatures(s.features))));
  CHECK(s.claim_score > s.score);
  CHECK(s.claim_score >= pipeline::AnalyzeOptions{}.threshold);  // analyze clusters the two
  // ClaimScore, what the clustering calls, is the same number bit for bit.
  const char* texts[] = {"The death toll rose to 820 on Saturday.",
                         "At least 1,037 people did not survive the quake.",
                         "Officials said the toll had risen to 2,012 by Sunday night.",
                         "A big earthquake struck Morocco."};
  for (const char* x : texts) {
    for (const char* y : texts) {
      const auto ex = enc.Encode(x), ey = enc.Encode(y);
      CHECK(enc.ClaimScore(ex, ey) == enc.Similarity(ex, ey).claim_score);
    }
  }
  CHECK(enc.ClaimScore(a, b) == s.claim_score);
}

TEST_CASE("Set overlaps prepared once per sentence give the features sorted per pair",
          "[embeddings][similarity]") {
  if (!std::filesystem::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("default model not built: skipped");
    return;
  }
  Result<std::unique_ptr<embeddings::EmbeddingModel>> model =
      embeddings::EmbeddingModel::Load(DIVERGE_DEFAULT_MODEL);
  REQUIRE(model.ok());
  embeddings::SifEncoder enc(**model);
  const char* texts[] = {"The death toll rose to 820 on Saturday, officials in Rabat said.",
                         "At least 1,037 people did not survive the quake in Al Haouz.",
                         "Officials said the toll had risen to 2,012 by Sunday night.",
                         "Erdogan won 49.51 percent, while Kilicdaroglu won 44.92 percent.",
                         "Kilicdaroglu won 44.92 percent and Erdogan won 49.51 percent.",
                         "",
                         "the the the",
                         "A big earthquake struck Morocco in 2023."};
  for (const char* x : texts) {
    for (const char* y : texts) {
      const embeddings::EncodedSentence px = enc.Encode(x), py = enc.Encode(y);
      CHECK(px.char3.empty() == px.words.empty());
      CHECK(px.sorted_words.size() == px.words.size());
      embeddings::EncodedSentence ux = px, uy = py;  // as a sentence never prepared
      for (embeddings::EncodedSentence* u : {&ux, &uy}) {
        u->sorted_words.clear(), u->sorted_bigrams.clear(), u->sorted_numbers.clear();
        u->sorted_entities.clear(), u->char3.clear();
      }
      const embeddings::SimilarityFeatures fp = enc.Features(px, py), fu = enc.Features(ux, uy);
      CHECK(fp.base == fu.base);
      CHECK(fp.vec == fu.vec);
    }
  }
}

TEST_CASE("the sense filters change no word relation", "[embeddings][wordnet]") {
  const embeddings::WordSenses* wn = embeddings::WordSenses::Default();
  if (wn == nullptr) {
    WARN("WordNet not installed (wordnet-base): skipped");
    return;
  }
  // Relate as the lists alone decide it.
  auto shares = [](const std::vector<uint32_t>& x, const std::vector<uint32_t>& y) {
    return std::find_first_of(x.begin(), x.end(), y.begin(), y.end()) != x.end();
  };
  auto by_lists = [&](const embeddings::WordSenseSets& a, const embeddings::WordSenseSets& b) {
    if (a.empty() || b.empty()) return embeddings::WordRelation::kNone;
    if (shares(a.synsets, b.synsets)) return embeddings::WordRelation::kSynonym;
    if (shares(a.synsets, b.hypernyms) || shares(a.hypernyms, b.synsets)) {
      return embeddings::WordRelation::kHypernym;
    }
    if (shares(a.antonyms, b.synsets) || shares(a.synsets, b.antonyms)) {
      return embeddings::WordRelation::kAntonym;
    }
    return embeddings::WordRelation::kNone;
  };
  const char* words[] = {"talking", "speaking",  "slicing",      "cutting", "big",   "small",
                         "large",   "guitar",    "economy",      "soldier", "troop", "killed",
                         "died",    "protester", "demonstrator", "march",   "walk",  "rise",
                         "fall",    "increase",  "officer",      "person",  "army",  "city"};
  int related = 0;
  for (const char* x : words) {
    for (const char* y : words) {
      const embeddings::WordSenseSets& a = *wn->Find(x);
      const embeddings::WordSenseSets& b = *wn->Find(y);
      const embeddings::WordRelation want = by_lists(a, b);
      CHECK(embeddings::Relate(a, b) == want);
      related += want != embeddings::WordRelation::kNone;
    }
  }
  CHECK(related > 30);  // the words do relate: the check is not vacuous
}
