// `diverge eval slots EMERGENT.csv`: how the claim-slot rules of `analyze`
// (analyzer/pipeline/claim_slots.h) are checked on public data, the Emergent headlines
// (slot_eval.h).
#include <cstdio>
#include <memory>
#include <string>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/evaluation/slot_eval.h"

namespace diverge::cli {

void RegisterEvalSlots(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string file;
    int examples = 10;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "slots",
      "Claim slots on Emergent headlines: of the headline pairs whose figures fill one slot, "
      "how many report one rumour (precision), and how many of one rumour's pairs do (recall)");
  cmd->add_option("FILE", o->file, "Emergent url-versions-*.csv")->required();
  cmd->add_option("--examples", o->examples, "Slot matches across rumours to print")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->footer(
      "Example:\n  diverge eval slots emergent/url-versions-2015-06-14-clean-train.csv\n"
      "Exit codes: 0 ok, 4 data file unreadable or not an Emergent file.");
  cmd->callback([o, &ctx] {
    Result<evaluation::SlotEvalResult> r =
        evaluation::EvaluateSlotsOnEmergent(o->file, static_cast<size_t>(o->examples));
    if (!r.ok()) {
      PrintError(r.status());
      ctx.exit_code = kExitNoInput;
      return;
    }
    std::printf("file: %s (%d headlines, %lld pairs of one rumour)\n", o->file.c_str(), r->texts,
                static_cast<long long>(r->same_claim_pairs));
    std::printf("slot matches: %lld of one rumour, %lld across rumours\n",
                static_cast<long long>(r->matched_same), static_cast<long long>(r->matched_other));
    std::printf("precision %.3f  recall %.4f\n", r->precision(), r->recall());
    for (const auto& [a, b] : r->other_examples) {
      std::printf("  across: %s || %s\n", a.c_str(), b.c_str());
    }
  });
}

}  // namespace diverge::cli
