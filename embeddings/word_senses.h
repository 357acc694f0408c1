// WordNet senses of single words, for the pair similarity: which content words of two
// sentences are synonyms (share one of their most frequent synsets), stand in a
// hypernym relation (slice / cut, lady / woman) or are antonyms (big / small).
//
// Read at run time from the WordNet 3.0 database files (index.* and data.* of
// /usr/share/wordnet, Debian package wordnet-base; $DIVERGE_WORDNET overrides the
// directory). Only the kMaxSenses most frequent senses of a lemma per part of speech
// are kept (rare senses make nearly everything a synonym of everything); inflected forms
// reach their lemmas through the exception lists and the usual suffix rules (morphy).
// Synsets are numbered (part of speech, byte offset), so a word's senses are small
// sorted integer vectors and relations are intersections. This is an index built for
// matching words (kMaxSenses and kHypernymLevels chosen by cross-validation on the
// STS-B and SICK train splits), independent of the antonym lexicon the divergence
// detectors use.
// Thread-safety: const methods may run concurrently.
#ifndef DIVERGE_EMBEDDINGS_WORD_SENSES_H_
#define DIVERGE_EMBEDDINGS_WORD_SENSES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge {

// One word's senses: its synsets, their hypernyms up to kHypernymLevels up and their
// antonym synsets (an adjective satellite's through its head), each sorted and without
// duplicates.
struct WordSenseSets {
  std::vector<uint32_t> synsets, hypernyms, antonyms;
  bool empty() const { return synsets.empty(); }
};

enum class WordRelation { kNone, kSynonym, kHypernym, kAntonym };

class WordSenses {
 public:
  static constexpr int kMaxSenses = 5;
  static constexpr int kHypernymLevels = 3;

  // Reads index.{noun,verb,adj,adv}, data.* and *.exc from `dir`; kNotFound naming the
  // first missing index file, kCorruption naming a malformed line.
  static Result<WordSenses> Load(const std::string& dir);
  // The shared instance ($DIVERGE_WORDNET or /usr/share/wordnet), loaded on first use;
  // nullptr when WordNet is not installed (the similarity then has no WordNet evidence).
  static const WordSenses* Default();
  // The directory Default() reads: $DIVERGE_WORDNET if set and non-empty, else
  // /usr/share/wordnet.
  static std::string DefaultDir();

  // Senses of a lowercased word form (e.g. "slicing" -> the senses of "slice").
  WordSenseSets Lookup(std::string_view lower) const;
  // Lookup, memoised: the returned entry lives as long as this WordSenses (the cache
  // grows with the distinct words seen; a shared mutex guards it).
  const WordSenseSets* Find(std::string_view lower) const;
  size_t lemmas() const { return senses_.size(); }

 private:
  std::unordered_map<std::string, std::vector<uint32_t>> senses_;  // lemma -> synsets
  std::unordered_map<uint32_t, std::vector<uint32_t>> hypernyms_;  // synset -> direct ones
  std::unordered_map<uint32_t, std::vector<uint32_t>> antonyms_;   // synset -> antonym synsets
  std::unordered_map<uint32_t, std::vector<uint32_t>> similar_;    // adjective satellite -> head
  std::unordered_map<std::string, std::vector<std::string>> exceptions_;  // form -> lemmas
  struct Cache;
  std::shared_ptr<Cache> cache_;
};

// The strongest relation between two words' senses: synonym, then hypernym (either
// direction, up to kHypernymLevels), then antonym; kNone when either has no senses.
WordRelation Relate(const WordSenseSets& a, const WordSenseSets& b);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_WORD_SENSES_H_
