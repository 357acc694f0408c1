// Divergence detection: within each claim cluster, where outlets disagree, how (kind),
// the conflicting words on both sides (exact substrings of the statement texts), and
// whether it is a contradiction or a change over time. Detectors: numeric, date, set,
// negation, antonym, attribution, framing (pairwise, one unit each) and omission (per
// cluster, against the documents of the cluster's story when the report has stories);
// name variants (names.h) are merged into entities and never flagged.
//
// Determinism: the result depends only on the content of the report and documents, not
// on their order; divergences come sorted by id, entities by id.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_DETECT_H_
#define DIVERGE_ANALYZER_DIVERGENCE_DETECT_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/divergence/stance_features.h"
#include "analyzer/ingest/document.h"
#include "analyzer/report/report.h"

namespace diverge::divergence {

struct DetectOptions {
  double min_score = 0.45;        // findings scoring lower are dropped
  // At most this many divergences: the kinds take turns giving their strongest flag,
  // and within a kind the claims do, so one kind or claim cannot fill the cap.
  int max_flags = 200;
  double align_overlap = 0.25;    // content overlap for negation/attribution
  // content overlap for antonyms: a pair of opposite words is weaker evidence than a
  // negation, so more of the rest of the two statements must align
  double antonym_overlap = 0.4;
  double framing_overlap = 0.08;  // content overlap for framing
  double numeric_overlap = 0.1;   // content overlap for numeric
  int same_period_days = 7;       // publication dates this close: same state of the world
  bool omissions = true;
  int omission_min_outlets = 3;
  double omission_min_coverage = 0.8;
  std::string wordnet_dir;  // "" = $DIVERGE_WORDNET or /usr/share/wordnet
  // Claims are examined on up to this many threads (0 = all cores). The result does not
  // depend on it, so generator.params does not record it.
  int threads = 0;
  // Every knob that shapes the result, for generator.params.
  nlohmann::json ToJson() const;
};

struct DetectResult {
  std::vector<report::Divergence> divergences;
  std::vector<report::Entity> entities;
  std::map<std::string, int64_t> cut_by_kind;  // flags over max_flags, per kind name
};

// Uses report.documents (outlet, date), report.statements, report.clusters; does not
// modify them. `documents_with_text` supplies Document::text (matched by id) for
// corpus-level evidence (sentences that date a change) and omission coverage; documents
// missing there are treated as having only their statements. The same disagreement
// between the same two outlets is one flag, not one per sentence pair, document pair or
// claim: one per (kind, outlet and compared value of each side; a side's evidence text
// when the kind compares no number). `mid_sentence_names`: sorted lowercased words the
// corpus capitalises mid-sentence (cluster/anchor_links.h MidSentenceNames), so that such a
// word opening a sentence still names what a figure is about ("Erdogan won 49.51
// percent"); empty: a sentence's first word never does.
DetectResult DetectDivergences(const report::Report& report,
                               const std::vector<ingest::Document>& documents_with_text,
                               const DetectOptions& options,
                               const std::vector<std::string>& mid_sentence_names = {});

// Pairwise mode: the divergences between text A and text B (each maybe several
// sentences; every sentence of A is compared with every sentence of B). Dates are
// "YYYY[-MM[-DD]]" publication dates. Sides are named by statement "A" and "B";
// cluster is "".
// Claim vs article (one side at most 2 sentences, the other at least
// kArticleMinSentences) with trained stance weights: the learned stance model
// (divergence/stance_model.h) decides whether the article refutes the claim; if so a
// negation divergence shows the refuting word of the article, and the sentence-level
// contradiction findings are kept as further evidence; if not, those are dropped (they
// are then mostly different details of a story the article supports or discusses).
std::vector<report::Divergence> ComparePair(const std::string& text_a, const std::string& text_b,
                                            const std::optional<std::string>& date_a,
                                            const std::optional<std::string>& date_b,
                                            const DetectOptions& options);

inline constexpr size_t kArticleMinSentences = 4;

// The stance-model features of `claim` vs `article` (as ComparePair computes them), for
// training.
divergence::StanceFeatures ClaimArticleFeatures(const std::string& claim,
                                                const std::string& article,
                                                const DetectOptions& options);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_DETECT_H_
