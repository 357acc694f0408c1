// diverge eval train-stance STANCES.csv --out FILE: trains the claim/article stance model
// (pairwise mode's "the article refutes the claim") on FNC-1 TRAIN stances, with K-fold
// cross-validation grouped by article, and writes its weights.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/training/stance_trainer.h"

namespace diverge::cli {

void RegisterEvalTrainStance(CLI::App& eval, CommandContext& ctx) {
  auto* cmd = eval.add_subcommand(
      "train-stance",
      "Train the claim/article stance model (two-stage boosted trees: related, then refutes; "
      "depth, class weight, tree count and threshold chosen by cross-validation grouped by "
      "article) on FNC-1 TRAIN stances and write its "
      "weights (analyzer/divergence/weights/stance.json); prints the cross-validated F1 of "
      "'disagree'");
  struct Opts {
    std::vector<std::string> files;
    std::string out, features;
    int folds = 5;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->files, "FNC-1 stances file(s), train_bodies.csv beside them")
      ->required();
  cmd->add_option("--out", o->out, "Output weights JSON")->required();
  cmd->add_option("--folds", o->folds, "Cross-validation folds (grouped by Body ID)")
      ->check(CLI::Range(3, 20));
  cmd->add_option("--features", o->features,
                  "Cache of the computed features (TSV): read if it exists, else written");
  cmd->footer(
      "Example:\n  diverge eval train-stance fnc1/train_stances.csv "
      "--out analyzer/divergence/weights/stance.json\n"
      "Exit codes: 0 ok, 4 data file unreadable, 6 --out not written.");
  cmd->callback([&ctx, o] {
    divergence::DetectOptions options;
    auto r = training::TrainStanceOnFiles(o->files, o->folds, options, o->features);
    if (!r.ok()) {
      PrintError(r.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    char note[512];
    std::snprintf(note, sizeof note,
                  "trained on FNC-1 train stances; %d-fold CV grouped by Body ID: disagree "
                  "P %.4f R %.4f F1 %.4f",
                  o->folds, r->cv_precision, r->cv_recall, r->cv_f1);
    r->model.note = note;
    Status st = WriteFileAtomic(o->out, r->model.ToJson());
    if (!st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    std::printf("%scv:        %d-fold grouped by article: precision %.4f recall %.4f f1 %.4f\n"
                "related:   stage-1 accuracy %.4f\n",
                r->report.c_str(), o->folds, r->cv_precision, r->cv_recall, r->cv_f1,
                r->cv_related_accuracy);
    for (const auto& [label, counts] : r->cv_by_label) {
      std::printf("flagged:   %-10s %zu of %zu (%.4f)\n", label.c_str(), counts.second,
                  counts.first, counts.first ? double(counts.second) / double(counts.first) : 0.0);
    }
    std::printf("chosen:    refutes depth %d weight %g trees %zu, threshold %.4f\n"
                "wrote:     %s (rebuild to ship it)\n",
                r->model.params.refutes.depth, r->model.params.refutes.positive_weight,
                r->model.refute_trees(), r->model.threshold, o->out.c_str());
  });
}

}  // namespace diverge::cli
