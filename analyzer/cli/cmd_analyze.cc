// `diverge analyze CORPUS... --out DIR`: the whole pipeline (analyzer/pipeline).
#include <cstdio>
#include <memory>

#include "analyzer/base/exit_codes.h"
#include "analyzer/base/terminal_text.h"
#include "analyzer/cli/command.h"
#include "analyzer/pipeline/analyze.h"
#include "embeddings/embedding_model.h"

namespace diverge::cli {

void RegisterAnalyze(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<pipeline::AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Analyze a corpus: split into statements, embed, cluster claims across outlets, flag "
      "divergences, and write report.json, report.md, report.html, divergences.csv and "
      "claims.graphml into --out.");
  cmd->add_option("CORPUS", opts->inputs, "Corpus directories or files")->required();
  cmd->add_option("--out,-o", opts->out_dir, "Output directory (created if missing)")->required();
  cmd->add_option("--model,-m", opts->model_path,
                  "Embedding model: .dvec, fastText .bin or .vec (default: $DIVERGE_MODEL or "
                  "the bundled GloVe 6B 100d)");
  cmd->add_option("--threshold", opts->threshold,
                  "Minimum pair similarity (0-1) for two statements to make the same claim")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--average-link", opts->average_link_min,
                  "Minimum mean similarity (0-1) when merging statements into one claim")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("-k,--neighbours", opts->k, "Neighbours per statement in the similarity graph")
      ->capture_default_str()
      ->check(CLI::Range(1, 200));
  cmd->add_option("--story-min-similarity", opts->stories.min_similarity,
                  "Minimum mean document similarity (0-1) inside a story")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--cross-story-min", opts->cross_story_min,
                  "Minimum pair similarity (0-1) for a claim to join statements of two stories")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag(
      "--no-anchor-links", [opts](int64_t) { opts->anchor_links = false; },
      "Candidate pairs from the similarity graph alone (not also pairs sharing a rare name)");
  cmd->add_option("--anchor-min-score", opts->anchors.min_score,
                  "Minimum pair similarity (0-1) for a statement left out of every claim to "
                  "join one, or pair up, through a shared rare name")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-claim-terms", opts->min_claim_terms,
                  "Statements with fewer content words (datelines, bylines) join no claim")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  cmd->add_option("--min-score", opts->detect.min_score,
                  "Drop divergences scoring below this (0-1)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--max-flags", opts->detect.max_flags, "Keep at most this many divergences")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag(
      "--no-omissions", [opts](int64_t) { opts->detect.omissions = false; },
      "Do not report omissions");
  cmd->add_option("--threads", opts->threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  auto budget_mb = std::make_shared<size_t>(0);
  cmd->add_option("--memory-budget-mb", *budget_mb,
                  "Memory budget (MiB): documents, in id order, that would take the run's "
                  "estimated memory over it are skipped with a warning (default: half the "
                  "machine's memory)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--db", opts->db_path,
                  "Review database whose decisions go into report.json (default: OUT/review.db)");
  cmd->add_flag("--quiet,-q", opts->quiet, "No progress lines on stderr");
  cmd->footer(
      "Example:\n  diverge analyze corpus/csto --out out/csto\n"
      "  diverge analyze articles/ --out out/run2 --threshold 0.7 --model cc.en.300.bin\n"
      "Exit codes: 0 ok, 3 some inputs skipped, 4 no usable input, 5 model error, "
      "6 output not written, 8 review database unusable.");
  cmd->callback([opts, budget_mb, &ctx]() {
    if (opts->model_path.empty())
      opts->model_path = embeddings::DefaultModelPath(DIVERGE_DEFAULT_MODEL);
    opts->memory_budget_bytes = *budget_mb << 20;
    pipeline::AnalyzeStage stage;
    Result<pipeline::AnalyzeSummary> result = pipeline::Analyze(*opts, &stage);
    if (!result.ok()) {
      PrintError(result.status());
      switch (stage) {
        case pipeline::AnalyzeStage::kIngest:
          ctx.exit_code = kExitNoInput;
          break;
        case pipeline::AnalyzeStage::kModel:
          ctx.exit_code = kExitModel;
          break;
        case pipeline::AnalyzeStage::kCluster:
          ctx.exit_code = kExitInternal;
          break;
        case pipeline::AnalyzeStage::kReview:
          ctx.exit_code = kExitReviewDb;
          break;
        case pipeline::AnalyzeStage::kWrite:
          ctx.exit_code = kExitOutput;
          break;
      }
      return;
    }
    for (const Diagnostic& d : result->diagnostics.all()) {
      std::fprintf(stderr, "%s\n", d.ToString().c_str());
    }
    const report::Report& r = result->report;
    std::printf("%zu documents, %zu statements, %zu claims, %zu divergences\n", r.documents.size(),
                r.statements.size(), r.clusters.size(), r.divergences.size());
    if (!r.orphaned_reviews.empty()) {
      std::printf(
          "%zu review decisions on divergences no longer found are kept as "
          "orphaned_reviews (diverge review list --orphaned)\n",
          r.orphaned_reviews.size());
    }
    for (const std::string& path : result->written) {
      std::printf("wrote %s\n", TerminalSafe(path).c_str());
    }
    ctx.exit_code = result->skipped_files > 0 ? kExitPartialInput : kExitOk;
  });
}

}  // namespace diverge::cli
