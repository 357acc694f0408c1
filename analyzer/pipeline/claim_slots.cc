#include "analyzer/pipeline/claim_slots.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "analyzer/divergence/date_detector.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/divergence/quantity_names.h"
#include "analyzer/ingest/figure_clauses.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::pipeline {
namespace {


// A figure in digits, or a count in words ("two soldiers", "Twenty Indian soldiers").
constexpr std::array<std::string_view, 22> kNumberWords = {
    "two",      "three",    "four",      "five",    "six",      "seven", "eight", "nine",
    "ten",      "eleven",   "twelve",    "twenty",  "thirty",   "forty", "fifty", "hundred",
    "hundreds", "thousand", "thousands", "million", "millions", "dozens"};

// Two name runs with matching heads name one thing unless both say more and share none
// of it: "the Indian Army" is not "the Chinese Army"; "Turkish President Recep Tayyip
// Erdogan" is "President Erdogan" and "Erdogan".
bool SameModifiers(const SlotProfile::Slot& x, const SlotProfile::Slot& y) {
  if (x.run.size() < 2 || y.run.size() < 2) return true;
  const std::vector<std::string> mx(x.run.begin(), x.run.end() - 1);
  const std::vector<std::string> my(y.run.begin(), y.run.end() - 1);
  return divergence::AnyNameMatches(mx, my);
}

// Values of one order: within a factor of 10 ("30,000 in Toulouse" / "36,000 people").
bool SameOrder(const SlotProfile::Slot& x, const SlotProfile::Slot& y) {
  const double lo = std::min(std::abs(x.value), std::abs(y.value));
  const double hi = std::max(std::abs(x.value), std::abs(y.value));
  return lo > 0 && hi <= 10 * lo;
}

// The one-off acts a date makes one fact of (claim_slots.h): a founding, a signing.
bool IsDatedAct(const std::string& event_class) {
  return event_class == "founding" || event_class == "signing";
}

}  // namespace

SlotProfile MakeSlotProfile(std::string_view text,
                            const std::vector<std::string>& mid_sentence_names) {
  SlotProfile out;
  const std::vector<text::Token> tokens = text::Tokenize(text);
  out.figure = ingest::HasFigure(text);
  for (const text::Token& t : tokens) {
    out.figure |= t.IsWord() && std::find(kNumberWords.begin(), kNumberWords.end(), t.lower) !=
                                    kNumberWords.end();
  }
  const std::vector<divergence::NameRun> runs =
      divergence::FindNameRuns(tokens, mid_sentence_names);
  std::set<std::string> names;
  for (const divergence::NameRun& r : runs) names.insert(r.folded.begin(), r.folded.end());
  out.names.assign(names.begin(), names.end());

  // Each quantity takes its name run (quantity_names.h NearestNameRun).
  std::set<SlotProfile::Slot> slots;
  for (const divergence::Quantity& q : divergence::FindQuantities(tokens)) {
    const divergence::NameRun* best = divergence::NearestNameRun(runs, q, tokens);
    if (best != nullptr) {
      slots.insert({q.referent, q.value, best->folded, q.event});
    } else if (!q.event.empty()) {
      slots.insert({q.referent, q.value, {}, q.event});  // "the death toll rose to 820"
    }
  }
  out.slots.assign(slots.begin(), slots.end());
  // Dated one-off acts: dates are looked for only when an act is named.
  const bool names_act = std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
    return t.IsWord() && IsDatedAct(divergence::EventClass(t.lower));
  });
  if (names_act) {
    divergence::Side side;
    side.text = std::string(text);
    side.tokens = tokens;
    std::set<std::string> acts;
    for (const divergence::DatedEvent& e : divergence::FindDatedEvents(side)) {
      if (IsDatedAct(e.event_class)) acts.insert(e.event_class);
    }
    out.dated_acts.assign(acts.begin(), acts.end());
  }
  std::set<std::string> words;
  for (const SlotProfile::Slot& slot : out.slots) words.insert(slot.run.begin(), slot.run.end());
  out.slot_words.assign(words.begin(), words.end());
  return out;
}

bool SlotConflict(const SlotProfile& a, const SlotProfile& b) {
  if (!a.figure || !b.figure || a.names.empty() || b.names.empty()) return false;
  if (!divergence::AnyNameMatches(a.names, b.names)) return true;
  // Figures tied to names on both sides, and none about a matching name: "more than
  // 400,000 people participated in the parade in Paris" / "2 million people demonstrated
  // in France", though both mention the CGT.
  // Nameless slots (counts of an event) have no run words.
  if (a.slot_words.empty() || b.slot_words.empty()) return false;
  return !divergence::AnyNameMatches(a.slot_words, b.slot_words);
}

ReferentsAlike WordNetReferents(const embeddings::WordSenses* senses) {
  if (senses == nullptr) return {};
  return [senses](const std::string& x, const std::string& y) {
    if (x == y) return true;
    if (x.empty() || y.empty() || x == "percent" || y == "percent") return false;
    const embeddings::WordSenseSets* a = senses->Find(x);
    const embeddings::WordSenseSets* b = senses->Find(y);
    if (a == nullptr || b == nullptr) return false;
    return embeddings::Relate(*a, *b) == embeddings::WordRelation::kSynonym;
  };
}

bool SlotMatch(const SlotProfile& a, const SlotProfile& b, const ReferentsAlike& alike) {
  auto same_kind = [&](const SlotProfile::Slot& x, const SlotProfile::Slot& y) {
    // Counts of things: a count of an event and a count of no event are not shown to
    // count one thing ("35 Chinese troops died" / "Chinese troops numbering over 350").
    const bool both_counted = !x.referent.empty() && !y.referent.empty();
    if (both_counted && (!x.event.empty() || !y.event.empty())) return x.event == y.event;
    if (x.referent == y.referent) return true;
    if (!x.referent.empty() && !y.referent.empty()) return alike && alike(x.referent, y.referent);
    const SlotProfile::Slot& counted = x.referent.empty() ? y : x;
    if (counted.referent == "percent") return false;
    return SameOrder(x, y);
  };
  // One dated act about a shared name.
  for (const std::string& act : a.dated_acts) {
    if (std::binary_search(b.dated_acts.begin(), b.dated_acts.end(), act) &&
        divergence::AnyNameMatches(a.names, b.names)) {
      return true;
    }
  }
  for (const SlotProfile::Slot& x : a.slots) {
    for (const SlotProfile::Slot& y : b.slots) {
      if (x.name().empty() != y.name().empty()) {
        // A running count (numeric_detector.h: the dead, injured, ... of one event) with
        // no name nearby and one about a name: one slot when the values are of one order
        // (within a factor of 10, as a bare figure and a count): "the death toll rose to
        // 2,012" / "the quake killed 820 people in Morocco". Marchers are counted city by
        // city: "2 million marched" and "400,000 marched in Bordeaux" stay apart.
        if (divergence::IsRunningEvent(x.event) && x.event == y.event && same_kind(x, y) &&
            SameOrder(x, y)) {
          return true;
        }
        continue;
      }
      // Figures tied to no name fill one slot only as counts of one event.
      if (x.name().empty() && (x.event.empty() || x.event != y.event)) continue;
      if (!same_kind(x, y)) continue;
      if (divergence::NamesMatch(x.name(), y.name()) && SameModifiers(x, y)) return true;
      // Counts of one event: any word of the names may match ("35 Chinese troops died" /
      // "the Chinese Army suffered 35 casualties").
      if (!x.event.empty() && x.event == y.event && divergence::AnyNameMatches(x.run, y.run) &&
          SameModifiers(x, y)) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::pair<int32_t, int32_t>> SlotMatchPairs(const std::vector<SlotProfile>& profiles,
                                                        const std::vector<int32_t>& story_of_row,
                                                        const std::vector<int32_t>& doc_of_row,
                                                        size_t max_bucket,
                                                        const ReferentsAlike& alike) {
  std::map<std::pair<int32_t, std::string>, std::vector<int32_t>> buckets;
  for (size_t i = 0; i < profiles.size(); ++i) {
    std::set<std::string> keys;
    for (const SlotProfile::Slot& slot : profiles[i].slots) {
      keys.insert(std::string(slot.name().substr(0, 4)));
      // Counts of an event match on any word of their names (SlotMatch).
      if (!slot.event.empty()) {
        for (const std::string& w : slot.run) keys.insert(w.substr(0, 4));
        // Named and nameless running counts of one event (SlotMatch).
        if (divergence::IsRunningEvent(slot.event)) keys.insert("@" + slot.event);
      }
    }
    for (const std::string& act : profiles[i].dated_acts) keys.insert("@" + act);
    for (const std::string& key : keys) {
      buckets[{story_of_row[i], key}].push_back(static_cast<int32_t>(i));
    }
  }
  std::vector<std::pair<int32_t, int32_t>> out;
  for (const auto& [key, rows] : buckets) {
    if (rows.size() > max_bucket) continue;
    for (size_t x = 0; x < rows.size(); ++x) {
      for (size_t y = x + 1; y < rows.size(); ++y) {
        const int32_t i = rows[x], j = rows[y];
        if (doc_of_row[i] != doc_of_row[j] && SlotMatch(profiles[i], profiles[j], alike)) {
          out.emplace_back(i, j);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace diverge::pipeline
