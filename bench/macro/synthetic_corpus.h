// A synthetic statement corpus built from real news sentences, with known paraphrase
// groups and injected divergences, for the macro benchmark (bench/macro/macro_main.cc).
//
// Sources (read, never copied into the repository): FNC-1 article bodies
// (fnc1/train_bodies.csv), BASIL article paragraphs (basil/articles/*/*.json,
// "body-paragraphs") and AllSides story texts (allsides_neus/*.jsonl, "roundup" and
// "newBody"), split into sentences with ingest's SplitSentences; sentences of 8..40
// words, spaces folded (non-breaking ones too, as ingest folds them), deduplicated and
// ordered by content hash.
//
// Generator (deterministic for a seed):
//  * Every synthetic claim has a distinct base text: a real sentence while there are
//    enough (bases <= sentences), else a splice of the first half of one sentence and the
//    second half of another (distinct pairs; documented in bench/README.md).
//  * `grouped_fraction` of the statements belong to paraphrase groups of 2..max_group
//    members, each member in a different document. Member 0 is the base; every other
//    member applies two of (members sit in distinct documents of one story: a run of
//    `story_documents` documents, the outlets covering one event): word dropping (an
//    article / filler word, else one word), synonym swaps (a fixed table of common news
//    verbs/nouns/adjectives), clause reordering (the parts around a mid-sentence comma
//    swapped; never inside a date or a quotation).
//  * In `divergence_fraction` of the groups the last member paraphrases a changed base:
//    one injected divergence of a kind a reader calls one (synthetic_corpus.cc
//    InjectKind): numeric (a count or amount: "3,400 people", "$120,000", "80 percent";
//    never a year, a day of a month, a number in a name, a phone number, a rank or one end
//    of a range), date (a month or year of the absolute point date of a one-off event: a
//    founding, signing, birth, death, election, attack or opening named next to it) or
//    negation ("not" after the auxiliary of the sentence's claim, in a sentence without
//    any other negation). The kinds take turns; such a group takes as its base the next
//    unused source sentence that offers a site for its kind (the next kind when none is
//    left), so each kind is injected about equally often. The paraphrase of the changed
//    member never drops or swaps the changed words.
//  * The remaining statements are unrelated singletons (each its own base).
//  * Rows are shuffled; documents hold ~20 statements each, all dated the same day.
#ifndef DIVERGE_BENCH_MACRO_SYNTHETIC_CORPUS_H_
#define DIVERGE_BENCH_MACRO_SYNTHETIC_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"

namespace diverge::bench {

// Real sentences from `data_dir` (the ../shared/data folder). kNotFound when none of the
// three sources is present.
Result<std::vector<std::string>> LoadSourceSentences(const std::string& data_dir);

struct CorpusSpec {
  int64_t statements = 10000;
  double grouped_fraction = 0.5;
  int max_group = 6;
  double divergence_fraction = 0.3;
  int statements_per_document = 20;
  int story_documents = 8;  // documents per story (at least max_group)
  uint64_t seed = 7;
};

struct InjectedDivergence {
  int32_t base = -1;     // row of the group's unmodified member 0
  int32_t changed = -1;  // row that carries the change
  report::DivergenceKind kind = report::DivergenceKind::kOther;
};

struct SyntheticCorpus {
  std::vector<std::string> text;  // one statement per row
  std::vector<int32_t> doc;       // document index of each row
  std::vector<int64_t> group;     // paraphrase group; singletons get a group of their own
  int32_t documents = 0;
  int64_t spliced_bases = 0;      // bases made by splicing two sentences
  std::vector<InjectedDivergence> injected;
};

SyntheticCorpus MakeSyntheticCorpus(const std::vector<std::string>& sentences,
                                    const CorpusSpec& spec);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_SYNTHETIC_CORPUS_H_
