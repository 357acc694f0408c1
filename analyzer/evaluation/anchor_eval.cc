#include "analyzer/evaluation/anchor_eval.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analyzer/base/atomic_file.h"
#include "analyzer/evaluation/paraphrase_eval.h"

namespace diverge::evaluation {
namespace {

using nlohmann::json;

Result<json> ReadDataArray(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  try {
    json root = json::parse(*text);
    if (!root.is_object() || !root.contains("data") || !root["data"].is_array()) {
      return Status::InvalidArgument(path + ": expected an object with a \"data\" array");
    }
    return root["data"];
  } catch (const json::exception& e) {
    return Status::InvalidArgument(path + ": " + e.what());
  }
}

Result<std::string> Field(const json& entry, const char* key, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) {
    return Status::InvalidArgument(where + ": \"" + key + "\" must be a string");
  }
  return it->get<std::string>();
}

bool Related(const json& entry) {
  auto it = entry.find("relation");
  return it != entry.end() && it->is_number() && it->get<double>() != 0;
}

// Rare anchors of every claim of one topic, computed as `analyze` does for a corpus.
std::map<std::string, std::vector<std::string>> TopicAnchors(
    const std::vector<std::string>& claims, const cluster::AnchorOptions& options) {
  const std::vector<std::vector<std::string>> anchors = cluster::CorpusAnchors(claims);
  const auto rare =
      cluster::RareAnchorHolders(anchors, std::vector<char>(claims.size(), 1), options);
  std::map<std::string, std::vector<std::string>> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    std::vector<std::string>& kept = out[claims[i]];
    for (const std::string& a : anchors[i]) {
      if (rare.count(a)) kept.push_back(a);  // stays sorted
    }
  }
  return out;
}

}  // namespace

Result<std::vector<ClaimDiffPair>> ReadClaimDiff(const std::string& strength_path,
                                                 const std::string& weak_path) {
  Result<json> strength = ReadDataArray(strength_path);
  if (!strength.ok()) return strength.status();
  std::map<std::string, bool> weak;
  if (!weak_path.empty()) {
    Result<json> w = ReadDataArray(weak_path);
    if (!w.ok()) return w.status();
    for (size_t i = 0; i < w->size(); ++i) {
      Result<std::string> id = Field((*w)[i], "pair_id", weak_path + ": data[" + std::to_string(i) + "]");
      if (!id.ok()) return id.status();
      weak[*id] = Related((*w)[i]);
    }
  }
  std::vector<ClaimDiffPair> out;
  for (size_t i = 0; i < strength->size(); ++i) {
    const json& e = (*strength)[i];
    const std::string where = strength_path + ": data[" + std::to_string(i) + "]";
    ClaimDiffPair p;
    for (auto [key, field] : {std::pair{"pair_id", &p.id}, std::pair{"topic", &p.topic},
                              std::pair{"claim_a", &p.a}, std::pair{"claim_b", &p.b}}) {
      Result<std::string> v = Field(e, key, where);
      if (!v.ok()) return v.status();
      *field = *std::move(v);
    }
    p.related = Related(e) || (weak.count(p.id) && weak[p.id]);
    out.push_back(std::move(p));
  }
  return out;
}

AnchorCalibration CalibrateAnchors(const embeddings::SentenceEncoder& encoder,
                                   const std::vector<ClaimDiffPair>& pairs,
                                   const cluster::AnchorOptions& options, double target_precision,
                                   int min_pairs, int threads) {
  AnchorCalibration cal;
  std::map<std::string, std::set<std::string>> topic_claims;
  for (const ClaimDiffPair& p : pairs) {
    topic_claims[p.topic].insert(p.a);
    topic_claims[p.topic].insert(p.b);
  }
  std::map<std::string, std::map<std::string, std::vector<std::string>>> anchors;
  for (const auto& [topic, claims] : topic_claims) {
    anchors[topic] = TopicAnchors({claims.begin(), claims.end()}, options);
  }
  std::vector<ParaphrasePair> labelled;
  labelled.reserve(pairs.size());
  for (const ClaimDiffPair& p : pairs) labelled.push_back({p.a, p.b, p.related});
  const std::vector<float> scores = ScorePairs(encoder, labelled, threads);
  std::vector<char> shares(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& a = anchors[pairs[i].topic][pairs[i].a];
    const auto& b = anchors[pairs[i].topic][pairs[i].b];
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    shares[i] = !common.empty();
    cal.pairs++;
    cal.related += pairs[i].related;
    cal.anchored += shares[i];
  }
  for (int step = 20; step <= 80; ++step) {
    AnchorThresholdRow row;
    row.threshold = step / 100.0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (scores[i] < row.threshold) continue;
      row.all_n++;
      row.all_related += pairs[i].related;
      if (!shares[i]) continue;
      row.anchor_n++;
      row.anchor_related += pairs[i].related;
    }
    if (cal.chosen < 0 && row.anchor_n >= min_pairs &&
        row.anchor_related >= target_precision * row.anchor_n) {
      cal.chosen = row.threshold;
    }
    cal.rows.push_back(row);
  }
  return cal;
}

}  // namespace diverge::evaluation
