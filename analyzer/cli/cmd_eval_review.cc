// `diverge eval review DIR [--db PATH]`: flag precision from reviewers' decisions.
#include <cstdio>
#include <memory>
#include <string>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/review/review_eval.h"

namespace diverge::cli {

void RegisterEvalReview(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string dir, db;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "review",
      "Precision of the flags of DIR/report.json as its reviewers judged them (confirmed = "
      "a true flag, dismissed = a false one), per kind, per detector and per temporal "
      "label, and dismissals by reason");
  cmd->add_option("DIR", o->dir, "Analysis directory holding report.json")->required();
  cmd->add_option("--db", o->db, "Review database (default: DIR/review.db)");
  cmd->footer(
      "Example:\n  diverge eval review out/csto\n"
      "  diverge eval review out/csto --db ~/reviews/csto.db\n"
      "Exit codes: 0 ok, 4 report.json missing or invalid, 8 review database corrupt, newer "
      "or locked.");
  cmd->callback([o, &ctx] {
    bool store_failed = false;
    Result<review::ReviewSession> s =
        review::ReviewSession::Open(o->dir, o->db, review::DbAccess::kReadOnly, &store_failed);
    if (!s.ok()) {
      PrintError(s.status());
      ctx.exit_code = store_failed ? kExitReviewDb : kExitNoInput;
      return;
    }
    review::ReviewEvaluation e = review::EvaluateReview(*s);
    std::printf("%s: %d flags, %d judged (%d confirmed, %d dismissed), %d open\n",
                s->report_path().c_str(), e.all.flags, e.all.confirmed + e.all.dismissed,
                e.all.confirmed, e.all.dismissed, e.all.open);
    std::fputs(review::FormatReviewEvaluation(e).c_str(), stdout);
    ctx.exit_code = kExitOk;
  });
}

}  // namespace diverge::cli
