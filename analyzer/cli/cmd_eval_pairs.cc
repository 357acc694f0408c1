// diverge eval pairs FILE... --format sick|fnc1|emergent: precision, recall and F1 of the
// pairwise divergence detection (compare) for the disagreeing class of a labelled set.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/evaluation/pairs_eval.h"

namespace diverge::cli {

void RegisterEvalPairs(CLI::App& eval, CommandContext& ctx) {
  auto* cmd = eval.add_subcommand(
      "pairs",
      "Run compare over a labelled pairs file and print precision, recall and F1 for the "
      "disagreeing class (SICK: CONTRADICTION; FNC-1: disagree, train_bodies.csv beside the "
      "stances file; Emergent: against)");
  struct Opts {
    std::vector<std::string> files;
    std::string format;
    std::string errors;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->files, "Labelled pairs file(s), evaluated together")->required();
  cmd->add_option("--format", o->format, "sick, fnc1 or emergent")
      ->required()
      ->check(CLI::IsMember({"sick", "fnc1", "emergent"}));
  cmd->add_option("--errors", o->errors,
                  "Write the misclassified pairs to this TSV file (for error analysis)");
  cmd->footer(
      "Example:\n  diverge eval pairs SICK_train.txt SICK_trial.txt --format sick\n"
      "  diverge eval pairs fnc1/train_stances.csv --format fnc1\n"
      "Exit codes: 0 ok, 4 data file unreadable.");
  cmd->callback([&ctx, o] {
    evaluation::PairsFormat format = o->format == "sick"   ? evaluation::PairsFormat::kSick
                                     : o->format == "fnc1" ? evaluation::PairsFormat::kFnc1
                                                           : evaluation::PairsFormat::kEmergent;
    divergence::DetectOptions options;
    auto r = evaluation::EvaluatePairFiles(o->files, format, options, o->errors);
    if (!r.ok()) {
      PrintError(r.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    std::printf("format:     %s\npairs:      %zu (%zu disagreeing)\nflagged:    %zu\n",
                o->format.c_str(), r->n, r->positives, r->predicted);
    std::printf("precision:  %.4f\nrecall:     %.4f\nf1:         %.4f\n", r->precision, r->recall,
                r->f1);
    for (const auto& [kind, count] : r->flagged_by_kind) {
      std::printf("  by %-10s %zu\n", kind.c_str(), count);
    }
    std::printf("params:     %s\n", options.ToJson().dump().c_str());
  });
}

}  // namespace diverge::cli
