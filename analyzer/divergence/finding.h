// What every detector consumes (two sides: statement text, tokens, publication date)
// and produces (a Finding: kind, evidence spans, score, and what could explain the
// difference over time). Findings become report Divergences in detect.cc.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_FINDING_H_
#define DIVERGE_ANALYZER_DIVERGENCE_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/report/report.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

class Affiliations;
class NameResolver;
class WordNet;

// One statement (or one text in pairwise mode).
struct Side {
  std::string text;
  std::vector<text::Token> tokens;  // text::Tokenize(text)
  std::optional<text::PartialDate> published;
  std::string doc;     // document id ("" in pairwise mode: "A"/"B")
  std::string outlet;  // outlet name ("" when unknown)
  // When the statement is a clause of a longer sentence (ingest/figure_clauses.h), the
  // tokens of that sentence before it: "1.12 million people demonstrated in France," for
  // "including 80,000 in Paris", whose figure counts what the sentence counts. Empty
  // otherwise.
  std::vector<text::Token> lead;
};
Side MakeSide(std::string text, std::optional<text::PartialDate> published, std::string doc,
              std::string outlet);

// A whole document of a claim's story, as per-claim detectors (omission) see it.
struct StoryDocument {
  std::string id;
  std::string outlet;  // outlet name ("" when unknown)
  std::optional<text::PartialDate> published;
  std::vector<text::Token> tokens;  // of the full text
};

// How time bears on a finding.
enum class TimeNature {
  kHistorical,  // a dated past fact (founding date, who did a past act): never changes
  kState,       // a current state (members, counts, status): may change between articles
  kTimeless     // a characterisation (framing): not explained by publication dates
};

struct Finding {
  report::DivergenceKind kind = report::DivergenceKind::kOther;
  size_t a_begin = 0, a_end = 0;  // evidence byte ranges in Side::text
  size_t b_begin = 0, b_end = 0;
  double score = 0;     // [0, 1]
  std::string summary;  // "established 1992-05-15 vs formed 2002"
  TimeNature nature = TimeNature::kState;
  // Items whose joining/leaving could explain the difference ("Uzbekistan"): the
  // temporal labeller looks for corpus sentences that date such a change.
  std::vector<std::string> changed_items;
  // A running count (numeric_detector.h: the dead, injured, arrested, missing or
  // displaced of one event only grow as reports come in): the two values, so the
  // temporal labeller can tell a toll that rose between two publications.
  bool running_count = false;
  double a_value = 0, b_value = 0;
};

// Shared read-only resources for the detectors.
struct DetectorContext {
  const NameResolver* names = nullptr;  // may be null: names compared as written
  const WordNet* wordnet = nullptr;     // may be null: only the built-in opposites
  // Sorted lowercased words the corpus capitalises mid-sentence (detect.h); may be null:
  // a sentence's first word is then never a name.
  const std::vector<std::string>* mid_sentence_names = nullptr;
  // Agents the corpus names together as one source (affiliations.h); may be null.
  const Affiliations* affiliations = nullptr;
};

// Canonical form of a capitalised name token via ctx.names (identity without one).
std::string CanonicalToken(const DetectorContext& ctx, std::string_view word);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_FINDING_H_
