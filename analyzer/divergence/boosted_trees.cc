#include "analyzer/divergence/boosted_trees.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace diverge::divergence {
namespace {

// Cut points of one feature: midpoints between distinct values, at most bins-1 of them,
// placed at quantiles when there are more distinct values than bins.
std::vector<double> Cuts(std::vector<double> v, int bins) {
  std::sort(v.begin(), v.end());
  std::vector<double> distinct;
  for (double x : v) {
    if (distinct.empty() || x != distinct.back()) distinct.push_back(x);
  }
  std::vector<double> cuts;
  auto add_after = [&](double x) {
    auto it = std::upper_bound(distinct.begin(), distinct.end(), x);
    if (it == distinct.end()) return;
    double c = (x + *it) / 2;
    if (cuts.empty() || c > cuts.back()) cuts.push_back(c);
  };
  if (distinct.size() <= size_t(bins)) {
    for (size_t i = 0; i + 1 < distinct.size(); ++i) add_after(distinct[i]);
  } else {
    for (int b = 1; b < bins; ++b) add_after(v[v.size() * size_t(b) / size_t(bins)]);
  }
  return cuts;
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

BoostedTrees BoostedTrees::Fit(const std::vector<std::vector<double>>& x,
                               const std::vector<bool>& y, const BoostParams& p) {
  BoostedTrees model;
  const size_t n = x.size();
  if (n == 0) return model;
  const size_t d = x[0].size();
  const int bins = std::clamp(p.bins, 2, 256);
  // column-major bin indices
  std::vector<std::vector<double>> cuts(d);
  std::vector<std::vector<uint8_t>> bin(d, std::vector<uint8_t>(n));
  for (size_t f = 0; f < d; ++f) {
    std::vector<double> col(n);
    for (size_t i = 0; i < n; ++i) col[i] = x[i][f];
    cuts[f] = Cuts(col, bins);
    for (size_t i = 0; i < n; ++i) {
      bin[f][i] = uint8_t(std::lower_bound(cuts[f].begin(), cuts[f].end(), col[i]) - cuts[f].begin());
    }
  }
  std::vector<double> w(n);
  double wp = 0, wn = 0;
  for (size_t i = 0; i < n; ++i) {
    w[i] = y[i] ? p.positive_weight : 1.0;
    (y[i] ? wp : wn) += w[i];
  }
  model.base_ = std::log(std::max(wp, 1e-9) / std::max(wn, 1e-9));
  std::vector<double> margin(n, model.base_), g(n), h(n);
  struct Open {
    std::vector<uint32_t> rows;
    int node, depth;
  };
  for (int t = 0; t < p.trees; ++t) {
    for (size_t i = 0; i < n; ++i) {
      double q = Sigmoid(margin[i]);
      g[i] = w[i] * (q - (y[i] ? 1.0 : 0.0));
      h[i] = std::max(w[i] * q * (1 - q), 1e-12);
    }
    std::vector<Node> tree(1);
    std::vector<Open> open;
    open.push_back({{}, 0, 0});
    open[0].rows.resize(n);
    for (size_t i = 0; i < n; ++i) open[0].rows[i] = uint32_t(i);
    while (!open.empty()) {
      Open node = std::move(open.back());
      open.pop_back();
      double gs = 0, hs = 0;
      for (uint32_t i : node.rows) gs += g[i], hs += h[i];
      int best_f = -1, best_b = -1;
      double best_gain = 1e-9;
      if (node.depth < p.depth && hs >= 2 * p.min_hessian) {
        const double parent = gs * gs / (hs + p.l2);
        std::vector<double> hg(256), hh(256);
        for (size_t f = 0; f < d; ++f) {
          size_t nb = cuts[f].size() + 1;
          if (nb < 2) continue;
          std::fill(hg.begin(), hg.begin() + long(nb), 0.0);
          std::fill(hh.begin(), hh.begin() + long(nb), 0.0);
          const uint8_t* col = bin[f].data();
          for (uint32_t i : node.rows) hg[col[i]] += g[i], hh[col[i]] += h[i];
          double gl = 0, hl = 0;
          for (size_t b = 0; b + 1 < nb; ++b) {
            gl += hg[b], hl += hh[b];
            double gr = gs - gl, hr = hs - hl;
            if (hl < p.min_hessian || hr < p.min_hessian) continue;
            double gain = gl * gl / (hl + p.l2) + gr * gr / (hr + p.l2) - parent;
            if (gain > best_gain) best_gain = gain, best_f = int(f), best_b = int(b);
          }
        }
      }
      if (best_f < 0) {
        double value = -p.learning_rate * gs / (hs + p.l2);
        tree[size_t(node.node)].value = value;
        for (uint32_t i : node.rows) margin[i] += value;
        continue;
      }
      Open left{{}, int(tree.size()), node.depth + 1}, right{{}, int(tree.size()) + 1, node.depth + 1};
      Node& split = tree[size_t(node.node)];
      split.feature = best_f;
      split.threshold = cuts[size_t(best_f)][size_t(best_b)];
      split.left = left.node;
      split.right = right.node;
      tree.resize(tree.size() + 2);
      const uint8_t* col = bin[size_t(best_f)].data();
      for (uint32_t i : node.rows) (col[i] <= best_b ? left : right).rows.push_back(i);
      open.push_back(std::move(right));
      open.push_back(std::move(left));
    }
    model.trees_.push_back(std::move(tree));
  }
  return model;
}

double BoostedTrees::Margin(const std::vector<double>& x, int trees) const {
  double z = base_;
  size_t k = trees < 0 ? trees_.size() : std::min(trees_.size(), size_t(trees));
  for (size_t t = 0; t < k; ++t) {
    const std::vector<Node>& tree = trees_[t];
    size_t i = 0;
    while (tree[i].feature >= 0) {
      const Node& nd = tree[i];
      i = size_t(x[size_t(nd.feature)] <= nd.threshold ? nd.left : nd.right);
    }
    z += tree[i].value;
  }
  return z;
}

double BoostedTrees::Probability(const std::vector<double>& x, int trees) const {
  return Sigmoid(Margin(x, trees));
}

void BoostedTrees::Truncate(size_t trees) {
  if (trees < trees_.size()) trees_.resize(trees);
}

nlohmann::json BoostedTrees::ToJson() const {
  // each node: [feature, threshold, left, right] or, for a leaf, [value]
  nlohmann::json trees = nlohmann::json::array();
  for (const auto& tree : trees_) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const Node& nd : tree) {
      if (nd.feature < 0) {
        nodes.push_back({std::round(nd.value * 1e9) / 1e9});
      } else {
        nodes.push_back({nd.feature, nd.threshold, nd.left, nd.right});
      }
    }
    trees.push_back(std::move(nodes));
  }
  return {{"base", base_}, {"trees", std::move(trees)}};
}

Result<BoostedTrees> BoostedTrees::FromJson(const nlohmann::json& j, size_t num_features,
                                            const std::string& name) {
  BoostedTrees m;
  try {
    m.base_ = j.at("base").get<double>();
    for (const auto& jt : j.at("trees")) {
      std::vector<Node> tree;
      for (const auto& jn : jt) {
        Node nd;
        if (jn.size() == 1) {
          nd.value = jn[0].get<double>();
        } else if (jn.size() == 4) {
          nd.feature = jn[0].get<int>();
          nd.threshold = jn[1].get<double>();
          nd.left = jn[2].get<int>();
          nd.right = jn[3].get<int>();
        } else {
          return Status::Corruption(name + ": a tree node needs 1 or 4 values");
        }
        tree.push_back(nd);
      }
      // children after their parent and in range: prediction always ends at a leaf
      for (size_t i = 0; i < tree.size(); ++i) {
        const Node& nd = tree[i];
        if (nd.feature < 0) continue;
        if (size_t(nd.feature) >= num_features || nd.left <= int(i) || nd.right <= int(i) ||
            size_t(nd.left) >= tree.size() || size_t(nd.right) >= tree.size()) {
          return Status::Corruption(name + ": malformed tree node");
        }
      }
      if (tree.empty()) return Status::Corruption(name + ": empty tree");
      m.trees_.push_back(std::move(tree));
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  return m;
}

}  // namespace diverge::divergence
