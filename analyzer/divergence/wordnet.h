// WordNet antonyms and related senses for the divergence detectors: a view of the WordNet
// database (embeddings/wordnet_db.h, the one reader of the WordNet files, shared with the
// pair similarity). Antonyms are the lexical antonym pointers ("!") of adjectives, verbs
// and adverbs (noun antonyms such as man/woman or day/night are rarely a contradiction in
// news text); AreRelated looks at every noun and verb sense. Inflected forms are reduced
// to lemmas with WordNetDb::Morphy.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_
#define DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/wordnet_db.h"

namespace diverge::divergence {

class WordNet {
 public:
  // The lexicon of the database in `dir` (WordNetDb::Load, and its errors).
  static Result<WordNet> Load(const std::string& dir);
  // The shared instance over WordNetDb::Default(); nullptr when WordNet is not installed
  // (callers fall back to built-in opposites).
  static const WordNet* Default();

  // Lemmas of a lowercased word form that carry antonyms (played -> play).
  std::vector<std::string> Lemmas(std::string_view lower) const;
  // True when some lemma of `a` is a WordNet antonym of some lemma of `b`.
  bool AreAntonyms(std::string_view a, std::string_view b) const;
  size_t size() const { return antonyms_.size(); }
  // True when some noun or verb sense of `a` and of `b` share a synset (slicing /
  // cutting, lady / woman): "the same thing" for aligning a negation with what the other
  // side asserts.
  bool AreRelated(std::string_view a, std::string_view b) const;

 private:
  explicit WordNet(std::shared_ptr<const embeddings::WordNetDb> db);
  // Noun and verb synsets of the lemmas of a lowercased word form.
  std::set<uint32_t> NounVerbSenses(std::string_view lower) const;
  std::shared_ptr<const embeddings::WordNetDb> db_;
  std::map<std::string, std::set<std::string>> antonyms_;  // lemma -> its antonym lemmas
};

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_WORDNET_H_
