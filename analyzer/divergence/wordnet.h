// WordNet antonyms, read at run time from the WordNet 3.0 database files
// (/usr/share/wordnet/data.{adj,verb,adv,noun} and *.exc, Debian package wordnet-base).
// Only synsets with an antonym pointer ("!") are kept for antonyms; noun and verb
// synsets with their direct hypernyms ("@") are kept for AreRelated; inflected forms are reduced to
// lemmas with the exception lists and the usual WordNet suffix rules (morphy).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_
#define DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::divergence {

class WordNet {
 public:
  // Loads the antonym relation from `dir`. kNotFound when no data file is there.
  // `with_nouns`: also noun antonyms (man/woman, day/night), which are rarely a
  // contradiction in news text.
  static Result<WordNet> Load(const std::string& dir, bool with_nouns);
  // The shared instance for $DIVERGE_WORDNET or /usr/share/wordnet (adj, verb, adv);
  // nullptr when WordNet is not installed (callers fall back to built-in opposites).
  static const WordNet* Default();

  // Lemmas of a lowercased word form that carry antonyms (played -> play).
  std::vector<std::string> Lemmas(std::string_view lower) const;
  // True when some lemma of `a` is a WordNet antonym of some lemma of `b`.
  bool AreAntonyms(std::string_view a, std::string_view b) const;
  size_t size() const { return antonyms_.size(); }
  // True when some noun or verb sense of `a` and of `b` share a synset or one is a
  // direct hypernym of the other (slicing / cutting, lady / woman): "the same thing" for
  // aligning a negation with what the other side asserts.
  bool AreRelated(std::string_view a, std::string_view b) const;

 private:
  // lemma -> its noun/verb synsets, and synset -> its direct hypernyms ("n:offset")
  std::map<std::string, std::vector<std::string>> senses_;
  std::map<std::string, std::vector<std::string>> hypernyms_;
  std::vector<std::string> SenseLemmas(std::string_view lower) const;
  template <typename Map>
  std::vector<std::string> LemmasIn(std::string_view lower, const Map& known) const;
  std::map<std::string, std::set<std::string>> antonyms_;
  std::map<std::string, std::string> exceptions_;  // inflected form -> lemma
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_
