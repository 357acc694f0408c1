// A reviewer's day: dismissal reasons (stored with history; a version-1 database is
// upgraded in place), claims by number, bulk decisions on a claim, a statement in its
// source, labelled pairs in the export, flag precision from the decisions, and the
// page's progress, filters and bulk/source routes.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "analyzer/review/corrections.h"
#include "analyzer/review/decision_store.h"
#include "analyzer/review/review_api.h"
#include "analyzer/review/review_eval.h"
#include "analyzer/review/review_export.h"
#include "analyzer/review/review_page.h"
#include "analyzer/review/review_server.h"
#include "analyzer/review/review_session.h"
#include "analyzer/review/sqlite_db.h"
#include "reports/render.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;
using json = nlohmann::json;

namespace {

Change Dismiss(const std::string& id, std::optional<DismissReason> reason) {
  Change c;
  c.id = id;
  c.status = report::ReviewStatus::kDismissed;
  c.set_reason = true;
  c.reason = reason;
  c.reviewer = "ann";
  return c;
}

ReviewSession OpenRw(const ReviewDir& dir) {
  Result<ReviewSession> s = ReviewSession::Open(dir.str(), "", DbAccess::kReadWrite);
  if (!s.ok()) throw std::runtime_error(s.status().ToString());
  return std::move(*s);
}

}  // namespace

TEST_CASE("workflow: dismissal reasons are stored with their history", "[review][store]") {
  ReviewDir dir;
  Result<DecisionStore> store = DecisionStore::Open(dir.file("review.db"));
  REQUIRE(store.ok());
  CHECK(store->schema_version() == kSchemaVersion);
  REQUIRE(store->Apply(Dismiss("d-a", DismissReason::kSameValue)).ok());
  Result<std::optional<Decision>> d = store->Get("d-a");
  REQUIRE(d.ok());
  CHECK((*d)->reason == DismissReason::kSameValue);
  // A reason goes with a dismissal only.
  Change bad = Dismiss("d-b", DismissReason::kOther);
  bad.status = report::ReviewStatus::kConfirmed;
  Result<Decision> refused = store->Apply(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  // Reopening clears it; the history keeps both.
  Change reopen;
  reopen.id = "d-a";
  reopen.status = report::ReviewStatus::kOpen;
  REQUIRE(store->Apply(reopen).ok());
  CHECK_FALSE((*store->Get("d-a"))->reason.has_value());
  Result<std::vector<HistoryEntry>> h = store->History("d-a");
  REQUIRE(h.ok());
  REQUIRE(h->size() == 2);
  CHECK((*h)[0].new_reason == DismissReason::kSameValue);
  CHECK((*h)[1].old_reason == DismissReason::kSameValue);
  CHECK_FALSE((*h)[1].new_reason.has_value());
  for (DismissReason r : kAllDismissReasons) {
    CHECK(ParseDismissReason(DismissReasonName(r)) == r);
  }
  CHECK_FALSE(ParseDismissReason("bored").has_value());
}

TEST_CASE("workflow: a version-1 review database is upgraded and loses nothing",
          "[review][store]") {
  ReviewDir dir;
  const std::string path = dir.file("v1.db");
  {
    auto db = SqliteDb::Open(path, true, 1000);
    REQUIRE(db.ok());
    REQUIRE((*db)->Exec(R"sql(
CREATE TABLE decisions(id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'd-?*'),
  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')), note TEXT,
  reviewer TEXT NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE history(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL,
  reviewer TEXT NOT NULL, time TEXT NOT NULL, old_status TEXT,
  new_status TEXT NOT NULL CHECK (new_status IN ('open', 'confirmed', 'dismissed')),
  old_note TEXT, new_note TEXT);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
INSERT INTO decisions VALUES ('d-old', 'dismissed', 'kept', 'bo', '2026-01-02T03:04:05Z');
INSERT INTO history(id, reviewer, time, old_status, new_status, old_note, new_note)
  VALUES ('d-old', 'bo', '2026-01-02T03:04:05Z', NULL, 'dismissed', NULL, 'kept');
PRAGMA application_id=1684633202; PRAGMA user_version=1;
)sql").ok());
  }
  {
    // Read-only: read as version 1, untouched.
    Result<DecisionStore> ro = DecisionStore::OpenReadOnly(path);
    REQUIRE(ro.ok());
    CHECK(ro->schema_version() == 1);
    Result<std::vector<Decision>> all = ro->All();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].note == std::optional<std::string>("kept"));
    CHECK_FALSE((*all)[0].reason.has_value());
    REQUIRE(ro->History("d-old").ok());
  }
  Result<DecisionStore> rw = DecisionStore::Open(path);
  REQUIRE(rw.ok());
  CHECK(rw->schema_version() == kSchemaVersion);
  {
    auto db = SqliteDb::Open(path, false, 1000);
    REQUIRE(db.ok());
    CHECK(*(*db)->QueryText("PRAGMA user_version") == std::to_string(kSchemaVersion));
  }
  CHECK(rw->Corrections()->empty());
  Result<std::optional<Decision>> old = rw->Get("d-old");
  REQUIRE(old.ok());
  CHECK((*old)->status == report::ReviewStatus::kDismissed);
  CHECK((*old)->reviewer == "bo");
  REQUIRE(rw->Apply(Dismiss("d-old", DismissReason::kNameVariant)).ok());
  Result<std::vector<HistoryEntry>> h = rw->History("d-old");
  REQUIRE(h.ok());
  REQUIRE(h->size() == 2);
  CHECK((*h)[0].new_note == std::optional<std::string>("kept"));
  CHECK((*h)[1].new_reason == DismissReason::kNameVariant);
  // The history is still append-only after the upgrade.
  auto db = SqliteDb::Open(path, false, 1000);
  REQUIRE(db.ok());
  CHECK_FALSE((*db)->Exec("DELETE FROM history").ok());
}

TEST_CASE("workflow: claims by number, bulk dismissal of a claim, a statement in its source",
          "[review][session]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  ReviewSession s = OpenRw(dir);
  // Claims are numbered by their strongest divergence: C1 founded (0.91), C2 members.
  Result<const reports::ClaimView*> c2 = s.ResolveClaim("C2");
  REQUIRE(c2.ok());
  CHECK((*c2)->cluster->id == "c-members");
  CHECK((*s.ResolveClaim("c-mem"))->cluster->id == "c-members");
  CHECK(s.ResolveClaim("C99").status().code() == StatusCode::kNotFound);
  CHECK(s.DivergencesOf(**c2).size() == 2);

  Result<json> bulk = BulkDecide(
      s, R"({"claim": "C2", "status": "dismissed", "reason": "not_same_claim"})", "ann");
  REQUIRE(bulk.ok());
  REQUIRE((*bulk)["decisions"].size() == 2);
  for (const char* id : {"d-members-num", "d-members-set"}) {
    const Decision* d = s.DecisionFor(id);
    REQUIRE(d != nullptr);
    CHECK(d->status == report::ReviewStatus::kDismissed);
    CHECK(d->reason == DismissReason::kNotSameClaim);
  }
  CHECK(BulkDecide(s, R"({"claim": "C2", "status": "dismissed", "reason": "meh"})", "ann")
            .status()
            .code() == StatusCode::kInvalidArgument);
  CHECK(BulkDecide(s, R"({"claim": "C42", "status": "dismissed"})", "ann").status().code() ==
        StatusCode::kNotFound);

  Result<json> src = SourceJson(s, "s-02b");
  REQUIRE(src.ok());
  CHECK((*src)["statement"]["text"] == "The summit in Varna was cancelled on Monday.");
  CHECK((*src)["position"] == 2);
  CHECK((*src)["total"] == 3);
  REQUIRE((*src)["before"].size() == 1);
  CHECK((*src)["before"][0]["id"] == "s-02a");
  REQUIRE((*src)["after"].size() == 1);
  CHECK((*src)["after"][0]["id"] == "s-02c");
  CHECK((*src)["document"]["url"] == "http://harbor.example/varna");
  CHECK(SourceJson(s, "s-none").status().code() == StatusCode::kNotFound);
  Result<std::string> page = RenderSourcePage(s, "s-02b", "abc");
  REQUIRE(page.ok());
  CHECK(page->find("<p class=\"s here\" id=\"here\">The summit in Varna was cancelled on "
                   "Monday.</p>") != std::string::npos);
}

TEST_CASE("workflow: export writes labelled pairs and eval review gives precision",
          "[review][session]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  ReviewSession s = OpenRw(dir);
  // report.json: members-num confirmed, talks dismissed (no reason). Add decisions.
  Change confirm;
  confirm.id = "d-founded";
  confirm.status = report::ReviewStatus::kConfirmed;
  REQUIRE(s.DecideAll({confirm, Dismiss("d-summit", DismissReason::kSameValue),
                       Dismiss("d-injured", DismissReason::kNotSameClaim)})
              .ok());
  Export e = ExportReview(s, ReviewFilter{});
  std::istringstream lines(e.pairs);
  std::map<std::string, json> pairs;
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line);
    pairs[j["id"].get<std::string>()] = j;
  }
  REQUIRE(pairs.size() == 5);  // decided ones only
  CHECK(pairs["d-founded"]["divergent"] == true);
  CHECK(pairs["d-founded"]["same_claim"] == true);
  CHECK(pairs["d-founded"]["a"]["text"] == "The alliance was founded in 1994 in Varna.");
  CHECK(pairs["d-summit"]["divergent"] == false);
  CHECK(pairs["d-summit"]["same_claim"] == true);
  CHECK(pairs["d-summit"]["reason"] == "same_value");
  CHECK(pairs["d-summit"]["detector"] == "negation:negated_predicate");
  CHECK(pairs["d-injured"]["same_claim"] == false);
  CHECK(pairs["d-talks"]["same_claim"].is_null());  // dismissed without a reason
  CHECK(pairs["d-members-num"]["divergent"] == true);
  CHECK(ExportReview(s, ReviewFilter{}).pairs == e.pairs);  // deterministic
  CHECK(e.csv.find(",same_value\r\n") != std::string::npos);  // the reason column
  // The reports show the reason.
  report::Report carried = SyntheticReport();
  REQUIRE(CarryDecisions(carried, dir.file("review.db")).ok());
  CHECK(reports::Render(carried, reports::ReportFormat::kMarkdown)
            .find("**Review:** dismissed (same value)") != std::string::npos);
  CHECK(reports::Render(carried, reports::ReportFormat::kHtml)
            .find("dismissed (not the same claim)") != std::string::npos);

  ReviewEvaluation ev = EvaluateReview(s);
  CHECK(ev.all.flags == 8);
  CHECK(ev.all.confirmed == 2);
  CHECK(ev.all.dismissed == 3);
  CHECK(ev.all.open == 3);
  REQUIRE(ev.all.precision().has_value());
  CHECK(*ev.all.precision() == Approx(0.4));
  std::map<std::string, PrecisionRow> kinds;
  for (const PrecisionRow& r : ev.by_kind) kinds[r.name] = r;
  CHECK(*kinds["date"].precision() == Approx(1.0));
  CHECK(*kinds["negation"].precision() == Approx(0.0));
  CHECK_FALSE(kinds["framing"].precision().has_value());
  CHECK(ev.dismissed_by_reason["same_value"] == 1);
  CHECK(ev.dismissed_by_reason["(none)"] == 1);
  std::string table = FormatReviewEvaluation(ev);
  CHECK(table.find("by detector") != std::string::npos);
  CHECK(table.find("negation:negated_predicate") != std::string::npos);
}

TEST_CASE("workflow: the page shows progress, claims, filters, bulk and source routes",
          "[review][server]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  ServeOptions o;
  o.dir = dir.str();
  o.port = 0;
  o.reviewer = "web";
  Result<std::unique_ptr<ReviewServer>> server = ReviewServer::Create(o);
  REQUIRE(server.ok());
  std::thread t([&] { (void)(*server)->Run(); });
  httplib::Client cli("127.0.0.1", (*server)->port());
  auto page = cli.Get("/");
  REQUIRE(page);
  const std::string& html = page->body;
  CHECK(html.find("2 of 8 reviewed") != std::string::npos);  // report.json's two decisions
  CHECK(html.find("<select id=\"f-kind\">") != std::string::npos);
  CHECK(html.find("<select id=\"f-outlet\">") != std::string::npos);
  CHECK(html.find("<option value=\"The Courier\">") != std::string::npos);  // silent side too
  CHECK(html.find("Claim <strong>C2</strong> · How many member states") != std::string::npos);
  CHECK(html.find("Dismiss all 2 flags of C2") != std::string::npos);
  CHECK(html.find("1 other statement of claim C2") != std::string::npos);
  CHECK(html.find("href=\"/source?statement=s-01b\"") != std::string::npos);
  CHECK(html.find("corpus/synthetic") == std::string::npos);  // no file links
  CHECK(html.find("<option value=\"changed_over_time\">changed over time</option>") !=
        std::string::npos);

  httplib::Headers good = {{"X-Diverge-Token", (*server)->token()}};
  auto refused = cli.Post("/api/bulk", R"({"claim": "C2", "status": "dismissed"})",
                          "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 403);
  auto bulk = cli.Post("/api/bulk", good,
                       R"({"claim": "C2", "status": "dismissed", "reason": "name_variant"})",
                       "application/json");
  REQUIRE(bulk);
  CHECK(bulk->status == 200);
  CHECK(json::parse(bulk->body)["decisions"].size() == 2);
  auto one = cli.Post("/api/decision", good,
                      R"({"id": "D1", "status": "dismissed", "reason": "changed_over_time"})",
                      "application/json");
  REQUIRE(one);
  CHECK(one->status == 200);
  CHECK(json::parse(one->body)["reason"] == "changed_over_time");
  auto src = cli.Get("/api/source?statement=s-03b");
  REQUIRE(src);
  CHECK(src->status == 200);
  CHECK(json::parse(src->body)["statement"]["id"] == "s-03b");
  auto missing = cli.Get("/api/source?statement=nope");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto src_page = cli.Get("/source?statement=s-03b");
  REQUIRE(src_page);
  CHECK(src_page->status == 200);
  CHECK(src_page->get_header_value("Content-Security-Policy").find("default-src 'none'") !=
        std::string::npos);
  auto again = cli.Get("/");
  REQUIRE(again);
  CHECK(again->body.find("4 of 8 reviewed") != std::string::npos);
  CHECK(again->body.find("dismissed · name variant") != std::string::npos);
  (*server)->Stop();
  t.join();
}

namespace {

Correction Fix(int64_t seq, CorrectionAction a, std::vector<std::string> targets,
               std::string value = "") {
  Correction c;
  c.seq = seq;
  c.action = a;
  c.targets = std::move(targets);
  c.value = std::move(value);
  c.reviewer = "ann";
  return c;
}

const report::ClaimCluster* ClaimWith(const report::Report& r, const std::string& statement) {
  for (const report::ClaimCluster& c : r.clusters) {
    for (const std::string& s : c.statements) {
      if (s == statement) return &c;
    }
  }
  return nullptr;
}

const report::Divergence* FindDiv(const report::Report& r, const std::string& id) {
  for (const report::Divergence& d : r.divergences) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("corrections: move out, split, merge, relabel, retract, and stale ones say why",
          "[review][corrections]") {
  report::Report r = SyntheticReport();
  std::vector<Correction> all = {
      Fix(1, CorrectionAction::kMoveOut, {"s-03a"}),        // out of c-members
      Fix(2, CorrectionAction::kSplit, {"s-02c"}),          // c-talks: a one-document part
      Fix(3, CorrectionAction::kMerge, {"s-02b", "s-01b"}),  // summit + founded
      Fix(4, CorrectionAction::kSetKind, {"d-ministry"}, "other"),
      Fix(5, CorrectionAction::kSetTemporal, {"d-founded"}, "undetermined"),
      Fix(6, CorrectionAction::kMoveOut, {"s-zzz"}),
      Fix(7, CorrectionAction::kMerge, {"s-02b", "s-04a"}),  // already one claim after 3
      Fix(8, CorrectionAction::kSetKind, {"d-injured"}, "date"),
      Fix(9, CorrectionAction::kRetract, {"8"}),
  };
  std::vector<report::CorrectionRecord> rec = ApplyCorrections(r, all);
  REQUIRE(rec.size() == all.size());
  for (size_t i : {0, 1, 2, 3, 4, 8}) {
    INFO(i << " " << rec[i].why);
    CHECK(rec[i].applied);
  }
  CHECK(rec[5].why == "no statement s-zzz");
  CHECK(rec[6].why == "already one claim");
  CHECK(rec[7].why == "retracted by correction 9");

  // 1: s-03a is in no claim; its divergence went, the other follows the new claim id.
  CHECK(ClaimWith(r, "s-03a") == nullptr);
  CHECK(FindDiv(r, "d-members-set") == nullptr);
  const report::ClaimCluster* members = ClaimWith(r, "s-01a");
  REQUIRE(members != nullptr);
  CHECK(members->statements == std::vector<std::string>{"s-01a", "s-02a"});
  CHECK(members->id != "c-members");
  CHECK(FindDiv(r, "d-members-num")->cluster == members->id);
  // 2: s-02c alone is one document: no claim; d-talks (across the parts) went.
  CHECK(ClaimWith(r, "s-02c") == nullptr);
  CHECK(FindDiv(r, "d-talks") == nullptr);
  REQUIRE(ClaimWith(r, "s-05b") != nullptr);
  CHECK(ClaimWith(r, "s-05b")->statements.size() == 2);
  // 3: one claim of four statements holding both divergences.
  const report::ClaimCluster* merged = ClaimWith(r, "s-02b");
  REQUIRE(merged != nullptr);
  CHECK(merged == ClaimWith(r, "s-04a"));
  CHECK(merged->statements.size() == 4);
  CHECK(FindDiv(r, "d-summit")->cluster == merged->id);
  CHECK(FindDiv(r, "d-founded")->cluster == merged->id);
  // 4, 5, and 8 retracted.
  CHECK(FindDiv(r, "d-ministry")->kind == report::DivergenceKind::kOther);
  CHECK(FindDiv(r, "d-founded")->temporal == report::Temporal::kUndetermined);
  CHECK(FindDiv(r, "d-injured")->kind == report::DivergenceKind::kAntonym);

  // The same corrections in another order of the list give the same report.
  report::Report again = SyntheticReport();
  std::vector<Correction> reversed(all.rbegin(), all.rend());
  again.corrections = ApplyCorrections(again, reversed);
  r.corrections = rec;
  CHECK(report::SerializeReport(again) == report::SerializeReport(r));
  Result<report::Report> parsed = report::ParseReport(report::SerializeReport(r), "test");
  REQUIRE(parsed.ok());
  CHECK(parsed->corrections.size() == all.size());
  CHECK(parsed->corrections[5].why == "no statement s-zzz");

  Correction bad = Fix(0, CorrectionAction::kSetKind, {"d-x"}, "weird");
  CHECK(CheckCorrection(bad).code() == StatusCode::kInvalidArgument);
  CHECK(ParseCorrectionAction("move-out") == CorrectionAction::kMoveOut);
}

TEST_CASE("corrections: stored append-only and carried into report.json with the decisions",
          "[review][corrections]") {
  ReviewDir dir;
  {
    Result<DecisionStore> store = DecisionStore::Open(dir.file("review.db"));
    REQUIRE(store.ok());
    Result<Correction> c = store->AddCorrection(Fix(0, CorrectionAction::kMoveOut, {"s-03a"}));
    REQUIRE(c.ok());
    CHECK(c->seq == 1);
    CHECK_FALSE(store->AddCorrection(Fix(0, CorrectionAction::kMerge, {"s-1"})).ok());
    REQUIRE(store->Apply(Dismiss("d-members-set", DismissReason::kNotSameClaim)).ok());
    auto db = SqliteDb::Open(dir.file("review.db"), false, 1000);
    REQUIRE(db.ok());
    CHECK_FALSE((*db)->Exec("DELETE FROM corrections").ok());
    CHECK_FALSE((*db)->Exec("UPDATE corrections SET action = 'split'").ok());
  }
  report::Report r = SyntheticReport();
  REQUIRE(CarryDecisions(r, dir.file("review.db")).ok());
  REQUIRE(r.corrections.size() == 1);
  CHECK(r.corrections[0].applied);
  CHECK(FindDiv(r, "d-members-set") == nullptr);
  // The decision on the divergence the correction removed is kept as an orphan.
  REQUIRE(r.orphaned_reviews.size() == 1);
  CHECK(r.orphaned_reviews[0].id == "d-members-set");
  CHECK(r.orphaned_reviews[0].review.reason == std::optional<std::string>("not_same_claim"));
}
