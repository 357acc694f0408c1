// Claim slots: which figures answer the same question.
//
// Two statements that give figures make the same claim when they count the same thing
// ("35 Chinese troops died" / "43 Chinese soldiers have been killed"), whatever the
// values; the values are what the divergence detectors compare. Figures about different
// named things answer different questions ("40,000 people marched in Lyon" / "30,000 in
// Toulouse"; "Erdogan won 49.5 percent" / "Kilicdaroglu got 44.9 percent"), however alike
// the wording.
//
// A statement's slot names are the names it mentions, without the sources it cites, and
// each figure is about the name nearest to it (divergence/quantity_names.h: name runs,
// cited sources, folding, the kSlotWindow and when two names match).
//
// Conflict (negative evidence): both hold a figure (figure_clauses.h) and a slot name,
// and no name of one matches a name of the other; or both tie figures to names (slots,
// below) and no word of the name runs the figures are tied to matches between the two
// ("400,000 people in the parade in Paris" / "2 million people demonstrated in France",
// whatever else both mention). Any word of the run counts here, not only its head:
// "two soldiers" of "the Indian Army" and "20 Indian soldiers" are not shown to be
// about different things. A conflicting pair never joins a claim.
//
// Match (positive evidence): each quantity (numeric_detector.h FindQuantities) is tied
// to the slot name nearest to it (quantity_names.h NearestNameRun), giving (referent,
// name) slots, where the name is the run's last word, its head in English ("Turkish
// President Recep Tayyip Erdogan" -> erdogan, so "Turkish" does not tie his share to
// a figure about "Turkey", nor "President" to another president's): "Kemal Kilicdaroglu
// won 44.92 percent" -> (percent, kilicdaroglu);
// "compared to 42% for Kiliçdaroglu" -> (percent, kilicdaroglu); "26,000 in Marseille"
// -> ("", marseille). Two statements match when some slot of one and some slot of the
// other have matching names and the same referent (or alike ones, WordNetReferents, or
// counts of the same event: "35 Chinese troops died" / "43 Chinese soldiers killed"), or
// one is a bare figure and the other a count (not a share) of the same order: within a
// factor of 10 ("30,000 in Toulouse" / "36,000 people ... in Toulouse", not "80,000 in
// Paris" / "200 demonstrations in Paris"). The pipeline treats a match inside one story
// as the same claim however differently the rest is worded. A quantity without a nearby
// name gives a slot only when it counts an event (numeric_detector.h Quantity::event),
// and such nameless slots match each other as counts of one event: "the death toll rose
// to 820" / "1,037 people died"; "the turnout was 88%" and "with 98% of votes counted"
// do not match. A nameless running count (the dead, injured, arrested, missing,
// displaced, rescued) also matches a count of the same event about a name when the
// values are within a factor of 10 ("the death toll rose to 2,012" / "the quake killed
// 820 people in Morocco"); marchers are counted city by city, so not theirs. Two name runs with
// matching heads whose other words all differ name different things ("the Indian Army" / "the
// Chinese Army").
//
// Dated acts: two statements that date the founding or the signing of something and
// share a name date one act, whatever the dates ("The organization was established on
// the basis of the Collective Security Treaty ... on May 15, 1992" / "The CSTO was formed
// in 2002, building upon the 1992 Collective Security Treaty"): a founding or signing
// date is one fact about the thing founded. The story's own events (deaths, attacks,
// elections, meetings) are not: many statements that claim different things date them.
//
// The text a profile is made from should be the statement's own words: a sentence whose
// clauses are statements of their own (figure_clauses.h) gives its slots to those
// clauses (analyze.cc masks them), so "Erdogan won 49.5%, while Kilicdaroglu got 44.9%"
// holds the Erdogan slot and its clause the Kilicdaroglu one.
#ifndef DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_
#define DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "embeddings/word_senses.h"

namespace diverge::pipeline {

struct SlotProfile {
  bool figure = false;
  std::vector<std::string> names;  // folded name words (>= 3 letters), sorted, unique
  struct Slot {
    std::string referent;  // numeric_detector.h Quantity::referent; "" = a bare figure
    double value = 0;
    // Every folded word of the name run tied to the figure ("indian", "armi"); empty for
    // a nameless count of an event.
    std::vector<std::string> run;
    std::string event;  // numeric_detector.h Quantity::event ("killed")
    // The run's last word, its head ("armi"); "" when nameless.
    std::string_view name() const { return run.empty() ? std::string_view() : run.back(); }
    auto operator<=>(const Slot&) const = default;
  };
  // One per quantity tied to a name run (quantity_names.h NearestNameRun), and one per
  // nameless count of an event. Sorted, unique.
  std::vector<Slot> slots;
  // Every word of the name runs the slots are tied to (folded, sorted, unique): what
  // SlotConflict compares.
  std::vector<std::string> slot_words;
  // The one-off acts the statement dates (divergence/date_detector.h FindDatedEvents):
  // "founding", "signing"; sorted, unique.
  std::vector<std::string> dated_acts;
};

// `mid_sentence_names`: lowercased single words the corpus capitalises mid-sentence
// (anchor_links.h MidSentenceNames), sorted.
SlotProfile MakeSlotProfile(std::string_view text,
                            const std::vector<std::string>& mid_sentence_names);

bool SlotConflict(const SlotProfile& a, const SlotProfile& b);

// Whether two counted nouns count the same kind of thing. Equality when none is given.
using ReferentsAlike = std::function<bool(const std::string&, const std::string&)>;

// Equal referents, or WordNet synonyms (one of their most frequent senses shared:
// "protester" / "demonstrator", "vote" / "ballot"); equality only when `senses` is null
// (WordNet not installed). A kind and its kind do not count: "person" is a hypernym of
// "demonstrator" but also of "officer", and "10,000 police officers were mobilized" is
// not a count of the demonstrators. Thread-safe (WordSenses::Find is).
ReferentsAlike WordNetReferents(const embeddings::WordSenses* senses);

// Some slot of `a` and some slot of `b` count the same thing about the same name.
bool SlotMatch(const SlotProfile& a, const SlotProfile& b, const ReferentsAlike& alike = {});

// The pairs (i < j) of rows in one story and different documents whose profiles
// SlotMatch, found through buckets of (story, first 4 letters of a slot name, or of any
// word of the name run of a count of an event, or a dated act); a bucket
// of more than `max_bucket` rows is a topic, not a slot, and is skipped, so the work is
// at most max_bucket^2 per bucket. Sorted, unique.
std::vector<std::pair<int32_t, int32_t>> SlotMatchPairs(const std::vector<SlotProfile>& profiles,
                                                        const std::vector<int32_t>& story_of_row,
                                                        const std::vector<int32_t>& doc_of_row,
                                                        size_t max_bucket,
                                                        const ReferentsAlike& alike = {});

}  // namespace diverge::pipeline

#endif  // DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_
