// `diverge eval anchors STRENGTH.json [WEAK.json]`: how the anchored-link threshold of
// `analyze` (--anchor-min-score) is chosen, on ClaimDiff train (anchor_eval.h).
#include <cstdio>
#include <memory>
#include <string>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/model_loading.h"
#include "analyzer/evaluation/anchor_eval.h"

namespace diverge::cli {

void RegisterEvalAnchors(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string strength, weak, model;
    double target = 0.90;
    int min_pairs = 50;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "anchors",
      "Precision of \"related claim\" decisions on ClaimDiff pairs, for all pairs and for pairs "
      "sharing a rare name, by threshold; prints the lowest threshold at which the anchored "
      "pairs reach the target precision (how --anchor-min-score is chosen)");
  cmd->add_option("STRENGTH", o->strength, "ClaimDiff-strength-train.json")->required();
  cmd->add_option("WEAK", o->weak, "ClaimDiff-weak-train.json (same pairs; optional)");
  cmd->add_option("--target", o->target, "Target precision of the anchored pairs")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-pairs", o->min_pairs, "Fewest anchored pairs a threshold must keep")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--model", o->model, "Embedding model (default: $DIVERGE_MODEL or built-in)");
  cmd->footer(
      "Example:\n  diverge eval anchors claimdiff/ClaimDiff-strength-train.json "
      "claimdiff/ClaimDiff-weak-train.json\n"
      "Exit codes: 0 ok, 4 data file unreadable, 5 model error.");
  cmd->callback([o, &ctx] {
    Result<std::vector<evaluation::ClaimDiffPair>> pairs =
        evaluation::ReadClaimDiff(o->strength, o->weak);
    if (!pairs.ok()) {
      PrintError(pairs.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    std::unique_ptr<embeddings::EmbeddingModel> model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder = MakeEncoderOrReport(*model, ctx);
    if (!encoder) return;
    evaluation::AnchorCalibration cal = evaluation::CalibrateAnchors(
        *encoder, *pairs, cluster::AnchorOptions{}, o->target, o->min_pairs);
    std::printf("file: %s (%d pairs, %d related, %d sharing a rare name)\nmodel: %s\n",
                o->strength.c_str(), cal.pairs, cal.related, cal.anchored, model->id().c_str());
    std::printf("threshold  all: n  precision   rare name: n  precision\n");
    auto prec = [](int k, int n) { return n ? static_cast<double>(k) / n : 0.0; };
    for (const evaluation::AnchorThresholdRow& r : cal.rows) {
      if (static_cast<int>(r.threshold * 100 + 0.5) % 5 != 0 && r.threshold != cal.chosen) continue;
      std::printf("%9.2f  %7d  %9.4f  %12d  %9.4f%s\n", r.threshold, r.all_n,
                  prec(r.all_related, r.all_n), r.anchor_n, prec(r.anchor_related, r.anchor_n),
                  r.threshold == cal.chosen ? "  <- lowest" : "");
    }
    if (cal.chosen < 0) {
      std::printf("no threshold reaches precision %.2f with >= %d anchored pairs\n", o->target,
                  o->min_pairs);
    } else {
      std::printf(
          "lowest threshold with anchored precision >= %.2f: %.2f (analyze's "
          "--anchor-min-score is the lowest at or above it that keeps the 2,000-statement "
          "benchmark's clustering F1: README \"How the clustering thresholds were chosen\")\n",
          o->target, cal.chosen);
    }
  });
}

}  // namespace diverge::cli
