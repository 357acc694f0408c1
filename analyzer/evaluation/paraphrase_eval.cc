#include "analyzer/evaluation/paraphrase_eval.h"

#include <algorithm>
#include <fstream>
#include <thread>

namespace diverge {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

double Ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

}  // namespace

double BinaryScores::precision() const { return Ratio(tp, tp + fp); }
double BinaryScores::recall() const { return Ratio(tp, tp + fn); }
double BinaryScores::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double BinaryScores::accuracy() const { return Ratio(tp + tn, tp + tn + fp + fn); }

Result<std::vector<ParaphrasePair>> ReadParaphraseFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<ParaphrasePair> pairs;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 || line.empty()) continue;  // header
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 5) {
      return Status::Corruption(path + ":" + std::to_string(line_no) +
                                ": expected 5 columns, got " + std::to_string(f.size()));
    }
    if (f[0] != "0" && f[0] != "1") {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": label \"" + f[0] +
                                "\" is not 0 or 1");
    }
    pairs.push_back({f[3], f[4], f[0] == "1"});
  }
  if (pairs.empty()) return Status::Corruption(path + ": no pairs");
  return pairs;
}

std::vector<float> ScorePairs(const SentenceEncoder& encoder,
                              const std::vector<ParaphrasePair>& pairs, int threads) {
  std::vector<float> scores(pairs.size());
  int n = std::max(1, threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < n; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = t; i < pairs.size(); i += n) {
        scores[i] =
            encoder.Similarity(encoder.Encode(pairs[i].a), encoder.Encode(pairs[i].b)).claim_score;
      }
    });
  }
  for (std::thread& th : pool) th.join();
  return scores;
}

BinaryScores ScoreAtThreshold(const std::vector<float>& scores,
                              const std::vector<ParaphrasePair>& pairs, double threshold) {
  BinaryScores s;
  s.threshold = threshold;
  for (size_t i = 0; i < pairs.size(); ++i) {
    bool said_same = scores[i] >= threshold;
    if (said_same && pairs[i].same) ++s.tp;
    if (said_same && !pairs[i].same) ++s.fp;
    if (!said_same && pairs[i].same) ++s.fn;
    if (!said_same && !pairs[i].same) ++s.tn;
  }
  return s;
}

BinaryScores BestThreshold(const std::vector<float>& scores,
                           const std::vector<ParaphrasePair>& pairs) {
  BinaryScores best = ScoreAtThreshold(scores, pairs, 0.30);
  for (int step = 31; step <= 95; ++step) {
    BinaryScores s = ScoreAtThreshold(scores, pairs, step / 100.0);
    if (s.accuracy() >= best.accuracy()) best = s;
  }
  return best;
}

}  // namespace diverge
