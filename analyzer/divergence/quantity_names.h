// Quantity names: which named thing a figure is about.
//
// A sentence's names are runs of capitalised words (a sentence's first word only when
// the corpus capitalises it mid-sentence: `mid_sentence_names`), without weekdays, month
// names and function words, and without the sources it cites (a name after "according
// to", or next to a reporting verb: "the Interior Ministry counted", "said the CGT"; the
// verb must reach the name without punctuation, and one before the name counts only
// when the clause ends at the name: "votes counted, Erdogan, ..." and "43 per cent for
// Kilicdaroglu, according to Anadolu" cite neither Erdogan nor Kilicdaroglu). Each name
// word is folded (names.h FoldName: Erdoğan = Erdogan) and kept when it has >= 3 letters.
//
// A quantity (numeric_detector.h FindQuantities) is about the name run nearest to it
// within kSlotWindow tokens (ties: the one before it; a run inside the quantity's own
// words, "20 Indian soldiers", is at distance 0; a possessive run after the quantity,
// "... against Kılıçdaroğlu's 44.88%", is about what follows it, not about the quantity),
// that is to its head. Two folded name words
// match when they
// are equal or share a prefix of >= 4 letters covering >= 60% of the shorter word
// (China / Chinese, Marseille / Marseilles).
//
// Used by the claim slots (pipeline/claim_slots.h: which statements answer one question)
// and by the numeric detector (which figures of two statements to compare).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_QUANTITY_NAMES_H_
#define DIVERGE_ANALYZER_DIVERGENCE_QUANTITY_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

// Tokens a quantity looks for its name in, on each side. A reasoned value, not fitted:
// a clause ("Erdoğan, who has been in power since 2003, secured 49.34%" puts 8 tokens
// between the name and the figure) but not the next clause's subject.
inline constexpr size_t kSlotWindow = 8;

// A run [begin, end) of name tokens and its folded words (>= 3 letters, non-empty).
struct NameRun {
  size_t begin = 0, end = 0;
  std::vector<std::string> folded;
  // What a figure tied to the run is about: its last word, the head of an English name
  // ("Turkish President Recep Tayyip Erdogan" -> erdogan, "the Indian Army" -> army).
  const std::string& head() const { return folded.back(); }
};

// The name runs of `tokens` that are not cited sources. `mid_sentence_names`: sorted
// lowercased words the corpus capitalises mid-sentence (may be empty: then a sentence's
// first word is never a name).
std::vector<NameRun> FindNameRuns(const std::vector<text::Token>& tokens,
                                  const std::vector<std::string>& mid_sentence_names);

// The run nearest to `q` within kSlotWindow tokens (an earlier one on a tie, a later one
// for a figure whose counted noun is elided: "17 airstrikes in Syria and 12 in Iraq"
// ties 12 to Iraq; never a later one for a part of the subject's own group: "four of its
// soldiers were killed in a clash with Indian forces", nor one past punctuation, the next
// clause's subject: "received 5.17 percent, while Muharrem Ince ...") (or the name it is
// attached to by
// "from" / "of": "Sinan Ogan from the Ata Alliance, secured 5.17 percent" is about
// Ogan), else the nearest run before it in
// the same clause (no punctuation between, past a relative clause set off by commas or
// dashes: "Muharrem Ince of the Homeland Party – who withdrew ... – got 0.44 percent")
// within 2 * kSlotWindow tokens, the clause's
// subject ("Erdoğan emerged victorious in the first round of elections with 49.52%"), or
// nullptr. `tokens` are the tokens `runs` and `q` index.
const NameRun* NearestNameRun(const std::vector<NameRun>& runs, const Quantity& q,
                              const std::vector<text::Token>& tokens);

bool NamesMatch(std::string_view a, std::string_view b);

// Whether some word of `a` matches some word of `b`.
bool AnyNameMatches(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_QUANTITY_NAMES_H_
