// Fitting the pair-similarity combiner (similarity.h): ridge regression on the expanded
// features, boosted regression trees on its residuals, the one-hidden-layer network, and
// the cross-validated choice among configurations. Deterministic: fixed folds, seeded
// generator. Scoring and the JSON form are in similarity.cc.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "embeddings/similarity.h"
#include "embeddings/stats.h"

namespace diverge {
namespace {

// Deterministic standard normal from a seeded 64-bit generator (Box-Muller).
double Normal(std::mt19937_64& rng) {
  double u1 = (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0;
  double u2 = (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

}  // namespace

void SimilarityCombiner::FitTrees(const std::vector<SimilarityFeatures>& xs,
                                  std::vector<double> residual, const CombinerConfig& config) {
  const int n = static_cast<int>(xs.size()), nf = kNumSimilarityFeatures;
  const double shrink = config.shrinkage;
  const int min_leaf = config.min_leaf;
  std::vector<std::vector<int>> sorted(nf);
  for (int f = 0; f < nf; ++f) {
    sorted[f].resize(n);
    for (int i = 0; i < n; ++i) sorted[f][i] = i;
    std::stable_sort(sorted[f].begin(), sorted[f].end(),
                     [&](int a, int b) { return xs[a][f] < xs[b][f]; });
  }
  std::vector<int> node_of(n);
  for (int t = 0; t < config.trees; ++t) {
    const int root = static_cast<int>(nodes_.size());
    tree_roots_.push_back(root);
    auto new_node = [&]() {
      nodes_.push_back({-1, -1, 0.0});
      return static_cast<int>(nodes_.size()) - 1;
    };
    new_node();
    std::fill(node_of.begin(), node_of.end(), root);
    std::vector<int> active = {root};
    for (int depth = 0; depth < config.depth && !active.empty(); ++depth) {
      const int total_nodes = static_cast<int>(nodes_.size());
      std::vector<double> sum(total_nodes, 0), best_gain(total_nodes, 1e-12), best_thr(total_nodes);
      std::vector<int> cnt(total_nodes, 0), best_f(total_nodes, -1);
      std::vector<char> is_active(total_nodes, 0);
      for (int a : active) is_active[a] = 1;
      for (int i = 0; i < n; ++i) {
        sum[node_of[i]] += residual[i];
        ++cnt[node_of[i]];
      }
      for (int f = 0; f < nf; ++f) {
        std::vector<double> lsum(total_nodes, 0), last(total_nodes, 0);
        std::vector<int> lcnt(total_nodes, 0);
        for (int i : sorted[f]) {
          int node = node_of[i];
          if (!is_active[node]) continue;
          double v = xs[i][f];
          int rc = cnt[node] - lcnt[node];
          if (lcnt[node] >= min_leaf && rc >= min_leaf && v > last[node]) {
            double rs = sum[node] - lsum[node];
            double gain = lsum[node] * lsum[node] / lcnt[node] + rs * rs / rc -
                          sum[node] * sum[node] / cnt[node];
            if (gain > best_gain[node]) {
              best_gain[node] = gain;
              best_f[node] = f;
              best_thr[node] = (last[node] + v) / 2;
            }
          }
          lsum[node] += residual[i];
          ++lcnt[node];
          last[node] = v;
        }
      }
      std::vector<int> next;
      for (int a : active) {
        if (best_f[a] < 0) continue;
        const int l = new_node();
        new_node();  // the right child, l + 1
        nodes_[a] = {best_f[a], l, best_thr[a]};
        next.push_back(l);
        next.push_back(l + 1);
      }
      for (int i = 0; i < n; ++i) {
        int node = node_of[i];
        const TreeNode& at = nodes_[node];
        if (at.feature >= 0 &&
            (node == root || std::find(active.begin(), active.end(), node) != active.end())) {
          node_of[i] = at.left + (xs[i][at.feature] <= at.split ? 0 : 1);
        }
      }
      active = std::move(next);
    }
    // Leaf values: shrunken mean residual; update residuals.
    std::vector<double> lsum(nodes_.size(), 0);
    std::vector<int> lcnt(nodes_.size(), 0);
    for (int i = 0; i < n; ++i) {
      lsum[node_of[i]] += residual[i];
      ++lcnt[node_of[i]];
    }
    for (size_t k = root; k < nodes_.size(); ++k) {
      if (nodes_[k].feature < 0 && lcnt[k] > 0) nodes_[k].split = shrink * lsum[k] / lcnt[k];
    }
    for (int i = 0; i < n; ++i) residual[i] -= nodes_[node_of[i]].split;  // node_of: leaves
  }
}

SimilarityCombiner SimilarityCombiner::Fit(const std::vector<SimilarityFeatures>& xs,
                                           const std::vector<float>& y,
                                           const CombinerConfig& config) {
  const double lambda = config.lambda;
  SimilarityCombiner c;
  const size_t n = xs.size();
  const size_t p = Expand(xs[0]).size();
  c.vec_size_ = static_cast<int>(xs[0].vec.size());
  Eigen::MatrixXd x(n, p);
  for (size_t i = 0; i < n; ++i) {
    auto e = Expand(xs[i]);
    for (size_t k = 0; k < p; ++k) x(i, k) = e[k];
  }
  c.mean_.assign(p, 0);
  c.scale_.assign(p, 1);
  for (size_t k = 0; k < p; ++k) {
    double m = x.col(k).mean();
    double sd = std::sqrt((x.col(k).array() - m).square().mean());
    c.mean_[k] = m;
    c.scale_[k] = sd > 1e-9 ? sd : 1.0;
    x.col(k) = (x.col(k).array() - m) / c.scale_[k];
  }
  Eigen::VectorXd yy(n);
  for (size_t i = 0; i < n; ++i) yy(i) = y[i];
  c.bias_ = yy.mean();
  if (config.hidden <= 0) {
    Eigen::MatrixXd a = x.transpose() * x;
    a.diagonal().array() += lambda;
    Eigen::VectorXd w = a.ldlt().solve(x.transpose() * (yy.array() - c.bias_).matrix());
    c.weights_.assign(w.data(), w.data() + p);
    if (config.trees > 0) {
      Eigen::VectorXd pred = x * w;
      std::vector<double> residual(n);
      for (size_t i = 0; i < n; ++i) residual[i] = yy(i) - c.bias_ - pred(i);
      c.FitTrees(xs, std::move(residual), config);
    }
    c.Prepare();
    return c;
  }
  FitMlp(x, yy.array() - c.bias_, config, &c);
  c.Prepare();
  return c;
}

void SimilarityCombiner::FitMlp(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                const CombinerConfig& config, SimilarityCombiner* c) {
  const Eigen::Index n = x.rows(), p = x.cols(), hidden = config.hidden;
  std::mt19937_64 rng(20261122);
  Eigen::MatrixXd w1(hidden, p);
  for (Eigen::Index i = 0; i < w1.size(); ++i) w1.data()[i] = Normal(rng) * std::sqrt(2.0 / p);
  Eigen::VectorXd b1 = Eigen::VectorXd::Zero(hidden);
  Eigen::VectorXd w2(hidden);
  for (Eigen::Index i = 0; i < hidden; ++i) w2(i) = Normal(rng) * std::sqrt(1.0 / hidden);
  double b2 = 0;
  // Adam state.
  Eigen::MatrixXd mw1 = Eigen::MatrixXd::Zero(hidden, p), vw1 = mw1;
  Eigen::VectorXd mb1 = Eigen::VectorXd::Zero(hidden), vb1 = mb1, mw2 = mb1, vw2 = mb1;
  double mb2 = 0, vb2 = 0;
  const double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  std::vector<Eigen::Index> order(n);
  for (Eigen::Index i = 0; i < n; ++i) order[i] = i;
  const Eigen::Index batch = 64;
  int64_t step = 0;
  for (int epoch = 0; epoch < config.epochs; ++epoch) {
    for (Eigen::Index i = n - 1; i > 0; --i) {
      std::swap(order[i], order[static_cast<Eigen::Index>(rng() % static_cast<uint64_t>(i + 1))]);
    }
    for (Eigen::Index start = 0; start < n; start += batch) {
      const Eigen::Index m = std::min(batch, n - start);
      Eigen::MatrixXd xb(m, p);
      Eigen::VectorXd yb(m);
      for (Eigen::Index r = 0; r < m; ++r) {
        xb.row(r) = x.row(order[start + r]);
        yb(r) = y(order[start + r]);
      }
      Eigen::MatrixXd pre = (xb * w1.transpose()).rowwise() + b1.transpose();
      Eigen::MatrixXd act = pre.cwiseMax(0.0);
      Eigen::VectorXd out = (act * w2).array() + b2;
      Eigen::VectorXd err = (out - yb) * (2.0 / m);
      Eigen::VectorXd gw2 = act.transpose() * err + config.lambda * w2;
      double gb2 = err.sum();
      Eigen::MatrixXd dact = err * w2.transpose();
      dact = dact.cwiseProduct((pre.array() > 0).cast<double>().matrix());
      Eigen::MatrixXd gw1 = dact.transpose() * xb + config.lambda * w1;
      Eigen::VectorXd gb1 = dact.colwise().sum().transpose();
      ++step;
      const double c1 = 1 - std::pow(beta1, step), c2 = 1 - std::pow(beta2, step);
      auto adam = [&](auto& w, auto& mom, auto& vel, const auto& g) {
        mom = beta1 * mom + (1 - beta1) * g;
        vel = beta2 * vel + (1 - beta2) * g.cwiseProduct(g);
        w.array() -= lr * (mom.array() / c1) / ((vel.array() / c2).sqrt() + eps);
      };
      adam(w1, mw1, vw1, gw1);
      adam(b1, mb1, vb1, gb1);
      adam(w2, mw2, vw2, gw2);
      mb2 = beta1 * mb2 + (1 - beta1) * gb2;
      vb2 = beta2 * vb2 + (1 - beta2) * gb2 * gb2;
      b2 -= lr * (mb2 / c1) / (std::sqrt(vb2 / c2) + eps);
    }
  }
  c->hidden_ = static_cast<int>(hidden);
  c->w1_.resize(hidden * p);
  for (Eigen::Index h = 0; h < hidden; ++h) {
    for (Eigen::Index i = 0; i < p; ++i) c->w1_[h * p + i] = w1(h, i);
  }
  c->b1_.assign(b1.data(), b1.data() + hidden);
  c->w2_.assign(w2.data(), w2.data() + hidden);
  c->bias_ += b2;
}

SimilarityCombiner SimilarityCombiner::FitCV(const std::vector<SimilarityFeatures>& x,
                                             const std::vector<float>& y,
                                             const std::vector<int>& groups,
                                             const std::vector<CombinerConfig>& configs, int folds,
                                             double* cv_spearman, std::vector<double>* cv_by_group,
                                             CombinerConfig* chosen, std::string* report) {
  const int num_groups =
      groups.empty() ? 1 : *std::max_element(groups.begin(), groups.end()) + 1;
  auto group_of = [&](size_t i) { return groups.empty() ? 0 : groups[i]; };
  double best = -2;
  std::vector<double> best_by_group(num_groups, 0);
  CombinerConfig best_config = configs.empty() ? CombinerConfig{} : configs[0];
  for (const CombinerConfig& config : configs) {
    std::vector<double> by_group(num_groups, 0);
    for (int f = 0; f < folds; ++f) {
      std::vector<SimilarityFeatures> tx;
      std::vector<float> ty;
      std::vector<std::vector<double>> pred(num_groups), gold(num_groups);
      for (size_t i = 0; i < x.size(); ++i) {
        if (static_cast<int>(i % folds) != f) {
          tx.push_back(x[i]);
          ty.push_back(y[i]);
        }
      }
      SimilarityCombiner c = Fit(tx, ty, config);
      for (size_t i = 0; i < x.size(); ++i) {
        if (static_cast<int>(i % folds) == f) {
          pred[group_of(i)].push_back(c.Score(x[i]));
          gold[group_of(i)].push_back(y[i]);
        }
      }
      for (int g = 0; g < num_groups; ++g) by_group[g] += Spearman(pred[g], gold[g]) / folds;
    }
    double mean = 0;
    for (double v : by_group) mean += v / num_groups;
    if (report) {
      char line[200];
      std::snprintf(line, sizeof line,
                    "hidden %d lambda %g epochs %d trees %d depth %d shrink %g leaf %d: cv "
                    "spearman %.4f (by data set:",
                    config.hidden, config.lambda, config.epochs, config.trees, config.depth,
                    config.shrinkage, config.min_leaf, mean);
      *report += line;
      for (double v : by_group) {
        std::snprintf(line, sizeof line, " %.4f", v);
        *report += line;
      }
      *report += ")\n";
    }
    if (mean > best) {
      best = mean;
      best_by_group = by_group;
      best_config = config;
    }
  }
  if (cv_spearman) *cv_spearman = best;
  if (cv_by_group) *cv_by_group = best_by_group;
  if (chosen) *chosen = best_config;
  return Fit(x, y, best_config);
}

}  // namespace diverge
