// `diverge report REPORT.json|DIR --format md|html|csv|graphml [--out FILE]`: re-renders a
// report.json (e.g. after `diverge review`) in one format, to stdout or a file. A
// directory stands for DIR/report.json (the --out of `diverge analyze`).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "reports/progress.h"
#include "reports/render.h"

namespace diverge::cli {
namespace {

struct ReportOptions {
  std::string input;
  std::string format = "md";
  std::string out;
  bool quiet = false;
};

}  // namespace

void RegisterReport(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Render a report.json as Markdown, self-contained HTML, CSV (one row per divergence) or "
      "GraphML (claims, statements and outlets as a graph).");
  cmd->add_option("REPORT",
                  opts->input,
                  "report.json written by `diverge analyze`, or the directory holding it")
      ->required();
  cmd->add_option("--format,-f", opts->format, "md (or markdown), html, csv or graphml")
      ->check([](const std::string& v) {
        Result<reports::ReportFormat> f = reports::ParseReportFormat(v);
        return f.ok() ? std::string() : f.status().message();
      })
      ->capture_default_str();
  cmd->add_option("--out,-o", opts->out, "Output file (written atomically); default: stdout");
  cmd->add_flag("--quiet,-q", opts->quiet, "No progress on stderr");
  cmd->footer(
      "Example:\n  diverge report out/report.json --format html --out out/report.html\n"
      "  diverge report out --format csv > divergences.csv      # reads out/report.json\n"
      "Exit codes: 0 ok, 4 report.json missing or invalid, 6 output not writable.");
  cmd->callback([opts, &ctx]() {
    std::error_code ec;
    if (std::filesystem::is_directory(opts->input, ec)) {
      opts->input = (std::filesystem::path(opts->input) / "report.json").string();
    }
    reports::Progress progress(opts->quiet);
    progress.Stage("rendering " + opts->input);
    reports::RenderOptions render;  // links relative to where the output goes
    if (!opts->out.empty()) {
      render.report_dir = std::filesystem::path(opts->out).parent_path().string();
      if (render.report_dir.empty()) render.report_dir = ".";
    }
    Result<std::string> text =
        reports::RenderReportFile(opts->input, *reports::ParseReportFormat(opts->format), render);
    if (!text.ok()) {
      PrintError(text.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    progress.Count(static_cast<int64_t>(text->size()), "bytes");
    if (opts->out.empty()) {
      if (std::fwrite(text->data(), 1, text->size(), stdout) != text->size() ||
          std::fflush(stdout) != 0) {
        PrintError(Status::IOError("stdout: write failed"));
        ctx.exit_code = kExitOutput;
        return;
      }
    } else if (Status st = WriteFileAtomic(opts->out, *text); !st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace diverge::cli
