// Date detector: absolute and relative dates (resolved against each side's publication
// date, see dates.h) bound to the events they date. An event is named by an event word
// (formed/established/founded -> "founding", signed/ratified -> "signing", died ->
// "death", ...; lexicon.h). Each point date of a statement dates every event class of
// that statement, through the class's event word nearest to it; attributive dates ("the
// 1992 treaty"), bounds ("since 1998") and the dates of reports ("said on Monday", "which
// on Tuesday reported", "announced on Monday": a reporting verb within three words before
// or two after, no punctuation between) date none, and a capitalised event word inside a
// sentence is part of a name ("the Supreme Election Council"), not an event. Another
// occurrence of an event's kind ("the last presidential election", "a second round of
// elections", "decided by a runoff on May 28": an instance marker within five words
// before the event word or three before the date) is a class of its own, "election
// (last)". Two statements diverge when they date the same event class and no date of one
// side agrees with a date of the other at their common granularity.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_DATE_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_DATE_DETECTOR_H_

#include <string>
#include <vector>

#include "analyzer/divergence/finding.h"
#include "analyzer/text/dates.h"

namespace diverge::divergence {

struct DatedEvent {
  std::string event_class;  // "founding"
  std::string event_word;   // the word as written ("formed")
  text::DateMention date;
};

std::vector<DatedEvent> FindDatedEvents(const Side& side);

std::vector<Finding> DetectDate(const Side& a, const Side& b, const DetectorContext& ctx);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_DATE_DETECTOR_H_
