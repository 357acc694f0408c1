// Ingest speed: sentence segmentation (statements/s, bytes/s), page clean-up and the
// whole ReadCorpus on the sample corpus.
//   build/bench/ingest_bench
//   build/bench/ingest_bench --benchmark_filter=Split
// Run from the project root (reads corpus/csto; falls back to synthetic text).
#include <benchmark/benchmark.h>

#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/ingest/cleanup.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/text/sentences.h"

namespace diverge::bench {
namespace {

#ifndef DIVERGE_SOURCE_DIR
#define DIVERGE_SOURCE_DIR "."
#endif

const std::string& SampleText() {
  static const std::string text = [] {
    std::string all;
    for (const char* f :
         {"000_7b79f79499cbd276.txt", "001_111327b0c6f31b84.txt", "002_2434bbe934104fab.txt",
          "003_8d6b967d1f682907.txt", "004_254cf1d86e7a58e6.txt"}) {
      Result<std::string> t = ReadFile(std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto/" + f);
      if (t.ok()) all += *t + "\n\n";
    }
    if (all.empty()) {  // no sample corpus: synthetic news-like text
      for (int i = 0; i < 200; ++i) {
        all +=
            "Gen. Ivanov told the U.S. envoy that 2,000 troops (1.5 percent) would move. "
            "\xE2\x80\x9CWe agree,\xE2\x80\x9D he said.\n\n";
      }
    }
    return all;
  }();
  return text;
}

void BM_SplitSentences(benchmark::State& state) {
  const std::string& text = SampleText();
  int64_t statements = 0;
  for (auto _ : state) {
    auto spans = text::SplitSentences(text);
    statements += static_cast<int64_t>(spans.size());
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["statements/s"] =
      benchmark::Counter(static_cast<double>(statements), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences);

void BM_CleanPage(benchmark::State& state) {
  const std::string& text = SampleText();
  for (auto _ : state) {
    auto r = ingest::CleanPage(text, std::nullopt);
    benchmark::DoNotOptimize(r.lines.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CleanPage);

void BM_ReadCorpusSample(benchmark::State& state) {
  const std::string dir = std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto";
  int64_t statements = 0;
  for (auto _ : state) {
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir});
    if (!c.ok()) {
      state.SkipWithError("corpus/csto not readable");
      return;
    }
    statements += static_cast<int64_t>(c->statements.size());
  }
  state.counters["statements/s"] =
      benchmark::Counter(static_cast<double>(statements), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadCorpusSample);

}  // namespace
}  // namespace diverge::bench
