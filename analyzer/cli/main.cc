// diverge: wires the CLI11 subcommands to library calls. Nothing else lives here.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/exit_codes.h"
#include "analyzer/base/interrupt.h"
#include "analyzer/base/terminal_text.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/suggest.h"

namespace diverge::cli {
void PrintError(const Status& status) {
  // Messages name files and quote input: no raw control characters reach the terminal.
  std::fprintf(stderr, "diverge: %s\n", TerminalSafe(status.ToString(), true).c_str());
}
}  // namespace diverge::cli

int main(int argc, char** argv) {
  diverge::InstallInterruptHandlers();
  CLI::App app{
      "diverge: find where news outlets disagree about the same claim.\n"
      "Splits articles into statements, embeds and clusters them into claims, and flags "
      "divergences (numbers, dates, member lists, negations, framings, omissions)."};
  app.set_version_flag("--version", "diverge " DIVERGE_VERSION);
  app.require_subcommand(1);
  app.footer("Run `diverge SUBCOMMAND --help` for the options and an example of each.");

  diverge::cli::CommandContext ctx;
  diverge::cli::RegisterIngest(app, ctx);
  diverge::cli::RegisterAnalyze(app, ctx);
  diverge::cli::RegisterModel(app, ctx);
  diverge::cli::RegisterEval(app, ctx);
  diverge::cli::RegisterEmbed(app, ctx);
  diverge::cli::RegisterReport(app, ctx);
  diverge::cli::RegisterCompare(app, ctx);
  diverge::cli::RegisterReview(app, ctx);
  diverge::cli::RegisterServe(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A typo'd subcommand or option: say which word is unknown and what was meant,
    // instead of CLI11's consequence of it ("A subcommand is required").
    if (e.get_exit_code() != 0) {
      std::vector<std::string> args(argv + 1, argv + argc);
      if (std::optional<std::string> msg = diverge::cli::DescribeUnknownArgument(app, args)) {
        std::fprintf(stderr, "diverge: %s\nRun with --help for more information.\n",
                     msg->c_str());
        return diverge::kExitUsage;
      }
    }
    int rc = app.exit(e);
    return rc == 0 ? diverge::kExitOk : diverge::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "diverge: internal error: %s\n", e.what());
    return diverge::kExitInternal;
  }
  return ctx.exit_code;
}
