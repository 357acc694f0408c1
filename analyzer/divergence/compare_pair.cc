// Pairwise mode (ComparePair): sentence against sentence, or a claim against an article
// with the learned stance model deciding whether the article refutes the claim.
#include <algorithm>
#include <cstdio>

#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/detect_internal.h"
#include "analyzer/divergence/names.h"
#include "analyzer/divergence/stance_model.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/sentences.h"

namespace diverge::divergence {

using internal::MakeDivergence;
using internal::ParseDate;
using internal::RunPairDetectors;

namespace {

// Everything one comparison needs: names of both texts, dated changes, WordNet.
struct PairSetup {
  NameResolver names;
  ChangeIndex changes;
  DetectorContext ctx;
  std::optional<text::PartialDate> pa, pb;
  std::vector<Side> sa, sb;

  PairSetup(const std::string& text_a, const std::string& text_b,
            const std::optional<std::string>& date_a, const std::optional<std::string>& date_b,
            const DetectOptions& o) {
    names.AddText(text_a);
    names.AddText(text_b);
    names.Build();
    pa = ParseDate(date_a);
    pb = ParseDate(date_b);
    changes.AddDocument("A", text_a, pa);
    changes.AddDocument("B", text_b, pb);
    ctx.names = &names;
    ctx.wordnet = divergence::internal::WordNetFor(o.wordnet_dir);
    sa = Sentences(text_a, pa, "A");
    sb = Sentences(text_b, pb, "B");
  }
  static std::vector<Side> Sentences(const std::string& text,
                                     const std::optional<text::PartialDate>& date,
                                     const std::string& doc) {
    std::vector<Side> out;
    for (auto [b, e] : text::SplitSentences(text)) {
      out.push_back(divergence::MakeSide(text.substr(b, e - b), date, doc, ""));
    }
    return out;
  }
};

// A claim (at most 2 sentences) against an article: the sentence-level findings between
// the whole claim and each article sentence, oriented A -> B.
struct ClaimArticle {
  Side claim;
  const std::vector<Side>* article = nullptr;
  bool claim_is_a = true;
  std::vector<std::pair<size_t, Finding>> findings;  // (article sentence, finding)
  divergence::SentenceFindingCounts counts;
  divergence::StanceFeatures features{};
  divergence::StanceEvidence evidence;
};

ClaimArticle AnalyseClaimArticle(const std::string& claim_text, bool claim_is_a,
                                 const PairSetup& setup, const DetectOptions& o) {
  ClaimArticle c;
  c.claim_is_a = claim_is_a;
  c.claim = divergence::MakeSide(claim_text, claim_is_a ? setup.pa : setup.pb, claim_is_a ? "A" : "B",
                                 "");
  c.article = claim_is_a ? &setup.sb : &setup.sa;
  for (size_t i = 0; i < c.article->size(); ++i) {
    const Side& s = (*c.article)[i];
    for (Finding& f : claim_is_a ? RunPairDetectors(c.claim, s, setup.ctx, o)
                                 : RunPairDetectors(s, c.claim, setup.ctx, o)) {
      if (f.score < o.min_score) continue;
      if (f.kind == report::DivergenceKind::kNegation) ++c.counts.negation;
      if (f.kind == report::DivergenceKind::kAntonym) ++c.counts.antonym;
      if (f.kind == report::DivergenceKind::kNumeric || f.kind == report::DivergenceKind::kDate ||
          f.kind == report::DivergenceKind::kSet) {
        ++c.counts.numeric;
      }
      c.findings.emplace_back(i, std::move(f));
    }
  }
  c.features =
      divergence::ComputeStanceFeatures(c.claim, *c.article, setup.ctx, c.counts, &c.evidence);
  return c;
}

// 0: sentence mode; 1: A is the claim, B the article; 2: the other way round.
int ClaimSide(const PairSetup& s) {
  if (!divergence::StanceModel::Builtin().trained()) return 0;
  if (s.sa.size() <= 2 && s.sb.size() >= kArticleMinSentences) return 1;
  if (s.sb.size() <= 2 && s.sa.size() >= kArticleMinSentences) return 2;
  return 0;
}

std::vector<report::Divergence> CompareClaimArticle(const std::string& claim_text, bool claim_is_a,
                                                    const PairSetup& setup,
                                                    const DetectOptions& o) {
  const divergence::StanceModel& model = divergence::StanceModel::Builtin();
  ClaimArticle c = AnalyseClaimArticle(claim_text, claim_is_a, setup, o);
  double p = model.Probability(c.features);
  bool refutes = p >= model.threshold;
  std::vector<report::Divergence> all;
  for (const auto& [i, f] : c.findings) {
    if (report::IsContradictionKind(f.kind) && !refutes) continue;
    const Side& s = (*c.article)[i];
    const Side& a = claim_is_a ? c.claim : s;
    const Side& b = claim_is_a ? s : c.claim;
    all.push_back(MakeDivergence(f, a, b, "A", "B", "", &setup.changes, o));
  }
  if (refutes && c.evidence.body_sentence >= 0) {
    const Side& s = (*c.article)[size_t(c.evidence.body_sentence)];
    Finding f;
    f.kind = report::DivergenceKind::kNegation;
    f.nature = divergence::TimeNature::kState;
    f.score = 0.5 + 0.5 * (p - model.threshold) / std::max(1e-9, 1 - model.threshold);
    std::string cue = s.text.substr(c.evidence.body_begin, c.evidence.body_end - c.evidence.body_begin);
    char prob[32];
    std::snprintf(prob, sizeof prob, "%.2f", p);
    f.summary = std::string(claim_is_a ? "B" : "A") + " (an article) refutes the claim, stance model p=" +
                prob + " >= " + std::to_string(model.threshold).substr(0, 5) + "; its most telling words: \"" +
                cue + "\"";
    if (claim_is_a) {
      f.a_begin = c.evidence.claim_begin, f.a_end = c.evidence.claim_end;
      f.b_begin = c.evidence.body_begin, f.b_end = c.evidence.body_end;
      all.push_back(MakeDivergence(f, c.claim, s, "A", "B", "", &setup.changes, o));
    } else {
      f.a_begin = c.evidence.body_begin, f.a_end = c.evidence.body_end;
      f.b_begin = c.evidence.claim_begin, f.b_end = c.evidence.claim_end;
      all.push_back(MakeDivergence(f, s, c.claim, "A", "B", "", &setup.changes, o));
    }
  }
  return divergence::internal::Finalize(std::move(all), o, {});
}

}  // namespace

std::vector<report::Divergence> ComparePair(const std::string& text_a, const std::string& text_b,
                                            const std::optional<std::string>& date_a,
                                            const std::optional<std::string>& date_b,
                                            const DetectOptions& o) {
  PairSetup setup(text_a, text_b, date_a, date_b, o);
  int claim_side = ClaimSide(setup);
  if (claim_side == 1) return CompareClaimArticle(text_a, true, setup, o);
  if (claim_side == 2) return CompareClaimArticle(text_b, false, setup, o);
  std::vector<report::Divergence> all;
  for (const Side& a : setup.sa) {
    for (const Side& b : setup.sb) {
      for (const Finding& f : RunPairDetectors(a, b, setup.ctx, o)) {
        all.push_back(MakeDivergence(f, a, b, "A", "B", "", &setup.changes, o));
      }
    }
  }
  return divergence::internal::Finalize(std::move(all), o, {});
}

divergence::StanceFeatures ClaimArticleFeatures(const std::string& claim,
                                                const std::string& article,
                                                const DetectOptions& options) {
  PairSetup setup(claim, article, std::nullopt, std::nullopt, options);
  return AnalyseClaimArticle(claim, true, setup, options).features;
}

}  // namespace diverge::divergence
