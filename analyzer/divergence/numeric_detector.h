// Numeric detector: quantities written in digits or words ("six", "Seventeen thousand",
// "2,000", "1.5 million", "40%", "12 percent", "12 per cent") bound to what they count:
// the head noun of the words that follow ("2,000 special servicemen" -> serviceman, "six member
// states" -> state). Two statements diverge when they count the same referent with
// values that do not overlap; the same value for a different referent (2,000 servicemen
// vs 2,000 websites) or different values for different referents are not flags.
// Years, days of dates and clock times are not quantities; a year-like number followed
// by a counted noun ("2012 people") is. A comma followed by one or two digits is a
// decimal comma ("49,51%"). Two values agree when the ranges their words allow overlap
// (rounding, "about", "more than"). Counts of one event compare whatever noun each
// uses (Quantity::event: "35 Chinese troops died" / "43 Chinese soldiers were killed").
// Inside one claim the two statements' figures fill
// the same slot, so when each side gives exactly one figure of the same kind (a share,
// or a count) and one of them names no referent, they are compared ("the death toll
// rose to 820" / "1,037 people died"); so are the one figure a side that counts nothing
// named when the other figures of the two sides count the same things ("$299 billion over
// five years" / "$601 billion over five years"). When a side gives several figures of one kind,
// each is about the name nearest to it (quantity_names.h): figures about matching names
// are compared with each other, never with a figure about another name ("Smith 52%,
// Jones 43%" / "Smith 50.83%, Jones 43.36%" flags 52 vs 50.83). A figure with an
// elided noun counts what the sentence's previous count counts, also across a clause
// statement and its sentence (Side::lead; FindQuantities below); a clause statement's
// figure its sentence left unread is not free to take the other side's referent. A
// figure its sentence dates to a year before both publications ("their 1967 clashes,
// when India lost around 80 soldiers") is compared only with figures of that year, as a
// dated past fact (Quantity::past_year).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_NUMERIC_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_NUMERIC_DETECTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "analyzer/divergence/finding.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

struct Quantity {
  double value = 0;
  bool approximate = false;                // "about", "more than", "nearly", ... before it
  // The values the words allow, as a reader reads them: "more than 43" [43, 64.5],
  // "nearly 300" [225, 300], "about 1.1 million" [0.99e6, 1.21e6] ("about 52%": a
  // point either way, [51, 53]), "1.12 million"
  // +- half its last written digit ("49.5" [49.45, 49.55]).
  double low = 0, high = 0;
  std::string referent;                    // singular head noun ("serviceman", "percent")
  // A measurement: a unit ("18.5 km", "8 kilometres deep" -> "km") or an earthquake's
  // magnitude ("magnitude 7", "a magnitude of 6.8", "6.8-magnitude" -> "magnitude").
  // A measurement is read to the finer precision of the two compared: "7" against
  // "6.8" is 7.0, so magnitude 7 and 6.8 differ (a count's "1.1 million" still
  // allows "1.12 million").
  bool measure = false;
  // The second kind of a count of two kinds together ("five officers and soldiers":
  // referent "officer", also "soldier"); the count agrees with the other side's two
  // counts when they add up to it.
  std::string also;
  // What happened to what a count counts, read from its clause: "killed" ("35 troops
  // died", "43 soldiers have been killed", "the death toll rose to 820", "35
  // casualties"), "injured", "arrested" or "missing"; "" when none is said. Two counts of
  // one event are counts of the same thing whatever noun each uses: when both sides give
  // counts of an event, those counts are compared by the event (summary "35 vs 43
  // killed"), and counts of two different events are not compared.
  std::string event;
  // The counted noun is elided and taken from the previous count (FindQuantities).
  bool elided = false;
  // A part of the subject's own group: "four of its soldiers", "20 of their members"
  // (quantity_names.h: about the name before it, never one after it).
  bool possessed = false;
  // DetectNumeric: the year of a past event the sentence dates the figure to (the date
  // mention nearest to it, not a bound, before both articles' publication years), else
  // 0. Figures of different past years, or of a past year and of now, are not compared.
  int past_year = 0;
  double step = 1;                         // the last written digit's value
  size_t first_token = 0, last_token = 0;  // number .. head, inclusive
  size_t begin = 0, end = 0;               // byte range of the same
};

// The quantities of `tokens`, in order. A figure whose counted noun is elided ("1.12
// million people demonstrated in France, including 80,000 in Paris"; "at least 40,000
// people marched in Lyon; 30,000 in Toulouse") counts what the previous count of the
// text counts (its referent and event, `elided` set), or `antecedent`'s when the text
// gives none before it: the last count of the sentence before a clause statement
// (Side::lead). An antecedent is a count of a named thing, not a preposition's object
// ("in more than 200 processions"), a share, a measurement, an age or a span of time
// ("6 days ... Tuesday the 16": the 16th is a day). The figure must end its clause or go
// on with a place, time or source ("80,000 in Paris"), not a verb ("Flight 370 was").
// A small whole number set off by commas after a capitalised word is an
// age ("Hamidou, 43, a garbage collector": referent "age").
std::vector<Quantity> FindQuantities(const std::vector<text::Token>& tokens,
                                     const Quantity* antecedent = nullptr);
// The last count of `tokens` that could be the antecedent of an elided one (see above).
std::optional<Quantity> LastCount(const std::vector<text::Token>& tokens);

// Value of a run of number words ("seventeen thousand" -> 17000); false if not one.
bool ParseNumberWords(const std::vector<std::string>& lower_words, double* value);
// A number word on its own: "two", "twenty-five", "dozen", "hundred", "million".
bool IsNumberWord(std::string_view lower_word);

// `min_overlap`: content-word overlap (text.h ContentOverlap) the two sides need, unless
// both give counts of one event (Quantity::event).
std::vector<Finding> DetectNumeric(const Side& a, const Side& b, const DetectorContext& ctx,
                                   double min_overlap = 0);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_NUMERIC_DETECTOR_H_
