// Anchored links: a second, weaker kind of "same claim" evidence.
//
// Two outlets often state one claim in words that share little besides a rare name
// ("the Operation PROXY results show ... vulnerable to terrorist, extremist influence" /
// "Operation Proxy ... is aimed at drug dealers and terrorists and extremists"). Their pair
// similarity is too low for the first clustering stage, but the shared rare name is strong
// evidence. An anchored link joins two such statements when
//   1. they come from different documents and share an anchor: a name (a run of
//      capitalised words, case-folded, acronyms defined in the corpus as "Full Name (FN)"
//      resolved to the acronym) held by at most max_share of the eligible statements and
//      at most max_statements of them (names on every other line are the story's topic,
//      not a claim's). `analyze` judges this within each story, among the story's own
//      statements, so a story gets the same anchors alone or in a folder of other stories;
//   2. their pair similarity is >= min_score;
//   3. they are each other's best such match in the other's document (mutual best by
//      score, ties: smaller key), so a statement joins at most one statement per document.
// `analyze` gives the pairs sharing such an anchor to the first stage as extra candidates
// (at its own threshold), then runs AttachAnchored: a statement the first stage left out
// joins through a link only a claim it is close to as a whole (mean score to its members
// >= min_score) or pairs with another left-out statement; claims never merge, so links
// cannot chain (the first stage stays the stronger evidence).
//
// Defaults chosen on ClaimDiff train (cross-outlet claim pairs of one story), never on the
// sample corpus: see README "How the clustering thresholds were chosen".
#ifndef DIVERGE_ANALYZER_CLUSTER_ANCHOR_LINKS_H_
#define DIVERGE_ANALYZER_CLUSTER_ANCHOR_LINKS_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/cluster/claim_clustering.h"

namespace diverge::cluster {

struct AnchorOptions {
  // Minimum pair similarity of an anchored link: the lowest (step 0.05) at which pairs
  // sharing a rare name are >= 0.90 precise on ClaimDiff train (`diverge eval anchors`:
  // 0.29 and up) and the anchored stage does not lower the clustering F1 of the
  // 2,000-statement benchmark (`macro_bench --statements 2000 --anchor-min-score T`:
  // 0.930 without it; 0.902 at 0.29, 0.924 at 0.40, 0.927 at 0.45, 0.931 at 0.50).
  float min_score = 0.50f;
  double max_share = 0.10;      // an anchor held by more of the statements is a topic word
  size_t max_statements = 200;  // ... and so is one held by more statements than this
  // The most statements an anchor may be held by, among `statements` eligible ones
  // (at least 2, so that a small corpus can still link a pair).
  double MaxHolders(int64_t statements) const {
    return std::min<double>(static_cast<double>(max_statements),
                            std::max(2.0, max_share * static_cast<double>(statements)));
  }
};

// Acronyms defined in `texts` as a capitalised name followed by its initials in
// parentheses ("Collective Security Treaty Organization (CSTO)"): pairs of
// (case-folded full name, case-folded acronym), sorted and unique.
std::vector<std::pair<std::string, std::string>> DefinedAcronyms(
    std::span<const std::string> texts);

// The anchors of one statement, sorted and unique: runs of capitalised words (an
// internal "of" allowed, possessive 's dropped), case-folded, with a leading function
// word ("The", "In", ...) removed. A run that is a single word at the start of the text
// counts only when `names` (sorted) lists it, i.e. it is capitalised elsewhere mid-sentence.
// Month names and abbreviations ("Jan", "Sept") and weekday names are not anchors (dates
// are compared by the date detector; text::MonthNumber, text::Weekday).
// Title-case text (a headline: most words capitalised) has no anchors.
std::vector<std::string> ExtractAnchors(
    std::string_view text, std::span<const std::string> names,
    std::span<const std::pair<std::string, std::string>> acronyms);

// Single capitalised words found mid-sentence in `texts` (case-folded, sorted, unique):
// the `names` argument of ExtractAnchors. A word right after an opening quote, bracket
// or colon does not count: a quoted sentence starts there (“More than two million”).
std::vector<std::string> MidSentenceNames(std::span<const std::string> texts);

// The anchors of every text of a corpus: ExtractAnchors with the corpus's
// MidSentenceNames and DefinedAcronyms. anchors[i] belongs to texts[i].
std::vector<std::vector<std::string>> CorpusAnchors(std::span<const std::string> texts);

// Condition 1's rarity: for each anchor held by at most options.MaxHolders(eligible rows)
// eligible rows, those rows (ascending). Anchors held by more are topic words and absent.
// With `group_of_row` (e.g. each row's story), rarity is judged within each group, among
// its eligible rows: an anchor is listed with the holders of the groups where it is rare.
std::map<std::string, std::vector<int32_t>> RareAnchorHolders(
    const std::vector<std::vector<std::string>>& anchors, const std::vector<char>& eligible,
    const AnchorOptions& options, std::span<const int32_t> group_of_row = {});

// The anchored stage, after the first (claim_clustering.h): statements the first stage
// left out join a claim, or pair up, through a shared rare anchor at the weaker
// min_score, without chaining. `groups` are the first stage's clusters (row lists);
// `candidates` are pairs of rows of different documents sharing a rare anchor
// (RareAnchorHolders). A candidate (i, j) is a link when
//   - both rows are eligible, at least one is in no group, and
//     pair_score(i, j) >= options.min_score;
//   - i and j are each other's best link in the other's document (highest score, ties:
//     smaller key), so a statement links to at most one statement per document.
// Links are taken by descending score (ties: smaller keys). Two free rows form a new
// group; a free row joins its partner's group only when its mean pair_score to the
// group's members (the first kMaxCompared of them, in the order they joined) is
// >= options.min_score, i.e. close to the claim as a whole, never through one neighbour;
// two rows that both already have a group never merge their groups. Each free row joins
// at most one group. Pair scores run on `threads` threads; the result does not depend on
// them (only the candidates' scores run on them; the joins are taken one by one). Returns
// every group (the first stage's, grown, and the new ones) as sorted row
// lists ordered by their smallest row.
inline constexpr size_t kMaxCompared = 16;
std::vector<std::vector<int32_t>> AttachAnchored(
    std::vector<std::vector<int32_t>> groups,
    std::span<const std::pair<int32_t, int32_t>> candidates, const std::vector<int32_t>& doc_of_row,
    const std::vector<char>& eligible, const PairScore& pair_score,
    std::span<const uint64_t> row_keys, const AnchorOptions& options, int threads = 1);

}  // namespace diverge::cluster

#endif  // DIVERGE_ANALYZER_CLUSTER_ANCHOR_LINKS_H_
