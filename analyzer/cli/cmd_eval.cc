// diverge eval SUBCOMMAND: evaluations against labelled data.
//
// `eval` is a container: each evaluation is a nested subcommand registered by its own
// function below. To add one (e.g. `eval gold`, `eval pairs`): write
// `void RegisterEval<Name>(CLI::App& eval, CommandContext& ctx)` in its own
// cmd_eval_<name>.cc, declare it in command.h and call it in RegisterEval here.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/model_loading.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sentence_encoder.h"
#include "analyzer/evaluation/sts_eval.h"
#include "analyzer/training/similarity_trainer.h"

namespace diverge::cli {
namespace {

void RegisterEvalSts(CLI::App& eval, CommandContext& ctx) {
  auto* sts = eval.add_subcommand(
      "sts",
      "Correlate the pair similarity with STS-B or SICK relatedness scores "
      "(prints N, Pearson, Spearman of the learned score and of the plain SIF cosine)");
  struct Opts {
    std::string file, format = "auto", model, weights, features;
  };
  auto o = std::make_shared<Opts>();
  sts->add_option("FILE", o->file, "STS-B .csv (tab-separated) or SICK .txt")->required();
  sts->add_option("--format", o->format, "stsb, sick or auto (by header)")
      ->check(CLI::IsMember({"auto", "stsb", "sick"}));
  sts->add_option("--model", o->model, "Embedding model (default: $DIVERGE_MODEL or built-in)");
  sts->add_option(
      "--weights", o->weights,
      "Similarity weights JSON (default: the built-in embeddings/weights/similarity.json)");
  sts->add_option("--features", o->features,
                  "Also write every pair's feature breakdown (gold, score, features) as TSV");
  sts->footer(
      "Example:\n  diverge eval sts /work/shared/data/stsb/sts-dev.csv --format stsb\n"
      "Exit codes: 0 ok, 4 data or weights file unreadable, 5 model error, "
      "6 --features file not written.");
  sts->callback([&ctx, o] {
    evaluation::StsFormat format = o->format == "stsb"   ? evaluation::StsFormat::kStsb
                                   : o->format == "sick" ? evaluation::StsFormat::kSick
                                                         : evaluation::StsFormat::kAuto;
    auto pairs = evaluation::ReadStsFile(o->file, format);
    if (!pairs.ok()) {
      PrintError(pairs.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    auto model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder = MakeEncoderOrReport(*model, ctx);
    if (!encoder) return;
    if (!o->weights.empty()) {
      auto json = ReadFile(o->weights);
      auto combiner = json.ok() ? embeddings::SimilarityCombiner::FromJson(*json, o->weights)
                                : Result<embeddings::SimilarityCombiner>(json.status());
      if (!combiner.ok()) {
        PrintError(combiner.status());
        ctx.exit_code = kExitNoInput;
        return;
      }
      encoder->set_combiner(*combiner);
    }
    std::string table;
    evaluation::StsResult r =
        evaluation::EvaluateSts(*encoder, *pairs, o->features.empty() ? nullptr : &table);
    if (!o->features.empty()) {
      Status st = WriteFileAtomic(o->features, table);
      if (!st.ok()) {
        PrintError(st);
        ctx.exit_code = kExitOutput;
        return;
      }
    }
    std::printf("file:      %s\nmodel:     %s\nN:         %zu\n", o->file.c_str(),
                model->id().c_str(), r.n);
    std::printf("score:     pearson %.4f  spearman %.4f\n", r.pearson, r.spearman);
    std::printf("cosine:    pearson %.4f  spearman %.4f\n", r.cosine_pearson, r.cosine_spearman);
  });
}

void RegisterEvalTrainSim(CLI::App& eval, CommandContext& ctx) {
  auto* train = eval.add_subcommand(
      "train-sim",
      "Train the learned pair-similarity combiner (ridge regression, lambda by k-fold CV) on "
      "STS-B/SICK TRAIN splits and write its weights (embeddings/weights/similarity.json)");
  struct Opts {
    std::vector<std::string> files;
    std::string out, model;
    std::vector<std::string> configs;
    int folds = 5;
  };
  auto o = std::make_shared<Opts>();
  train->add_option("FILES", o->files, "Train files (STS-B train .csv, SICK_train.txt)")
      ->required();
  train->add_option("--out", o->out, "Output weights JSON")->required();
  train->add_option("--folds", o->folds, "Cross-validation folds")->check(CLI::Range(2, 20));
  train->add_option("--model", o->model, "Embedding model (default: $DIVERGE_MODEL or built-in)");
  train->add_option("--config", o->configs,
                    "Candidate combiner configs, e.g. lambda=10,trees=300,depth=4,shrink=0.05,"
                    "leaf=20 (repeatable; default: the built-in candidate list)");
  train->footer(
      "Example:\n  diverge eval train-sim sts-train.csv SICK_train.txt "
      "--out embeddings/weights/similarity.json\n"
      "Exit codes: 0 ok, 2 bad --config, 4 data file unreadable, 5 model error, "
      "6 --out not written.");
  train->callback([&ctx, o] {
    auto model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder = MakeEncoderOrReport(*model, ctx);
    if (!encoder) return;
    training::TrainSimilarityOptions opts;
    opts.train_files = o->files;
    opts.folds = o->folds;
    if (!o->configs.empty()) opts.configs.clear();
    for (const auto& text : o->configs) {
      auto c = training::ParseCombinerConfig(text);
      if (!c.ok()) {
        PrintError(c.status());
        ctx.exit_code = kExitUsage;
        return;
      }
      opts.configs.push_back(*c);
    }
    auto r = training::TrainSimilarity(*encoder, opts);
    if (!r.ok()) {
      PrintError(r.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    Status st = WriteFileAtomic(o->out, r->combiner.ToJson());
    if (!st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    std::printf(
        "%sN:         %zu\ncv:        %d-fold spearman %.4f (mean over files) by file:",
        r->report.c_str(), r->n, o->folds, r->cv_spearman);
    for (size_t k = 0; k < r->cv_by_file.size(); ++k) {
      std::printf(" %s %.4f", o->files[k].c_str(), r->cv_by_file[k]);
    }
    std::printf("\nwrote:     %s\n", o->out.c_str());
  });
}

}  // namespace

void RegisterEval(CLI::App& app, CommandContext& ctx) {
  CLI::App* eval = app.add_subcommand("eval", "Evaluate diverge against labelled data");
  eval->require_subcommand(1);
  eval->footer(
      "Example:\n  diverge eval sts /work/shared/data/sick/SICK_trial.txt\n"
      "  diverge eval review out/csto\n"
      "Exit codes: 0 ok, 2 bad command line, 4 input unreadable, 5 model error, "
      "6 output not written (each subcommand's --help lists its own).");
  RegisterEvalSts(*eval, ctx);
  RegisterEvalTrainSim(*eval, ctx);
  RegisterEvalGold(*eval, ctx);
  RegisterEvalParaphrase(*eval, ctx);
  RegisterEvalAnchors(*eval, ctx);
  RegisterEvalStories(*eval, ctx);
  RegisterEvalSlots(*eval, ctx);
  RegisterEvalPairs(*eval, ctx);
  RegisterEvalTrainStance(*eval, ctx);
  RegisterEvalReview(*eval, ctx);
  // More evaluations (eval gold, eval pairs) are registered here, one line each.
}

}  // namespace diverge::cli
