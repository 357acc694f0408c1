// Embedding benchmarks: model load time and sentence-encoding throughput (SifEncoder).
// Model: $DIVERGE_MODEL, else models/glove-6b-100d.dvec under the working directory.
//   build/bench/embed_bench                 (run from the project root)
// Aims: load <= 0.2 s; >= 250,000 statements/s on 2 cores for 25-token statements
// (BM_EncodeAll/threads:2 items_per_second).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analyzer/text/vocabulary_tokenizer.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sif_encoder.h"

namespace {

using diverge::embeddings::EmbeddingModel;

std::string ModelPath() {
  return diverge::embeddings::DefaultModelPath("models/glove-6b-100d.dvec");
}

const diverge::embeddings::EmbeddingModel* SharedModel() {
  static std::unique_ptr<diverge::embeddings::EmbeddingModel> model = [] {
    auto m = diverge::embeddings::EmbeddingModel::Load(ModelPath());
    return m.ok() ? std::move(*m) : nullptr;
  }();
  return model.get();
}

// 25-token statements of frequent words (ranks < 20000), with a number and punctuation.
std::vector<std::string> Statements(const diverge::embeddings::EmbeddingModel& m, size_t n) {
  std::mt19937 rng(42);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    for (int t = 0; t < 23; ++t) {
      int32_t w = static_cast<int32_t>(rng() % std::min<int32_t>(20000, m.size()));
      s += std::string(m.Word(w)) + " ";
    }
    s += std::to_string(rng() % 1000) + " .";
    out.push_back(s);
  }
  return out;
}

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = diverge::embeddings::EmbeddingModel::Load(ModelPath());
    if (!m.ok()) {
      state.SkipWithError(m.status().ToString().c_str());
      return;
    }
    // Touch the vocabulary as a first query would.
    benchmark::DoNotOptimize((*m)->Find("economy"));
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

// Tokenizer alone (statements/s); no model needed beyond building the test statements.
void BM_Tokenize(benchmark::State& state) {
  const diverge::embeddings::EmbeddingModel* m = SharedModel();
  if (!m) {
    state.SkipWithError("model not found");
    return;
  }
  auto texts = Statements(*m, 1000);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(diverge::text::TokenizeForVocabulary(texts[i++ % texts.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Tokenize);

void BM_Encode(benchmark::State& state) {
  const diverge::embeddings::EmbeddingModel* m = SharedModel();
  if (!m) {
    state.SkipWithError("model not found");
    return;
  }
  diverge::embeddings::SifEncoder enc(*m);
  auto texts = Statements(*m, 1000);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(enc.Encode(texts[i++ % texts.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Encode);

void BM_EncodeAll(benchmark::State& state) {
  const diverge::embeddings::EmbeddingModel* m = SharedModel();
  if (!m) {
    state.SkipWithError("model not found");
    return;
  }
  diverge::embeddings::SifEncoder enc(*m);
  auto texts = Statements(*m, 20000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(enc.EncodeAll(texts, static_cast<int>(state.range(0))));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
}
BENCHMARK(BM_EncodeAll)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Scores pairs of 200 encoded statements with `score(encoder, a, b)`, one pair an
// iteration.
template <typename ScoreFn>
void PairScores(benchmark::State& state, ScoreFn score) {
  const diverge::embeddings::EmbeddingModel* m = SharedModel();
  if (!m) {
    state.SkipWithError("model not found");
    return;
  }
  diverge::embeddings::SifEncoder enc(*m);
  auto texts = Statements(*m, 200);
  std::vector<diverge::embeddings::EncodedSentence> enc_texts;
  for (const auto& t : texts) enc_texts.push_back(enc.Encode(t));
  size_t i = 0;
  for (auto _ : state) {
    const auto& a = enc_texts[i % enc_texts.size()];
    const auto& b = enc_texts[(i * 7 + 3) % enc_texts.size()];
    benchmark::DoNotOptimize(score(enc, a, b));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

// Both scores and the features (PairSimilarity).
void BM_Similarity(benchmark::State& state) {
  PairScores(state,
             [](const auto& enc, const auto& a, const auto& b) { return enc.Similarity(a, b); });
}
BENCHMARK(BM_Similarity);

// The score the claim clustering computes for each candidate pair (claim_score alone).
void BM_ClaimScore(benchmark::State& state) {
  PairScores(state,
             [](const auto& enc, const auto& a, const auto& b) { return enc.ClaimScore(a, b); });
}
BENCHMARK(BM_ClaimScore);

}  // namespace
