#include "learning/tree_fitting.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace diverge::learning {
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

// The split candidates of every feature, computed once a fit.
struct Candidates {
  bool exact = true;
  std::vector<std::vector<int32_t>> sorted;  // exact: the rows by value (stable)
  std::vector<std::vector<double>> cuts;     // binned: the thresholds
  std::vector<std::vector<uint8_t>> bin;     // binned: each row's bin
};

Candidates MakeCandidates(const FeatureMatrix& x, int bins) {
  Candidates c;
  const size_t n = x.rows(), d = x.cols();
  c.exact = bins <= 0;
  if (c.exact) {
    c.sorted.resize(d);
    for (size_t f = 0; f < d; ++f) {
      const double* col = x.column(f);
      c.sorted[f].resize(n);
      std::iota(c.sorted[f].begin(), c.sorted[f].end(), 0);
      std::stable_sort(c.sorted[f].begin(), c.sorted[f].end(),
                       [&](int32_t a, int32_t b) { return col[a] < col[b]; });
    }
    return c;
  }
  bins = std::clamp(bins, 2, 256);
  c.cuts.resize(d);
  c.bin.assign(d, std::vector<uint8_t>(n));
  for (size_t f = 0; f < d; ++f) {
    const double* col = x.column(f);
    c.cuts[f] = Cuts(std::vector<double>(col, col + n), bins);
    for (size_t i = 0; i < n; ++i) {
      c.bin[f][i] =
          uint8_t(std::lower_bound(c.cuts[f].begin(), c.cuts[f].end(), col[i]) - c.cuts[f].begin());
    }
  }
  return c;
}

// The best split of each node of one level: gain, feature, threshold.
struct LevelSplits {
  std::vector<double> gain, threshold;
  std::vector<int> feature;
};

// Exact candidates: every midpoint between consecutive values of a node's rows.
void ExactSplits(const FeatureMatrix& x, const Candidates& c, const std::vector<int>& node_of,
                 const std::vector<char>& open, const std::vector<double>& g,
                 const std::vector<double>& h, const std::vector<double>& gs,
                 const std::vector<double>& hs, const std::vector<double>& parent,
                 const TreeParams& p, LevelSplits* best) {
  const size_t count = gs.size();
  std::vector<double> lg(count), lh(count), last(count);
  for (size_t f = 0; f < x.cols(); ++f) {
    std::fill(lg.begin(), lg.end(), 0.0);
    std::fill(lh.begin(), lh.end(), 0.0);
    std::fill(last.begin(), last.end(), 0.0);
    const double* col = x.column(f);
    for (int32_t i : c.sorted[f]) {
      const int a = node_of[size_t(i)];
      if (!open[size_t(a)]) continue;
      const double v = col[i];
      const double hr = hs[size_t(a)] - lh[size_t(a)];
      if (lh[size_t(a)] >= p.min_hessian && hr >= p.min_hessian && v > last[size_t(a)]) {
        const double gl = lg[size_t(a)], gr = gs[size_t(a)] - gl;
        const double gain =
            gl * gl / (lh[size_t(a)] + p.l2) + gr * gr / (hr + p.l2) - parent[size_t(a)];
        if (gain > best->gain[size_t(a)]) {
          best->gain[size_t(a)] = gain;
          best->feature[size_t(a)] = int(f);
          best->threshold[size_t(a)] = (last[size_t(a)] + v) / 2;
        }
      }
      lg[size_t(a)] += g[size_t(i)];
      lh[size_t(a)] += h[size_t(i)];
      last[size_t(a)] = v;
    }
  }
}

// Binned candidates: the feature's cut points, from per-node histograms.
void BinnedSplits(const Candidates& c, const std::vector<int>& node_of,
                  const std::vector<char>& open, const std::vector<double>& g,
                  const std::vector<double>& h, const std::vector<double>& gs,
                  const std::vector<double>& hs, const std::vector<double>& parent,
                  const TreeParams& p, LevelSplits* best) {
  const size_t count = gs.size(), n = node_of.size();
  std::vector<double> hg, hh;
  for (size_t f = 0; f < c.cuts.size(); ++f) {
    const size_t nb = c.cuts[f].size() + 1;
    if (nb < 2) continue;
    hg.assign(count * nb, 0.0);
    hh.assign(count * nb, 0.0);
    const uint8_t* col = c.bin[f].data();
    for (size_t i = 0; i < n; ++i) {
      const size_t a = size_t(node_of[i]);
      if (!open[a]) continue;
      hg[a * nb + col[i]] += g[i];
      hh[a * nb + col[i]] += h[i];
    }
    for (size_t a = 0; a < count; ++a) {
      if (!open[a]) continue;
      double gl = 0, hl = 0;
      for (size_t b = 0; b + 1 < nb; ++b) {
        gl += hg[a * nb + b], hl += hh[a * nb + b];
        const double gr = gs[a] - gl, hr = hs[a] - hl;
        if (hl < p.min_hessian || hr < p.min_hessian) continue;
        const double gain = gl * gl / (hl + p.l2) + gr * gr / (hr + p.l2) - parent[a];
        if (gain > best->gain[a]) {
          best->gain[a] = gain;
          best->feature[a] = int(f);
          best->threshold[a] = c.cuts[f][b];
        }
      }
    }
  }
}

// Grows one tree on the rows' gradients and hessians, appending it to `model`;
// leaf_of[i] receives row i's leaf (its index within the tree).
void GrowTree(const FeatureMatrix& x, const Candidates& c, const std::vector<double>& g,
              const std::vector<double>& h, const TreeParams& p, BoostedTrees* model,
              std::vector<int>* leaf_of) {
  std::vector<BoostedTrees::Node>& nodes = model->mutable_nodes();
  const int root = int(nodes.size());
  model->mutable_roots().push_back(root);
  nodes.push_back({-1, -1, 0.0});
  const size_t n = x.rows();
  std::vector<int>& node_of = *leaf_of;  // node index within the tree
  node_of.assign(n, 0);
  auto sums = [&](std::vector<double>* gs, std::vector<double>* hs) {
    const size_t count = nodes.size() - size_t(root);
    gs->assign(count, 0.0);
    hs->assign(count, 0.0);
    for (size_t i = 0; i < n; ++i) {
      (*gs)[size_t(node_of[i])] += g[i];
      (*hs)[size_t(node_of[i])] += h[i];
    }
  };
  std::vector<double> gs, hs;
  std::vector<int> active = {0};
  for (int depth = 0; depth < p.depth && !active.empty(); ++depth) {
    sums(&gs, &hs);
    const size_t count = gs.size();
    std::vector<char> open(count, 0);  // on this level and heavy enough to split
    std::vector<double> parent(count, 0.0);
    for (int a : active) {
      open[size_t(a)] = hs[size_t(a)] >= 2 * p.min_hessian;
      parent[size_t(a)] = gs[size_t(a)] * gs[size_t(a)] / (hs[size_t(a)] + p.l2);
    }
    LevelSplits best{std::vector<double>(count, p.min_gain), std::vector<double>(count, 0.0),
                     std::vector<int>(count, -1)};
    if (c.exact) {
      ExactSplits(x, c, node_of, open, g, h, gs, hs, parent, p, &best);
    } else {
      BinnedSplits(c, node_of, open, g, h, gs, hs, parent, p, &best);
    }
    std::vector<int> next;
    std::vector<char> split(count, 0);
    for (int a : active) {
      if (best.feature[size_t(a)] < 0) continue;
      const int l = int(nodes.size());
      nodes.push_back({-1, -1, 0.0});
      nodes.push_back({-1, -1, 0.0});  // the right child, l + 1
      nodes[size_t(root + a)] = {best.feature[size_t(a)], l, best.threshold[size_t(a)]};
      split[size_t(a)] = 1;
      next.push_back(l - root);
      next.push_back(l - root + 1);
    }
    for (size_t i = 0; i < n; ++i) {
      const int a = node_of[i];
      if (!split[size_t(a)]) continue;
      const BoostedTrees::Node& at = nodes[size_t(root + a)];
      node_of[i] = at.left - root + (x.at(i, size_t(at.feature)) <= at.split ? 0 : 1);
    }
    active = std::move(next);
  }
  // Leaf values from the rows that end in each leaf.
  sums(&gs, &hs);
  std::vector<char> reached(gs.size(), 0);
  for (int a : node_of) reached[size_t(a)] = 1;
  for (size_t a = 0; a < gs.size(); ++a) {
    BoostedTrees::Node& leaf = nodes[size_t(root) + a];
    if (leaf.feature < 0 && reached[a]) leaf.split = -p.learning_rate * gs[a] / (hs[a] + p.l2);
  }
}

}  // namespace

BoostedTrees FitResiduals(const FeatureMatrix& x, std::vector<double> residual,
                          const TreeParams& params) {
  BoostedTrees model;
  const size_t n = x.rows();
  if (n == 0) return model;
  const Candidates c = MakeCandidates(x, params.bins);
  std::vector<double> g(n), h(n, 1.0);
  std::vector<int> leaf_of;
  for (int t = 0; t < params.trees; ++t) {
    for (size_t i = 0; i < n; ++i) g[i] = -residual[i];
    const size_t root = model.nodes().size();
    GrowTree(x, c, g, h, params, &model, &leaf_of);
    for (size_t i = 0; i < n; ++i) residual[i] -= model.nodes()[root + size_t(leaf_of[i])].split;
  }
  return model;
}

BoostedTrees FitLogistic(const FeatureMatrix& x, const std::vector<bool>& y,
                         const TreeParams& params) {
  BoostedTrees model;
  const size_t n = x.rows();
  if (n == 0) return model;
  const Candidates c = MakeCandidates(x, params.bins);
  std::vector<double> w(n);
  double wp = 0, wn = 0;
  for (size_t i = 0; i < n; ++i) {
    w[i] = y[i] ? params.positive_weight : 1.0;
    (y[i] ? wp : wn) += w[i];
  }
  model.set_base(std::log(std::max(wp, 1e-9) / std::max(wn, 1e-9)));
  std::vector<double> margin(n, model.base()), g(n), h(n);
  std::vector<int> leaf_of;
  for (int t = 0; t < params.trees; ++t) {
    for (size_t i = 0; i < n; ++i) {
      double q = BoostedTrees::Sigmoid(margin[i]);
      g[i] = w[i] * (q - (y[i] ? 1.0 : 0.0));
      h[i] = std::max(w[i] * q * (1 - q), 1e-12);
    }
    const size_t root = model.nodes().size();
    GrowTree(x, c, g, h, params, &model, &leaf_of);
    for (size_t i = 0; i < n; ++i) margin[i] += model.nodes()[root + size_t(leaf_of[i])].split;
  }
  return model;
}

}  // namespace diverge::learning
