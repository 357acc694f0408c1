#include "analyzer/evaluation/paraphrase_eval.h"

#include <algorithm>
#include <fstream>

#include "analyzer/base/parallel_for.h"
#include "analyzer/base/split_fields.h"

namespace diverge::evaluation {

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
    std::vector<std::string_view> f = SplitAll(line, '\t');
    if (f.size() < 5) {
      return Status::Corruption(path + ":" + std::to_string(line_no) +
                                ": expected 5 columns, got " + std::to_string(f.size()));
    }
    if (f[0] != "0" && f[0] != "1") {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": label \"" +
                                std::string(f[0]) + "\" is not 0 or 1");
    }
    pairs.push_back({std::string(f[3]), std::string(f[4]), f[0] == "1"});
  }
  if (pairs.empty()) return Status::Corruption(path + ": no pairs");
  return pairs;
}

std::vector<float> ScorePairs(const embeddings::SentenceEncoder& encoder,
                              const std::vector<ParaphrasePair>& pairs, int threads) {
  std::vector<float> scores(pairs.size());
  ParallelFor(threads, static_cast<int64_t>(pairs.size()), [&](int64_t i) {
    const ParaphrasePair& p = pairs[size_t(i)];
    scores[size_t(i)] = encoder.ClaimScore(encoder.Encode(p.a), encoder.Encode(p.b));
  });
  return scores;
}

BinaryScores ScoreAtThreshold(const std::vector<float>& scores,
                              const std::vector<ParaphrasePair>& pairs, double threshold) {
  BinaryScores s;
  s.threshold = threshold;
  for (size_t i = 0; i < pairs.size(); ++i) {
    s.Add(/*predicted=*/scores[i] >= threshold, /*gold=*/pairs[i].same);
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

}  // namespace diverge::evaluation
