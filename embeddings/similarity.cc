#include "embeddings/similarity.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "embeddings/stats.h"

namespace diverge {

std::string_view BuiltinSimilarityWeightsJson();  // generated from weights/similarity.json

std::vector<double> SimilarityCombiner::Expand(const SimilarityFeatures& f) {
  std::vector<double> out(f.begin(), f.end());
  for (int i = 0; i < kNumSimilarityFeatures; ++i) {
    for (int j = i; j < kNumSimilarityFeatures; ++j) out.push_back(double(f[i]) * f[j]);
  }
  return out;
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
    size_t expanded = Expand(SimilarityFeatures{}).size();
    if (c.mean_.size() != expanded || c.scale_.size() != expanded ||
        c.weights_.size() != expanded) {
      return Status::Corruption(name + ": weight vectors must have " + std::to_string(expanded) +
                                " entries");
    }
  } catch (const std::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  return c;
}

std::string SimilarityCombiner::ToJson() const {
  nlohmann::json j;
  j["version"] = 1;
  j["model"] = "ridge regression on standardised base features and their pairwise products";
  j["features"] =
      std::vector<std::string>(kSimilarityFeatureNames.begin(), kSimilarityFeatureNames.end());
  j["mean"] = mean_;
  j["scale"] = scale_;
  j["weights"] = weights_;
  j["bias"] = bias_;
  j["note"] = note;
  return j.dump(1) + "\n";
}

float SimilarityCombiner::Score(const SimilarityFeatures& f) const {
  if (weights_.empty()) return std::max(f[0], 0.0f);
  std::vector<double> x = Expand(f);
  double s = bias_;
  for (size_t i = 0; i < x.size(); ++i) s += weights_[i] * (x[i] - mean_[i]) / scale_[i];
  return static_cast<float>(std::clamp(s, 0.0, 1.0));
}

SimilarityCombiner SimilarityCombiner::Fit(const std::vector<SimilarityFeatures>& xs,
                                           const std::vector<float>& y, double lambda) {
  SimilarityCombiner c;
  const size_t n = xs.size();
  const size_t p = Expand(SimilarityFeatures{}).size();
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
  Eigen::MatrixXd a = x.transpose() * x;
  a.diagonal().array() += lambda;
  Eigen::VectorXd w = a.ldlt().solve(x.transpose() * (yy.array() - c.bias_).matrix());
  c.weights_.assign(w.data(), w.data() + p);
  return c;
}

SimilarityCombiner SimilarityCombiner::FitCV(const std::vector<SimilarityFeatures>& x,
                                             const std::vector<float>& y,
                                             const std::vector<double>& lambdas, int folds,
                                             double* cv_spearman, double* chosen_lambda) {
  double best = -2, best_lambda = lambdas.empty() ? 1.0 : lambdas[0];
  for (double lambda : lambdas) {
    double sum = 0;
    for (int f = 0; f < folds; ++f) {
      std::vector<SimilarityFeatures> tx;
      std::vector<float> ty;
      std::vector<double> pred, gold;
      for (size_t i = 0; i < x.size(); ++i) {
        if (static_cast<int>(i % folds) != f) {
          tx.push_back(x[i]);
          ty.push_back(y[i]);
        }
      }
      SimilarityCombiner c = Fit(tx, ty, lambda);
      for (size_t i = 0; i < x.size(); ++i) {
        if (static_cast<int>(i % folds) == f) {
          pred.push_back(c.Score(x[i]));
          gold.push_back(y[i]);
        }
      }
      sum += Spearman(pred, gold);
    }
    double mean = sum / folds;
    if (mean > best) {
      best = mean;
      best_lambda = lambda;
    }
  }
  if (cv_spearman) *cv_spearman = best;
  if (chosen_lambda) *chosen_lambda = best_lambda;
  return Fit(x, y, best_lambda);
}

}  // namespace diverge
