#include "analyzer/divergence/stance_model.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

namespace diverge::divergence {

std::string_view BuiltinStanceWeightsJson();  // generated from weights/stance.json

namespace {

nlohmann::ordered_json ParamsJson(const learning::TreeParams& p) {
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

learning::TreeParams ParseParams(const nlohmann::json& j) {
  learning::TreeParams p;
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

StanceModel::StanceModel(learning::BoostedTrees related, learning::BoostedTrees refutes,
                         StanceParams stance_params)
    : params(std::move(stance_params)),
      related_(std::move(related)),
      refutes_(std::move(refutes)) {}

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
      Result<learning::BoostedTrees> t = learning::BoostedTrees::FromJson(
          j.at(key), size_t(kNumStanceFeatures), name + " (" + key + ")");
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
  // Thresholds exact, leaf values to 1e-9: what a retrain reproduces, in modest size.
  j["related"] = related_.ToJson(learning::Rounding::kExact, learning::Rounding::kNano);
  j["refutes"] = refutes_.ToJson(learning::Rounding::kExact, learning::Rounding::kNano);
  // One key a line; a stage's trees one array a line.
  std::string out = "{\n";
  size_t k = 0;
  for (auto it = j.begin(); it != j.end(); ++it, ++k) {
    out += " " + nlohmann::json(it.key()).dump() + ": ";
    if (it.key() == "related" || it.key() == "refutes") {
      std::string stage = "{";
      for (auto t = it.value().begin(); t != it.value().end(); ++t) {
        stage += (stage.size() > 1 ? ",\n  " : "\n  ") + nlohmann::json(t.key()).dump() + ": " +
                 t.value().dump();
      }
      out += stage + "\n }";
    } else {
      out += it.value().dump();
    }
    out += k + 1 < j.size() ? ",\n" : "\n";
  }
  return out + "}\n";
}

double StanceModel::RelatedProbability(const StanceFeatures& f) const {
  return related_.empty() ? 1.0 : related_.Probability(f);
}

double StanceModel::Probability(const StanceFeatures& f, int refute_trees) const {
  if (!trained()) return 0;
  double related = related_.empty() ? 1.0 : related_.Probability(f);
  return related * refutes_.Probability(f, refute_trees);
}

}  // namespace diverge::divergence
