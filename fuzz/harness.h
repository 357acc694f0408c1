// Fuzz harnesses: one function per fuzzed input format. Each feeds arbitrary bytes to
// the real parser and checks the invariants its header promises (offsets in bounds,
// no escaping manifest path accepted, report.json round-trips, ...). A harness never
// throws: it returns "" when the input was handled correctly, else what went wrong.
//
// The libFuzzer targets (fuzz_<name>.cc, built with -DDIVERGE_BUILD_FUZZ=ON and clang)
// abort on a non-empty answer; tests/robust_fuzz_replay_test.cc replays every kept
// crash input and seed through the same functions in the ordinary g++ test build.
#ifndef DIVERGE_FUZZ_HARNESS_H_
#define DIVERGE_FUZZ_HARNESS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diverge::fuzz {

using Harness = std::string (*)(std::string_view bytes);

std::string CorpusTxt(std::string_view bytes);    // ingest::BuildDocuments, format "txt"
std::string CorpusHtml(std::string_view bytes);   // ingest::BuildDocuments, format "html"
std::string CorpusJsonl(std::string_view bytes);  // ingest::BuildDocuments, format "jsonl"
std::string Manifest(std::string_view bytes);     // ingest::ParseManifest
std::string Segmenter(std::string_view bytes);    // SplitSentences, IsSoftLineBreak
std::string ModelVec(
    std::string_view bytes);  // embeddings::ReadVecText + embeddings::EmbeddingModel::FromRaw
std::string ModelDvec(
    std::string_view bytes);  // embeddings::ValidateDvec + embeddings::EmbeddingModel::Load
std::string ModelFastText(
    std::string_view bytes);  // embeddings::ValidateFastTextBin (+ Open if valid)
std::string ReportJson(std::string_view bytes);  // report::ParseReport + report::SerializeReport

struct Target {
  const char* name;  // "corpus_txt": fuzz/fuzz_corpus_txt, tests/data/robust/crashes/corpus_txt
  Harness run;
};
// Every target, in a fixed order.
const std::vector<Target>& Targets();

}  // namespace diverge::fuzz

#endif  // DIVERGE_FUZZ_HARNESS_H_
