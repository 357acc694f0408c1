// Features for "does this article refute this claim?" (a claim sentence vs a whole
// article, as in FNC-1 headline/body stance): how much of the claim the article covers,
// refuting words (hoax, fake, denied, debunked...) and negations in the article and in
// the sentences most similar to the claim, hedges, opposites aligned with the claim, and
// how many sentence-level divergences the pairwise detectors found. Each value is named,
// so the learned weights (stance_model.h) stay inspectable.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_FEATURES_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_FEATURES_H_

#include <array>
#include <string_view>
#include <vector>

#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

inline constexpr int kNumStanceFeatures = 43;
inline constexpr std::array<std::string_view, kNumStanceFeatures> kStanceFeatureNames = {
    // how much the article is about the claim
    "overlap_best",       // content Jaccard of the claim and its most similar sentence
    "coverage",           // share of the claim's content stems found in the article
    "coverage_best",      // ... found in the most similar sentence
    "coverage_second",    // ... found in the second most similar sentence
    "related_share",      // share of sentences covering at least 30% of the claim
    // the claim itself
    "neg_claim",          // the claim holds a negation cue
    "refute_claim",       // the claim holds a refuting, fake or denial word
    "hedge_claim",        // the claim holds a hedge
    "question_claim",     // the claim is a question
    "claim_words",        // log(1 + content words of the claim)
    // the whole article (log(1 + count) or per-sentence rates)
    "refute_body",        // log(1 + refuting words not in the claim)
    "fake_body",          // log(1 + fake/hoax/false/staged/... not in the claim)
    "deny_body",          // log(1 + deny/denied/refute/disputed...)
    "no_evidence",        // log(1 + "no evidence", "not true", "not real" phrases)
    "neg_rate",           // negation cues per sentence
    "hedge_body",         // hedges per sentence
    "contrast_body",      // however/but/actually/in fact... per sentence
    "rumour_body",        // rumour/viral/reports/claims... per sentence
    "support_body",       // confirmed/officially/announced... per sentence
    "quote_rate",         // quotation marks per sentence
    "sentences",          // log(1 + sentences)
    // the 3 sentences most like the claim
    "refute_top",         // log(1 + refuting words)
    "fake_top",           // log(1 + fake words)
    "neg_top",            // log(1 + negation cues)
    "hedge_top",          // log(1 + hedges)
    "contrast_top",       // log(1 + contrast words)
    "support_top",        // log(1 + support words)
    "opposite_top",       // an opposite of a claim word
    "neg_near_shared",    // log(1 + negations within 4 words before a claim word)
    // the first 3 sentences
    "refute_lead",        // log(1 + refuting words)
    "hedge_lead",         // log(1 + hedges)
    "rumour_lead",        // log(1 + rumour words)
    // per-sentence maxima and positions
    "refute_cov_max",     // max over sentences with a refuting word of their claim coverage
    "neg_cov_max",        // max over sentences with a negation of their claim coverage
    "refute_first",       // 1 - position of the first refuting word (0: none)
    "refute_shared",      // log(1 + refuting words the claim uses too)
    "best_refutes",       // the most similar sentence holds a refuting or denial word
    "best_negated",       // the most similar sentence holds a negation cue
    // sentence-level detectors and numbers
    "det_negation",       // log(1 + sentence-level negation findings)
    "det_antonym",        // log(1 + sentence-level antonym findings)
    "det_numeric",        // log(1 + sentence-level numeric/date/set findings)
    "numbers_missing",    // share of the claim's numbers absent from the article
    "body_words",         // log(1 + words in the article)
};

using StanceFeatures = std::array<double, kNumStanceFeatures>;

// Counts of the sentence-level findings between the claim and the article's sentences.
struct SentenceFindingCounts {
  int negation = 0, antonym = 0, numeric = 0;  // numeric counts date and set too
};

// Where the evidence for a refutation lies: the claim word the best refuting sentence
// repeats, and the refuting (or negation) word in that sentence (without one, the whole
// sentence most like the claim); body_sentence < 0 only for an empty article.
struct StanceEvidence {
  int body_sentence = -1;
  size_t claim_begin = 0, claim_end = 0;  // byte range in the claim text
  size_t body_begin = 0, body_end = 0;    // byte range in that sentence's text
};

StanceFeatures ComputeStanceFeatures(const Side& claim, const std::vector<Side>& body,
                                     const DetectorContext& ctx,
                                     const SentenceFindingCounts& counts,
                                     StanceEvidence* evidence = nullptr);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_FEATURES_H_
