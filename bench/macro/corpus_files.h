// The corpora of the macro benchmark written as the files a user hands `diverge analyze`,
// into a fresh directory (bench/macro/macro_main.cc analyzes that directory with Analyze).
// The datasets are read by analyzer/evaluation/news_datasets.h, as the evaluations read
// them.
//
//   fnc1       FNC-1 train bodies (fnc1/train_bodies.csv), one .txt file per body, as
//              they are (no metadata: outlet and date are inferred, as for any folder);
//   basil      BASIL articles (basil/articles/*/*.json): one .jsonl line per article with
//              its outlet ("source"), date, title and body paragraphs;
//   allsides   AllSides stories (allsides_neus/*.jsonl): one .jsonl line per left /
//              center / right version, with its outlet, title and the story's date;
//   hostile    one 2 MB file of 400,000 tiny sentences ("A b. A b. ...") plus one
//              ordinary document (the first FNC-1 body, or a fixed paragraph);
//   synthetic  a SyntheticCorpus (synthetic_corpus.h): one .jsonl line per document, its
//              statements as paragraphs, outlet "outlet <d % 40>", dated 2020-03-15.
//
// Each writer fails with kNotFound when its source data is absent (the benchmark then
// skips), kIOError when the directory cannot be written.
#ifndef DIVERGE_BENCH_MACRO_CORPUS_FILES_H_
#define DIVERGE_BENCH_MACRO_CORPUS_FILES_H_

#include <cstdint>
#include <string>

#include "analyzer/base/result.h"
#include "bench/macro/synthetic_corpus.h"

namespace diverge::bench {

struct WrittenCorpus {
  int64_t documents = 0;
  int64_t bytes = 0;
};

Result<WrittenCorpus> WriteFnc1Corpus(const std::string& data_dir, const std::string& dir);
Result<WrittenCorpus> WriteBasilCorpus(const std::string& data_dir, const std::string& dir);
Result<WrittenCorpus> WriteAllSidesCorpus(const std::string& data_dir, const std::string& dir);
Result<WrittenCorpus> WriteHostileCorpus(const std::string& data_dir, const std::string& dir);
Result<WrittenCorpus> WriteSyntheticCorpus(const SyntheticCorpus& corpus, const std::string& dir);

// Document id of synthetic document d ("d-000042"), as WriteSyntheticCorpus writes it.
std::string SyntheticDocId(int32_t d);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_CORPUS_FILES_H_
