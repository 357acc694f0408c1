// Scoring with the pair-similarity combiner (similarity.h) and its JSON form; fitting is
// in similarity_fit.cc.
#include "embeddings/similarity.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <utility>

namespace diverge {

std::string_view BuiltinSimilarityWeightsJson();  // generated from weights/similarity.json

namespace {
// Identity on [0.05, 0.95], smoothly and strictly monotonically compressed into (0, 1)
// outside, so the ranking of out-of-range predictions is kept (no ties at 0 or 1).
// Expand()'s length without the vector features: base features and their pairwise products.
constexpr size_t kExpandedBase =
    kNumSimilarityFeatures + kNumSimilarityFeatures * (kNumSimilarityFeatures + 1) / 2;

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
    c.mean_ = j.at("mean").get<std::vector<double>>();
    c.scale_ = j.at("scale").get<std::vector<double>>();
    c.weights_ = j.at("weights").get<std::vector<double>>();
    c.bias_ = j.at("bias").get<double>();
    c.note = j.value("note", "");
    c.vec_size_ = j.value("vec_size", 0);
    c.hidden_ = j.value("hidden", 0);
    if (j.contains("tree_roots")) {
      // Node arrays: feature (-1 for a leaf), left child (its right child is left + 1)
      // and split (the threshold of an inner node, the value of a leaf).
      c.tree_roots_ = j.at("tree_roots").get<std::vector<int>>();
      const auto feature = j.at("tree_feature").get<std::vector<int>>();
      const auto left = j.at("tree_left").get<std::vector<int>>();
      const auto split = j.at("tree_split").get<std::vector<double>>();
      const int nodes = static_cast<int>(feature.size());
      bool bad = left.size() != size_t(nodes) || split.size() != size_t(nodes);
      for (int k = 0; !bad && k < nodes; ++k) {
        // Children must come after their parent (no cycles) and features be valid.
        bad = feature[k] >= kNumSimilarityFeatures ||
              (feature[k] >= 0 && (left[k] <= k || left[k] + 1 >= nodes));
        const bool inner = feature[k] >= 0;
        if (!bad) c.nodes_.push_back({inner ? feature[k] : -1, inner ? left[k] : -1, split[k]});
      }
      for (int r : c.tree_roots_) bad = bad || r < 0 || r >= nodes;
      if (bad) return Status::Corruption(name + ": malformed boosted trees");
    }
    if (c.hidden_ > 0) {
      c.w1_ = j.at("w1").get<std::vector<double>>();
      c.b1_ = j.at("b1").get<std::vector<double>>();
      c.w2_ = j.at("w2").get<std::vector<double>>();
    }
    size_t expanded = Expand(SimilarityFeatures{}).size() + c.vec_size_;
    if (c.mean_.size() != expanded || c.scale_.size() != expanded ||
        (c.hidden_ == 0 && c.weights_.size() != expanded) ||
        (c.hidden_ > 0 &&
         (c.w1_.size() != expanded * c.hidden_ || c.b1_.size() != size_t(c.hidden_) ||
          c.w2_.size() != size_t(c.hidden_)))) {
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
  j["vec_size"] = vec_size_;
  j["hidden"] = hidden_;
  if (!tree_roots_.empty()) {
    j["tree_roots"] = tree_roots_;
    std::vector<int> feature, left;
    std::vector<float> split;
    for (const TreeNode& node : nodes_) {
      feature.push_back(node.feature);
      left.push_back(node.left);
      split.push_back(static_cast<float>(node.split));
    }
    j["tree_feature"] = feature;
    j["tree_left"] = left;
    j["tree_split"] = split;
  }
  if (hidden_ > 0) {
    j["model"] =
        "one-hidden-layer ReLU network on standardised base features, their pairwise "
        "products and the vector product/difference features";
    j["w1"] = w1_;
    j["b1"] = b1_;
    j["w2"] = w2_;
  }
  j["mean"] = mean_;
  j["scale"] = scale_;
  j["weights"] = weights_;
  j["bias"] = bias_;
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
  if (!folded_.empty()) {
    // The dot product with Expand(f), without materialising it.
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
  std::vector<double> x = Expand(f);
  for (size_t i = 0; i < x.size(); ++i) x[i] = (x[i] - mean_[i]) / scale_[i];
  double s = bias_;
  if (hidden_ == 0) {
    for (size_t i = 0; i < x.size(); ++i) s += weights_[i] * x[i];
  } else {
    const size_t p = x.size();
    for (int h = 0; h < hidden_; ++h) {
      double a = b1_[h];
      const double* w = w1_.data() + h * p;
      for (size_t i = 0; i < p; ++i) a += w[i] * x[i];
      if (a > 0) s += w2_[h] * a;
    }
  }
  return s;
}

float SimilarityCombiner::Score(const SimilarityFeatures& f) const {
  if (!trained()) return std::max(f[0], 0.0f);
  if (kExpandedBase + f.vec.size() != mean_.size()) {
    return std::max(f[0], 0.0f);  // a model of other dims
  }
  return static_cast<float>(Squash(LinearScore(f) + TreesScore(f)));
}

void SimilarityCombiner::ScoreBoth(const SimilarityFeatures& f, const SimilarityFeatures& g,
                                   float* score_f, float* score_g) const {
  if (!trained() || kExpandedBase + f.vec.size() != mean_.size()) {
    *score_f = Score(f);
    *score_g = Score(g);
    return;
  }
  double tf = 0, tg = 0;
  const TreeNode* nodes = nodes_.data();
  for (int root : tree_roots_) {
    int node = root;
    bool differs = false;
    while (nodes[node].feature >= 0) {
      const int k = nodes[node].feature;
      differs = differs || f[k] != g[k];
      node = nodes[node].left + (f[k] <= nodes[node].split ? 0 : 1);
    }
    tf += nodes[node].split;
    if (differs) {
      node = root;
      while (nodes[node].feature >= 0) {
        node = nodes[node].left + (g[nodes[node].feature] <= nodes[node].split ? 0 : 1);
      }
    }
    tg += nodes[node].split;
  }
  *score_f = static_cast<float>(Squash(LinearScore(f) + tf));
  *score_g = static_cast<float>(Squash(LinearScore(g) + tg));
}

void SimilarityCombiner::Prepare() {
  folded_.clear();
  folded_bias_ = bias_;
  if (hidden_ == 0 && weights_.size() == mean_.size()) {
    folded_.resize(weights_.size());
    for (size_t i = 0; i < weights_.size(); ++i) {
      folded_[i] = weights_[i] / scale_[i];
      folded_bias_ -= folded_[i] * mean_[i];
    }
  }
}

double SimilarityCombiner::TreesScore(const SimilarityFeatures& f) const {
  double s = 0;
  const TreeNode* nodes = nodes_.data();
  for (int root : tree_roots_) {
    int node = root;
    while (nodes[node].feature >= 0) {
      node = nodes[node].left + (f[nodes[node].feature] <= nodes[node].split ? 0 : 1);
    }
    s += nodes[node].split;
  }
  return s;
}


}  // namespace diverge
