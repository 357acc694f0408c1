// Figure clauses: statements smaller than a sentence, for sentences that give several
// figures about different things ("Erdogan won 49.51 percent of the vote, while
// Kilicdaroglu got 44.88 percent"; "at least 40,000 people marched in Lyon; 30,000 in
// Toulouse; 26,000 in Marseille"; "1.12 million people demonstrated in France, including
// 80,000 in Paris"). Each figure answers its own question (a slot), so each clause that
// carries one becomes a statement of its own, clustered with other outlets' figures for
// the same slot, while the sentence keeps its main clause (as claim_spans.h does for
// member lists).
//
// Rules (no word lists beyond the clause connectives, any outlet):
//   - a figure is a number written in digits ("40,000", "44.88", "5%"), not a year
//     (1800-2100 without a unit), a clock time ("12:15") or a day of a month;
//   - the sentence is cut before a connective that opens a new clause: ";", ":", a comma
//     followed by a figure, ", while" / "while", "whereas", ", with", ", including",
//     "compared to/with", ", against" / "(against", "against" or "and" before a figure
//     within six words ("and third candidate Sinan Ogan got 5.2%"), "versus", "vs", a
//     dash (not one that joins a word to its figure: "Kilicdaroglu—44.88 percent");
//   - a piece after the first piece that holds a figure is a clause, running to the next
//     piece that holds a figure (so ", according to the ministry" stays with its
//     figure); the pieces up to the first figure are the sentence's own clause ("Sinan
//     Ogan from the ATA Alliance, the third candidate, received 5.17 percent, while ..."),
//     unless a colon or semicolon opens that figure's piece (a list: "Early counts
//     show: 12,000 in Lille, 8,000 in Nice");
//   - nothing is cut unless at least two pieces hold figures, and a clause has at least
//     kMinClauseWords words.
#ifndef DIVERGE_ANALYZER_INGEST_FIGURE_CLAUSES_H_
#define DIVERGE_ANALYZER_INGEST_FIGURE_CLAUSES_H_

#include <string_view>
#include <vector>

#include "analyzer/text/sentences.h"

namespace diverge::ingest {

inline constexpr int kMinClauseWords = 3;

// Byte ranges of `sentence` (raw bytes) holding a figure clause, in order; the sentence's
// own clause (up to its first figure) is never one.
std::vector<text::Span> FindFigureClauses(std::string_view sentence);

// Whether `text` holds a figure by the rule above (used to let short figure clauses
// such as "30,000 in Toulouse" join claims).
bool HasFigure(std::string_view text);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_FIGURE_CLAUSES_H_
