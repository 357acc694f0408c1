#include "analyzer/divergence/stance_features.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "analyzer/divergence/antonym_detector.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/stance_cues.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

const size_t kTop = 3;   // sentences most like the claim
const size_t kLead = 3;  // first sentences
const size_t kNegWindow = 4;

std::set<std::string> ContentStems(const std::vector<text::Token>& tokens) {
  std::set<std::string> out;
  for (const text::Token& t : tokens) {
    if (text::IsContentWord(t)) out.insert(text::Stem(t.lower));
  }
  return out;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return double(shared) / double(a.size() + b.size() - shared);
}

double Coverage(const std::set<std::string>& claim, const std::set<std::string>& text) {
  if (claim.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : claim) shared += text.count(x);
  return double(shared) / double(claim.size());
}

bool IsRefutingWord(std::string_view w) { return IsRefutation(w) || IsFakeWord(w) || IsDenyWord(w); }

// Counts of cue words in one article sentence.
struct SentenceCues {
  double refute = 0, fake = 0, deny = 0, neg = 0, no_evidence = 0, hedge = 0, contrast = 0,
         rumour = 0, support = 0, quotes = 0, neg_near = 0, refute_shared = 0, words = 0;
  bool opposite = false;
  int first_refute = -1;  // token index of the first refuting word
};

SentenceCues CountCues(const std::vector<text::Token>& t, const std::set<std::string>& claim_stems,
                       const Side& claim, bool top, const DetectorContext& ctx) {
  SentenceCues c;
  size_t last_neg = t.size();  // token index of the last negation cue
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].IsPunct("\"")) c.quotes += 1;
    if (!t[k].IsWord()) continue;
    c.words += 1;
    const std::string& w = t[k].lower;
    bool in_claim = claim_stems.count(text::Stem(w)) > 0;
    if (IsRefutingWord(w)) {
      if (in_claim) {
        c.refute_shared += 1;
      } else {
        c.refute += 1;
        if (c.first_refute < 0) c.first_refute = int(k);
      }
    }
    if (IsFakeWord(w) && !in_claim) c.fake += 1;
    if (IsDenyWord(w)) c.deny += 1;
    if (IsNegationCue(w)) c.neg += 1, last_neg = k;
    if (IsNoEvidencePhrase(t, k)) c.no_evidence += 1;
    if (IsHedge(w)) c.hedge += 1;
    if (IsContrastWord(w)) c.contrast += 1;
    if (IsRumourWord(w)) c.rumour += 1;
    if (IsSupportWord(w)) c.support += 1;
    if (in_claim && text::IsContentWord(t[k]) && last_neg < k && k - last_neg <= kNegWindow) {
      c.neg_near += 1;
      last_neg = t.size();  // one count per negation
    }
    if (top && !c.opposite && text::IsContentWord(t[k]) && !in_claim && !t[k].cap) {
      for (const text::Token& cw : claim.tokens) {
        if (text::IsContentWord(cw) && !cw.cap && AreOpposites(ctx, cw.lower, w)) {
          c.opposite = true;
          break;
        }
      }
    }
  }
  return c;
}

// Numbers as written ("2,000" and "2000" alike).
std::set<std::string> Numbers(const std::vector<text::Token>& tokens) {
  std::set<std::string> out;
  for (const text::Token& t : tokens) {
    if (!t.IsNumber()) continue;
    std::string n;
    for (char ch : t.text) {
      if (ch != ',') n += ch;
    }
    out.insert(n);
  }
  return out;
}

double L(double x) { return std::log1p(x); }

}  // namespace

StanceFeatures ComputeStanceFeatures(const Side& claim, const std::vector<Side>& body,
                                     const DetectorContext& ctx,
                                     const SentenceFindingCounts& counts,
                                     StanceEvidence* evidence) {
  StanceFeatures f{};
  std::set<std::string> claim_stems = ContentStems(claim.tokens);
  std::set<std::string> all_stems, body_numbers;
  std::vector<std::pair<double, size_t>> ranked;  // (-overlap, sentence)
  std::vector<std::set<std::string>> stems(body.size());
  std::vector<double> cov(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    stems[i] = ContentStems(body[i].tokens);
    all_stems.insert(stems[i].begin(), stems[i].end());
    cov[i] = Coverage(claim_stems, stems[i]);
    ranked.emplace_back(-Jaccard(claim_stems, stems[i]), i);
    for (const std::string& n : Numbers(body[i].tokens)) body_numbers.insert(n);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<bool> top(body.size(), false);
  std::vector<size_t> rank_of(body.size());
  for (size_t k = 0; k < ranked.size(); ++k) {
    rank_of[ranked[k].second] = k;
    if (k < kTop) top[ranked[k].second] = true;
  }

  SentenceCues total, in_top, in_lead;
  double related = 0, refute_cov_max = 0, neg_cov_max = 0, refute_first = 0, words_before = 0;
  bool best_refutes = false, best_negated = false;
  int best_evidence_rank = -1;  // lower is better: refuting words, then similar sentences
  for (size_t i = 0; i < body.size(); ++i) {
    const std::vector<text::Token>& t = body[i].tokens;
    SentenceCues c = CountCues(t, claim_stems, claim, top[i], ctx);
    auto add = [&c](SentenceCues& to) {
      to.refute += c.refute, to.fake += c.fake, to.deny += c.deny, to.neg += c.neg;
      to.no_evidence += c.no_evidence, to.hedge += c.hedge, to.contrast += c.contrast;
      to.rumour += c.rumour, to.support += c.support, to.quotes += c.quotes;
      to.neg_near += c.neg_near, to.refute_shared += c.refute_shared, to.words += c.words;
      to.opposite = to.opposite || c.opposite;
    };
    add(total);
    if (top[i]) add(in_top);
    if (i < kLead) add(in_lead);
    if (cov[i] >= 0.3) related += 1;
    if (c.refute + c.deny > 0) refute_cov_max = std::max(refute_cov_max, cov[i]);
    if (c.neg > 0) neg_cov_max = std::max(neg_cov_max, cov[i]);
    if (c.first_refute >= 0 && refute_first == 0) {
      // position of the first refuting word among all the article's words, from the start
      refute_first = 1.0 - (words_before + double(c.first_refute) / 2) /
                               std::max(1.0, words_before + c.words);
      refute_first = std::max(refute_first, 1e-3);
    }
    words_before += c.words;
    if (rank_of[i] == 0) best_refutes = c.refute + c.deny > 0, best_negated = c.neg > 0;
    if (!evidence) continue;
    // evidence: the refuting (else negating) word in the most claim-like sentence
    for (size_t k = 0; k < t.size(); ++k) {
      if (!t[k].IsWord()) continue;
      const std::string& w = t[k].lower;
      bool refuting = IsRefutation(w) && !claim_stems.count(text::Stem(w));
      bool negating = IsNegationCue(w);
      if (!refuting && !(negating && top[i])) continue;
      int score = int(rank_of[i]) + (refuting ? 0 : int(body.size()));  // refuting words first
      if (best_evidence_rank < 0 || score < best_evidence_rank) {
        best_evidence_rank = score;
        evidence->body_sentence = int(i);
        evidence->body_begin = t[k].begin;
        evidence->body_end = t[k].end;
      }
    }
  }
  if (evidence && evidence->body_sentence < 0 && !ranked.empty()) {
    // no refuting or negating word: the whole sentence most like the claim
    const Side& best = body[ranked[0].second];
    evidence->body_sentence = int(ranked[0].second);
    evidence->body_begin = 0;
    evidence->body_end = best.text.size();
  }
  if (evidence && evidence->body_sentence >= 0) {
    // the claim's first content word that the evidence sentence repeats (else its first)
    const std::set<std::string>& s = stems[size_t(evidence->body_sentence)];
    const text::Token* anchor = nullptr;
    for (const text::Token& c : claim.tokens) {
      if (!text::IsContentWord(c)) continue;
      if (!anchor) anchor = &c;
      if (s.count(text::Stem(c.lower))) {
        anchor = &c;
        break;
      }
    }
    if (anchor) evidence->claim_begin = anchor->begin, evidence->claim_end = anchor->end;
  }

  bool claim_neg = false, claim_refute = false, claim_hedge = false, claim_question = false;
  double claim_words = 0;
  for (const text::Token& c : claim.tokens) {
    if (c.IsPunct("?")) claim_question = true;
    if (!c.IsWord()) continue;
    if (text::IsContentWord(c)) claim_words += 1;
    claim_neg = claim_neg || IsNegationCue(c.lower);
    claim_refute = claim_refute || IsRefutingWord(c.lower);
    claim_hedge = claim_hedge || IsHedge(c.lower);
  }
  std::set<std::string> claim_numbers = Numbers(claim.tokens);
  double missing = 0;
  for (const std::string& n : claim_numbers) missing += body_numbers.count(n) ? 0 : 1;

  double n = std::max<double>(1, double(body.size()));
  size_t i = 0;
  auto put = [&f, &i](double v) { f[i++] = v; };
  put(ranked.empty() ? 0 : -ranked[0].first);
  put(Coverage(claim_stems, all_stems));
  put(ranked.empty() ? 0 : cov[ranked[0].second]);
  put(ranked.size() < 2 ? 0 : cov[ranked[1].second]);
  put(related / n);
  put(claim_neg ? 1 : 0);
  put(claim_refute ? 1 : 0);
  put(claim_hedge ? 1 : 0);
  put(claim_question ? 1 : 0);
  put(L(claim_words));
  put(L(total.refute));
  put(L(total.fake));
  put(L(total.deny));
  put(L(total.no_evidence));
  put(total.neg / n);
  put(total.hedge / n);
  put(total.contrast / n);
  put(total.rumour / n);
  put(total.support / n);
  put(total.quotes / n);
  put(L(double(body.size())));
  put(L(in_top.refute));
  put(L(in_top.fake));
  put(L(in_top.neg));
  put(L(in_top.hedge));
  put(L(in_top.contrast));
  put(L(in_top.support));
  put(in_top.opposite ? 1 : 0);
  put(L(in_top.neg_near));
  put(L(in_lead.refute));
  put(L(in_lead.hedge));
  put(L(in_lead.rumour));
  put(refute_cov_max);
  put(neg_cov_max);
  put(refute_first);
  put(L(total.refute_shared));
  put(best_refutes ? 1 : 0);
  put(best_negated ? 1 : 0);
  put(L(counts.negation));
  put(L(counts.antonym));
  put(L(counts.numeric));
  put(claim_numbers.empty() ? 0 : missing / double(claim_numbers.size()));
  put(L(total.words));
  return f;
}

}  // namespace diverge::divergence
