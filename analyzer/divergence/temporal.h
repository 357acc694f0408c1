// Time labelling: decides whether a finding is a contradiction, a change over time, or
// undetermined, from the publication dates of both sides and from corpus sentences
// that date a change ("Uzbekistan quit the alliance last June" in a 2012-11 article
// dates Uzbekistan's leaving to 2012-06). Rules, in order:
//  1. characterisations (framing) and dated past facts (founding date, who did a past
//     act) are contradictions whatever the publication dates;
//  2. a changed item (a list member present on one side only) whose joining/leaving a
//     corpus sentence dates between the two publication dates -> change_over_time;
//     dated before both -> contradiction (one side is out of date);
//  3. no such evidence: published on one day -> contradiction; a running count
//     (Finding::running_count: the dead of a disaster) higher in the later article ->
//     change_over_time (such counts only grow as reports come in); an update or
//     provisional cue -> change_over_time; otherwise publication dates within
//     `same_period_days` -> contradiction, further apart -> change_over_time (the figure
//     may have changed); unknown dates -> undetermined.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_TEMPORAL_H_
#define DIVERGE_ANALYZER_DIVERGENCE_TEMPORAL_H_

#include <optional>
#include <string>
#include <vector>

#include "analyzer/divergence/finding.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

struct ChangeEvidence {
  std::string doc;        // document id of the sentence
  std::string item;       // "Uzbekistan"
  std::string word;       // "quit"
  std::string date_text;  // "last June"
  text::PartialDate date;  // resolved: 2012-06
  int direction = 0;      // -1 left, +1 joined
};

// Sentences of the corpus that date a membership change of a named item.
class ChangeIndex {
 public:
  void AddDocument(const std::string& doc, const std::string& text,
                   const std::optional<text::PartialDate>& published);
  // Appends `other`'s sentences after this index's, as if its documents were added next
  // (indexes built per document in parallel, appended in document order).
  void Append(ChangeIndex&& other);
  // The most precise dated change of `item` (ties: earliest document id), if any.
  std::optional<ChangeEvidence> Find(const std::string& item) const;

 private:
  struct Sentence {
    std::string doc;
    std::string text;
    std::vector<text::Token> tokens;
    std::optional<text::PartialDate> published;
  };
  std::vector<Sentence> sentences_;  // only sentences holding a change word and a date
};

struct TemporalLabel {
  report::Temporal temporal = report::Temporal::kUndetermined;
  std::string reason;  // "004 says Uzbekistan quit in 2012-06 (\"last June\")"
};

TemporalLabel LabelTemporal(const Finding& f, const Side& a, const Side& b,
                            const ChangeIndex* changes, int same_period_days);

// Approximate days between two partial dates (missing month/day taken as mid-period).
double DaysBetween(const text::PartialDate& a, const text::PartialDate& b);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_TEMPORAL_H_
