#include "embeddings/sentence_encoder.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "embeddings/tokenizer.h"

namespace diverge {
namespace {

bool IsStopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "the",   "a",     "an",    "and",    "or",    "but",   "of",   "to",    "in",    "on",
      "at",    "by",    "for",   "with",   "from",  "as",    "is",   "are",   "was",   "were",
      "be",    "been",  "being", "am",     "it",    "its",   "this", "that",  "these", "those",
      "there", "here",  "he",    "she",    "they",  "we",    "you",  "i",     "his",   "her",
      "their", "our",   "your",  "my",     "him",   "them",  "us",   "me",    "'s",    "'re",
      "'ve",   "'ll",   "'d",    "'m",     "do",    "does",  "did",  "has",   "have",  "had",
      "will",  "would", "shall", "should", "can",   "could", "may",  "might", "must",  "which",
      "who",   "whom",  "what",  "when",   "where", "while", "if",   "than",  "then",  "so",
      "such",  "into",  "onto",  "about",  "over",  "under", "up",   "down",  "out",   "off",
      "also",  "just",  "very",  "said",   "says",  "say"};
  return kStop.count(w) > 0;
}

float WeightedJaccard(const EncodedSentence& a, const EncodedSentence& b, float* contain) {
  std::unordered_map<std::string_view, float> wa, wb;
  for (size_t i = 0; i < a.terms.size(); ++i) wa[a.terms[i]] = a.term_idf[i];
  for (size_t i = 0; i < b.terms.size(); ++i) wb[b.terms[i]] = b.term_idf[i];
  float inter = 0, sa = 0, sb = 0;
  for (const auto& [t, w] : wa) {
    sa += w;
    if (wb.count(t)) inter += w;
  }
  for (const auto& [t, w] : wb) sb += w;
  float uni = sa + sb - inter;
  float mn = std::min(sa, sb);
  *contain = mn > 0 ? inter / mn : (sa == 0 && sb == 0 ? 1.0f : 0.0f);
  return uni > 0 ? inter / uni : 1.0f;
}

float SetJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0f;
  std::unordered_set<std::string_view> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  size_t inter = 0;
  for (auto t : sa) inter += sb.count(t);
  return static_cast<float>(inter) / static_cast<float>(sa.size() + sb.size() - inter);
}

}  // namespace

SentenceEncoder::SentenceEncoder(const EmbeddingModel& model, EncoderOptions options)
    : model_(model), options_(options), combiner_(SimilarityCombiner::Builtin()) {
  max_idf_ = model_.size() > 0
                 ? static_cast<float>(-std::log(model_.Probability(model_.size() - 1)))
                 : 1.0f;
}

EncodedSentence SentenceEncoder::Encode(std::string_view text) const {
  return EncodeImpl(text, /*full=*/true);
}

EncodedSentence SentenceEncoder::EncodeImpl(std::string_view text, bool full) const {
  EncodedSentence s;
  const int d = model_.dims();
  s.vector = Eigen::VectorXf::Zero(d);
  std::vector<float> sub;
  if (model_.HasSubwords()) sub.resize(d);
  int n_vec = 0;
  auto add_word = [&](std::string_view w, bool content, bool cap) {
    int32_t id = model_.Find(w);
    float idf = max_idf_;
    if (id >= 0) {
      double p = model_.Probability(id);
      idf = static_cast<float>(-std::log(p));
      float norm = model_.Norm(id);
      float unit = options_.unit_word_vectors && norm > 0 ? 1.0f / norm : 1.0f;
      model_.AddVector(id, unit * static_cast<float>(options_.sif_a / (options_.sif_a + p)),
                       s.vector.data());
      s.word_ids.push_back(id);
      s.idf.push_back(idf);
      ++n_vec;
    } else if (model_.SubwordVector(w, sub.data())) {
      for (int k = 0; k < d; ++k) s.vector[k] += sub[k];  // weight ~1 for rare words
      ++n_vec;
    }
    if (full && content && !IsStopword(w)) {
      s.terms.emplace_back(w);
      s.term_idf.push_back(idf);
      if (cap) s.entities.emplace_back(w);
    }
  };
  std::string prev;
  for (const Token& t : Tokenize(text)) {
    if (full && t.kind != TokenKind::kPunct) {
      if (!prev.empty()) s.bigrams.push_back(prev + " " + t.text);
      prev = t.text;
    }
    switch (t.kind) {
      case TokenKind::kPunct:
        break;
      case TokenKind::kNumber:
        if (full) s.numbers.push_back(t.text);
        ++s.tokens;
        break;
      case TokenKind::kNegation:
        ++s.negations;
        ++s.tokens;
        add_word(t.text == "n't" ? "not" : t.text, false, false);
        break;
      case TokenKind::kWord:
        ++s.tokens;
        if (t.text.find('-') != std::string::npos && model_.Find(t.text) < 0) {
          size_t p = 0;
          while (p <= t.text.size()) {
            size_t q = t.text.find('-', p);
            if (q == std::string::npos) q = t.text.size();
            if (q > p) add_word(std::string_view(t.text).substr(p, q - p), true, t.capitalized);
            p = q + 1;
          }
        } else {
          add_word(t.text, true, t.capitalized);
        }
        break;
    }
  }
  if (n_vec > 0) {
    s.vector /= static_cast<float>(n_vec);
    if (options_.remove_common_component) {
      Eigen::Map<const Eigen::VectorXf> u(model_.CommonComponent(), d);
      s.vector -= u * u.dot(s.vector);
    }
    float norm = s.vector.norm();
    if (norm > 0) s.vector /= norm;
  }
  return s;
}

RowMatrix SentenceEncoder::EncodeAll(const std::vector<std::string>& texts, int threads) const {
  RowMatrix m(static_cast<Eigen::Index>(texts.size()), model_.dims());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min<int>(threads, std::max<size_t>(1, texts.size() / 64));
  auto work = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      m.row(i) = EncodeImpl(texts[i], /*full=*/false).vector.transpose();
    }
  };
  if (threads <= 1) {
    work(0, texts.size());
    return m;
  }
  std::vector<std::thread> pool;
  size_t chunk = (texts.size() + threads - 1) / threads;
  for (int t = 0; t < threads; ++t) {
    size_t b = t * chunk, e = std::min(texts.size(), b + chunk);
    if (b < e) pool.emplace_back(work, b, e);
  }
  for (auto& th : pool) th.join();
  return m;
}

SimilarityFeatures SentenceEncoder::Features(const EncodedSentence& a,
                                             const EncodedSentence& b) const {
  SimilarityFeatures f{};
  f[0] = (a.vector.size() == b.vector.size()) ? a.vector.dot(b.vector) : 0.0f;
  // Greedy max-cosine alignment, both directions: IDF-weighted, plain, and squared.
  const size_t na = a.word_ids.size(), nb = b.word_ids.size();
  float prec = 0, rec = 0, pprec = 0, prec_sq = 0, rec_sq = 0, prec_plain = 0, rec_plain = 0;
  float unaligned = 0;
  (void)pprec;
  if (na > 0 && nb > 0) {
    std::vector<float> best_a(na, -1.0f), best_b(nb, -1.0f);
    for (size_t i = 0; i < na; ++i) {
      for (size_t j = 0; j < nb; ++j) {
        float c =
            a.word_ids[i] == b.word_ids[j] ? 1.0f : model_.Cosine(a.word_ids[i], b.word_ids[j]);
        best_a[i] = std::max(best_a[i], c);
        best_b[j] = std::max(best_b[j], c);
      }
    }
    auto side = [](const std::vector<float>& best, const std::vector<float>& idf, float* w,
                   float* sq, float* plain, float* miss) {
      float num = 0, num_sq = 0, den = 0, sum = 0, lost = 0;
      for (size_t i = 0; i < best.size(); ++i) {
        float c = std::max(best[i], 0.0f);
        num += idf[i] * best[i];
        num_sq += idf[i] * c * c;
        den += idf[i];
        sum += best[i];
        if (best[i] < 0.5f) lost += idf[i];
      }
      *w = den > 0 ? num / den : 0;
      *sq = den > 0 ? num_sq / den : 0;
      *plain = best.empty() ? 0 : sum / best.size();
      *miss += lost / std::max(den, 1e-6f);
    };
    side(best_a, a.idf, &prec, &prec_sq, &prec_plain, &unaligned);
    side(best_b, b.idf, &rec, &rec_sq, &rec_plain, &unaligned);
    unaligned /= 2;
  } else {
    unaligned = (na == 0 && nb == 0) ? 0.0f : 1.0f;
  }
  auto f1 = [](float p, float r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0f; };
  f[1] = f1(prec, rec);
  f[2] = std::min(prec, rec);
  float contain = 0;
  f[3] = WeightedJaccard(a, b, &contain);
  f[4] = contain;
  f[5] = SetJaccard(a.numbers, b.numbers);
  f[6] = SetJaccard(a.entities, b.entities);
  f[7] = ((a.negations > 0) != (b.negations > 0)) ? 1.0f : 0.0f;
  int ta = std::max(a.tokens, 1), tb = std::max(b.tokens, 1);
  f[8] = static_cast<float>(std::min(ta, tb)) / static_cast<float>(std::max(ta, tb));
  f[9] = f1(prec_plain, rec_plain);
  f[10] = f1(prec_sq, rec_sq);
  f[11] = unaligned;
  f[12] = SetJaccard(a.bigrams, b.bigrams);
  f[13] = std::fabs(std::log(static_cast<float>(ta)) - std::log(static_cast<float>(tb)));
  if (a.vector.size() == b.vector.size()) {
    const Eigen::Index d = a.vector.size();
    f.vec.resize(2 * d);
    for (Eigen::Index k = 0; k < d; ++k) {
      f.vec[k] = a.vector[k] * b.vector[k];
      f.vec[d + k] = std::fabs(a.vector[k] - b.vector[k]);
    }
  }
  return f;
}

PairSimilarity SentenceEncoder::Similarity(const EncodedSentence& a,
                                           const EncodedSentence& b) const {
  PairSimilarity s;
  s.features = Features(a, b);
  s.cosine = s.features[0];
  s.alignment = s.features[1];
  s.lexical = s.features[3];
  s.numbers = s.features[5];
  s.entities = s.features[6];
  s.negation_mismatch = s.features[7] > 0.5f;
  s.length_ratio = s.features[8];
  s.score = combiner_.Score(s.features);
  return s;
}

}  // namespace diverge
