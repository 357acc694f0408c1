// Model loading shared by the subcommands that take --model, and the sentence encoder
// they make over it (by name, through embeddings/encoder_registry.h).
#ifndef DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_
#define DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_

#include <memory>
#include <string>
#include <string_view>

#include "analyzer/cli/command.h"
#include "embeddings/embedding_model.h"
#include "embeddings/encoder_registry.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::cli {

// Loads `flag` or, when empty, the default model ($DIVERGE_MODEL or the compiled-in
// path). On failure prints the error, sets ctx.exit_code = kExitModel, returns null.
std::unique_ptr<embeddings::EmbeddingModel> LoadModelOrReport(const std::string& flag,
                                                              CommandContext& ctx);

// The encoder `name` (default: the one analyze uses) over `model`, which must outlive it.
// On an unknown name prints the error (it lists the known encoders), sets ctx.exit_code =
// kExitUsage, returns null.
std::unique_ptr<embeddings::SentenceEncoder> MakeEncoderOrReport(
    const embeddings::EmbeddingModel& model, CommandContext& ctx,
    std::string_view name = embeddings::kDefaultEncoder);

}  // namespace diverge::cli

#endif  // DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_
