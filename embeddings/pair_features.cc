#include "embeddings/pair_features.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "embeddings/sentence_encoder.h"
#include "embeddings/word_senses.h"

namespace diverge::embeddings {
namespace {

float WeightedJaccard(const EncodedSentence& a, const EncodedSentence& b, float* contain,
                      float* unmatched) {
  std::unordered_map<std::string_view, float> wa, wb;
  for (size_t i = 0; i < a.terms.size(); ++i) wa[a.terms[i]] = a.term_idf[i];
  for (size_t i = 0; i < b.terms.size(); ++i) wb[b.terms[i]] = b.term_idf[i];
  float inter = 0, sa = 0, sb = 0;
  int shared = 0;
  for (const auto& [t, w] : wa) {
    sa += w;
    if (wb.count(t)) {
      inter += w;
      ++shared;
    }
  }
  for (const auto& [t, w] : wb) sb += w;
  float uni = sa + sb - inter;
  float mn = std::min(sa, sb);
  *contain = mn > 0 ? inter / mn : (sa == 0 && sb == 0 ? 1.0f : 0.0f);
  *unmatched = std::log1p(static_cast<float>(wa.size() + wb.size() - 2 * shared));
  return uni > 0 ? inter / uni : 1.0f;
}

// |A n B| / |A u B| of two sorted lists with duplicates (1 when both are empty).
template <typename T>
float SortedJaccard(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 1.0f;
  size_t i = 0, j = 0, inter = 0, ua = 0, ub = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      ++ua;
      const T& v = a[i];
      while (i < a.size() && a[i] == v) ++i;
    } else if (i == a.size() || b[j] < a[i]) {
      ++ub;
      const T& v = b[j];
      while (j < b.size() && b[j] == v) ++j;
    } else {
      ++inter;
      const T& v = a[i];
      while (i < a.size() && a[i] == v) ++i;
      while (j < b.size() && b[j] == v) ++j;
    }
  }
  return static_cast<float>(inter) / static_cast<float>(ua + ub + inter);
}

// Positions 0..n-1 of `list` in the order of their strings (ties: position).
std::vector<uint16_t> SortedPositions(const std::vector<std::string>& list) {
  std::vector<uint16_t> order(list.size());
  std::iota(order.begin(), order.end(), uint16_t{0});
  std::sort(order.begin(), order.end(),
            [&](uint16_t x, uint16_t y) { return list[x] != list[y] ? list[x] < list[y] : x < y; });
  return order;
}

// Views of `list` in string order: from `sorted` (PrepareSetFeatures) when it matches the
// list, else sorted here.
void SortedViews(const std::vector<std::string>& list, const std::vector<uint16_t>& sorted,
                 std::vector<std::string_view>* out) {
  out->clear();
  if (sorted.size() == list.size()) {
    for (uint16_t k : sorted) out->push_back(list[k]);
    return;
  }
  out->assign(list.begin(), list.end());
  std::sort(out->begin(), out->end());
}

// Jaccard of the distinct strings of a and b. Sorted views in reused per-thread buffers
// (a hash set per pair and side was a hot spot of the pair score).
float SetJaccard(const std::vector<std::string>& a, const std::vector<uint16_t>& sorted_a,
                 const std::vector<std::string>& b, const std::vector<uint16_t>& sorted_b) {
  thread_local std::vector<std::string_view> va, vb;
  SortedViews(a, sorted_a, &va);
  SortedViews(b, sorted_b, &vb);
  return SortedJaccard(va, vb);
}

// The character trigrams of the words joined by single spaces (with boundary spaces),
// each packed into the low 24 bits of a number, sorted.
void CharTrigrams(const std::vector<std::string>& words, std::vector<uint32_t>* out) {
  out->clear();
  uint32_t window = static_cast<unsigned char>(' ');
  int have = 1;
  auto push = [&](unsigned char c) {
    window = ((window << 8) | c) & 0xFFFFFFu;
    if (++have >= 3) out->push_back(window);
  };
  for (const std::string& w : words) {
    for (char c : w) push(static_cast<unsigned char>(c));
    push(' ');
  }
  std::sort(out->begin(), out->end());
}

// Jaccard of the character trigrams of the two sentences' words (their char3 when
// prepared).
float CharTrigramJaccard(const EncodedSentence& a, const EncodedSentence& b) {
  thread_local std::vector<uint32_t> ta, tb;
  const std::vector<uint32_t>* pa = &a.char3;
  const std::vector<uint32_t>* pb = &b.char3;
  if (a.char3.empty() && !a.words.empty()) {
    CharTrigrams(a.words, &ta);
    pa = &ta;
  }
  if (b.char3.empty() && !b.words.empty()) {
    CharTrigrams(b.words, &tb);
    pb = &tb;
  }
  return SortedJaccard(*pa, *pb);
}

float Cos(const Eigen::VectorXf& x, const Eigen::VectorXf& y) {
  if (x.size() != y.size() || x.size() == 0) return 0.0f;
  float n = x.norm() * y.norm();
  return n > 0 ? x.dot(y) / n : 0.0f;
}

float F1(float p, float r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0f; }

// Alignment statistics of one side: best[i] is word i's best cosine on the other side.
struct Side {
  float idf = 0, idf_sq = 0, plain = 0, content = 0, lost = 0, content_min = 1;
  bool has_content = false;
};

Side Summarise(const std::vector<float>& best, const EncodedSentence& s) {
  Side out;
  float num = 0, num_sq = 0, den = 0, sum = 0, lost = 0, cnum = 0, cden = 0;
  for (size_t i = 0; i < best.size(); ++i) {
    const float w = s.idf[i], c = std::max(best[i], 0.0f);
    num += w * best[i];
    num_sq += w * c * c;
    den += w;
    sum += best[i];
    if (best[i] < 0.5f) lost += w;
    if (s.content[i]) {
      out.content_min = std::min(out.content_min, best[i]);
      cnum += w * best[i];
      cden += w;
    }
  }
  out.idf = den > 0 ? num / den : 0;
  out.idf_sq = den > 0 ? num_sq / den : 0;
  out.plain = best.empty() ? 0 : sum / best.size();
  out.lost = lost / std::max(den, 1e-6f);
  out.has_content = cden > 0;
  out.content = cden > 0 ? cnum / cden : 0;
  return out;
}

// Greedy one-to-one matching by decreasing cosine; IDF-weighted F1 of the matched
// cosines (each word used once, so repeated words must be matched repeatedly).
float OneToOneF1(const std::vector<float>& cos, const EncodedSentence& a,
                 const EncodedSentence& b, std::vector<std::pair<int, int>>* matches) {
  const size_t na = a.word_ids.size(), nb = b.word_ids.size();
  // Word pairs by cosine descending, ties by index (the order a stable sort gives), as
  // one number each: the cosine's bits made to sort descending, above the pair's index.
  // The greedy stops after min(na, nb) matches, usually long before the last pair, so
  // the pairs are ordered a block at a time: the best 4 * min(na, nb), then twice as
  // many of the rest, ... (a full sort of every word pair was a hot spot of the pair
  // score; so was comparing through the cosine array).
  thread_local std::vector<uint64_t> order;
  order.resize(na * nb);
  for (size_t k = 0; k < na * nb; ++k) {
    const float c = cos[k] + 0.0f;  // -0 sorts with +0, as it compares
    uint32_t bits;
    std::memcpy(&bits, &c, sizeof bits);
    const uint32_t ascending = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
    order[k] = (static_cast<uint64_t>(~ascending) << 32) | static_cast<uint32_t>(k);
  }
  thread_local std::vector<char> used_a, used_b;
  used_a.assign(na, 0);
  used_b.assign(nb, 0);
  float pa = 0, pb = 0;
  size_t matched = 0;
  const size_t target = std::min(na, nb);
  size_t block = 4 * target;
  for (auto begin = order.begin(); begin != order.end() && matched < target; block *= 2) {
    auto end = static_cast<size_t>(order.end() - begin) > block ? begin + block : order.end();
    if (end != order.end()) std::nth_element(begin, end, order.end());
    std::sort(begin, end);
    for (; begin != end && matched < target; ++begin) {
      const uint32_t k = static_cast<uint32_t>(*begin);
      const size_t i = k / nb, j = k % nb;
      if (used_a[i] || used_b[j]) continue;
      used_a[i] = used_b[j] = 1;
      if (cos[k] >= 0.5f && a.content[i] && b.content[j]) {
        matches->emplace_back(static_cast<int>(i), static_cast<int>(j));
      }
      pa += a.idf[i] * cos[k];
      pb += b.idf[j] * cos[k];
      ++matched;
    }
  }
  float da = std::accumulate(a.idf.begin(), a.idf.end(), 0.0f);
  float db = std::accumulate(b.idf.begin(), b.idf.end(), 0.0f);
  return F1(da > 0 ? pa / da : 0, db > 0 ? pb / db : 0);
}

// SIF-weighted average of the content words' vectors (stopwords left out).
Eigen::VectorXf ContentVector(const EmbeddingModel& model, const EncodedSentence& s, double sif_a) {
  Eigen::VectorXf v = Eigen::VectorXf::Zero(model.dims());
  for (size_t i = 0; i < s.word_ids.size(); ++i) {
    if (!s.content[i]) continue;
    const double p = model.Probability(s.word_ids[i]);
    model.AddVector(s.word_ids[i], static_cast<float>(sif_a / (sif_a + p)), v.data());
  }
  return v;
}

// Fraction of discordant pairs among the one-to-one content-word matches (word order
// disagreement: "a man cuts a tomato" / "a tomato cuts a man"); 0 with < 2 matches.
float OrderDiscord(std::vector<std::pair<int, int>> m) {
  if (m.size() < 2) return 0.0f;
  std::sort(m.begin(), m.end());
  int discord = 0, total = 0;
  for (size_t x = 0; x < m.size(); ++x) {
    for (size_t y = x + 1; y < m.size(); ++y) {
      ++total;
      if (m[y].second < m[x].second) ++discord;
    }
  }
  return static_cast<float>(discord) / static_cast<float>(total);
}

// Over the content words of one side: the largest idf * (1 - best cosine), i.e. how
// informative the worst-matched content word is, and the share of content words with a
// strong match (best cosine >= 0.75).
void Unmatched(const std::vector<float>& best, const EncodedSentence& s, float* worst,
               float* strong) {
  int n = 0, k = 0;
  for (size_t i = 0; i < best.size(); ++i) {
    if (!s.content[i]) continue;
    ++n;
    if (best[i] >= 0.75f) ++k;
    *worst = std::max(*worst, s.idf[i] * (1.0f - std::max(best[i], 0.0f)));
  }
  *strong = n > 0 ? static_cast<float>(k) / static_cast<float>(n) : 1.0f;
}

// Longest common subsequence of the two stem sequences over the longer length.
float LcsRatio(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0f : 0.0f;
  std::vector<int> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j) {
      cur[j + 1] = a[i] == b[j] ? prev[j] + 1 : std::max(prev[j + 1], cur[j]);
    }
    std::swap(prev, cur);
  }
  return static_cast<float>(prev[b.size()]) / static_cast<float>(std::max(a.size(), b.size()));
}

// IDF-weighted mean best-match cosine over one side's words of coarse part of speech
// `want` (EncodedSentence::pos); -1 when the side has none.
float PosAlign(const std::vector<float>& best, int want, const EncodedSentence& s) {
  float num = 0, den = 0;
  for (size_t i = 0; i < best.size(); ++i) {
    if (s.pos[i] != want) continue;
    num += s.idf[i] * best[i];
    den += s.idf[i];
  }
  return den > 0 ? num / den : -1.0f;
}

float PosF1(float x, float y) {
  if (x < 0 && y < 0) return 1.0f;  // neither side has such words
  return F1(std::max(x, 0.0f), std::max(y, 0.0f));
}

// The best-match cosine of a side's first content word (usually the subject).
float HeadMatch(const std::vector<float>& best, const EncodedSentence& s) {
  for (size_t i = 0; i < best.size(); ++i) {
    if (s.content[i]) return best[i];
  }
  return 1.0f;
}

// The first kMaxPairWords in-vocabulary words of `s` (the per-word arrays cut; the
// sentence vectors, terms and other sets kept), for ComputePairFeatures.
EncodedSentence FirstWords(const EncodedSentence& s) {
  EncodedSentence out = s;
  const size_t n = std::min(s.word_ids.size(), kMaxPairWords);
  out.word_ids.resize(n);
  out.idf.resize(std::min(s.idf.size(), n));
  out.content.resize(std::min(s.content.size(), n));
  out.stem_keys.resize(std::min(s.stem_keys.size(), n));
  out.senses.resize(std::min(s.senses.size(), n));
  out.pos.resize(std::min(s.pos.size(), n));
  return out;
}

}  // namespace

SimilarityFeatures ComputePairFeatures(const EmbeddingModel& model, const EncodedSentence& a,
                                       const EncodedSentence& b) {
  // Bounded work: the word alignments below cost words_a * words_b.
  if (a.word_ids.size() > kMaxPairWords) return ComputePairFeatures(model, FirstWords(a), b);
  if (b.word_ids.size() > kMaxPairWords) return ComputePairFeatures(model, a, FirstWords(b));
  SimilarityFeatures f{};
  f[Feature("cosine")] = (a.vector.size() == b.vector.size()) ? a.vector.dot(b.vector) : 0.0f;
  const size_t na = a.word_ids.size(), nb = b.word_ids.size();
  Side sa, sb;
  float unaligned = (na == 0 && nb == 0) ? 0.0f : 1.0f, one2one = 0, content_f1 = 0;
  float discord = 0, worst = 0, strong_a = 0, strong_b = 0, antonyms = 0, substituted = 0;
  float noun_f1 = 1, verb_f1 = 1, head = (na == 0 && nb == 0) ? 1.0f : 0.0f;
  if (na > 0 && nb > 0) {
    thread_local std::vector<float> cos, best_a, best_b;
    cos.resize(na * nb);
    best_a.assign(na, -1.0f);
    best_b.assign(nb, -1.0f);
    for (size_t i = 0; i < na; ++i) {
      for (size_t j = 0; j < nb; ++j) {
        float c = (a.word_ids[i] == b.word_ids[j] || a.stem_keys[i] == b.stem_keys[j])
                      ? 1.0f
                      : model.Cosine(a.word_ids[i], b.word_ids[j]);
        if (c < 1.0f && a.senses[i] && b.senses[j]) {
          switch (Relate(*a.senses[i], *b.senses[j])) {
            case WordRelation::kSynonym: c = 1.0f; break;
            case WordRelation::kHypernym: c = std::max(c, 0.9f); break;
            case WordRelation::kAntonym: antonyms += 1; break;
            case WordRelation::kNone: break;
          }
        }
        cos[i * nb + j] = c;
        best_a[i] = std::max(best_a[i], c);
        best_b[j] = std::max(best_b[j], c);
      }
    }
    sa = Summarise(best_a, a);
    sb = Summarise(best_b, b);
    unaligned = (sa.lost + sb.lost) / 2;
    std::vector<std::pair<int, int>> matches;
    one2one = OneToOneF1(cos, a, b, &matches);
    float content_idf = 0;
    for (size_t i = 0; i < na; ++i) content_idf += a.content[i] ? a.idf[i] : 0.0f;
    for (size_t j = 0; j < nb; ++j) content_idf += b.content[j] ? b.idf[j] : 0.0f;
    for (auto [i, j] : matches) {
      if (cos[i * nb + j] < 0.8f) substituted += a.idf[i] + b.idf[j];
    }
    substituted = content_idf > 0 ? substituted / content_idf : 0.0f;
    noun_f1 = PosF1(PosAlign(best_a, 1, a), PosAlign(best_b, 1, b));
    verb_f1 = PosF1(PosAlign(best_a, 2, a), PosAlign(best_b, 2, b));
    head = std::min(HeadMatch(best_a, a), HeadMatch(best_b, b));
    discord = OrderDiscord(std::move(matches));
    Unmatched(best_a, a, &worst, &strong_a);
    Unmatched(best_b, b, &worst, &strong_b);
    content_f1 = sa.has_content && sb.has_content       ? F1(sa.content, sb.content)
                 : (!sa.has_content && !sb.has_content) ? 1.0f
                                                        : 0.0f;
  }
  f[Feature("align_f1")] = F1(sa.idf, sb.idf);
  f[Feature("align_min")] = std::min(sa.idf, sb.idf);
  float contain = 0, unmatched = 0;
  f[Feature("lex_jaccard")] = WeightedJaccard(a, b, &contain, &unmatched);
  f[Feature("lex_contain")] = contain;
  f[Feature("numbers")] = SetJaccard(a.numbers, a.sorted_numbers, b.numbers, b.sorted_numbers);
  f[Feature("entities")] = SetJaccard(a.entities, a.sorted_entities, b.entities, b.sorted_entities);
  f[Feature("negation_mismatch")] = ((a.negations > 0) != (b.negations > 0)) ? 1.0f : 0.0f;
  const int ta = std::max(a.tokens, 1), tb = std::max(b.tokens, 1);
  f[Feature("length_ratio")] =
      static_cast<float>(std::min(ta, tb)) / static_cast<float>(std::max(ta, tb));
  f[Feature("align_plain_f1")] = F1(sa.plain, sb.plain);
  f[Feature("align_sq_f1")] = F1(sa.idf_sq, sb.idf_sq);
  f[Feature("unaligned")] = unaligned;
  f[Feature("bigram_jaccard")] =
      SetJaccard(a.bigrams, a.sorted_bigrams, b.bigrams, b.sorted_bigrams);
  f[Feature("length_diff")] =
      std::fabs(std::log(static_cast<float>(ta)) - std::log(static_cast<float>(tb)));
  f[Feature("cosine_raw")] = Cos(a.vector_raw, b.vector_raw);
  f[Feature("cosine_avg")] = Cos(a.vector_avg, b.vector_avg);
  f[Feature("align_content_f1")] = content_f1;
  f[Feature("word_jaccard")] = SetJaccard(a.words, a.sorted_words, b.words, b.sorted_words);
  f[Feature("char3_jaccard")] = CharTrigramJaccard(a, b);
  f[Feature("align_one2one_f1")] = one2one;
  f[Feature("length_min")] = std::log(static_cast<float>(std::min(ta, tb)));
  f[Feature("length_max")] = std::log(static_cast<float>(std::max(ta, tb)));
  f[Feature("negation_diff")] = static_cast<float>(std::abs(a.negations - b.negations));
  f[Feature("unmatched_terms")] = unmatched;
  f[Feature("align_max")] = std::max(sa.idf, sb.idf);
  f[Feature("cosine_content")] = Cos(ContentVector(model, a, 1e-3), ContentVector(model, b, 1e-3));
  f[Feature("content_min_best")] = std::min(sa.content_min, sb.content_min);
  f[Feature("order_discord")] = discord;
  f[Feature("unmatched_max_idf")] = worst;
  f[Feature("strong_align_f1")] = F1(strong_a, strong_b);
  f[Feature("lcs_ratio")] = LcsRatio(a.stem_keys, b.stem_keys);
  f[Feature("wordnet_antonyms")] = antonyms;
  f[Feature("substituted")] = substituted;
  f[Feature("noun_align_f1")] = noun_f1;
  f[Feature("verb_align_f1")] = verb_f1;
  f[Feature("head_match")] = head;
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

void PrepareSetFeatures(EncodedSentence* s) {
  auto prepare = [](const std::vector<std::string>& list, std::vector<uint16_t>* sorted) {
    sorted->clear();
    if (list.size() <= 0xFFFF) *sorted = SortedPositions(list);
  };
  prepare(s->words, &s->sorted_words);
  prepare(s->bigrams, &s->sorted_bigrams);
  prepare(s->numbers, &s->sorted_numbers);
  prepare(s->entities, &s->sorted_entities);
  CharTrigrams(s->words, &s->char3);
  s->char3.shrink_to_fit();
}

}  // namespace diverge::embeddings
