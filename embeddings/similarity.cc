// Scoring with the pair-similarity combiner (similarity.h) and its JSON form; fitting is
// in analyzer/training/similarity_trainer.cc.
#include "embeddings/similarity.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <utility>

namespace diverge::embeddings {

std::string_view BuiltinSimilarityWeightsJson();  // generated from weights/similarity.json

namespace {
// Expand()'s length without the vector features: base features and their pairwise products.
constexpr size_t kExpandedBase =
    kNumSimilarityFeatures + kNumSimilarityFeatures * (kNumSimilarityFeatures + 1) / 2;

// Identity on [0.05, 0.95], smoothly and strictly monotonically compressed into (0, 1)
// outside, so the ranking of out-of-range predictions is kept (no ties at 0 or 1).
double Squash(double s) {
  if (s > 0.95) return 0.95 + 0.05 * std::tanh((s - 0.95) / 0.05);
  if (s < 0.05) return 0.05 - 0.05 * std::tanh((0.05 - s) / 0.05);
  return s;
}
}  // namespace

std::vector<double> SimilarityCombiner::Expand(const SimilarityFeatures& f) {
  std::vector<double> out(f.base.begin(), f.base.end());
  for (int i = 0; i < kNumSimilarityFeatures; ++i) {
    for (int j = i; j < kNumSimilarityFeatures; ++j) out.push_back(double(f[i]) * f[j]);
  }
  out.insert(out.end(), f.vec.begin(), f.vec.end());
  return out;
}

SimilarityFeatures ClaimFeatures(const SimilarityFeatures& f) {
  // (feature, its "agree" value); order_discord: a list or clauses in another order;
  // wordnet_antonyms: reported by the antonym detector.
  static constexpr std::pair<int, float> kAgree[] = {
      {FeatureIndex("numbers"), 1.0f},          {FeatureIndex("negation_mismatch"), 0.0f},
      {FeatureIndex("negation_diff"), 0.0f},    {FeatureIndex("wordnet_antonyms"), 0.0f},
      {FeatureIndex("order_discord"), 0.0f}};
  static_assert(std::all_of(std::begin(kAgree), std::end(kAgree),
                            [](const std::pair<int, float>& a) { return a.first >= 0; }),
                "ClaimFeatures names a feature that kSimilarityFeatureNames lacks");
  SimilarityFeatures agreed = f;
  for (const auto& [index, value] : kAgree) agreed[index] = value;
  return agreed;
}

SimilarityCombiner::SimilarityCombiner(RidgeWeights ridge, learning::BoostedTrees trees)
    : ridge_(std::move(ridge)), trees_(std::move(trees)) {
  Prepare();
}

SimilarityCombiner SimilarityCombiner::Builtin() {
  static const SimilarityCombiner builtin = [] {
    auto c = FromJson(BuiltinSimilarityWeightsJson(), "embeddings/weights/similarity.json");
    return c.ok() ? *c : SimilarityCombiner();
  }();
  return builtin;
}

Result<SimilarityCombiner> SimilarityCombiner::FromJson(std::string_view json,
                                                        const std::string& name) {
  SimilarityCombiner c;
  try {
    auto j = nlohmann::json::parse(json);
    auto features = j.at("features").get<std::vector<std::string>>();
    if (features.empty()) return c;  // untrained
    if (features.size() != kNumSimilarityFeatures) {
      return Status::Corruption(name + ": expected " + std::to_string(kNumSimilarityFeatures) +
                                " features, found " + std::to_string(features.size()));
    }
    for (int i = 0; i < kNumSimilarityFeatures; ++i) {
      if (features[i] != kSimilarityFeatureNames[i]) {
        return Status::Corruption(name + ": feature " + std::to_string(i) + " is '" + features[i] +
                                  "', expected '" + std::string(kSimilarityFeatureNames[i]) + "'");
      }
    }
    if (j.value("hidden", 0) != 0) {
      return Status::Corruption(name + ": a network combiner (hidden > 0) is not supported");
    }
    RidgeWeights& r = c.ridge_;
    r.mean = j.at("mean").get<std::vector<double>>();
    r.scale = j.at("scale").get<std::vector<double>>();
    r.weights = j.at("weights").get<std::vector<double>>();
    r.bias = j.at("bias").get<double>();
    r.vec_size = j.value("vec_size", 0);
    c.note = j.value("note", "");
    Result<learning::BoostedTrees> trees =
        learning::BoostedTrees::FromJson(j, kNumSimilarityFeatures, name);
    if (!trees.ok()) return trees.status();
    c.trees_ = std::move(*trees);
    const size_t expanded = kExpandedBase + size_t(std::max(r.vec_size, 0));
    if (r.mean.size() != expanded || r.scale.size() != expanded ||
        r.weights.size() != expanded) {
      return Status::Corruption(name + ": weight vectors must have " + std::to_string(expanded) +
                                " entries");
    }
  } catch (const std::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  c.Prepare();
  return c;
}

std::string SimilarityCombiner::ToJson() const {
  nlohmann::json j;
  j["version"] = 1;
  j["model"] =
      "ridge regression on standardised base features and their pairwise products, plus "
      "boosted regression trees on the base features fitting its residuals";
  j["features"] =
      std::vector<std::string>(kSimilarityFeatureNames.begin(), kSimilarityFeatureNames.end());
  j["vec_size"] = ridge_.vec_size;
  j["hidden"] = 0;  // no hidden layer: read by older builds
  if (!trees_.empty()) {
    // Split values as float: the file stays small, scores change below 1e-6.
    j.update(trees_.ToJson(learning::Rounding::kFloat, learning::Rounding::kFloat));
  }
  j["mean"] = ridge_.mean;
  j["scale"] = ridge_.scale;
  j["weights"] = ridge_.weights;
  j["bias"] = ridge_.bias;
  j["note"] = note;
  // One top-level key a line, each value compact (the tree arrays are long).
  std::string out = "{\n";
  bool first = true;
  for (const auto& [key, value] : j.items()) {
    out += (first ? "" : ",\n") + nlohmann::json(key).dump() + ": " + value.dump();
    first = false;
  }
  return out + "\n}\n";
}

double SimilarityCombiner::LinearScore(const SimilarityFeatures& f) const {
  // The dot product with the standardised Expand(f), without materialising it.
  const double* w = folded_.data();
  double s = folded_bias_;
  for (int i = 0; i < kNumSimilarityFeatures; ++i) s += *w++ * f[i];
  for (int i = 0; i < kNumSimilarityFeatures; ++i) {
    const double fi = f[i];
    for (int j = i; j < kNumSimilarityFeatures; ++j) s += *w++ * (fi * f[j]);
  }
  for (float v : f.vec) s += *w++ * v;
  return s;
}

float SimilarityCombiner::Score(const SimilarityFeatures& f) const {
  if (!trained() || kExpandedBase + f.vec.size() != ridge_.mean.size()) {
    return std::max(f[0], 0.0f);  // untrained, or a model of other dims
  }
  return static_cast<float>(Squash(LinearScore(f) + trees_.Margin(f)));
}

void SimilarityCombiner::ScoreBoth(const SimilarityFeatures& f, const SimilarityFeatures& g,
                                   float* score_f, float* score_g) const {
  if (!trained() || kExpandedBase + f.vec.size() != ridge_.mean.size()) {
    *score_f = Score(f);
    *score_g = Score(g);
    return;
  }
  double tf = 0, tg = 0;
  trees_.MarginBoth(f, g, &tf, &tg);
  *score_f = static_cast<float>(Squash(LinearScore(f) + tf));
  *score_g = static_cast<float>(Squash(LinearScore(g) + tg));
}

void SimilarityCombiner::Prepare() {
  folded_.assign(ridge_.weights.size(), 0.0);
  folded_bias_ = ridge_.bias;
  for (size_t i = 0; i < ridge_.weights.size(); ++i) {
    folded_[i] = ridge_.weights[i] / ridge_.scale[i];
    folded_bias_ -= folded_[i] * ridge_.mean[i];
  }
}

}  // namespace diverge::embeddings
