// Claim spans: statements smaller than a sentence. A sentence that mentions a list of
// names in passing ("the member states – A, B, C and D – are facing ...", "the leaders
// of the countries (A, B, C and D) have met ...") also claims who belongs to that list;
// the list becomes a statement of its own so it can be clustered with other outlets'
// membership statements while the sentence is clustered by what it mainly says.
//
// Rules (no word lists, any outlet):
//   - an item is 1-4 consecutive capitalised words ("Kyrgyzstan", "South Korea");
//   - a list is >= 3 items separated by commas, the last joined by "and" / "or"
//     (an Oxford comma before it is allowed);
//   - the list must be parenthetical (opened by "(" or a dash) or be followed by at
//     least kMinWordsAfterList more words of the sentence; a list that ends the sentence
//     is what the sentence says, so it yields no span;
//   - the list must cover less than kMaxListShare of the sentence's bytes.
#ifndef DIVERGE_ANALYZER_INGEST_CLAIM_SPANS_H_
#define DIVERGE_ANALYZER_INGEST_CLAIM_SPANS_H_

#include <string_view>
#include <vector>

#include "analyzer/text/sentences.h"

namespace diverge::ingest {

inline constexpr int kMinListItems = 3;
inline constexpr int kMinWordsAfterList = 3;
inline constexpr double kMaxListShare = 0.7;

// Byte ranges of `sentence` (raw bytes, any whitespace) holding a list claim, from the
// first item's first byte to the last item's last byte, in order.
std::vector<text::Span> FindListSpans(std::string_view sentence);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_CLAIM_SPANS_H_
