#include "analyzer/evaluation/sts_eval.h"

#include <cstdio>
#include <fstream>

#include "analyzer/base/parse_number.h"
#include "analyzer/base/split_fields.h"
#include "learning/metrics.h"

namespace diverge::evaluation {

Result<std::vector<StsPair>> ReadStsFile(const std::string& path, StsFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open STS file");
  std::vector<StsPair> pairs;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string_view> parts = SplitAll(line, '\t');
    if (line_no == 1 && format == StsFormat::kAuto) {
      format = (parts.size() >= 4 && parts[0] == "pair_ID") ? StsFormat::kSick : StsFormat::kStsb;
    }
    if (format == StsFormat::kSick) {
      if (parts.size() >= 4 && parts[0] == "pair_ID") continue;
      double v;
      if (parts.size() < 4 || !ParseDouble(parts[3], &v)) {
        return Status::Corruption(path + ":" + std::to_string(line_no) +
                                  ": expected pair_ID, sentence_A, sentence_B, relatedness_score");
      }
      pairs.push_back({std::string(parts[1]), std::string(parts[2]), (v - 1.0) / 4.0});
    } else {
      double v;
      if (parts.size() < 7 || !ParseDouble(parts[4], &v)) {
        return Status::Corruption(path + ":" + std::to_string(line_no) +
                                  ": expected genre, file, year, id, score, s1, s2");
      }
      pairs.push_back({std::string(parts[5]), std::string(parts[6]), v / 5.0});
    }
  }
  if (pairs.empty()) return Status::Corruption(path + ": no sentence pairs");
  return pairs;
}

StsResult EvaluateSts(const embeddings::SentenceEncoder& encoder, const std::vector<StsPair>& pairs,
                      std::string* feature_table) {
  std::vector<double> gold, pred, cos;
  if (feature_table) {
    *feature_table = "gold\tscore";
    for (auto name : embeddings::kSimilarityFeatureNames)
      *feature_table += "\t" + std::string(name);
    *feature_table += "\n";
  }
  for (const auto& p : pairs) {
    auto a = encoder.Encode(p.a);
    auto b = encoder.Encode(p.b);
    embeddings::PairSimilarity s = encoder.Similarity(a, b);
    gold.push_back(p.score);
    pred.push_back(s.score);
    cos.push_back(s.cosine);
    if (feature_table) {
      char cell[32];
      std::snprintf(cell, sizeof cell, "%.4f\t%.6f", p.score, s.score);
      *feature_table += cell;
      for (float v : s.features.base) {
        std::snprintf(cell, sizeof cell, "\t%.6g", v);
        *feature_table += cell;
      }
      *feature_table += "\n";
    }
  }
  StsResult r;
  r.n = pairs.size();
  r.pearson = learning::Pearson(pred, gold);
  r.spearman = learning::Spearman(pred, gold);
  r.cosine_pearson = learning::Pearson(cos, gold);
  r.cosine_spearman = learning::Spearman(cos, gold);
  return r;
}

}  // namespace diverge::evaluation
