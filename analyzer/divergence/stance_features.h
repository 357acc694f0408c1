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

inline constexpr int kNumStanceFeatures = 24;
inline constexpr std::array<std::string_view, kNumStanceFeatures> kStanceFeatureNames = {
    "overlap_best",      // content Jaccard of the claim and its most similar sentence
    "coverage",          // share of the claim's content stems found in the article
    "coverage_best",     // ... found in the most similar sentence
    "refute_body",       // log(1 + refuting words in the article)
    "refute_top",        // log(1 + refuting words in the 3 sentences most like the claim)
    "refute_lead",       // log(1 + refuting words in the first 3 sentences)
    "fake_body",         // log(1 + fake/hoax/false/fabricated/bogus/untrue/satire)
    "deny_body",         // log(1 + deny/denied/denies/denial/refute...)
    "neg_top",           // log(1 + negation cues in the 3 most similar sentences)
    "neg_rate",          // negation cues per sentence in the article
    "no_evidence",       // log(1 + "no evidence", "not true", "not real" phrases)
    "neg_claim",         // the claim holds a negation cue
    "refute_claim",      // the claim holds a refuting word
    "hedge_claim",       // the claim is hedged or a question
    "hedge_body",        // hedges per sentence in the article
    "opposite_top",      // an opposite of a claim word in the 3 most similar sentences
    "det_negation",      // log(1 + sentence-level negation findings)
    "det_antonym",       // log(1 + sentence-level antonym findings)
    "det_numeric",       // log(1 + sentence-level numeric/date/set findings)
    "sentences",         // log(1 + sentences in the article)
    "cov_x_refute_top",  // coverage * refute_top
    "cov_x_refute",      // coverage * refute_body
    "cov_x_neg_top",     // coverage * neg_top
    "cov_x_fake",        // coverage * fake_body
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
