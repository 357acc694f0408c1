// The --model loading shared by the subcommands.
#include "analyzer/cli/model_loading.h"

#include "analyzer/base/exit_codes.h"

namespace diverge::cli {

std::unique_ptr<embeddings::EmbeddingModel> LoadModelOrReport(const std::string& flag,
                                                              CommandContext& ctx) {
  std::string path = flag.empty() ? embeddings::DefaultModelPath(DIVERGE_DEFAULT_MODEL) : flag;
  auto m = embeddings::EmbeddingModel::Load(path);
  if (!m.ok()) {
    PrintError(m.status());
    ctx.exit_code = kExitModel;
    return nullptr;
  }
  return std::move(*m);
}

std::unique_ptr<embeddings::SentenceEncoder> MakeEncoderOrReport(
    const embeddings::EmbeddingModel& model, CommandContext& ctx, std::string_view name) {
  auto e = embeddings::MakeEncoder(name, model);
  if (!e.ok()) {
    PrintError(e.status());
    ctx.exit_code = kExitUsage;
    return nullptr;
  }
  return std::move(*e);
}

}  // namespace diverge::cli
