#include "analyzer/divergence/stance_model.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace diverge {
std::string_view BuiltinStanceWeightsJson();  // generated from weights/stance.json
}

namespace diverge::divergence {
namespace {

std::vector<double> Row(const StanceFeatures& f) { return std::vector<double>(f.begin(), f.end()); }

nlohmann::ordered_json ParamsJson(const BoostParams& p) {
  nlohmann::ordered_json j;
  j["trees"] = p.trees;
  j["depth"] = p.depth;
  j["learning_rate"] = p.learning_rate;
  j["l2"] = p.l2;
  j["min_hessian"] = p.min_hessian;
  j["bins"] = p.bins;
  j["positive_weight"] = p.positive_weight;
  return j;
}

BoostParams ParseParams(const nlohmann::json& j) {
  BoostParams p;
  p.trees = j.value("trees", p.trees);
  p.depth = j.value("depth", p.depth);
  p.learning_rate = j.value("learning_rate", p.learning_rate);
  p.l2 = j.value("l2", p.l2);
  p.min_hessian = j.value("min_hessian", p.min_hessian);
  p.bins = j.value("bins", p.bins);
  p.positive_weight = j.value("positive_weight", p.positive_weight);
  return p;
}

}  // namespace

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
    m.threshold = j.at("threshold").get<double>();
    m.note = j.value("note", "");
    if (j.contains("params")) {
      m.params.related = ParseParams(j["params"].value("related", nlohmann::json::object()));
      m.params.refutes = ParseParams(j["params"].value("refutes", nlohmann::json::object()));
    }
    for (auto [key, trees] : {std::pair{"related", &m.related_}, {"refutes", &m.refutes_}}) {
      Result<BoostedTrees> t = BoostedTrees::FromJson(j.at(key), size_t(kNumStanceFeatures),
                                                      name + " (" + key + ")");
      if (!t.ok()) return t.status();
      *trees = std::move(*t);
    }
    if (m.refutes_.empty()) return Status::Corruption(name + ": no 'refutes' trees (retrain)");
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(name + ": " + e.what());
  }
  return m;
}

std::string StanceModel::ToJson() const {
  nlohmann::ordered_json j;
  j["note"] = note;
  j["features"] = std::vector<std::string>(kStanceFeatureNames.begin(), kStanceFeatureNames.end());
  j["threshold"] = std::round(threshold * 1e6) / 1e6;
  j["params"]["related"] = ParamsJson(params.related);
  j["params"]["refutes"] = ParamsJson(params.refutes);
  j["related"] = related_.ToJson();
  j["refutes"] = refutes_.ToJson();
  // one tree per line: readable diffs, modest size
  std::string out = "{\n";
  size_t k = 0;
  for (auto it = j.begin(); it != j.end(); ++it, ++k) {
    out += " " + nlohmann::json(it.key()).dump() + ": ";
    if (it.key() == "related" || it.key() == "refutes") {
      const auto& t = it.value();
      out += "{\"base\": " + t["base"].dump() + ", \"trees\": [\n";
      for (size_t i = 0; i < t["trees"].size(); ++i) {
        out += "  " + t["trees"][i].dump() + (i + 1 < t["trees"].size() ? ",\n" : "\n");
      }
      out += " ]}";
    } else {
      out += it.value().dump();
    }
    out += k + 1 < j.size() ? ",\n" : "\n";
  }
  return out + "}\n";
}

double StanceModel::RelatedProbability(const StanceFeatures& f) const {
  return related_.empty() ? 1.0 : related_.Probability(Row(f));
}

double StanceModel::Probability(const StanceFeatures& f, int refute_trees) const {
  if (!trained()) return 0;
  std::vector<double> x = Row(f);
  double related = related_.empty() ? 1.0 : related_.Probability(x);
  return related * refutes_.Probability(x, refute_trees);
}

void StanceModel::FitRelated(const std::vector<StanceFeatures>& xs,
                             const std::vector<StanceLabels>& y, const BoostParams& p) {
  params.related = p;
  related_ = BoostedTrees();
  if (p.trees <= 0) return;
  std::vector<std::vector<double>> rows;
  std::vector<bool> labels;
  for (size_t i = 0; i < xs.size(); ++i) {
    rows.push_back(Row(xs[i]));
    labels.push_back(y[i].related || y[i].refutes);
  }
  related_ = BoostedTrees::Fit(rows, labels, p);
}

void StanceModel::FitRefutes(const std::vector<StanceFeatures>& xs,
                             const std::vector<StanceLabels>& y, const BoostParams& p) {
  params.refutes = p;
  std::vector<std::vector<double>> rows;
  std::vector<bool> labels;
  for (size_t i = 0; i < xs.size(); ++i) {
    // behind a related stage, only the related examples teach the refutes stage
    if (!related_.empty() && !(y[i].related || y[i].refutes)) continue;
    rows.push_back(Row(xs[i]));
    labels.push_back(y[i].refutes);
  }
  refutes_ = BoostedTrees::Fit(rows, labels, p);
}

StanceModel StanceModel::Fit(const std::vector<StanceFeatures>& xs,
                             const std::vector<StanceLabels>& y, const StanceParams& params) {
  StanceModel m;
  m.FitRelated(xs, y, params.related);
  m.FitRefutes(xs, y, params.refutes);
  return m;
}

}  // namespace diverge::divergence
