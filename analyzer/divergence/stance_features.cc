#include "analyzer/divergence/stance_features.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "analyzer/divergence/antonym_detector.h"
#include "analyzer/divergence/lexicon.h"

namespace diverge::divergence {
namespace {

const size_t kTop = 3;

std::set<std::string> ContentStems(const std::vector<Token>& tokens) {
  std::set<std::string> out;
  for (const Token& t : tokens) {
    if (IsContentWord(t)) out.insert(Stem(t.lower));
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

bool IsFakeWord(std::string_view w) {
  return w == "fake" || w == "faked" || w == "hoax" || w == "hoaxes" || w == "false" ||
         w == "falsely" || w == "fabricated" || w == "fabrication" || w == "bogus" ||
         w == "untrue" || w == "satire" || w == "satirical" || w == "myth" || w == "baseless" ||
         w == "unfounded" || w == "debunked" || w == "debunk";
}

bool IsDenyWord(std::string_view w) {
  return w == "deny" || w == "denied" || w == "denies" || w == "denial" || w == "refute" ||
         w == "refuted" || w == "refutes" || w == "disputed" || w == "disputes" ||
         w == "retracted" || w == "retraction" || w == "disproved";
}

// "no evidence", "not true", "not real", "no truth", "no proof", "not the case".
bool IsNoEvidencePhrase(const std::vector<Token>& t, size_t i) {
  if (i + 1 >= t.size() || !IsNegationCue(t[i].lower)) return false;
  const std::string& n = t[i + 1].lower;
  return n == "evidence" || n == "true" || n == "real" || n == "truth" || n == "proof" ||
         n == "basis" || (n == "the" && i + 2 < t.size() && t[i + 2].lower == "case");
}

double Log1p(double x) { return std::log1p(x); }

}  // namespace

StanceFeatures ComputeStanceFeatures(const Side& claim, const std::vector<Side>& body,
                                     const DetectorContext& ctx,
                                     const SentenceFindingCounts& counts,
                                     StanceEvidence* evidence) {
  StanceFeatures f{};
  std::set<std::string> claim_stems = ContentStems(claim.tokens);
  std::set<std::string> all_stems;
  std::vector<std::pair<double, size_t>> ranked;  // (-overlap, sentence)
  std::vector<std::set<std::string>> stems(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    stems[i] = ContentStems(body[i].tokens);
    all_stems.insert(stems[i].begin(), stems[i].end());
    ranked.emplace_back(-Jaccard(claim_stems, stems[i]), i);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<bool> top(body.size(), false);
  for (size_t k = 0; k < ranked.size() && k < kTop; ++k) top[ranked[k].second] = true;

  double refute = 0, refute_top = 0, refute_lead = 0, fake = 0, deny = 0, neg_top = 0, neg = 0,
         no_evidence = 0, hedges = 0, opposite_top = 0;
  int best_evidence_rank = -1;  // lower is better: refuting words, then similar sentences
  for (size_t i = 0; i < body.size(); ++i) {
    const std::vector<Token>& t = body[i].tokens;
    for (size_t k = 0; k < t.size(); ++k) {
      if (!t[k].IsWord()) continue;
      const std::string& w = t[k].lower;
      bool refuting = IsRefutation(w) && !claim_stems.count(Stem(w));
      bool negating = IsNegationCue(w);
      if (refuting) {
        refute += 1;
        if (top[i]) refute_top += 1;
        if (i < 3) refute_lead += 1;
      }
      if (IsFakeWord(w) && !claim_stems.count(Stem(w))) fake += 1;
      if (IsDenyWord(w)) deny += 1;
      if (negating) {
        neg += 1;
        if (top[i]) neg_top += 1;
      }
      if (IsNoEvidencePhrase(t, k)) no_evidence += 1;
      if (IsHedge(w)) hedges += 1;
      if (top[i] && IsContentWord(t[k]) && !claim_stems.count(Stem(w))) {
        for (const Token& c : claim.tokens) {
          if (IsContentWord(c) && !c.cap && !t[k].cap && AreOpposites(ctx, c.lower, w)) {
            opposite_top = 1;
            break;
          }
        }
      }
      // evidence: the refuting (else negating) word in the most claim-like sentence
      if (evidence && (refuting || (negating && top[i]))) {
        int rank = 0;
        while (ranked[size_t(rank)].second != i) ++rank;
        int score = rank + (refuting ? 0 : int(body.size()));  // refuting words first
        if (best_evidence_rank < 0 || score < best_evidence_rank) {
          best_evidence_rank = score;
          evidence->body_sentence = int(i);
          evidence->body_begin = t[k].begin;
          evidence->body_end = t[k].end;
        }
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
    const Token* anchor = nullptr;
    for (const Token& c : claim.tokens) {
      if (!IsContentWord(c)) continue;
      if (!anchor) anchor = &c;
      if (s.count(Stem(c.lower))) {
        anchor = &c;
        break;
      }
    }
    if (anchor) evidence->claim_begin = anchor->begin, evidence->claim_end = anchor->end;
  }

  bool claim_neg = false, claim_refute = false, claim_hedge = false;
  for (const Token& c : claim.tokens) {
    if (c.IsPunct("?")) claim_hedge = true;
    if (!c.IsWord()) continue;
    claim_neg = claim_neg || IsNegationCue(c.lower);
    claim_refute = claim_refute || IsRefutation(c.lower);
    claim_hedge = claim_hedge || IsHedge(c.lower);
  }
  double n = std::max<double>(1, double(body.size()));
  double coverage = Coverage(claim_stems, all_stems);
  f[0] = ranked.empty() ? 0 : -ranked[0].first;
  f[1] = coverage;
  f[2] = ranked.empty() ? 0 : Coverage(claim_stems, stems[ranked[0].second]);
  f[3] = Log1p(refute);
  f[4] = Log1p(refute_top);
  f[5] = Log1p(refute_lead);
  f[6] = Log1p(fake);
  f[7] = Log1p(deny);
  f[8] = Log1p(neg_top);
  f[9] = neg / n;
  f[10] = Log1p(no_evidence);
  f[11] = claim_neg ? 1 : 0;
  f[12] = claim_refute ? 1 : 0;
  f[13] = claim_hedge ? 1 : 0;
  f[14] = hedges / n;
  f[15] = opposite_top;
  f[16] = Log1p(counts.negation);
  f[17] = Log1p(counts.antonym);
  f[18] = Log1p(counts.numeric);
  f[19] = Log1p(double(body.size()));
  f[20] = coverage * f[4];
  f[21] = coverage * f[3];
  f[22] = coverage * f[8];
  f[23] = coverage * f[6];
  return f;
}

}  // namespace diverge::divergence
