// Stories: groups of documents that report the same news story.
//
// A folder of articles usually holds several stories; claims are formed inside a story
// (a claim may join statements of two stories only when they are near-paraphrases), so
// that a shared name ("China", "the ministry") cannot chain two stories' statements.
//
// Each document is a bag of weighted terms (stems of content words and names). The
// weight of a term is its information content -log p(w) in the word-frequency table the
// embedding model carries (how rare the word is in English) times its smoothed inverse
// document frequency in this corpus, ln((1 + n) / (1 + df)) + 1 (how rare it is in the
// folder: words every story uses, "president", "said", weigh less); a term held by one
// document only is damped by singleton_weight (it shows no shared story, it only
// lengthens the vector, so long articles would otherwise look alike to nothing). Two
// documents are similar by the cosine of their (1 + log tf) * weight vectors, so a
// document's similarities depend on the folder through the document frequencies only,
// and not on the order of the files. Stories are average-linkage clusters of documents
// (average_linkage.h): a document joins a story when its mean similarity to the story's
// documents is >= min_similarity, never through a chain of neighbours.
//
// Cost: candidate pairs come from an inverted index over terms held by at most
// max_postings documents (a term in more documents is no evidence of one story), so the
// work is bounded by max_postings^2 per term, not by the square of the corpus.
//
// Defaults chosen on AllSides (506 stories, three outlets each) and BASIL (100 events,
// three outlets each), never on the sample corpus: README "How the story threshold was
// chosen"; `diverge eval stories` prints the F1 by threshold.
#ifndef DIVERGE_ANALYZER_CLUSTER_STORIES_H_
#define DIVERGE_ANALYZER_CLUSTER_STORIES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace diverge::cluster {

struct StoryOptions {
  double min_similarity = 0.25;  // minimum mean document similarity inside a story
  // Weight factor of a term held by one document only. 0.25: on AllSides and BASIL it
  // scores as dropping such terms (0: mean F1 equal within 0.005) and better than 0.5 or
  // 1; unlike 0 it keeps a floor, so in a folder of two unrelated articles the few words
  // they share do not make the whole vector.
  double singleton_weight = 0.25;
  size_t max_postings = 400;     // terms in more documents give no candidate pairs
  // Stories joined by a document pair this similar are one family. 0.475: the lowest
  // threshold at which single-linkage families of the stories are at least as precise as
  // the stories themselves on AllSides, BASIL and FNC-1 (`diverge eval stories`, families
  // table: P 0.346 / 0.883 / 0.948, as the stories); lower, families join unrelated
  // stories on AllSides (P 0.342 at 0.45, 0.061 at 0.30).
  double family_min_similarity = 0.475;
};

// One weighted term occurrence of a document.
struct StoryTerm {
  std::string term;
  float weight = 1.0f;  // information content of the word (>= 0)
};

// The story terms of one statement: its content-word stems with their weights
// (EncodedSentence::terms and ::term_idf); weights beyond terms.size() count 1.
std::vector<StoryTerm> StoryTerms(const std::vector<std::string>& terms,
                                  const std::vector<float>& weights);

struct DocumentPair {
  int32_t a = 0, b = 0;  // a < b
  float similarity = 0;
};

// Cosine similarities of document pairs sharing at least one term held by at most
// max_postings documents; sorted by (a, b). docs[d] lists document d's term occurrences.
std::vector<DocumentPair> DocumentSimilarities(const std::vector<std::vector<StoryTerm>>& docs,
                                               const StoryOptions& options, int threads = 2);

// Family of each document: the stories (story[d], any labels) joined by the pairs with
// similarity >= min_similarity; numbered 0.. in the order of their smallest document.
std::vector<int32_t> StoryFamilies(const std::vector<int32_t>& story,
                                   const std::vector<DocumentPair>& pairs, double min_similarity);

// Story of each document: stories are numbered 0.. in the order of their smallest
// document index; a document alike to no other is a story of its own. Deterministic
// for a given document order (callers order documents by id).
//
// `families` (optional): the family of each document, numbered the same way: stories
// joined by any document pair with similarity >= family_min_similarity (every story lies
// inside one family). A follow-up that repeats much of a story (its own story by average
// linkage) is in its family. Claims use families only for the strongest evidence
// (claim_slots.h).
std::vector<int32_t> GroupStories(const std::vector<std::vector<StoryTerm>>& docs,
                                  const StoryOptions& options, int threads = 2,
                                  std::vector<int32_t>* families = nullptr);

}  // namespace diverge::cluster

#endif  // DIVERGE_ANALYZER_CLUSTER_STORIES_H_
