#include "embeddings/sif_encoder.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_set>

#include "analyzer/base/parallel_for.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/vocabulary_tokenizer.h"
#include "embeddings/pair_features.h"

namespace diverge::embeddings {
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

}  // namespace

SifEncoder::SifEncoder(const EmbeddingModel& model, EncoderOptions options)
    : model_(model), options_(options), combiner_(SimilarityCombiner::Builtin()) {
  max_idf_ = model_.size() > 0
                 ? static_cast<float>(-std::log(model_.Probability(model_.size() - 1)))
                 : 1.0f;
}

EncodedSentence SifEncoder::Encode(std::string_view text) const {
  return EncodeImpl(text, /*full=*/true);
}

EncodedSentence SifEncoder::EncodeImpl(std::string_view text, bool full) const {
  EncodedSentence s;
  const int d = model_.dims();
  s.vector = Eigen::VectorXf::Zero(d);
  if (full) s.vector_avg = Eigen::VectorXf::Zero(d);
  std::vector<float> sub;
  if (model_.HasSubwords()) sub.resize(d);
  const WordSenses* wordnet = full && options_.use_wordnet ? WordSenses::Default() : nullptr;
  int n_vec = 0;
  auto add_word = [&](std::string_view w, bool content, bool cap) {
    int32_t id = model_.Find(w);
    std::string stem = full ? text::InflectionStem(w) : std::string();
    float idf = max_idf_;
    if (id >= 0) {
      double p = model_.Probability(id);
      if (full) idf = static_cast<float>(-std::log(p));
      float norm = model_.Norm(id);
      float unit = options_.unit_word_vectors && norm > 0 ? 1.0f / norm : 1.0f;
      model_.AddVector(id, unit * static_cast<float>(options_.sif_a / (options_.sif_a + p)),
                       s.vector.data());
      if (full) {
        model_.AddVector(id, 1.0f, s.vector_avg.data());
        s.word_ids.push_back(id);
        s.idf.push_back(idf);
        s.content.push_back(content && !IsStopword(w));
        s.stem_keys.push_back(StableHash(stem));
        s.senses.push_back(wordnet && s.content.back() ? wordnet->Find(w) : nullptr);
        s.pos.push_back(static_cast<uint8_t>(s.content.back() ? CoarsePos(s.senses.back(), w) : 0));
      }
      ++n_vec;
    } else if (model_.SubwordVector(w, sub.data())) {
      for (int k = 0; k < d; ++k) s.vector[k] += sub[k];  // weight ~1 for rare words
      ++n_vec;
    }
    if (full && content && !IsStopword(w)) {
      s.terms.push_back(stem);
      s.term_idf.push_back(idf);
      if (cap) s.entities.emplace_back(w);
    }
  };
  std::string prev;
  for (const text::VocabToken& t : text::TokenizeForVocabulary(text)) {
    if (full && t.kind != text::VocabTokenKind::kPunct) {
      if (!prev.empty()) s.bigrams.push_back(prev + " " + t.text);
      prev = t.text;
      s.words.push_back(t.text);
    }
    switch (t.kind) {
      case text::VocabTokenKind::kPunct:
        break;
      case text::VocabTokenKind::kNumber:
        if (full) s.numbers.push_back(t.text);
        ++s.tokens;
        break;
      case text::VocabTokenKind::kNegation:
        ++s.negations;
        ++s.tokens;
        add_word(t.text == "n't" ? "not" : t.text, false, false);
        break;
      case text::VocabTokenKind::kWord:
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
    if (full) s.vector_raw = s.vector;
    if (options_.remove_common_component) {
      Eigen::Map<const Eigen::VectorXf> u(model_.CommonComponent(), d);
      s.vector -= u * u.dot(s.vector);
    }
    float norm = s.vector.norm();
    if (norm > 0) s.vector /= norm;
  }
  if (full) PrepareSetFeatures(&s);
  return s;
}

RowMatrixXf SifEncoder::EncodeAll(const std::vector<std::string>& texts, int threads) const {
  RowMatrixXf m(static_cast<Eigen::Index>(texts.size()), model_.dims());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min<int>(threads, std::max<size_t>(1, texts.size() / 64));
  auto work = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      m.row(i) = EncodeImpl(texts[i], /*full=*/false).vector.transpose();
    }
  };
  const size_t chunk = (texts.size() + threads - 1) / threads;
  ParallelFor(threads, threads, [&](int64_t t) {
    const size_t b = size_t(t) * chunk, e = std::min(texts.size(), b + chunk);
    if (b < e) work(b, e);
  });
  return m;
}

SimilarityFeatures SifEncoder::Features(const EncodedSentence& a, const EncodedSentence& b) const {
  return ComputePairFeatures(model_, a, b);
}

PairSimilarity SifEncoder::Similarity(const EncodedSentence& a, const EncodedSentence& b) const {
  PairSimilarity s;
  s.features = Features(a, b);
  s.cosine = s.features[0];
  s.alignment = s.features[1];
  s.lexical = s.features[3];
  s.numbers = s.features[5];
  s.entities = s.features[6];
  s.negation_mismatch = s.features[7] > 0.5f;
  s.length_ratio = s.features[8];
  combiner_.ScoreBoth(s.features, ClaimFeatures(s.features), &s.score, &s.claim_score);
  return s;
}

float SifEncoder::ClaimScore(const EncodedSentence& a, const EncodedSentence& b) const {
  return combiner_.Score(ClaimFeatures(Features(a, b)));
}

}  // namespace diverge::embeddings
