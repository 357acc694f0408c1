// Model loading shared by the subcommands that take --model.
#ifndef DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_
#define DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_

#include <memory>
#include <string>

#include "analyzer/cli/command.h"
#include "embeddings/embedding_model.h"

namespace diverge::cli {

// Loads `flag` or, when empty, the default model ($DIVERGE_MODEL or the compiled-in
// path). On failure prints the error, sets ctx.exit_code = kExitModel, returns null.
std::unique_ptr<EmbeddingModel> LoadModelOrReport(const std::string& flag, CommandContext& ctx);

}  // namespace diverge::cli

#endif  // DIVERGE_ANALYZER_CLI_MODEL_LOADING_H_
