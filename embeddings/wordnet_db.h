// WordNetDb: the WordNet 3.0 database files (index.*, data.*, *.exc of
// /usr/share/wordnet, Debian package wordnet-base; $DIVERGE_WORDNET overrides the
// directory), read once. It is the one reader of those files: the pair similarity's
// word senses (word_senses.h) and the divergence detectors' antonym lexicon
// (analyzer/divergence/wordnet.h) are views built from it, so a run parses WordNet once.
//
// Synsets are numbered (part of speech, byte offset): SynsetId. Adjective satellites
// count as adjectives. Only the pointers the views use are kept: hypernym ("@", "@i"),
// antonym ("!") and similar-to ("&").
// Thread-safety: const after Load; Default() is safe to call concurrently.
#ifndef DIVERGE_EMBEDDINGS_WORDNET_DB_H_
#define DIVERGE_EMBEDDINGS_WORDNET_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::embeddings {

struct WordNetPointer {
  enum Kind : uint8_t { kHypernym, kAntonym, kSimilar };
  Kind kind;
  uint32_t target;  // SynsetId
  // Lexical pointers name a word of each synset (1-based); 0 means the whole synset.
  uint8_t source_word = 0, target_word = 0;
};

struct WordNetSynset {
  std::vector<std::string> words;  // lowercased, adjective markers such as "(a)" removed
  std::vector<WordNetPointer> pointers;
};

class WordNetDb {
 public:
  // Part-of-speech code of a WordNet pos letter (n 0, v 1, a/s 2, r 3; -1 otherwise) and
  // of a synset number.
  static int PosCode(char pos);
  static int PosOf(uint32_t synset) { return static_cast<int>(synset >> 28); }
  static uint32_t SynsetId(int pos_code, uint32_t offset);

  // Reads index.{noun,verb,adj,adv}, data.* and {verb,adj,noun,adv}.exc from `dir`:
  // kNotFound naming the first missing index or data file, kCorruption naming a
  // malformed index line. Malformed data lines are skipped (relations are evidence).
  static Result<WordNetDb> Load(const std::string& dir);
  // The shared database of DefaultDir(), loaded on first use; nullptr when WordNet is
  // not installed there.
  static const WordNetDb* Default();
  // Default() as a shared pointer, for views that also hold databases of their own.
  static std::shared_ptr<const WordNetDb> Shared();
  // $DIVERGE_WORDNET if set and non-empty, else /usr/share/wordnet.
  static std::string DefaultDir();

  // The lemmas a lowercased word form may stand for, as WordNet's morphy finds them: the
  // form itself, its exception-list lemmas, then the suffix rules ("slicing" -> "slice",
  // "running" -> "run"). `pos_mask` has a bit per part-of-speech code a candidate may
  // be (a rule's), so "player" is not the verb "play". Candidates need not be lemmas;
  // look them up in index() or in a view's own table.
  struct Candidate {
    std::string lemma;
    int pos_mask;
  };
  std::vector<Candidate> Morphy(std::string_view lower) const;

  // synset -> its words and pointers
  const std::unordered_map<uint32_t, WordNetSynset>& synsets() const { return synsets_; }
  // lemma -> its synsets in the index files' order (noun, verb, adj, adv; within a part
  // of speech the most frequent sense first)
  const std::unordered_map<std::string, std::vector<uint32_t>>& index() const { return index_; }
  // inflected form -> lemmas, from verb.exc, adj.exc, noun.exc, adv.exc in that order
  const std::unordered_map<std::string, std::vector<std::string>>& exceptions() const {
    return exceptions_;
  }

 private:
  std::unordered_map<uint32_t, WordNetSynset> synsets_;
  std::unordered_map<std::string, std::vector<uint32_t>> index_;
  std::unordered_map<std::string, std::vector<std::string>> exceptions_;
};

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_WORDNET_DB_H_
