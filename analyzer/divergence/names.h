// Spelling and transliteration variants of names (Nikolay / Nikolai, Bordyuzha /
// Borduyzha). Two capitalised tokens are variants when they start with the same letter
// and either fold to the same string (transliteration folding: kh->h, tz->ts, ph->f,
// w->v, ck->k, ou->u, y->i, doubled letters collapsed) or, with at least 6 letters, are
// one edit (Damerau) apart after folding AND share a capitalised neighbour somewhere in
// the corpus (the same surname or first name). A variant is never a divergence: the
// detectors compare names through Canonical().
#ifndef DIVERGE_ANALYZER_DIVERGENCE_NAMES_H_
#define DIVERGE_ANALYZER_DIVERGENCE_NAMES_H_

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/report/report.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

// Transliteration-aware folded form of one name token: case and accents folded by
// NameKey (analyzer/text/unicode.h: Erdoğan -> erdogan, Kılıçdaroğlu -> kilicdaroglu),
// hyphens and apostrophes dropped (Al-Haouz -> alhaouz), then the spelling folds below.
std::string FoldName(std::string_view token);
// Optimal-string-alignment (Damerau) edit distance.
int EditDistance(std::string_view a, std::string_view b);

class NameResolver {
 public:
  // Learns the capitalised tokens and name sequences of `text`. Call Build() after.
  void AddText(std::string_view text);
  // The same for a text already tokenised (text::Tokenize).
  void AddTokens(std::span<const text::Token> tokens);
  // Groups variant tokens and picks canonical spellings. Deterministic: depends only on
  // the multiset of texts added, not their order.
  void Build();
  // Canonical spelling of a token's group (the token itself when it has no variants).
  std::string Canonical(std::string_view token) const;
  // Person-like names (2-3 tokens after titles are stripped) seen in more than one
  // spelling: canonical = most frequent spelling (ties: lexicographically smallest),
  // variants = the other spellings, sorted; sorted by id.
  std::vector<report::Entity> Entities() const;

 private:
  std::map<std::string, int> token_count_;
  std::map<std::string, std::set<std::string>> neighbours_;  // token -> folded neighbours
  std::map<std::string, int> name_count_;                    // "Nikolay Bordyuzha" -> occurrences
  std::map<std::string, std::string> canonical_;
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_NAMES_H_
