// Affiliations: which two agents of the attribution detector are one source, because the
// corpus names them together: a person and the body they speak for ("the head of the
// Turkish Supreme Election Council Ahmet Yener" / "the Council said"; "CSTO Secretary
// General Nikolai Bordyuzha" / "the CSTO said").
//
// Two name words are affiliated when some document of the corpus writes them
//   - in one run of capitalised words ("Supreme Election Council Ahmet Yener"), or
//   - as "<name>, [the] <title> of [the] <name>" ("Ahmet Yener, the head of the Supreme
//     Election Board"; "Ahmet Yener, Chairman of the Supreme Election Council"), where a
//     title is a word for who speaks for a body (head, chairman, spokesman, minister,
//     secretary, ...).
// Words are compared as the attribution detector keys agents: lowercased, after the
// name resolver's canonical form (the canonicalizer passed to Add). No word list beyond
// the titles; the cost is linear in the corpus's tokens.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_AFFILIATIONS_H_
#define DIVERGE_ANALYZER_DIVERGENCE_AFFILIATIONS_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

class Affiliations {
 public:
  using Canonicalizer = std::function<std::string(std::string_view)>;
  // Records the affiliations one document's tokens write. `canonical` maps a token's
  // text to its lowercased canonical key.
  void Add(const std::vector<text::Token>& tokens, const Canonicalizer& canonical);
  // Whether the two keys are affiliated (symmetric; a key is not affiliated with itself
  // unless the corpus says so, which does not matter: equal agents are one source).
  bool Linked(std::string_view a, std::string_view b) const;
  size_t size() const { return links_.size(); }

 private:
  void Link(const std::string& a, const std::string& b);
  std::set<std::pair<std::string, std::string>, std::less<>> links_;
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_AFFILIATIONS_H_
