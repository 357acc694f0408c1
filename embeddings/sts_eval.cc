#include "embeddings/sts_eval.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "embeddings/stats.h"

namespace diverge {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> parts;
  size_t p = 0;
  while (true) {
    size_t q = line.find('\t', p);
    parts.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  return parts;
}

bool ParseDouble(const std::string& s, double* out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  while (b < e && *b == ' ') ++b;
  auto r = std::from_chars(b, e, *out);
  return r.ec == std::errc();
}

}  // namespace

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
    auto parts = SplitTabs(line);
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
      pairs.push_back({parts[1], parts[2], (v - 1.0) / 4.0});
    } else {
      double v;
      if (parts.size() < 7 || !ParseDouble(parts[4], &v)) {
        return Status::Corruption(path + ":" + std::to_string(line_no) +
                                  ": expected genre, file, year, id, score, s1, s2");
      }
      pairs.push_back({parts[5], parts[6], v / 5.0});
    }
  }
  if (pairs.empty()) return Status::Corruption(path + ": no sentence pairs");
  return pairs;
}

StsResult EvaluateSts(const SentenceEncoder& encoder, const std::vector<StsPair>& pairs,
                      std::string* feature_table) {
  std::vector<double> gold, pred, cos;
  if (feature_table) {
    *feature_table = "gold\tscore";
    for (auto name : kSimilarityFeatureNames) *feature_table += "\t" + std::string(name);
    *feature_table += "\n";
  }
  for (const auto& p : pairs) {
    auto a = encoder.Encode(p.a);
    auto b = encoder.Encode(p.b);
    PairSimilarity s = encoder.Similarity(a, b);
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
  r.pearson = Pearson(pred, gold);
  r.spearman = Spearman(pred, gold);
  r.cosine_pearson = Pearson(cos, gold);
  r.cosine_spearman = Spearman(cos, gold);
  return r;
}

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
    else if (key == "hidden") c.hidden = static_cast<int>(v);
    else if (key == "epochs") c.epochs = static_cast<int>(v);
    else return Status::InvalidArgument("combiner config: unknown key '" + key + "'");
  }
  return c;
}

Result<TrainSimilarityResult> TrainSimilarity(const SentenceEncoder& encoder,
                                              const TrainSimilarityOptions& options) {
  std::vector<SimilarityFeatures> x;
  std::vector<float> y;
  std::vector<int> groups;
  std::string files;
  for (const auto& f : options.train_files) {
    auto pairs = ReadStsFile(f, StsFormat::kAuto);
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
  r.combiner = SimilarityCombiner::FitCV(x, y, groups, options.configs, options.folds,
                                         &r.cv_spearman, &r.cv_by_file, &r.config, &r.report);
  std::ostringstream note;
  note << "trained on " << files << " (" << r.n << " pairs) with model " << encoder.model().id()
       << "; " << options.folds << "-fold CV Spearman by file";
  for (double v : r.cv_by_file) note << " " << v;
  note << " (hidden " << r.config.hidden << ", lambda " << r.config.lambda << ", trees "
       << r.config.trees << ", depth " << r.config.depth << ", shrink " << r.config.shrinkage
       << ", leaf " << r.config.min_leaf << ")";
  r.combiner.note = note.str();
  return r;
}

}  // namespace diverge
