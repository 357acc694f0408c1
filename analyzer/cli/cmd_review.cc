// `diverge review list|show|confirm|dismiss|reopen|note|export DIR ...`: reviewers'
// decisions on the divergences of DIR/report.json, kept in DIR/review.db (or --db).
#include <cstdio>
#include <memory>
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
  std::string dir, db, reviewer, note, csv_out, json_out;
  std::vector<std::string> ids;
  std::string id;  // show / note take one
  std::string status, kind, outlet;
  double min_score = 0;
  bool orphaned = false, has_note = false;
};

constexpr const char* kExitCodes =
    "Exit codes: 0 ok, 2 bad command line, malformed or ambiguous id or bad status, "
    "4 report.json missing or invalid, 6 export not writable, 7 unknown divergence id, "
    "8 review database corrupt, newer or locked.";

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
  if (!o.status.empty()) f.status = ParseReviewStatus(o.status);
  if (!o.kind.empty()) f.kind = ParseKind(o.kind);
  f.outlet = o.outlet;
  f.min_score = o.min_score;
  return f;
}

std::string StatusName(ReviewStatus s) { return std::string(ReviewStatusName(s)); }

void List(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  if (o.orphaned) {
    for (const OrphanedReview& r : s->orphans()) {
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
    const Divergence& d = *v->divergence;
    std::string b = v->b ? s->view().OutletOf(v->b) : "(silent)";
    std::printf("%-4s %s  %-9s %.2f  %-11s %s | %s%s%s\n", v->number.c_str(), d.id.c_str(),
                StatusName(d.review.status).c_str(), d.score, std::string(KindName(d.kind)).c_str(),
                T(s->view().OutletOf(v->a)).c_str(), T(b).c_str(), d.review.note ? "  # " : "",
                T(d.review.note.value_or("")).c_str());
  }
  std::fprintf(stderr, "%zu of %zu divergences; %zu orphaned decisions\n", rows.size(),
               s->view().divergences().size(), s->orphans().size());
  ctx.exit_code = kExitOk;
}

void PrintSide(const ReviewSession& s, const char* label, const Statement* st,
               const DivergenceSide& side) {
  if (st == nullptr) {
    std::printf("%s  (silent)\n", label);
    return;
  }
  const Document* doc = s.view().DocumentOf(st);
  std::string date = s.view().DateOf(st);
  std::printf("%s  %s (%s) %s#%lld-%lld\n   %s\n   evidence: %s\n", label,
              T(s.view().OutletOf(st)).c_str(), date.empty() ? "undated" : date.c_str(),
              doc ? T(doc->path).c_str() : "", static_cast<long long>(st->start),
              static_cast<long long>(st->end), T(st->text).c_str(), T(side.evidence).c_str());
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
    const Divergence& d = *view->divergence;
    std::printf("%s (%s)  %s · %s · score %.4f\n", d.id.c_str(), view->number.c_str(),
                std::string(KindName(d.kind)).c_str(),
                std::string(TemporalName(d.temporal)).c_str(), d.score);
    PrintSide(*s, "A", view->a, d.a);
    PrintSide(*s, "B", view->b, d.b);
    std::printf("explanation: %s\n", T(d.explanation).c_str());
  } else {
    std::printf("%s  orphaned: not in %s (kept from an earlier analysis)\n", id->c_str(),
                s->report_path().c_str());
  }
  std::printf("status: %s", dec ? StatusName(dec->status).c_str() : "open (no decision yet)");
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
    if (h.old_note != h.new_note)
      std::printf("; note: %s", T(h.new_note.value_or("(cleared)")).c_str());
    std::printf("\n");
  }
  ctx.exit_code = kExitOk;
}

// confirm / dismiss / reopen (status set) and note (note set): all ids in one transaction.
void Decide(const ReviewOptions& o, std::optional<ReviewStatus> status, bool set_note,
            CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadWrite, ctx);
  if (!s) return;
  std::vector<review::Change> changes;
  for (const std::string& id : o.ids) {
    review::Change c;
    c.id = id;
    c.status = status;
    c.reviewer = o.reviewer;
    c.set_note = set_note;
    if (set_note && !o.note.empty()) c.note = o.note;
    changes.push_back(std::move(c));
  }
  Result<std::vector<review::Decision>> done = s->DecideAll(std::move(changes));
  if (!done.ok()) {
    PrintError(done.status());
    ctx.exit_code = ExitCodeFor(done.status());
    return;
  }
  for (const review::Decision& d : *done) {
    std::printf("%s %s by %s%s%s\n", d.id.c_str(), StatusName(d.status).c_str(),
                T(d.reviewer).c_str(), d.note ? "; note: " : "", T(d.note.value_or("")).c_str());
  }
  ctx.exit_code = kExitOk;
}

void ExportAll(const ReviewOptions& o, CommandContext& ctx) {
  std::optional<ReviewSession> s = OpenSession(o, review::DbAccess::kReadOnly, ctx);
  if (!s) return;
  review::Export e = review::ExportReview(*s, Filter(o));
  std::string csv = o.csv_out.empty() ? o.dir + "/review.csv" : o.csv_out;
  std::string json = o.json_out.empty() ? o.dir + "/review.json" : o.json_out;
  if (Status st = WriteFilesAtomic({{csv, e.csv}, {json, e.json}}); !st.ok()) {
    PrintError(st);
    ctx.exit_code = kExitOutput;
    return;
  }
  std::printf("wrote %s\nwrote %s\n", csv.c_str(), json.c_str());
  ctx.exit_code = kExitOk;
}

std::string CheckStatus(const std::string& v) {
  return ParseReviewStatus(v)
             ? ""
             : "unknown review status \"" + v + "\" (expected open, confirmed or dismissed)";
}
std::string CheckKind(const std::string& v) {
  return ParseKind(v) ? ""
                      : "unknown divergence kind \"" + v +
                            "\" (numeric, date, set, negation, antonym, framing, "
                            "attribution, omission, other)";
}

CLI::App* Sub(CLI::App* review, const std::shared_ptr<ReviewOptions>& o, const char* name,
              const char* what) {
  CLI::App* cmd = review->add_subcommand(name, what);
  cmd->add_option("DIR", o->dir, "Analysis directory holding report.json")->required();
  cmd->add_option("--db", o->db, "Review database (default: DIR/review.db)");
  return cmd;
}

void AddFilters(CLI::App* cmd, const std::shared_ptr<ReviewOptions>& o) {
  cmd->add_option("--status", o->status, "open, confirmed or dismissed")->check(CheckStatus);
  cmd->add_option("--kind", o->kind, "numeric, date, set, negation, ...")->check(CheckKind);
  cmd->add_option("--outlet", o->outlet, "Either side's outlet contains this (any case)");
  cmd->add_option("--min-score", o->min_score, "Score at least this (0-1)")
      ->check(CLI::Range(0.0, 1.0));
}

void AddDecision(CLI::App* review, const std::shared_ptr<ReviewOptions>& o, CommandContext& ctx,
                 const char* name, const char* what, std::optional<ReviewStatus> status) {
  CLI::App* cmd = Sub(review, o, name, what);
  cmd->add_option("ID", o->ids, "Divergence ids (or unique prefixes, e.g. d-3f2a)")->required();
  cmd->add_option("--reviewer", o->reviewer, "Name recorded with the decision (default: $USER)");
  if (status) cmd->add_option("--note", o->note, "Also set this note");
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

  CLI::App* list = Sub(review, o, "list", "List divergences with their review status");
  AddFilters(list, o);
  list->add_flag("--orphaned", o->orphaned,
                 "List decisions whose divergence is no longer in report.json instead");
  list->callback([o, &ctx] { List(*o, ctx); });

  CLI::App* show = Sub(review, o, "show", "Show one divergence, its decision and its history");
  show->add_option("ID", o->id, "Divergence id (or a unique prefix)")->required();
  show->callback([o, &ctx] {
    o->ids = {o->id};
    Show(*o, ctx);
  });

  AddDecision(review, o, ctx, "confirm", "Mark divergences as real contradictions",
              ReviewStatus::kConfirmed);
  AddDecision(review, o, ctx, "dismiss", "Mark divergences as false flags",
              ReviewStatus::kDismissed);
  AddDecision(review, o, ctx, "reopen", "Set divergences back to open", ReviewStatus::kOpen);

  CLI::App* note = Sub(review, o, "note", "Set (or with \"\" clear) the note of a divergence");
  note->add_option("ID", o->id, "Divergence id (or a unique prefix)")->required();
  note->add_option("TEXT", o->note, "The note")->required();
  note->add_option("--reviewer", o->reviewer, "Name recorded with the note (default: $USER)");
  note->callback([o, &ctx] {
    o->ids = {o->id};
    Decide(*o, std::nullopt, true, ctx);
  });

  CLI::App* exp = Sub(review, o, "export",
                      "Write every divergence with its decision, and the orphaned decisions, as "
                      "CSV and JSON (atomically)");
  AddFilters(exp, o);
  exp->add_option("--csv", o->csv_out, "CSV file (default: DIR/review.csv)");
  exp->add_option("--json", o->json_out, "JSON file (default: DIR/review.json)");
  exp->callback([o, &ctx] { ExportAll(*o, ctx); });
}

}  // namespace diverge::cli
