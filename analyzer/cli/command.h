// The CLI is wiring only: each subcommand file declares its options with CLI11 and
// calls one library function; the library returns Status/Result, and the command
// turns that into a message on stderr and an exit code (analyzer/base/exit_codes.h).
#ifndef DIVERGE_ANALYZER_CLI_COMMAND_H_
#define DIVERGE_ANALYZER_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <string>

#include "analyzer/base/status.h"

namespace diverge::cli {

struct CommandContext {
  int exit_code = 0;
};

// Prints "diverge: <status>" to stderr.
void PrintError(const Status& status);

// One Register function per subcommand (cmd_<name>.cc). Each adds its subcommand to
// `app` with a description, a footer holding an example, and a callback that sets
// ctx.exit_code.
void RegisterIngest(CLI::App& app, CommandContext& ctx);
void RegisterAnalyze(CLI::App& app, CommandContext& ctx);
void RegisterModel(CLI::App& app, CommandContext& ctx);
void RegisterEval(CLI::App& app, CommandContext& ctx);
void RegisterEmbed(CLI::App& app, CommandContext& ctx);
// Nested under `eval` (called from RegisterEval).
void RegisterEvalGold(CLI::App& eval, CommandContext& ctx);
void RegisterEvalParaphrase(CLI::App& eval, CommandContext& ctx);
void RegisterEvalAnchors(CLI::App& eval, CommandContext& ctx);
void RegisterEvalStories(CLI::App& eval, CommandContext& ctx);
void RegisterEvalSlots(CLI::App& eval, CommandContext& ctx);
void RegisterReport(CLI::App& app, CommandContext& ctx);
void RegisterCompare(CLI::App& app, CommandContext& ctx);
void RegisterEvalPairs(CLI::App& eval, CommandContext& ctx);
void RegisterEvalTrainStance(CLI::App& eval, CommandContext& ctx);
void RegisterEvalReview(CLI::App& eval, CommandContext& ctx);
void RegisterReview(CLI::App& app, CommandContext& ctx);
void RegisterServe(CLI::App& app, CommandContext& ctx);

}  // namespace diverge::cli

#endif  // DIVERGE_ANALYZER_CLI_COMMAND_H_
