#include "analyzer/evaluation/story_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
#include "analyzer/cluster/average_linkage.h"
#include "analyzer/evaluation/news_datasets.h"
#include "learning/metrics.h"

namespace diverge::evaluation {
namespace {

// Title and body, as a story document (too short to say anything: none).
void AddStoryDoc(const NewsArticle& a, std::vector<StoryDoc>* out) {
  std::string text = a.title + ".\n" + a.body;
  if (a.story.empty() || text.size() < 40) return;
  out->push_back({std::move(text), a.story});
}

}  // namespace

Result<std::vector<StoryDoc>> ReadAllSides(const std::string& path) {
  Result<std::vector<NewsArticle>> articles = ReadAllSidesArticles(path);
  if (!articles.ok()) return articles.status();
  std::vector<StoryDoc> out;
  for (const NewsArticle& a : *articles) AddStoryDoc(a, &out);
  return out;
}

Result<std::vector<StoryDoc>> ReadBasil(const std::string& dir) {
  Result<std::vector<NewsArticle>> articles = ReadBasilArticles(dir);
  if (!articles.ok()) return articles.status();
  std::vector<StoryDoc> out;
  for (const NewsArticle& a : *articles) AddStoryDoc(a, &out);
  return out;
}

Result<std::vector<StoryDoc>> ReadFnc1Stories(const std::string& bodies_csv) {
  namespace fs = std::filesystem;
  const std::string stances_csv =
      (fs::path(bodies_csv).parent_path() / "train_stances.csv").string();
  Result<std::vector<NewsArticle>> bodies = ReadFnc1Bodies(bodies_csv);
  if (!bodies.ok()) return bodies.status();
  Result<std::string> stances_text = ReadFile(stances_csv);
  if (!stances_text.ok()) return stances_text.status();
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
  // In the order of the Body IDs as strings.
  std::map<std::string, std::string> body;
  for (NewsArticle& a : *bodies) body.emplace(a.id, std::move(a.body));
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
                                           const embeddings::SentenceEncoder& encoder,
                                           cluster::StoryOptions options, double from, double to,
                                           double step, int threads) {
  std::vector<std::vector<cluster::StoryTerm>> terms(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const embeddings::EncodedSentence e = encoder.Encode(docs[d].text);
    terms[d] = cluster::StoryTerms(e.terms, e.term_idf);
  }
  // The dataset's story of each document, as a label.
  std::vector<int64_t> gold(docs.size());
  std::map<std::string, int64_t> label_of_story;
  for (size_t d = 0; d < docs.size(); ++d) {
    gold[d] = label_of_story.try_emplace(docs[d].story, label_of_story.size()).first->second;
  }
  auto labels = [](const std::vector<int32_t>& v) {
    return std::vector<int64_t>(v.begin(), v.end());
  };
  auto groups = [](const std::vector<int32_t>& v) {
    return static_cast<int>(std::set<int32_t>(v.begin(), v.end()).size());
  };
  const std::vector<cluster::DocumentPair> sims =
      cluster::DocumentSimilarities(terms, options, threads);
  std::vector<cluster::ScoredPair> pairs;
  for (const auto& p : sims) pairs.push_back({p.a, p.b, p.similarity});
  // The stories analyze makes (at options.min_similarity), which families join.
  const std::vector<int32_t> stories_at_default = cluster::AverageLinkage(
      static_cast<int32_t>(docs.size()), pairs, 0.0, options.min_similarity);
  std::vector<StoryScoreRow> rows;
  for (double t = from; t <= to + 1e-9; t += step) {
    StoryScoreRow row;
    row.threshold = t;
    const std::vector<int32_t> rep =
        cluster::AverageLinkage(static_cast<int32_t>(docs.size()), pairs, 0.0, t);
    const learning::BinaryCounts stories = learning::GroupPairCounts(labels(rep), gold);
    row.gold_pairs = stories.positives();
    row.predicted_pairs = stories.predicted();
    row.correct_pairs = stories.tp;
    row.stories = groups(rep);
    // Families (stories.h StoryFamilies) of analyze's stories joined by the pairs at t.
    const std::vector<int32_t> family = cluster::StoryFamilies(stories_at_default, sims, t);
    const learning::BinaryCounts families = learning::GroupPairCounts(labels(family), gold);
    row.family_predicted_pairs = families.predicted();
    row.family_correct_pairs = families.tp;
    row.families = groups(family);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace diverge::evaluation
