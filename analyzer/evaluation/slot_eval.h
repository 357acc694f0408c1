// How the claim-slot rules (analyzer/pipeline/claim_slots.h SlotMatch) are checked on
// public data: the Emergent headlines (url-versions-*.csv: each article headline with the
// id of the rumour it reports, plus each rumour's own claimHeadline). Every pair of
// headlines is tried; a slot match should join headlines of one rumour.
//
// Emergent counts a different figure as a different claim ("Apple will sell 19 million
// Apple Watches" and "... 15 million" are two rumours) where diverge's slots join them on
// purpose (the values are what the detectors compare), and its rumours are not grouped
// into stories as `analyze` groups a corpus before slots are matched. So the precision is
// a lower bound of what `analyze` sees inside one story; a new rule is judged by the
// matches it adds (how many of them join one rumour).
#ifndef DIVERGE_ANALYZER_EVALUATION_SLOT_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_SLOT_EVAL_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::evaluation {

struct SlotEvalResult {
  int texts = 0;                 // headlines (article and claim headlines, each once)
  int64_t same_claim_pairs = 0;  // headline pairs of one rumour
  int64_t matched_same = 0;      // slot matches within one rumour
  int64_t matched_other = 0;     // slot matches across rumours
  // The first slot matches across rumours, for reading (at most `max_examples`).
  std::vector<std::pair<std::string, std::string>> other_examples;
  double precision() const;
  double recall() const;
};

// Reads an Emergent url-versions CSV (errors name the file: unreadable, or no
// articleHeadline / claimHeadline / claimId columns) and scores SlotMatch on every pair of
// its distinct headlines, with the WordNet referents `analyze` uses.
Result<SlotEvalResult> EvaluateSlotsOnEmergent(const std::string& csv_path,
                                               size_t max_examples = 20);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_SLOT_EVAL_H_
