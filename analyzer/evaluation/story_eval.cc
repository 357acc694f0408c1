#include "analyzer/evaluation/story_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
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

// The text under `key`: a string (a Python list literal in some BASIL dumps), or an
// array of paragraphs, possibly nested (AllSides "newBody", BASIL "body-paragraphs"),
// joined by newlines.
void AppendText(const nlohmann::json& v, std::string* out) {
  if (v.is_string()) {
    if (!out->empty()) *out += '\n';
    *out += UnPython(v.get<std::string>());
  } else if (v.is_array()) {
    for (const auto& e : v) AppendText(e, out);
  }
}

std::string Str(const nlohmann::json& j, const char* key) {
  std::string out;
  auto it = j.find(key);
  if (it != j.end()) AppendText(*it, &out);
  return out;
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
      std::string text = Str(article, "newsTitle") + ".\n" + Str(article, "newBody");
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
    std::string text = Str(j, "title") + ".\n" + Str(j, "body-paragraphs");
    const std::string story = Str(j, "triplet-uuid");
    if (story.empty() || text.size() < 40) continue;
    out.push_back({std::move(text), story});
  }
  return out;
}

Result<std::vector<StoryDoc>> ReadFnc1Stories(const std::string& bodies_csv) {
  namespace fs = std::filesystem;
  const std::string stances_csv =
      (fs::path(bodies_csv).parent_path() / "train_stances.csv").string();
  Result<std::string> bodies_text = ReadFile(bodies_csv);
  if (!bodies_text.ok()) return bodies_text.status();
  Result<std::string> stances_text = ReadFile(stances_csv);
  if (!stances_text.ok()) return stances_text.status();
  std::map<std::string, std::string> body;  // Body ID -> text
  const auto body_rows = ParseCsv(*bodies_text);
  for (size_t i = 1; i < body_rows.size(); ++i) {
    if (body_rows[i].size() >= 2) body[body_rows[i][0]] = body_rows[i][1];
  }
  if (body.empty()) return Status::InvalidArgument(bodies_csv + ": no FNC-1 bodies");
  // Union-find over "h:" headlines and "b:" bodies joined by related pairs.
  std::map<std::string, std::string> parent;
  auto find = [&](std::string x) {
    parent.try_emplace(x, x);
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const auto stance_rows = ParseCsv(*stances_text);
  for (size_t i = 1; i < stance_rows.size(); ++i) {
    const auto& r = stance_rows[i];
    if (r.size() < 3 || r[2] == "unrelated") continue;
    const std::string a = find("h:" + r[0]), b = find("b:" + r[1]);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  std::vector<StoryDoc> out;
  for (const auto& [id, text] : body) {
    if (!parent.count("b:" + id) || text.size() < 40) continue;
    out.push_back({text, find("b:" + id)});
  }
  if (out.empty()) return Status::InvalidArgument(stances_csv + ": no related FNC-1 pairs");
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
  // The stories analyze makes (at options.min_similarity), which families join.
  const std::vector<int32_t> stories_at_default =
      AverageLinkage(static_cast<int32_t>(docs.size()), pairs, 0.0, options.min_similarity);
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
    // Families (stories.h StoryFamilies) of analyze's stories joined by the pairs at t.
    const std::vector<int32_t> family = cluster::StoryFamilies(stories_at_default, sims, t);
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
