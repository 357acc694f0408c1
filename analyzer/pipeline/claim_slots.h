// Claim slots: which figures answer the same question.
//
// Two statements that give figures make the same claim when they count the same thing
// ("35 Chinese troops died" / "43 Chinese soldiers have been killed"), whatever the
// values; the values are what the divergence detectors compare. Figures about different
// named things answer different questions ("40,000 people marched in Lyon" / "30,000 in
// Toulouse"; "Erdogan won 49.5 percent" / "Kilicdaroglu got 44.9 percent"), however alike
// the wording. A statement's slot names are the names it mentions (runs of capitalised
// words; a sentence's first word only when the corpus capitalises it mid-sentence),
// without the sources it cites (a name after "according to" or next to a reporting
// verb: "the Interior Ministry counted", "said the CGT"), folded (names.h FoldName, so
// Erdoğan = Erdogan). Two statements conflict when both hold a figure (figure_clauses.h)
// and a slot name, and no name of one matches a name of the other: equal folded words, or
// a shared prefix of >= 4 letters covering >= 60% of the shorter word (China / Chinese,
// Marseille / Marseilles). A conflicting pair never joins one claim.
#ifndef DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_
#define DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace diverge::pipeline {

struct SlotProfile {
  bool figure = false;
  std::vector<std::string> names;  // folded name words (>= 3 letters), sorted, unique
};

// `mid_sentence_names`: lowercased single words the corpus capitalises mid-sentence
// (anchor_links.h MidSentenceNames), sorted.
SlotProfile MakeSlotProfile(std::string_view text,
                            const std::vector<std::string>& mid_sentence_names);

bool NamesMatch(std::string_view a, std::string_view b);

bool SlotConflict(const SlotProfile& a, const SlotProfile& b);

}  // namespace diverge::pipeline

#endif  // DIVERGE_ANALYZER_PIPELINE_CLAIM_SLOTS_H_
