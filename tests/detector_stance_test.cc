// The claim/article stance pieces: features, the two-stage model and its grouped CV
// (the boosted trees themselves: learning_test.cc).
#include <catch2/catch.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/stance_cues.h"
#include "analyzer/divergence/stance_features.h"
#include "analyzer/divergence/stance_model.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/training/stance_trainer.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::S;
using training::FitStance;
using training::StanceExample;
using training::StanceSearch;
using training::StanceTrainResult;
using training::TrainStance;

std::vector<Side> Sentences(const std::string& text) {
  std::vector<Side> out;
  for (auto [b, e] : text::SplitSentences(text)) out.push_back(S(text.substr(b, e - b)));
  return out;
}

double Feature(const StanceFeatures& f, std::string_view name) {
  for (size_t i = 0; i < kStanceFeatureNames.size(); ++i) {
    if (kStanceFeatureNames[i] == name) return f[i];
  }
  FAIL("no feature " << name);
  return 0;
}

const char* kRefuting =
    "A story about a shark swimming in a flooded street went viral on Monday. The photo of the "
    "shark in the street is a hoax, experts said. It was fabricated from two older pictures. "
    "The city denied any shark was seen. No evidence supports the claim.";
const char* kSupporting =
    "A shark was filmed swimming in a flooded street on Monday. Residents watched the shark "
    "from their windows. The city confirmed the sighting. Officials asked people to stay "
    "indoors while the water recedes.";

TEST_CASE("stance features see refuting words in the sentences about the claim",
          "[detector][stance]") {
  Side claim = S("Shark swims in flooded city street");
  StanceEvidence ev;
  StanceFeatures refute = ComputeStanceFeatures(claim, Sentences(kRefuting), {}, {}, &ev);
  StanceFeatures support = ComputeStanceFeatures(claim, Sentences(kSupporting), {}, {});
  CHECK(Feature(refute, "refute_body") > 0);
  CHECK(Feature(refute, "fake_body") > 0);
  CHECK(Feature(refute, "no_evidence") > 0);
  CHECK(Feature(support, "refute_body") == 0);
  CHECK(Feature(support, "fake_body") == 0);
  CHECK(Feature(refute, "coverage") > 0.5);
  // evidence: a refuting word, cut from one of the article's sentences
  auto sentences = Sentences(kRefuting);
  REQUIRE(ev.body_sentence >= 0);
  std::string cue = sentences[size_t(ev.body_sentence)].text.substr(
      ev.body_begin, ev.body_end - ev.body_begin);
  CHECK(IsRefutation(cue));
  CHECK(claim.text.substr(ev.claim_begin, ev.claim_end - ev.claim_begin) == "Shark");
  // an unrelated article covers little of the claim
  StanceFeatures unrelated = ComputeStanceFeatures(
      claim, Sentences("The bank raised interest rates. Markets fell. Bonds rallied."), {}, {});
  CHECK(Feature(unrelated, "coverage") < 0.2);
}

TEST_CASE("stance features: cues in the most claim-like sentence, numbers, negation scope",
          "[detector][stance]") {
  Side claim = S("Shark swims in flooded city street");
  StanceFeatures refute = ComputeStanceFeatures(claim, Sentences(kRefuting), {}, {});
  StanceFeatures support = ComputeStanceFeatures(claim, Sentences(kSupporting), {}, {});
  // the refuting sentence repeats "shark" and "street": its coverage counts
  CHECK(Feature(refute, "refute_cov_max") > 0.3);
  CHECK(Feature(support, "refute_cov_max") == 0);
  CHECK(Feature(refute, "refute_first") > 0);
  CHECK(Feature(support, "refute_first") == 0);
  CHECK(Feature(support, "support_body") > 0);  // "confirmed"
  CHECK(Feature(refute, "deny_body") > 0);       // "denied"
  // a negation right before a claim word
  StanceFeatures negated = ComputeStanceFeatures(
      claim, Sentences("No shark swims in the flooded street. The city said so."), {}, {});
  CHECK(Feature(negated, "neg_near_shared") > 0);
  CHECK(Feature(negated, "best_negated") == 1);
  CHECK(Feature(support, "neg_near_shared") == 0);
  // the claim's own cues
  StanceFeatures hoax = ComputeStanceFeatures(S("Is the shark in the street a hoax?"),
                                              Sentences(kSupporting), {}, {});
  CHECK(Feature(hoax, "refute_claim") == 1);
  CHECK(Feature(hoax, "question_claim") == 1);
  CHECK(Feature(support, "question_claim") == 0);
  // numbers of the claim missing from the article
  StanceFeatures nums = ComputeStanceFeatures(
      S("Storm kills 12 in flooded city"),
      Sentences("The storm killed 3 people in the city. Floods hit 2,000 homes."), {}, {});
  CHECK(Feature(nums, "numbers_missing") == 1.0);
  StanceFeatures same = ComputeStanceFeatures(
      S("Storm floods 2000 homes"), Sentences("The storm flooded 2,000 homes in the city."), {}, {});
  CHECK(Feature(same, "numbers_missing") == 0.0);
}

TEST_CASE("stance cue lists", "[detector][stance]") {
  CHECK(IsFakeWord("hoax"));
  CHECK(IsFakeWord("staged"));
  CHECK_FALSE(IsFakeWord("real"));
  CHECK(IsDenyWord("denied"));
  CHECK_FALSE(IsDenyWord("said"));
  CHECK(IsContrastWord("however"));
  CHECK(IsRumourWord("viral"));
  CHECK(IsSupportWord("confirmed"));
  CHECK_FALSE(IsSupportWord("denied"));
  auto t = text::Tokenize("There is no evidence that it is not true.");
  size_t phrases = 0;
  for (size_t i = 0; i < t.size(); ++i) phrases += IsNoEvidencePhrase(t, i);
  CHECK(phrases == 2);
  CHECK_FALSE(IsNoEvidencePhrase(text::Tokenize("no dogs"), 0));
}

// Synthetic examples: related when x[1] is high; refuting (among related) when x[3] is
// high and x[6] is 0, or x[3] is low and x[6] is 1 (an interaction a linear model misses).
std::vector<StanceExample> Synthetic(int n) {
  std::vector<StanceExample> out;
  for (int i = 0; i < n; ++i) {
    StanceExample e;
    double a = double((i * 37) % 101) / 100.0, b = double((i * 53) % 97) / 96.0;
    e.x[1] = a;
    e.x[3] = b;
    e.x[6] = double((i * 29) % 3 == 0);
    e.x[5] = double((i * 11) % 7);  // noise
    e.y.related = a > 0.4;
    e.y.refutes = e.y.related && ((b > 0.6) != (e.x[6] == 1));
    e.label = e.y.refutes ? "disagree" : e.y.related ? "discuss" : "unrelated";
    e.group = "g" + std::to_string(i / 3);
    out.push_back(e);
  }
  return out;
}

StanceParams SmallParams() {
  StanceParams p;
  p.related.trees = 30;
  p.related.depth = 2;
  p.refutes.trees = 60;
  p.refutes.depth = 3;
  p.refutes.min_hessian = 1;
  return p;
}

TEST_CASE("the two-stage stance model learns related-then-refutes and round-trips",
          "[detector][stance]") {
  auto ex = Synthetic(900);
  std::vector<StanceFeatures> x;
  std::vector<StanceLabels> y;
  for (const auto& e : ex) x.push_back(e.x), y.push_back(e.y);
  StanceModel m = FitStance(x, y, SmallParams());
  REQUIRE(m.trained());
  size_t right = 0;
  for (const auto& e : ex) right += (m.Probability(e.x) >= 0.5) == e.y.refutes;
  CHECK(double(right) / double(ex.size()) > 0.9);
  // unrelated examples get a low P(related)
  for (const auto& e : ex) {
    if (e.x[1] < 0.2) CHECK(m.RelatedProbability(e.x) < 0.5);
  }
  auto back = StanceModel::FromJson(m.ToJson(), "test");
  REQUIRE(back.ok());
  CHECK(back->Probability(ex[7].x) == Approx(m.Probability(ex[7].x)).margin(1e-6));
  CHECK(back->ToJson() == m.ToJson());
  CHECK_FALSE(StanceModel::FromJson("{\"features\": [\"x\"]}", "bad.json").ok());
  CHECK_FALSE(StanceModel::FromJson("{}", "empty").value().trained());
}

TEST_CASE("grouped cross-validation reports an out-of-sample F1", "[detector][stance]") {
  auto ex = Synthetic(900);
  StanceSearch search;
  search.related = SmallParams().related;
  search.refutes = {SmallParams().refutes};
  search.checkpoints = {20, 60};
  StanceTrainResult r = TrainStance(ex, 3, search);
  CHECK(r.cv_f1 > 0.8);
  CHECK(r.cv_f1 <= 1.0);
  CHECK(r.cv_related_accuracy > 0.9);
  CHECK(r.model.trained());
  CHECK(r.report.find("fold 2") != std::string::npos);
  size_t pairs = 0;
  for (const auto& [label, counts] : r.cv_by_label) pairs += counts.first;
  CHECK(pairs == ex.size());
  // labels unrelated to the features: no skill out of sample
  for (size_t i = 0; i < ex.size(); ++i) {
    ex[i].y.related = (i * 7919) % 3 != 0;
    ex[i].y.refutes = ex[i].y.related && (i * 104729) % 4 == 0;
  }
  StanceTrainResult noise = TrainStance(ex, 3, search);
  CHECK(noise.cv_f1 < 0.5);
}

// News-length articles (the model learned on FNC-1 bodies of a few hundred words).
const char* kLongDebunk =
    "A photo that appears to show a shark swimming down a flooded street has been shared "
    "thousands of times since the storm hit on Monday. The image, which shows the fin of a shark "
    "beside a submerged car, was posted by several accounts that claimed it was taken on the "
    "city's main highway. But the picture is a hoax. The same image has circulated after nearly "
    "every major hurricane, and experts say it was fabricated by combining a photograph of a "
    "flooded road with an older picture of a shark taken off the coast. City officials said they "
    "had received no reports of sharks in the flood water. \"There is no shark in the street,\" a "
    "spokesman for the mayor told reporters on Tuesday. Fact-checking websites have repeatedly "
    "debunked the photo. Residents were urged to stay indoors while the water recedes.";
const char* kLongConfirm =
    "A shark was filmed swimming in a flooded street on Monday, according to residents who "
    "shared the video on social media. The footage shows the animal moving between parked cars "
    "as water rose after the storm. City officials confirmed the sighting on Tuesday and said "
    "wildlife officers had been called to the area. \"We have confirmed that a shark was seen in "
    "the flooded street,\" a spokesman for the mayor told reporters. Experts said sharks can be "
    "carried inland by storm surges in rare cases. Residents were urged to stay indoors while the "
    "water recedes. The video has been viewed more than a million times.";

TEST_CASE("compare: the shipped stance model flags a news-length debunking, not a confirmation",
          "[detector][stance]") {
  if (!StanceModel::Builtin().trained()) {
    WARN("skipped: no trained stance weights");
    return;
  }
  const char* claim = "Shark swims in flooded city street";
  auto contradictions = [&](const char* article) {
    size_t n = 0;
    for (const auto& d : divergence::ComparePair(claim, article, std::nullopt, std::nullopt,
                                                 divergence::DetectOptions{})) {
      n += report::IsContradictionKind(d.kind);
    }
    return n;
  };
  CHECK(contradictions(kLongDebunk) >= 1);
  CHECK(contradictions(kLongConfirm) == 0);
}

TEST_CASE("compare: the shipped stance model ranks a debunking above a confirmation",
          "[detector][stance]") {
  const StanceModel& model = StanceModel::Builtin();
  if (!model.trained()) {
    WARN("skipped: no trained stance weights");
    return;
  }
  const char* claim = "Shark swims in flooded city street";
  double p_refute = model.Probability(
      divergence::ClaimArticleFeatures(claim, kRefuting, divergence::DetectOptions{}));
  double p_support = model.Probability(
      divergence::ClaimArticleFeatures(claim, kSupporting, divergence::DetectOptions{}));
  CHECK(p_refute > p_support);
  // an article the model does not find refuting yields no contradiction-type divergence
  for (const auto& d : divergence::ComparePair(claim, kSupporting, std::nullopt, std::nullopt,
                                               divergence::DetectOptions{})) {
    CHECK_FALSE(report::IsContradictionKind(d.kind));
  }
}

TEST_CASE("the shipped stance weights are in the one tree JSON form, written back byte for byte",
          "[detector][stance][learning]") {
  const std::string path =
      std::string(DIVERGE_SOURCE_DIR) + "/analyzer/divergence/weights/stance.json";
  Result<std::string> text = ReadFile(path);
  REQUIRE(text.ok());
  Result<StanceModel> m = StanceModel::FromJson(*text, path);
  REQUIRE(m.ok());
  REQUIRE(m->trained());
  CHECK(m->ToJson() == *text);
}

}  // namespace
}  // namespace diverge::divergence
