// WordNet senses of single words, for the pair similarity: which content words of two
// sentences are synonyms (share one of their most frequent synsets), stand in a
// hypernym relation (slice / cut, lady / woman) or are antonyms (big / small).
//
// A view of the WordNet database (wordnet_db.h, shared with the divergence detectors'
// antonym lexicon). Only the kMaxSenses most frequent senses of a lemma per part of
// speech count (rare senses make nearly everything a synonym of everything); inflected
// forms reach their lemmas through the exception lists and the usual suffix rules
// (morphy). Synsets are numbered (part of speech, byte offset), so a word's senses are
// small sorted integer vectors and relations are intersections (kMaxSenses and
// kHypernymLevels chosen by cross-validation on the STS-B and SICK train splits).
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
#include "embeddings/wordnet_db.h"

namespace diverge::embeddings {

// One word's senses: its synsets, their hypernyms up to kHypernymLevels up and their
// antonym synsets (an adjective satellite's through its head), each sorted and without
// duplicates. Each list also has a 256-bit Bloom filter (one bit, chosen by a hash of the
// id, set for each id; WordSenses::Lookup fills them): two lists whose filters share no
// bit share no id, so Relate skips most word pairs without walking the lists.
struct IdFilter {
  uint64_t bits[4] = {0, 0, 0, 0};
  void Add(uint32_t id);
  bool MayShare(const IdFilter& o) const {
    return ((bits[0] & o.bits[0]) | (bits[1] & o.bits[1]) | (bits[2] & o.bits[2]) |
            (bits[3] & o.bits[3])) != 0;
  }
};

struct WordSenseSets {
  std::vector<uint32_t> synsets, hypernyms, antonyms;
  IdFilter synset_filter, hypernym_filter, antonym_filter;
  bool empty() const { return synsets.empty(); }
};

enum class WordRelation { kNone, kSynonym, kHypernym, kAntonym };

class WordSenses {
 public:
  static constexpr int kMaxSenses = 5;
  static constexpr int kHypernymLevels = 3;

  // The senses of the database in `dir` (WordNetDb::Load, and its errors).
  static Result<WordSenses> Load(const std::string& dir);
  // The shared instance over WordNetDb::Default(); nullptr when WordNet is not
  // installed (the similarity then has no WordNet evidence).
  static const WordSenses* Default();

  // Senses of a lowercased word form (e.g. "slicing" -> the senses of "slice").
  WordSenseSets Lookup(std::string_view lower) const;
  // Lookup, memoised: the returned entry lives as long as this WordSenses (the cache
  // grows with the distinct words seen; a shared mutex guards it).
  const WordSenseSets* Find(std::string_view lower) const;
  // Single-word lemmas with senses.
  size_t lemmas() const { return lemmas_; }

 private:
  explicit WordSenses(std::shared_ptr<const WordNetDb> db);
  // Appends the synsets of `lemma` allowed by `pos_mask` (bit per part-of-speech code).
  void AddLemma(const std::string& lemma, int pos_mask, std::vector<uint32_t>* out) const;
  // Appends the targets of `synset`'s pointers of `kind`.
  void AddTargets(uint32_t synset, WordNetPointer::Kind kind, std::vector<uint32_t>* out) const;
  std::shared_ptr<const WordNetDb> db_;
  size_t lemmas_ = 0;
  struct Cache;
  std::shared_ptr<Cache> cache_;
};

// The strongest relation between two words' senses: synonym, then hypernym (either
// direction, up to kHypernymLevels), then antonym; kNone when either has no senses.
WordRelation Relate(const WordSenseSets& a, const WordSenseSets& b);

// A word's coarse part of speech from its senses: 1 noun, 2 verb (an -ing form with a
// verb sense counts as a verb), 0 neither or no senses (`senses` may be null).
int CoarsePos(const WordSenseSets* senses, std::string_view word);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_WORD_SENSES_H_
