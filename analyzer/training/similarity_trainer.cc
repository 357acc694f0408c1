#include "analyzer/training/similarity_trainer.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "analyzer/base/parse_number.h"
#include "analyzer/evaluation/sts_eval.h"
#include "learning/folds.h"
#include "learning/metrics.h"
#include "learning/tree_fitting.h"

namespace diverge::training {
Result<CombinerConfig> ParseCombinerConfig(const std::string& text) {
  CombinerConfig c;
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find(',', p);
    if (q == std::string::npos) q = text.size();
    std::string item = text.substr(p, q - p);
    p = q + 1;
    size_t eq = item.find('=');
    double v = 0;
    if (eq == std::string::npos || !ParseDouble(item.substr(eq + 1), &v)) {
      return Status::InvalidArgument("combiner config '" + text + "': expected key=number");
    }
    const std::string key = item.substr(0, eq);
    if (key == "lambda") c.lambda = v;
    else if (key == "trees") c.trees = static_cast<int>(v);
    else if (key == "depth") c.depth = static_cast<int>(v);
    else if (key == "shrink") c.shrinkage = v;
    else if (key == "leaf") c.min_leaf = static_cast<int>(v);
    else return Status::InvalidArgument("combiner config: unknown key '" + key + "'");
  }
  return c;
}

embeddings::SimilarityCombiner FitCombiner(const std::vector<embeddings::SimilarityFeatures>& xs,
                                           const std::vector<float>& y,
                                           const CombinerConfig& config) {
  const size_t n = xs.size();
  const size_t p = embeddings::SimilarityCombiner::Expand(xs[0]).size();
  embeddings::RidgeWeights r;
  r.vec_size = static_cast<int>(xs[0].vec.size());
  Eigen::MatrixXd x(n, p);
  for (size_t i = 0; i < n; ++i) {
    auto e = embeddings::SimilarityCombiner::Expand(xs[i]);
    for (size_t k = 0; k < p; ++k) x(i, k) = e[k];
  }
  r.mean.assign(p, 0);
  r.scale.assign(p, 1);
  for (size_t k = 0; k < p; ++k) {
    double m = x.col(k).mean();
    double sd = std::sqrt((x.col(k).array() - m).square().mean());
    r.mean[k] = m;
    r.scale[k] = sd > 1e-9 ? sd : 1.0;
    x.col(k) = (x.col(k).array() - m) / r.scale[k];
  }
  Eigen::VectorXd yy(n);
  for (size_t i = 0; i < n; ++i) yy(i) = y[i];
  r.bias = yy.mean();
  Eigen::MatrixXd a = x.transpose() * x;
  a.diagonal().array() += config.lambda;
  Eigen::VectorXd w = a.ldlt().solve(x.transpose() * (yy.array() - r.bias).matrix());
  r.weights.assign(w.data(), w.data() + p);
  learning::BoostedTrees trees;
  if (config.trees > 0) {
    Eigen::VectorXd pred = x * w;
    std::vector<double> residual(n);
    for (size_t i = 0; i < n; ++i) residual[i] = yy(i) - r.bias - pred(i);
    learning::TreeParams params;
    params.trees = config.trees;
    params.depth = config.depth;
    params.learning_rate = config.shrinkage;
    params.l2 = 0;
    params.min_hessian = config.min_leaf;  // rows: each has hessian 1
    params.bins = 0;                       // exact splits
    params.min_gain = 1e-12;
    trees = learning::FitResiduals(
        learning::FeatureMatrix::FromRows(xs, embeddings::kNumSimilarityFeatures),
        std::move(residual), params);
  }
  return embeddings::SimilarityCombiner(std::move(r), std::move(trees));
}

embeddings::SimilarityCombiner FitCombinerCV(const std::vector<embeddings::SimilarityFeatures>& x,
                                             const std::vector<float>& y,
                                             const std::vector<int>& groups,
                                             const std::vector<CombinerConfig>& configs, int folds,
                                             CombinerSearch* search) {
  const int num_groups =
      groups.empty() ? 1 : *std::max_element(groups.begin(), groups.end()) + 1;
  auto group_of = [&](size_t i) { return groups.empty() ? 0 : groups[i]; };
  const std::vector<int> fold_of = learning::InterleavedFolds(x.size(), folds);
  double best = -2;
  std::vector<double> best_by_group(num_groups, 0);
  CombinerConfig best_config = configs.empty() ? CombinerConfig{} : configs[0];
  std::string report;
  for (const CombinerConfig& config : configs) {
    std::vector<double> by_group(num_groups, 0);
    for (int f = 0; f < folds; ++f) {
      std::vector<embeddings::SimilarityFeatures> tx;
      std::vector<float> ty;
      std::vector<std::vector<double>> pred(num_groups), gold(num_groups);
      for (size_t i = 0; i < x.size(); ++i) {
        if (fold_of[i] != f) {
          tx.push_back(x[i]);
          ty.push_back(y[i]);
        }
      }
      embeddings::SimilarityCombiner c = FitCombiner(tx, ty, config);
      for (size_t i = 0; i < x.size(); ++i) {
        if (fold_of[i] == f) {
          pred[group_of(i)].push_back(c.Score(x[i]));
          gold[group_of(i)].push_back(y[i]);
        }
      }
      for (int g = 0; g < num_groups; ++g) {
        by_group[g] += learning::Spearman(pred[g], gold[g]) / folds;
      }
    }
    double mean = 0;
    for (double v : by_group) mean += v / num_groups;
    char line[200];
    std::snprintf(line, sizeof line,
                  "lambda %g trees %d depth %d shrink %g leaf %d: cv spearman %.4f (by data set:",
                  config.lambda, config.trees, config.depth, config.shrinkage, config.min_leaf,
                  mean);
    report += line;
    for (double v : by_group) {
      std::snprintf(line, sizeof line, " %.4f", v);
      report += line;
    }
    report += ")\n";
    if (mean > best) {
      best = mean;
      best_by_group = by_group;
      best_config = config;
    }
  }
  if (search) *search = {best_config, best, best_by_group, report};
  return FitCombiner(x, y, best_config);
}

Result<TrainSimilarityResult> TrainSimilarity(const embeddings::SentenceEncoder& encoder,
                                              const TrainSimilarityOptions& options) {
  std::vector<embeddings::SimilarityFeatures> x;
  std::vector<float> y;
  std::vector<int> groups;
  std::string files;
  for (const auto& f : options.train_files) {
    auto pairs = evaluation::ReadStsFile(f, evaluation::StsFormat::kAuto);
    if (!pairs.ok()) return pairs.status();
    const int group = static_cast<int>(&f - options.train_files.data());
    for (const auto& p : *pairs) {
      x.push_back(encoder.Features(encoder.Encode(p.a), encoder.Encode(p.b)));
      y.push_back(static_cast<float>(p.score));
      groups.push_back(group);
    }
    size_t slash = f.find_last_of('/');
    files += (files.empty() ? "" : ", ") + (slash == std::string::npos ? f : f.substr(slash + 1));
  }
  if (x.empty()) return Status::InvalidArgument("train-sim: no training files given");
  TrainSimilarityResult r;
  r.n = x.size();
  CombinerSearch search;
  r.combiner = FitCombinerCV(x, y, groups, options.configs, options.folds, &search);
  r.cv_spearman = search.cv_spearman;
  r.cv_by_file = search.cv_by_group;
  r.config = search.chosen;
  r.report = search.report;
  std::ostringstream note;
  note << "trained on " << files << " (" << r.n << " pairs) with model " << encoder.model().id()
       << "; " << options.folds << "-fold CV Spearman by file";
  for (double v : r.cv_by_file) note << " " << v;
  // "hidden 0": no hidden layer (the note has always named it).
  note << " (hidden 0, lambda " << r.config.lambda << ", trees " << r.config.trees
       << ", depth " << r.config.depth << ", shrink " << r.config.shrinkage << ", leaf "
       << r.config.min_leaf << ")";
  r.combiner.note = note.str();
  return r;
}

}  // namespace diverge::training
