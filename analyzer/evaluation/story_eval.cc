#include "analyzer/evaluation/story_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/cluster/average_linkage.h"

namespace diverge::evaluation {
namespace {

// The datasets store paragraphs as a Python list literal ("['First.', 'Second.']"): the
// escapes are undone ("\xa0" -> space) and the list punctuation becomes spaces.
std::string UnPython(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      const char e = s[i + 1];
      if (e == 'x' && i + 3 < s.size()) {
        out += ' ';
        i += 3;
      } else if (e == 'n' || e == 't' || e == 'r') {
        out += ' ';
        ++i;
      } else {
        out += e;
        ++i;
      }
    } else if (c == '[' || c == ']') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::vector<StoryDoc>> ReadAllSides(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<StoryDoc> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("news") || !j["news"].is_object()) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) +
                                     ": not an AllSides story object");
    }
    const std::string story = j.contains("id") ? j["id"].dump() : std::to_string(number);
    for (const auto& [side, article] : j["news"].items()) {
      if (!article.is_object()) continue;
      std::string text = Str(article, "newsTitle") + ".\n" + UnPython(Str(article, "newBody"));
      if (text.size() < 40) continue;
      out.push_back({std::move(text), story});
    }
  }
  return out;
}

Result<std::vector<StoryDoc>> ReadBasil(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<StoryDoc> out;
  for (const std::string& f : files) {
    Result<std::string> bytes = ReadFile(f);
    if (!bytes.ok()) return bytes.status();
    nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      return Status::InvalidArgument(f + ": not a BASIL article object");
    }
    std::string text = Str(j, "title") + ".\n" + UnPython(Str(j, "body-paragraphs"));
    const std::string story = Str(j, "triplet-uuid");
    if (story.empty() || text.size() < 40) continue;
    out.push_back({std::move(text), story});
  }
  return out;
}

double StoryScoreRow::precision() const {
  return predicted_pairs ? static_cast<double>(correct_pairs) / predicted_pairs : 0.0;
}
double StoryScoreRow::recall() const {
  return gold_pairs ? static_cast<double>(correct_pairs) / gold_pairs : 0.0;
}
double StoryScoreRow::family_precision() const {
  return family_predicted_pairs ? static_cast<double>(family_correct_pairs) / family_predicted_pairs
                                : 0.0;
}
double StoryScoreRow::family_recall() const {
  return gold_pairs ? static_cast<double>(family_correct_pairs) / gold_pairs : 0.0;
}
double StoryScoreRow::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

std::vector<StoryScoreRow> EvaluateStories(const std::vector<StoryDoc>& docs,
                                           const SentenceEncoder& encoder,
                                           cluster::StoryOptions options, double from, double to,
                                           double step, int threads) {
  std::vector<std::vector<cluster::StoryTerm>> terms(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const EncodedSentence e = encoder.Encode(docs[d].text);
    terms[d] = cluster::StoryTerms(e.terms, e.term_idf);
  }
  std::map<std::string, long> gold_sizes;
  for (const StoryDoc& d : docs) ++gold_sizes[d.story];
  long gold_pairs = 0;
  for (const auto& [story, n] : gold_sizes) gold_pairs += n * (n - 1) / 2;
  const std::vector<cluster::DocumentPair> sims =
      cluster::DocumentSimilarities(terms, options, threads);
  std::vector<ScoredPair> pairs;
  for (const auto& p : sims) pairs.push_back({p.a, p.b, p.similarity});
  std::vector<StoryScoreRow> rows;
  for (double t = from; t <= to + 1e-9; t += step) {
    StoryScoreRow row;
    row.threshold = t;
    row.gold_pairs = gold_pairs;
    const std::vector<int32_t> rep =
        AverageLinkage(static_cast<int32_t>(docs.size()), pairs, 0.0, t);
    std::map<int32_t, std::map<std::string, long>> groups;
    for (size_t d = 0; d < docs.size(); ++d) ++groups[rep[d]][docs[d].story];
    for (const auto& [r, by_story] : groups) {
      long size = 0;
      for (const auto& [story, n] : by_story) {
        size += n;
        row.correct_pairs += n * (n - 1) / 2;
      }
      row.predicted_pairs += size * (size - 1) / 2;
    }
    row.stories = static_cast<int>(groups.size());
    // Families (stories.h StoryFamilies) of the stories at t and the pairs at t.
    const std::vector<int32_t> family = cluster::StoryFamilies(rep, sims, t);
    std::map<int32_t, std::map<std::string, long>> families;
    for (size_t d = 0; d < docs.size(); ++d) ++families[family[d]][docs[d].story];
    for (const auto& [r, by_story] : families) {
      long size = 0;
      for (const auto& [story, n] : by_story) {
        size += n;
        row.family_correct_pairs += n * (n - 1) / 2;
      }
      row.family_predicted_pairs += size * (size - 1) / 2;
    }
    row.families = static_cast<int>(families.size());
    rows.push_back(row);
  }
  return rows;
}

}  // namespace diverge::evaluation
