// `diverge ingest CORPUS... [--json]`: reads a corpus and shows what ingest made of it.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/exit_codes.h"
#include "analyzer/base/terminal_text.h"
#include "analyzer/cli/command.h"
#include "analyzer/ingest/corpus_reader.h"

namespace diverge::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  bool json = false;
  bool show_set_aside = false;
  bool follow_symlinks = false;
};

// Ids, outlets, paths and text come from the corpus: escaped for the terminal.
std::string T(const std::string& s) { return TerminalSafe(s); }

void PrintSummary(const ingest::Corpus& corpus, bool show_set_aside) {
  std::map<std::string, int> per_doc;
  for (const auto& s : corpus.statements) ++per_doc[s.doc];
  std::map<std::string, int> aside_by_reason;
  for (const auto& s : corpus.set_aside) ++aside_by_reason[s.reason];
  std::printf("%zu documents, %zu statements, %zu lines set aside\n", corpus.documents.size(),
              corpus.statements.size(), corpus.set_aside.size());
  for (const auto& d : corpus.documents) {
    std::printf("  %-12s %-36s %-10s %4d statements  %s\n", T(d.id).c_str(), T(d.outlet).c_str(),
                d.date ? T(*d.date).c_str() : "-", per_doc[d.id], T(d.path).c_str());
  }
  if (!aside_by_reason.empty()) {
    std::printf("set aside:");
    for (const auto& [reason, n] : aside_by_reason) std::printf(" %s %d", T(reason).c_str(), n);
    std::printf("\n");
  }
  if (show_set_aside) {
    for (const auto& s : corpus.set_aside) {
      std::printf("  [%s] %s@%lld: %s (%s)\n", T(s.reason).c_str(), T(s.doc).c_str(),
                  static_cast<long long>(s.start), T(s.text).c_str(), T(s.detail).c_str());
    }
  }
  if (corpus.diagnostics.size() > 0) {
    std::printf("%zu warnings (on stderr)\n", corpus.diagnostics.size());
  }
  if (corpus.skipped_files > 0) std::printf("%d inputs skipped\n", corpus.skipped_files);
}

}  // namespace

void RegisterIngest(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read a corpus (directories or .txt/.md/.html/.jsonl files, optional manifest.tsv) and "
      "print its documents and statements.");
  cmd->add_option("CORPUS", opts->inputs, "Corpus directories or files")->required();
  cmd->add_flag("--json", opts->json,
                "Print {\"documents\":[...],\"statements\":[...]} as in report.json");
  cmd->add_flag("--show-set-aside", opts->show_set_aside,
                "List the lines set aside (furniture, metadata, other language, repeats)");
  cmd->add_flag("--follow-symlinks", opts->follow_symlinks,
                "Follow symlinked directories and links leaving the corpus directory");
  cmd->footer(
      "Example:\n  diverge ingest corpus/csto\n  diverge ingest corpus/csto --json > "
      "statements.json\n"
      "Exit codes: 0 ok, 3 some inputs skipped (see stderr), 4 nothing readable.");
  cmd->callback([opts, &ctx]() {
    ingest::ReadOptions ro;
    ro.follow_symlinks = opts->follow_symlinks;
    Result<ingest::Corpus> corpus = ingest::ReadCorpus(opts->inputs, ro);
    if (!corpus.ok()) {
      PrintError(corpus.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    for (const auto& d : corpus->diagnostics.all()) {
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    }
    if (opts->json) {
      std::printf("%s\n", ingest::CorpusToJson(*corpus).dump(2).c_str());
    } else {
      PrintSummary(*corpus, opts->show_set_aside);
    }
    ctx.exit_code = corpus->skipped_files > 0 ? kExitPartialInput : kExitOk;
  });
}

}  // namespace diverge::cli
