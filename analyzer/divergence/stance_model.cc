#include "analyzer/divergence/stance_model.h"

#include <Eigen/Dense>
#include <cmath>
#include <nlohmann/json.hpp>

namespace diverge {
std::string_view BuiltinStanceWeightsJson();  // generated from weights/stance.json
}

namespace diverge::divergence {

const StanceModel& StanceModel::Builtin() {
  static const StanceModel model = [] {
    Result<StanceModel> m = FromJson(BuiltinStanceWeightsJson(), "weights/stance.json");
    return m.ok() ? std::move(*m) : StanceModel{};
  }();
  return model;
}

Result<StanceModel> StanceModel::FromJson(std::string_view json, const std::string& name) {
  StanceModel m;
  try {
    nlohmann::json j = nlohmann::json::parse(json);
    if (j.empty()) return m;
    auto names = j.at("features").get<std::vector<std::string>>();
    if (names.size() != size_t(kNumStanceFeatures)) {
      return Status::Corruption(name + ": " + std::to_string(names.size()) + " features, expected " +
                                std::to_string(kNumStanceFeatures) + " (retrain)");
    }
    for (int i = 0; i < kNumStanceFeatures; ++i) {
      if (names[size_t(i)] != kStanceFeatureNames[size_t(i)]) {
        return Status::Corruption(name + ": feature " + std::to_string(i) + " is '" +
                                  names[size_t(i)] + "', expected '" +
                                  std::string(kStanceFeatureNames[size_t(i)]) + "' (retrain)");
      }
    }
    m.mean_ = j.at("mean").get<std::vector<double>>();
    m.scale_ = j.at("scale").get<std::vector<double>>();
    m.weights_ = j.at("weights").get<std::vector<double>>();
    m.bias_ = j.at("bias").get<double>();
    m.threshold = j.at("threshold").get<double>();
    m.lambda = j.value("lambda", 1.0);
    m.note = j.value("note", "");
    size_t dims = Expand(StanceFeatures{}).size();
    if (m.mean_.size() != dims || m.scale_.size() != dims || m.weights_.size() != dims) {
      return Status::Corruption(name + ": mean/scale/weights need " + std::to_string(dims) +
                                " values (retrain)");
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  return m;
}

std::string StanceModel::ToJson() const {
  nlohmann::ordered_json j;
  j["note"] = note;
  j["features"] = std::vector<std::string>(kStanceFeatureNames.begin(), kStanceFeatureNames.end());
  auto round = [](std::vector<double> v) {
    for (double& x : v) x = std::round(x * 1e8) / 1e8;
    return v;
  };
  j["mean"] = round(mean_);
  j["scale"] = round(scale_);
  j["weights"] = round(weights_);
  j["bias"] = std::round(bias_ * 1e8) / 1e8;
  j["threshold"] = std::round(threshold * 1e6) / 1e6;
  j["lambda"] = lambda;
  return j.dump(1) + "\n";
}

std::vector<double> StanceModel::Expand(const StanceFeatures& f) {
  std::vector<double> x(f.begin(), f.end());
  for (int match : {0, 1, 2}) {  // overlap_best, coverage, coverage_best
    for (int i = 0; i < kNumStanceFeatures; ++i) x.push_back(f[size_t(match)] * f[size_t(i)]);
  }
  return x;
}

double StanceModel::Probability(const StanceFeatures& f) const {
  if (!trained()) return 0;
  std::vector<double> x = Expand(f);
  double z = bias_;
  for (size_t i = 0; i < weights_.size(); ++i) z += weights_[i] * (x[i] - mean_[i]) / scale_[i];
  return 1.0 / (1.0 + std::exp(-z));
}

StanceModel StanceModel::Fit(const std::vector<StanceFeatures>& xs, const std::vector<bool>& y,
                             double lambda) {
  StanceModel m;
  m.lambda = lambda;
  const Eigen::Index n = Eigen::Index(xs.size());
  std::vector<std::vector<double>> ex;
  for (const auto& f : xs) ex.push_back(Expand(f));
  const int d = int(Expand(StanceFeatures{}).size());
  m.mean_.assign(size_t(d), 0.0);
  m.scale_.assign(size_t(d), 1.0);
  if (n == 0) return m;
  for (const auto& x : ex) {
    for (int i = 0; i < d; ++i) m.mean_[size_t(i)] += x[size_t(i)] / double(n);
  }
  for (int i = 0; i < d; ++i) {
    double var = 0;
    for (const auto& x : ex) var += std::pow(x[size_t(i)] - m.mean_[size_t(i)], 2) / double(n);
    m.scale_[size_t(i)] = var > 1e-12 ? std::sqrt(var) : 1.0;
  }
  // design matrix with a leading bias column
  Eigen::MatrixXd x(n, d + 1);
  Eigen::VectorXd t(n);
  for (Eigen::Index r = 0; r < n; ++r) {
    x(r, 0) = 1.0;
    for (int i = 0; i < d; ++i) {
      x(r, i + 1) = (ex[size_t(r)][size_t(i)] - m.mean_[size_t(i)]) / m.scale_[size_t(i)];
    }
    t(r) = y[size_t(r)] ? 1.0 : 0.0;
  }
  Eigen::VectorXd w = Eigen::VectorXd::Zero(d + 1);
  Eigen::VectorXd penalty = Eigen::VectorXd::Constant(d + 1, lambda);
  penalty(0) = 0;
  for (int iter = 0; iter < 50; ++iter) {
    Eigen::VectorXd p = (1.0 / (1.0 + (-(x * w)).array().exp())).matrix();
    Eigen::VectorXd grad = x.transpose() * (p - t) + penalty.cwiseProduct(w);
    Eigen::VectorXd s = (p.array() * (1.0 - p.array())).max(1e-9).matrix();
    Eigen::MatrixXd xs_w = x.array().colwise() * s.array();
    Eigen::MatrixXd h = x.transpose() * xs_w;
    h.diagonal() += penalty;
    h.diagonal().array() += 1e-9;
    Eigen::VectorXd step = h.ldlt().solve(grad);
    w -= step;
    if (step.norm() < 1e-8) break;
  }
  m.bias_ = w(0);
  m.weights_.resize(size_t(d));  // d = expanded inputs
  for (int i = 0; i < d; ++i) m.weights_[size_t(i)] = w(i + 1);
  return m;
}

}  // namespace diverge::divergence
