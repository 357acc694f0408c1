// `diverge review list|show|confirm|dismiss|reopen|note|export DIR ...`: reviewers'
// decisions on the divergences of DIR/report.json, kept in DIR/review.db (or --db).
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/review/review_export.h"
#include "analyzer/review/review_session.h"
#include "reports/escape.h"

namespace diverge::cli {
namespace {

using review::ReviewSession;

struct ReviewOptions {
  std::string dir, db, reviewer, note, csv_out, json_out, pairs_out;
  std::vector<std::string> ids;
  std::string id;  // show / note take one
  std::string status, kind, outlet, temporal, reason, claim;
  double min_score = 0;
  bool orphaned = false, has_note = false;
};

constexpr const char* kExitCodes =
    "Exit codes: 0 ok, 2 bad command line, malformed or ambiguous id or bad status, "
    "4 report.json missing or invalid, 6 export not writable, 7 unknown divergence id, "
    "8 review database corrupt, newer or locked.";
// Per subcommand.
constexpr const char* kExitList =
    "Exit codes: 0 ok, 2 bad command line (unknown status or kind), 4 report.json missing or "
    "invalid, 8 review database corrupt, newer or locked.";
constexpr const char* kExitId =
    "Exit codes: 0 ok, 2 bad command line, malformed or ambiguous id, 4 report.json missing or "
    "invalid, 7 no such divergence id or number, 8 review database corrupt, newer or locked.";
constexpr const char* kExitExport =
    "Exit codes: 0 ok, 2 bad command line, 4 report.json missing or invalid, 6 an export file "
    "not written, 8 review database corrupt, newer or locked.";
constexpr const char* kIdHelp =
    "IDs: a divergence id (d-3f2a9c01), a unique prefix of one of any length (d-3f), or the "
    "number the reports print (D3).\n";

// Terminal-safe corpus text: no control characters, one line.
std::string T(const std::string& s) { return reports::FoldSpace(reports::StripControls(s)); }

int ExitCodeFor(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
      return kExitUsage;
    case StatusCode::kNotFound:
      return kExitNoSuchId;
    default:
      return kExitReviewDb;
  }
}

// Opens the session or sets ctx.exit_code and returns nullopt. list / show / export
// open the store read-only (a missing one is empty and is not created); the commands
// that decide open it read-write, creating it when missing.
std::optional<ReviewSession> OpenSession(const ReviewOptions& o, review::DbAccess access,
                                         CommandContext& ctx) {
  bool store_failed = false;
  Result<ReviewSession> s = ReviewSession::Open(o.dir, o.db, access, &store_failed);
  if (!s.ok()) {
    PrintError(s.status());
    ctx.exit_code = store_failed ? kExitReviewDb : kExitNoInput;
    return std::nullopt;
  }
  // A --db with no database behind it shows no decisions: say so, since that is what a
  // mistyped path looks like (the default DIR/review.db missing is normal).
  if (!o.db.empty() && !s->store().has_database()) {
    std::fprintf(stderr,
                 "diverge: warning: no review database at %s (is the --db path right?)\n",
                 o.db.c_str());
  }
  return std::move(*s);
}

review::ReviewFilter Filter(const ReviewOptions& o) {
  review::ReviewFilter f;
  if (!o.status.empty()) f.status = report::ParseReviewStatus(o.status);
  if (!o.kind.empty()) f.kind = report::ParseKind(o.kind);
  if (!o.temporal.empty()) f.temporal = report::ParseTemporal(o.temporal);
  f.outlet = o.outlet;
  f.min_score = o.min_score;
  return f;
}

std::string StatusName(report::ReviewStatus s) { return std::string(report::ReviewStatusName(s)); }

void List(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  if (o.orphaned) {
    for (const report::OrphanedReview& r : s->orphans()) {
      std::printf("%s\t%s\t%s\t%s\t%s\n", r.id.c_str(), StatusName(r.review.status).c_str(),
                  T(r.reviewer).c_str(), r.updated.c_str(), T(r.review.note.value_or("")).c_str());
    }
    std::fprintf(stderr, "%zu orphaned decisions (ids no longer in %s)\n", s->orphans().size(),
                 s->report_path().c_str());
    ctx.exit_code = kExitOk;
    return;
  }
  std::vector<const reports::DivergenceView*> rows = s->Select(Filter(o));
  for (const reports::DivergenceView* v : rows) {
    const report::Divergence& d = *v->divergence;
    std::string b = v->b ? s->view().OutletOf(v->b) : "(silent)";
    std::printf("%-4s %s  %-9s %.2f  %-11s %-4s %s | %s%s%s\n", v->number.c_str(), d.id.c_str(),
                StatusName(d.review.status).c_str(), d.score,
                std::string(report::KindName(d.kind)).c_str(),
                v->claim ? v->claim->number.c_str() : "-", T(s->view().OutletOf(v->a)).c_str(),
                T(b).c_str(), d.review.note ? "  # " : "", T(d.review.note.value_or("")).c_str());
  }
  std::fprintf(stderr, "%zu of %zu divergences; %zu orphaned decisions\n", rows.size(),
               s->view().divergences().size(), s->orphans().size());
  ctx.exit_code = kExitOk;
}

void PrintSide(const ReviewSession& s, const char* label, const ingest::Statement* st,
               const report::DivergenceSide& side) {
  if (st == nullptr) {
    std::printf("%s  (silent)\n", label);
    return;
  }
  const ingest::Document* doc = s.view().DocumentOf(st);
  std::string date = s.view().DateOf(st);
  std::printf("%s  %s (%s) %s#%lld-%lld  statement %s\n   %s\n   evidence: %s\n", label,
              T(s.view().OutletOf(st)).c_str(), date.empty() ? "undated" : date.c_str(),
              doc ? T(doc->path).c_str() : "", static_cast<long long>(st->start),
              static_cast<long long>(st->end), st->id.c_str(), T(st->text).c_str(),
              T(side.evidence).c_str());
}

void Show(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  Result<std::string> id = s->ResolveId(o.ids.front());
  if (!id.ok()) {
    PrintError(id.status());
    ctx.exit_code = ExitCodeFor(id.status());
    return;
  }
  const reports::DivergenceView* view = nullptr;
  for (const reports::DivergenceView& v : s->view().divergences()) {
    if (v.divergence->id == *id) view = &v;
  }
  const review::Decision* dec = s->DecisionFor(*id);
  if (view != nullptr) {
    const report::Divergence& d = *view->divergence;
    std::printf("%s (%s)  %s · %s · score %.4f\n", d.id.c_str(), view->number.c_str(),
                std::string(report::KindName(d.kind)).c_str(),
                std::string(report::TemporalName(d.temporal)).c_str(), d.score);
    PrintSide(*s, "A", view->a, d.a);
    PrintSide(*s, "B", view->b, d.b);
    std::printf("explanation: %s\n", T(d.explanation).c_str());
    if (view->claim != nullptr) {
      std::printf("claim %s (%s): %s\n", view->claim->number.c_str(),
                  view->claim->cluster->id.c_str(), T(view->claim->label).c_str());
      for (const ingest::Statement* st : view->claim->statements) {
        std::printf("   %s  %s: %s\n", st->id.c_str(), T(s->view().OutletOf(st)).c_str(),
                    T(st->text).c_str());
      }
    }
  } else {
    std::printf("%s  orphaned: not in %s (kept from an earlier analysis)\n", id->c_str(),
                s->report_path().c_str());
  }
  std::printf("status: %s", dec ? StatusName(dec->status).c_str() : "open (no decision yet)");
  if (dec && dec->reason) {
    std::printf(" (%s)", std::string(review::DismissReasonLabel(*dec->reason)).c_str());
  }
  if (dec) std::printf(" by %s at %s", T(dec->reviewer).c_str(), dec->updated.c_str());
  std::printf("\nnote: %s\n", dec && dec->note ? T(*dec->note).c_str() : "-");
  Result<std::vector<review::HistoryEntry>> hist = s->store().History(*id);
  if (!hist.ok()) {
    PrintError(hist.status());
    ctx.exit_code = kExitReviewDb;
    return;
  }
  if (!hist->empty()) std::printf("history:\n");
  for (const review::HistoryEntry& h : *hist) {
    std::printf("  %s %s: %s -> %s", h.time.c_str(), T(h.reviewer).c_str(),
                h.old_status ? StatusName(*h.old_status).c_str() : "(new)",
                StatusName(h.new_status).c_str());
    if (h.new_reason && h.new_reason != h.old_reason) {
      std::printf(" (%s)", std::string(review::DismissReasonLabel(*h.new_reason)).c_str());
    }
    if (h.old_note != h.new_note)
      std::printf("; note: %s", T(h.new_note.value_or("(cleared)")).c_str());
    std::printf("\n");
  }
  ctx.exit_code = kExitOk;
}

// confirm / dismiss / reopen (status set) and note (note set): all ids in one transaction.
void Decide(const ReviewOptions& o, std::optional<report::ReviewStatus> status, bool set_note,
            CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadWrite, ctx);
  if (!s) return;
  std::vector<std::string> ids = o.ids;
  if (!o.claim.empty()) {  // every divergence of the claim, with the ids given
    Result<const reports::ClaimView*> claim = s->ResolveClaim(o.claim);
    if (!claim.ok()) {
      PrintError(claim.status());
      ctx.exit_code = ExitCodeFor(claim.status());
      return;
    }
    for (const reports::DivergenceView* v : s->DivergencesOf(**claim)) {
      ids.push_back(v->divergence->id);
    }
    if (ids.empty()) {
      PrintError(Status::NotFound("claim " + (*claim)->number + " has no divergences"));
      ctx.exit_code = kExitNoSuchId;
      return;
    }
  }
  if (ids.empty()) {
    PrintError(Status::InvalidArgument("give divergence ids or --claim"));
    ctx.exit_code = kExitUsage;
    return;
  }
  std::vector<review::Change> changes;
  for (const std::string& id : ids) {
    review::Change c;
    c.id = id;
    c.status = status;
    c.reviewer = o.reviewer;
    c.set_note = set_note;
    if (set_note && !o.note.empty()) c.note = o.note;
    if (!o.reason.empty()) {
      c.set_reason = true;
      c.reason = review::ParseDismissReason(o.reason);
    }
    changes.push_back(std::move(c));
  }
  Result<std::vector<review::Decision>> done = s->DecideAll(std::move(changes));
  if (!done.ok()) {
    PrintError(done.status());
    ctx.exit_code = ExitCodeFor(done.status());
    return;
  }
  for (const review::Decision& d : *done) {
    std::string reason =
        d.reason ? " (" + std::string(review::DismissReasonLabel(*d.reason)) + ")" : "";
    std::printf("%s %s%s by %s%s%s\n", d.id.c_str(), StatusName(d.status).c_str(),
                reason.c_str(), T(d.reviewer).c_str(), d.note ? "; note: " : "",
                T(d.note.value_or("")).c_str());
  }
  ctx.exit_code = kExitOk;
}

// `review correct DIR ACTION TARGET...`: one correction, applied by the next analyze.
void Correct(const ReviewOptions& o, const std::string& action, std::vector<std::string> targets,
             const std::string& value, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadWrite, ctx);
  if (!s) return;
  review::Correction c;
  c.action = *review::ParseCorrectionAction(action);
  c.reviewer = o.reviewer;
  if (!o.note.empty()) c.note = o.note;
  c.value = value;
  for (std::string& t : targets) {
    Result<std::string> id = t;  // retract: a correction number
    if (c.action == review::CorrectionAction::kSetKind ||
        c.action == review::CorrectionAction::kSetTemporal) {
      id = s->ResolveId(t);
    } else if (c.action != review::CorrectionAction::kRetract) {
      id = s->ResolveStatement(t);
    }
    if (!id.ok()) {
      PrintError(id.status());
      ctx.exit_code = ExitCodeFor(id.status());
      return;
    }
    c.targets.push_back(*id);
  }
  Result<review::Correction> done = s->store().AddCorrection(c);
  if (!done.ok()) {
    PrintError(done.status());
    ctx.exit_code = ExitCodeFor(done.status());
    return;
  }
  std::string list;
  for (const std::string& t : done->targets) list += " " + t;
  std::printf("correction %lld: %s%s%s%s by %s (applied by the next `diverge analyze`)\n",
              static_cast<long long>(done->seq),
              std::string(review::CorrectionActionName(done->action)).c_str(), list.c_str(),
              done->value.empty() ? "" : " -> ", done->value.c_str(), T(done->reviewer).c_str());
  ctx.exit_code = kExitOk;
}

// `review corrections DIR`: every correction, and whether the last analyze applied it.
void ListCorrections(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  Result<std::vector<review::Correction>> all = s->store().Corrections();
  if (!all.ok()) {
    PrintError(all.status());
    ctx.exit_code = kExitReviewDb;
    return;
  }
  std::map<int64_t, const report::CorrectionRecord*> in_report;
  for (const report::CorrectionRecord& r : s->report().corrections) in_report[r.seq] = &r;
  size_t stale = 0;
  for (const review::Correction& c : *all) {
    std::string list;
    for (const std::string& t : c.targets) list += " " + t;
    auto it = in_report.find(c.seq);
    std::string state = it == in_report.end() ? "pending (re-run analyze)"
                        : it->second->applied ? "applied"
                                              : "NOT APPLIED: " + it->second->why;
    stale += it != in_report.end() && !it->second->applied;
    std::printf("%lld\t%s%s%s%s\t%s\t%s\t%s%s%s\n", static_cast<long long>(c.seq),
                std::string(review::CorrectionActionName(c.action)).c_str(), list.c_str(),
                c.value.empty() ? "" : " -> ", c.value.c_str(), T(c.reviewer).c_str(),
                c.time.c_str(), T(state).c_str(), c.note ? "  # " : "", T(c.note.value_or("")).c_str());
  }
  std::fprintf(stderr, "%zu corrections; %zu no longer apply\n", all->size(), stale);
  ctx.exit_code = kExitOk;
}

void ExportAll(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  review::Export e = review::ExportReview(*s, Filter(o));
  std::string csv = o.csv_out.empty() ? o.dir + "/review.csv" : o.csv_out;
  std::string json = o.json_out.empty() ? o.dir + "/review.json" : o.json_out;
  std::string pairs = o.pairs_out.empty() ? o.dir + "/review-pairs.jsonl" : o.pairs_out;
  if (Status st = WriteFilesAtomic({{csv, e.csv}, {json, e.json}, {pairs, e.pairs}}); !st.ok()) {
    PrintError(st);
    ctx.exit_code = kExitOutput;
    return;
  }
  std::printf("wrote %s\nwrote %s\nwrote %s\n", csv.c_str(), json.c_str(), pairs.c_str());
  ctx.exit_code = kExitOk;
}

std::string CheckStatus(const std::string& v) {
  return report::ParseReviewStatus(v)
             ? ""
             : "unknown review status \"" + v + "\" (expected open, confirmed or dismissed)";
}
std::string CheckTemporal(const std::string& v) {
  return report::ParseTemporal(v)
             ? ""
             : "unknown temporal label \"" + v +
                   "\" (expected contradiction, change_over_time or undetermined)";
}
std::string CheckReason(const std::string& v) {
  return review::ParseDismissReason(v) ? ""
                                       : "unknown dismissal reason \"" + v +
                                             "\" (expected not_same_claim, same_value, "
                                             "name_variant, changed_over_time or other)";
}
std::string CheckKind(const std::string& v) {
  return report::ParseKind(v) ? ""
                              : "unknown divergence kind \"" + v +
                                    "\" (numeric, date, set, negation, antonym, framing, "
                                    "attribution, omission, other)";
}

CLI::App* Sub(CLI::App* review, const std::shared_ptr<ReviewOptions>& o, const char* name,
              const char* what, const std::string& footer) {
  CLI::App* cmd = review->add_subcommand(name, what);
  cmd->footer(footer);
  cmd->add_option("DIR", o->dir, "Analysis directory holding report.json")->required();
  cmd->add_option("--db", o->db, "Review database (default: DIR/review.db)");
  return cmd;
}

void AddFilters(CLI::App* cmd, const std::shared_ptr<ReviewOptions>& o) {
  cmd->add_option("--status", o->status, "open, confirmed or dismissed")->check(CheckStatus);
  cmd->add_option("--kind", o->kind, "numeric, date, set, negation, ...")->check(CheckKind);
  cmd->add_option("--temporal", o->temporal, "contradiction, change_over_time or undetermined")
      ->check(CheckTemporal);
  cmd->add_option("--outlet", o->outlet, "Either side's outlet contains this (any case)");
  cmd->add_option("--min-score", o->min_score, "Score at least this (0-1)")
      ->check(CLI::Range(0.0, 1.0));
}

void AddDecision(CLI::App* review, const std::shared_ptr<ReviewOptions>& o, CommandContext& ctx,
                 const char* name, const char* what, std::optional<report::ReviewStatus> status) {
  const std::string n = name;
  CLI::App* cmd =
      Sub(review, o, name, what,
          "Examples:\n  diverge review " + n + " out/csto D3\n  diverge review " + n +
              " out/csto d-3f2a d-77be --reviewer ann" +
              (status ? "  --note \"checked the source\"" : "") + "\n  diverge review " + n +
              " out/csto --claim C2" +
              (status == report::ReviewStatus::kDismissed ? " --reason not_same_claim" : "") +
              "     # every flag of claim C2\n" + kIdHelp + kExitId);
  cmd->add_option("ID", o->ids, "Divergence ids, unique prefixes (d-3f2a) or numbers (D3)");
  cmd->add_option("--claim", o->claim,
                  "Also every divergence of this claim (C3 or its id): one decision for all");
  cmd->add_option("--reviewer", o->reviewer, "Name recorded with the decision (default: $USER)");
  if (status) cmd->add_option("--note", o->note, "Also set this note");
  if (status == report::ReviewStatus::kDismissed) {
    cmd->add_option("--reason", o->reason,
                    "Why: not_same_claim, same_value, name_variant, changed_over_time or other")
        ->check(CheckReason);
  }
  cmd->callback([o, &ctx, status, cmd] { Decide(*o, status, cmd->count("--note") > 0, ctx); });
}

}  // namespace

void RegisterReview(CLI::App& app, CommandContext& ctx) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* review = app.add_subcommand(
      "review",
      "Record and list reviewers' decisions (confirmed / dismissed / open, with notes) on the "
      "divergences of an analysis, in a SQLite database that survives re-runs of analyze.");
  review->require_subcommand(1);
  review->footer(
      std::string("Examples:\n  diverge review list out/csto --status open --min-score 0.5\n"
                  "  diverge review confirm out/csto d-3f2a9c --note \"checked the source\"\n"
                  "  diverge review export out/csto\n") +
      kExitCodes);

  CLI::App* list = Sub(review, o, "list", "List divergences with their review status",
                       std::string("Examples:\n  diverge review list out/csto --status open "
                                   "--min-score 0.5\n  diverge review list out/csto --kind "
                                   "numeric --outlet reuters\n  diverge review list out/csto "
                                   "--orphaned\n") +
                           kExitList);
  AddFilters(list, o);
  list->add_flag("--orphaned", o->orphaned,
                 "List decisions whose divergence is no longer in report.json instead");
  list->callback([o, &ctx] { List(*o, ctx); });

  CLI::App* show =
      Sub(review, o, "show", "Show one divergence, its decision and its history",
          std::string("Examples:\n  diverge review show out/csto D3          # the number in "
                      "report.md / report.html\n  diverge review show out/csto d-3f2a      # a "
                      "unique id prefix\n  diverge review show out/csto d-3f2a9c01 --db "
                      "~/reviews/csto.db\n") +
              kIdHelp + kExitId);
  show->add_option("ID", o->id, "Divergence id, unique prefix (d-3f2a) or number (D3)")
      ->required();
  show->callback([o, &ctx] {
    o->ids = {o->id};
    Show(*o, ctx);
  });

  AddDecision(review, o, ctx, "confirm", "Mark divergences as real contradictions",
              report::ReviewStatus::kConfirmed);
  AddDecision(review, o, ctx, "dismiss", "Mark divergences as false flags",
              report::ReviewStatus::kDismissed);
  AddDecision(review, o, ctx, "reopen", "Set divergences back to open",
              report::ReviewStatus::kOpen);

  CLI::App* note = Sub(review, o, "note", "Set (or with \"\" clear) the note of a divergence",
                       std::string("Examples:\n  diverge review note out/csto D3 \"ask the "
                                   "desk\"\n  diverge review note out/csto d-3f2a \"\"   # "
                                   "clears the note\n") +
                           kIdHelp + kExitId);
  note->add_option("ID", o->id, "Divergence id, unique prefix (d-3f2a) or number (D3)")
      ->required();
  note->add_option("TEXT", o->note, "The note")->required();
  note->add_option("--reviewer", o->reviewer, "Name recorded with the note (default: $USER)");
  note->callback([o, &ctx] {
    o->ids = {o->id};
    Decide(*o, std::nullopt, true, ctx);
  });

  struct CorrectArgs {
    std::string action, value;
    std::vector<std::string> targets;
  };
  auto ca = std::make_shared<CorrectArgs>();
  CLI::App* correct = Sub(
      review, o, "correct",
      "Correct the analysis (applied by every later `diverge analyze`, listed by `review "
      "corrections`): move a statement out of its claim, split a claim, merge two claims, "
      "change a divergence's kind or temporal label, or retract a correction",
      std::string("Examples:\n  diverge review correct out/csto move-out s-3f2a          # out "
                  "of its claim\n  diverge review correct out/csto split s-3f2a s-77be    # "
                  "these become a claim of their own\n  diverge review correct out/csto "
                  "merge s-3f2a s-90fc    # their claims become one\n  diverge review correct "
                  "out/csto set-kind D3 date\n  diverge review correct out/csto set-temporal "
                  "D3 change_over_time\n  diverge review correct out/csto retract 4\n"
                  "Statement ids (or unique prefixes) are printed by `review show`.\n") +
          kExitId);
  correct
      ->add_option("ACTION", ca->action,
                   "move-out, split, merge, set-kind, set-temporal or retract")
      ->required()
      ->check([](const std::string& v) {
        return review::ParseCorrectionAction(v) ? std::string()
                                                : "unknown correction \"" + v +
                                                      "\" (move-out, split, merge, set-kind, "
                                                      "set-temporal, retract)";
      });
  correct->add_option("TARGETS", ca->targets,
                      "Statement ids; for set-kind / set-temporal a divergence id and the new "
                      "value; for retract a correction number")
      ->required();
  correct->add_option("--note", o->note, "Why");
  correct->add_option("--reviewer", o->reviewer, "Name recorded (default: $USER)");
  correct->callback([o, ca, &ctx] {
    std::vector<std::string> targets = ca->targets;
    std::string value;
    auto action = review::ParseCorrectionAction(ca->action);
    if ((action == review::CorrectionAction::kSetKind ||
         action == review::CorrectionAction::kSetTemporal) &&
        targets.size() == 2) {
      value = targets.back();
      targets.pop_back();
    }
    Correct(*o, ca->action, targets, value, ctx);
  });

  CLI::App* corrections =
      Sub(review, o, "corrections",
          "List the corrections, and whether the last analyze applied each (or why not)",
          std::string("Example:\n  diverge review corrections out/csto\n") + kExitList);
  corrections->callback([o, &ctx] { ListCorrections(*o, ctx); });

  CLI::App* exp = Sub(review, o, "export",
                      "Write every divergence with its decision, and the orphaned decisions, as "
                      "CSV and JSON, and the decided ones as labelled statement pairs (JSONL), "
                      "atomically",
                      std::string("Examples:\n  diverge review export out/csto\n  diverge "
                                  "review export out/csto --status dismissed --csv /tmp/d.csv\n") +
                          kExitExport);
  AddFilters(exp, o);
  exp->add_option("--csv", o->csv_out, "CSV file (default: DIR/review.csv)");
  exp->add_option("--json", o->json_out, "JSON file (default: DIR/review.json)");
  exp->add_option("--pairs", o->pairs_out,
                  "Labelled pairs, JSONL: same claim or not, real divergence or not, the "
                  "reason (default: DIR/review-pairs.jsonl)");
  exp->callback([o, &ctx] { ExportAll(*o, ctx); });
}

}  // namespace diverge::cli
