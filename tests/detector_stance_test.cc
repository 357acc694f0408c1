// The claim/article stance pieces: features, the logistic model and its grouped CV.
#include <catch2/catch.hpp>

#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/stance_features.h"
#include "analyzer/divergence/stance_model.h"
#include "analyzer/divergence/stance_train.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::S;

std::vector<Side> Sentences(const std::string& text) {
  std::vector<Side> out;
  for (auto [b, e] : SplitSentences(text)) out.push_back(S(text.substr(b, e - b)));
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

// Synthetic examples: positive when feature 3 (refute_body) is high and 1 (coverage) is.
std::vector<StanceExample> Synthetic(int n) {
  std::vector<StanceExample> out;
  for (int i = 0; i < n; ++i) {
    StanceExample e;
    double a = double((i * 37) % 101) / 100.0, b = double((i * 53) % 97) / 96.0;
    e.x[1] = a;
    e.x[3] = b;
    e.x[5] = double((i * 11) % 7);  // noise
    e.refutes = a * b > 0.45;
    e.group = "g" + std::to_string(i / 3);
    out.push_back(e);
  }
  return out;
}

TEST_CASE("the stance model learns a separable rule and round-trips as JSON",
          "[detector][stance]") {
  auto ex = Synthetic(600);
  std::vector<StanceFeatures> x;
  std::vector<bool> y;
  for (const auto& e : ex) x.push_back(e.x), y.push_back(e.refutes);
  StanceModel m = StanceModel::Fit(x, y, 0.01);
  REQUIRE(m.trained());
  size_t right = 0;
  for (const auto& e : ex) right += (m.Probability(e.x) >= 0.5) == e.refutes;
  CHECK(double(right) / double(ex.size()) > 0.9);
  auto back = StanceModel::FromJson(m.ToJson(), "test");
  REQUIRE(back.ok());
  CHECK(back->Probability(ex[7].x) == Approx(m.Probability(ex[7].x)).margin(1e-6));
  CHECK_FALSE(StanceModel::FromJson("{\"features\": [\"x\"]}", "bad.json").ok());
  CHECK_FALSE(StanceModel::FromJson("{}", "empty").value().trained());
}

TEST_CASE("grouped cross-validation reports an out-of-sample F1", "[detector][stance]") {
  auto ex = Synthetic(600);
  StanceTrainResult r = TrainStance(ex, 3, {0.01, 1.0});
  CHECK(r.cv_f1 > 0.8);
  CHECK(r.cv_f1 <= 1.0);
  CHECK(r.model.trained());
  CHECK(r.report.find("fold 2") != std::string::npos);
  // labels unrelated to the features: no skill out of sample
  for (size_t i = 0; i < ex.size(); ++i) ex[i].refutes = (i * 7919) % 5 == 0;
  StanceTrainResult noise = TrainStance(ex, 3, {1.0});
  CHECK(noise.cv_f1 < 0.5);
}

TEST_CASE("compare: the shipped stance model ranks a debunking above a confirmation",
          "[detector][stance]") {
  const StanceModel& model = StanceModel::Builtin();
  if (!model.trained()) {
    WARN("skipped: no trained stance weights");
    return;
  }
  const char* claim = "Shark swims in flooded city street";
  double p_refute = model.Probability(ClaimArticleFeatures(claim, kRefuting, DetectOptions{}));
  double p_support = model.Probability(ClaimArticleFeatures(claim, kSupporting, DetectOptions{}));
  CHECK(p_refute > p_support);
  // an article the model does not find refuting yields no contradiction-type divergence
  for (const auto& d :
       ComparePair(claim, kSupporting, std::nullopt, std::nullopt, DetectOptions{})) {
    CHECK_FALSE(IsContradictionKind(d.kind));
  }
}

}  // namespace
}  // namespace diverge::divergence
