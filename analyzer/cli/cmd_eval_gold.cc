// `diverge eval gold REPORT.json GOLD.json` and `diverge eval paraphrase FILE`.
#include <cstdio>
#include <memory>
#include <string>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/model_loading.h"
#include "analyzer/evaluation/gold_eval.h"
#include "analyzer/evaluation/paraphrase_eval.h"

namespace diverge::cli {

void RegisterEvalGold(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string report, gold;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "gold",
      "Score a report.json against a gold annotation: cluster pair recall/precision, "
      "divergence recall with kind and temporal label, flags on non-divergences");
  cmd->add_option("REPORT", o->report, "report.json written by diverge analyze")->required();
  cmd->add_option("GOLD", o->gold,
                  "Gold annotation JSON (clusters, divergences, "
                  "non_divergences of {doc, quote})")
      ->required();
  cmd->add_flag("--json", o->json, "Print the scores as JSON");
  cmd->footer(
      "Example:\n  diverge eval gold out/csto/report.json gold-dev.json\n"
      "Exit codes: 0 ok, 4 report.json or the gold file missing or invalid.");
  cmd->callback([o, &ctx] {
    Result<report::Report> report = report::LoadReport(o->report);
    if (!report.ok()) {
      PrintError(report.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    Result<evaluation::Gold> gold = evaluation::LoadGold(o->gold);
    if (!gold.ok()) {
      PrintError(gold.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    evaluation::GoldScores s = evaluation::EvaluateAgainstGold(*report, *gold);
    std::string out = o->json ? s.ToJson().dump(2) + "\n" : s.ToText();
    std::fputs(out.c_str(), stdout);
  });
}

void RegisterEvalParaphrase(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string file, model;
    double threshold = -1;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "paraphrase",
      "F1 of the \"same claim\" decision (pair similarity >= threshold) on a labelled "
      "paraphrase file (MSRP format), and the threshold of highest accuracy");
  cmd->add_option("FILE", o->file, "MSRP-format TSV: Quality, #1 ID, #2 ID, #1 String, #2 String")
      ->required();
  cmd->add_option("--threshold", o->threshold, "Decision threshold (default: the analyze default)");
  cmd->add_option("--model", o->model, "Embedding model (default: $DIVERGE_MODEL or built-in)");
  cmd->footer(
      "Example:\n  diverge eval paraphrase msrp/msr-para-train.tsv      # choose the threshold\n"
      "  diverge eval paraphrase msrp/msr-para-val.tsv --threshold 0.62\n"
      "Exit codes: 0 ok, 4 data file unreadable, 5 model error.");
  cmd->callback([o, &ctx] {
    Result<std::vector<evaluation::ParaphrasePair>> pairs = evaluation::ReadParaphraseFile(o->file);
    if (!pairs.ok()) {
      PrintError(pairs.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    std::unique_ptr<embeddings::EmbeddingModel> model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder = MakeEncoderOrReport(*model, ctx);
    if (!encoder) return;
    std::vector<float> scores = evaluation::ScorePairs(*encoder, *pairs);
    auto print = [](const char* what, const evaluation::BinaryScores& s) {
      std::printf("%-9s threshold %.2f  precision %.4f  recall %.4f  F1 %.4f  accuracy %.4f\n",
                  what, s.threshold, s.precision(), s.recall(), s.f1(), s.accuracy());
    };
    std::printf("file: %s (%zu pairs)\nmodel: %s\n", o->file.c_str(), pairs->size(),
                model->id().c_str());
    if (o->threshold >= 0)
      print("given", evaluation::ScoreAtThreshold(scores, *pairs, o->threshold));
    print("best", evaluation::BestThreshold(scores, *pairs));
  });
}

}  // namespace diverge::cli
