#include "analyzer/cluster/stories.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyzer/cluster/average_linkage.h"
#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster {
namespace {

struct SparseDoc {
  std::vector<int32_t> terms;  // ascending term ids
  std::vector<float> values;   // unit-length weights, per terms entry
};

// Term ids in the sorted order of the term strings, so sums run in the same order
// whatever the order of the occurrences.
std::vector<SparseDoc> Vectorise(const std::vector<std::vector<StoryTerm>>& docs,
                                 const StoryOptions& options, int32_t* vocabulary) {
  std::map<std::string, int32_t> ids;
  for (const auto& d : docs) {
    for (const StoryTerm& t : d) ids.emplace(t.term, 0);
  }
  int32_t next = 0;
  for (auto& [term, id] : ids) id = next++;
  *vocabulary = next;
  // Document frequency of each term in this corpus.
  std::vector<int32_t> df(next, 0);
  for (const auto& d : docs) {
    std::vector<int32_t> seen;
    for (const StoryTerm& t : d) seen.push_back(ids[t.term]);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (int32_t id : seen) ++df[id];
  }
  const double n = static_cast<double>(docs.size());
  std::vector<SparseDoc> out(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    std::map<int32_t, std::pair<int, float>> tf;  // id -> (count, max weight)
    for (const StoryTerm& t : docs[d]) {
      auto& [count, weight] = tf[ids[t.term]];
      ++count;
      weight = std::max(weight, std::max(0.0f, t.weight));
    }
    double norm = 0;
    for (const auto& [id, cw] : tf) {
      // Smoothed inverse document frequency in the corpus (>= 1), and a term only this
      // document holds damped: it can show no shared story, only lengthen the vector.
      const double idf = std::log((1.0 + n) / (1.0 + df[id])) + 1.0;
      const double alone = df[id] >= 2 ? 1.0 : options.singleton_weight;
      const float v = static_cast<float>((1.0 + std::log(static_cast<double>(cw.first))) *
                                         cw.second * idf * alone);
      if (v <= 0) continue;
      out[d].terms.push_back(id);
      out[d].values.push_back(v);
      norm += static_cast<double>(v) * v;
    }
    if (norm > 0) {
      const float inv = static_cast<float>(1.0 / std::sqrt(norm));
      for (float& v : out[d].values) v *= inv;
    }
  }
  return out;
}

}  // namespace

std::vector<StoryTerm> StoryTerms(const std::vector<std::string>& terms,
                                  const std::vector<float>& weights) {
  std::vector<StoryTerm> out;
  out.reserve(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    out.push_back({terms[i], i < weights.size() ? weights[i] : 1.0f});
  }
  return out;
}

std::vector<DocumentPair> DocumentSimilarities(const std::vector<std::vector<StoryTerm>>& docs,
                                               const StoryOptions& options, int threads) {
  int32_t vocabulary = 0;
  const std::vector<SparseDoc> vec = Vectorise(docs, options, &vocabulary);
  const int32_t n = static_cast<int32_t>(vec.size());
  // Inverted index: documents (ascending) holding each term, with the term's value.
  std::vector<std::vector<std::pair<int32_t, float>>> postings(vocabulary);
  for (int32_t d = 0; d < n; ++d) {
    for (size_t k = 0; k < vec[d].terms.size(); ++k) {
      postings[vec[d].terms[k]].push_back({d, vec[d].values[k]});
    }
  }
  std::vector<std::vector<DocumentPair>> per_doc(n);
  knn_internal::ParallelFor(threads, n, [&](int64_t task) {
    const int32_t a = static_cast<int32_t>(task);
    std::map<int32_t, float> acc;  // b > a -> dot product
    for (size_t k = 0; k < vec[a].terms.size(); ++k) {
      const auto& post = postings[vec[a].terms[k]];
      if (post.size() < 2 || post.size() > options.max_postings) continue;
      for (const auto& [b, v] : post) {
        if (b > a) acc[b] += vec[a].values[k] * v;
      }
    }
    for (const auto& [b, dot] : acc) per_doc[a].push_back({a, b, dot});
  });
  std::vector<DocumentPair> out;
  for (auto& v : per_doc) out.insert(out.end(), v.begin(), v.end());
  return out;
}

std::vector<int32_t> StoryFamilies(const std::vector<int32_t>& story,
                                   const std::vector<DocumentPair>& pairs, double min_similarity) {
  const int32_t n = static_cast<int32_t>(story.size());
  // Union-find over the stories and the pairs at min_similarity.
  std::vector<int32_t> parent(n);
  for (int32_t d = 0; d < n; ++d) parent[d] = d;
  auto find = [&](int32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](int32_t a, int32_t b) {
    const int32_t x = find(a), y = find(b);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  };
  std::map<int32_t, int32_t> first_of_story;
  for (int32_t d = 0; d < n; ++d) unite(first_of_story.try_emplace(story[d], d).first->second, d);
  for (const DocumentPair& p : pairs) {
    if (p.similarity >= min_similarity) unite(p.a, p.b);
  }
  std::vector<int32_t> family(n, -1), family_of_root(n, -1);
  int32_t next = 0;
  for (int32_t d = 0; d < n; ++d) {
    const int32_t root = find(d);
    if (family_of_root[root] < 0) family_of_root[root] = next++;
    family[d] = family_of_root[root];
  }
  return family;
}

std::vector<int32_t> GroupStories(const std::vector<std::vector<StoryTerm>>& docs,
                                  const StoryOptions& options, int threads,
                                  std::vector<int32_t>* families) {
  const int32_t n = static_cast<int32_t>(docs.size());
  std::vector<ScoredPair> pairs;
  for (const DocumentPair& p : DocumentSimilarities(docs, options, threads)) {
    pairs.push_back({p.a, p.b, p.similarity});
  }
  const std::vector<int32_t> rep =
      AverageLinkage(n, pairs, /*missing_score=*/0.0, options.min_similarity, threads);
  std::vector<int32_t> story(n, -1), story_of_rep(n, -1);
  int32_t next = 0;
  for (int32_t d = 0; d < n; ++d) {
    if (story_of_rep[rep[d]] < 0) story_of_rep[rep[d]] = next++;
    story[d] = story_of_rep[rep[d]];
  }
  if (families != nullptr) {
    std::vector<DocumentPair> links;
    for (const ScoredPair& p : pairs) links.push_back({p.a, p.b, p.score});
    *families = StoryFamilies(story, links, options.family_min_similarity);
  }
  return story;
}

}  // namespace diverge::cluster
