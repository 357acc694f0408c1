#include "learning/boosted_trees.h"

#include <cmath>
#include <limits>

namespace diverge::learning {
namespace {

double Rounded(double v, Rounding r) {
  switch (r) {
    case Rounding::kFloat:
      return static_cast<float>(v);
    case Rounding::kNano:
      return std::round(v * 1e9) / 1e9;
    case Rounding::kExact:
      break;
  }
  return v;
}

}  // namespace

nlohmann::json BoostedTrees::ToJson(Rounding thresholds, Rounding leaves) const {
  std::vector<int> feature, left;
  std::vector<double> split;
  for (const Node& node : nodes_) {
    feature.push_back(node.feature);
    left.push_back(node.left);
    split.push_back(Rounded(node.split, node.feature >= 0 ? thresholds : leaves));
  }
  nlohmann::json j = nlohmann::json::object();
  if (base_ != 0) j["tree_base"] = base_;
  j["tree_roots"] = roots_;
  j["tree_feature"] = feature;
  j["tree_left"] = left;
  j["tree_split"] = split;
  return j;
}

Result<BoostedTrees> BoostedTrees::FromJson(const nlohmann::json& j, size_t num_features,
                                            const std::string& name) {
  BoostedTrees m;
  try {
    m.base_ = j.value("tree_base", 0.0);
    if (!j.contains("tree_roots")) return m;
    m.roots_ = j.at("tree_roots").get<std::vector<int>>();
    const auto feature = j.at("tree_feature").get<std::vector<int>>();
    const auto left = j.at("tree_left").get<std::vector<int>>();
    const auto split = j.at("tree_split").get<std::vector<double>>();
    const int nodes = static_cast<int>(feature.size());
    bool bad = left.size() != size_t(nodes) || split.size() != size_t(nodes);
    for (int k = 0; !bad && k < nodes; ++k) {
      // Children after their parent (no cycles), in range; features the model has.
      const bool inner = feature[k] >= 0;
      bad = (inner && (size_t(feature[k]) >= num_features || left[k] <= k || left[k] + 1 >= nodes));
      if (!bad) m.nodes_.push_back({inner ? feature[k] : -1, inner ? left[k] : -1, split[k]});
    }
    // Trees one after another, the first at node 0.
    for (size_t t = 0; !bad && t < m.roots_.size(); ++t) {
      bad = m.roots_[t] < 0 || m.roots_[t] >= nodes || (t == 0 && m.roots_[t] != 0) ||
            (t > 0 && m.roots_[t] <= m.roots_[t - 1]);
    }
    if (bad) return Status::Corruption(name + ": malformed boosted trees");
    m.Compact();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  return m;
}

void BoostedTrees::Compact() {
  compact_.clear();
  std::vector<CompactNode> out;
  out.reserve(nodes_.size());
  for (size_t k = 0; k < nodes_.size(); ++k) {
    const Node& n = nodes_[k];
    if (n.feature < 0) {
      out.push_back({0.0f, kLeaf, 0});
      continue;
    }
    const size_t to_left = static_cast<size_t>(n.left) - k;
    if (n.left <= static_cast<int32_t>(k) || to_left > 0xFFFF || n.feature >= kLeaf) return;
    float split = static_cast<float>(n.split);  // nearest; step down when it is above
    if (static_cast<double>(split) > n.split) {
      split = std::nextafter(split, -std::numeric_limits<float>::infinity());
    }
    out.push_back({split, static_cast<uint16_t>(n.feature), static_cast<uint16_t>(to_left)});
  }
  compact_ = std::move(out);
}

}  // namespace diverge::learning
