// diverge embed CORPUS --out vectors.npy: sentence vectors of every statement.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/model_loading.h"
#include "analyzer/ingest/corpus_reader.h"
#include "embeddings/embedding_model.h"
#include "embeddings/encoder_registry.h"
#include "embeddings/npy_writer.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::cli {

void RegisterEmbed(CLI::App& app, CommandContext& ctx) {
  auto* embed = app.add_subcommand(
      "embed",
      "Embed every statement of a corpus: writes an (N, d) float32 .npy of L2-normalised "
      "sentence vectors (SIF by default) and the statement ids, in row order, to <out without "
      ".npy>.ids.txt");
  struct Opts {
    std::vector<std::string> inputs;
    std::string out, model, encoder = std::string(embeddings::kDefaultEncoder);
    int threads = 0;
  };
  auto o = std::make_shared<Opts>();
  embed->add_option("CORPUS", o->inputs, "Corpus directories or files")->required();
  embed->add_option("--out", o->out, "Output .npy file")->required();
  embed->add_option("--model", o->model,
                    "Embedding model (.dvec, fastText .bin/.vec, wink .json; default: "
                    "$DIVERGE_MODEL or the built-in default)");
  std::string encoders =
      "Sentence encoder (default: " + std::string(embeddings::kDefaultEncoder) + "):";
  for (const embeddings::EncoderInfo& e : embeddings::Encoders()) {
    encoders += "\n  " + std::string(e.name) + ": " + std::string(e.description);
  }
  embed->add_option("--encoder", o->encoder, encoders);
  embed->add_option("--threads", o->threads, "Encoding threads (0 = all cores)");
  embed->footer(
      "Example:\n  diverge embed corpus/csto --out out/vectors.npy\n"
      "Exit codes: 0 ok, 2 unknown --encoder, 3 some inputs skipped, 4 no usable input, "
      "5 model error, 6 output not written.");
  embed->callback([&ctx, o] {
    auto corpus = ingest::ReadCorpus(o->inputs);
    if (!corpus.ok()) {
      PrintError(corpus.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    std::unique_ptr<embeddings::EmbeddingModel> model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder =
        MakeEncoderOrReport(*model, ctx, o->encoder);
    if (!encoder) return;
    std::vector<std::string> ids, texts;
    for (const auto& s : corpus->statements) {
      ids.push_back(s.id);
      texts.push_back(s.text);
    }
    RowMatrixXf m = encoder->EncodeAll(texts, o->threads);
    Status st = embeddings::WriteVectorsWithIds(o->out, m.data(), m.rows(), m.cols(), ids);
    if (!st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    std::printf("wrote %s (%lld x %lld, model %s) and %s\n", o->out.c_str(),
                static_cast<long long>(m.rows()), static_cast<long long>(m.cols()),
                model->id().c_str(), embeddings::IdsPathFor(o->out).c_str());
    if (corpus->skipped_files > 0) ctx.exit_code = kExitPartialInput;
  });
}

}  // namespace diverge::cli
