// ReviewSession: report.json joined with the store; id resolution, filters, orphans,
// carrying decisions into a report, and export.
#include "analyzer/review/review_session.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analyzer/review/review_export.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;

namespace {

Change Set(const std::string& id, report::ReviewStatus s) {
  Change c;
  c.id = id;
  c.status = s;
  c.reviewer = "tester";
  return c;
}

std::vector<std::string> Ids(const std::vector<const reports::DivergenceView*>& v) {
  std::vector<std::string> out;
  for (const auto* d : v) out.push_back(d->divergence->id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("session: ids resolve exactly or by unique prefix, bad ids are clear errors",
          "[review][session]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  Result<ReviewSession> s = ReviewSession::Open(dir.str(), "", DbAccess::kReadWrite);
  REQUIRE(s.ok());
  CHECK(*s->ResolveId("d-founded") == "d-founded");
  CHECK(*s->ResolveId("d-summ") == "d-summit");
  Result<std::string> ambiguous = s->ResolveId("d-members");
  REQUIRE_FALSE(ambiguous.ok());
  CHECK(ambiguous.status().code() == StatusCode::kInvalidArgument);
  CHECK(ambiguous.status().message().find("d-members-num, d-members-set") != std::string::npos);
  Result<std::string> unknown = s->ResolveId("d-nothing-like-it");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().message().find("report.json") != std::string::npos);
  Result<std::string> malformed = s->ResolveId("founded");
  REQUIRE_FALSE(malformed.ok());
  CHECK(malformed.status().code() == StatusCode::kInvalidArgument);
  CHECK(*s->ResolveId("d-fo") == "d-founded");  // a unique prefix of any length
  CHECK(*s->ResolveId("D1") == "d-founded");    // the number the reports print
  // Deciding on an unknown id writes nothing.
  CHECK_FALSE(s->Decide(Set("d-nothing-like-it", report::ReviewStatus::kConfirmed)).ok());
  CHECK(s->store().All()->empty());
  // A stored decision's id resolves even when the report lacks it (an orphan).
  REQUIRE(s->store().Apply(Set("d-old-flag", report::ReviewStatus::kDismissed)).ok());
  REQUIRE(s->Reload().ok());
  CHECK(*s->ResolveId("d-old-f") == "d-old-flag");
}

TEST_CASE("session: the store overrides report.json, filters, orphans are kept",
          "[review][session]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  Result<ReviewSession> s = ReviewSession::Open(dir.str(), "", DbAccess::kReadWrite);
  REQUIRE(s.ok());
  REQUIRE(s->Decide(Set("d-summit", report::ReviewStatus::kConfirmed)).ok());
  REQUIRE(s->Decide(Set("d-members-num", report::ReviewStatus::kDismissed)).ok());  // was confirmed
  REQUIRE(s->store().Apply(Set("d-vanished", report::ReviewStatus::kConfirmed)).ok());
  REQUIRE(s->Reload().ok());

  ReviewFilter confirmed;
  confirmed.status = report::ReviewStatus::kConfirmed;
  CHECK(Ids(s->Select(confirmed)) == std::vector<std::string>{"d-summit"});
  ReviewFilter dismissed;
  dismissed.status = report::ReviewStatus::kDismissed;
  CHECK(Ids(s->Select(dismissed)) == std::vector<std::string>{"d-members-num", "d-talks"});
  ReviewFilter kind;
  kind.kind = report::DivergenceKind::kNumeric;
  CHECK(Ids(s->Select(kind)) == std::vector<std::string>{"d-members-num"});
  ReviewFilter outlet;
  outlet.outlet = "HARBOR";
  CHECK(Ids(s->Select(outlet)) == std::vector<std::string>{"d-members-num", "d-summit", "d-talks"});
  ReviewFilter score;
  score.min_score = 0.86;
  CHECK(Ids(s->Select(score)) == std::vector<std::string>{"d-founded", "d-members-num"});
  CHECK(s->Select({}).size() == SyntheticReport().divergences.size());

  REQUIRE(s->orphans().size() == 1);
  CHECK(s->orphans()[0].id == "d-vanished");
  CHECK(s->orphans()[0].review.status == report::ReviewStatus::kConfirmed);
  CHECK(s->orphans()[0].reviewer == "tester");
}

TEST_CASE("session: CarryDecisions puts decisions and orphans into report.json, deterministically",
          "[review][session]") {
  ReviewDir dir;
  report::Report report = SyntheticReport();
  for (report::Divergence& d : report.divergences) d.review = {};  // a fresh analysis: all open
  std::string db = dir.file("shared.db");
  // No database: nothing changes, no orphaned_reviews key.
  report::Report plain = report;
  REQUIRE(CarryDecisions(plain, db).ok());
  CHECK(report::SerializeReport(plain) == report::SerializeReport(report));
  CHECK(report::SerializeReport(plain).find("orphaned_reviews") == std::string::npos);
  {
    Result<DecisionStore> store = DecisionStore::Open(db);
    REQUIRE(store.ok());
    Change note = Set("d-founded", report::ReviewStatus::kConfirmed);
    note.set_note = true;
    note.note = "1992 per the treaty text";
    REQUIRE(store->Apply(note).ok());
    REQUIRE(store->Apply(Set("d-zz-gone", report::ReviewStatus::kDismissed)).ok());
    REQUIRE(store->Apply(Set("d-aa-gone", report::ReviewStatus::kConfirmed)).ok());
  }
  REQUIRE(CarryDecisions(report, db).ok());
  std::string text = report::SerializeReport(report);
  Result<report::Report> back = report::ParseReport(text, "carried");
  REQUIRE(back.ok());
  CHECK(report::SerializeReport(*back) == text);  // round trip is byte-identical
  auto founded = std::find_if(back->divergences.begin(), back->divergences.end(),
                              [](const report::Divergence& d) { return d.id == "d-founded"; });
  REQUIRE(founded != back->divergences.end());
  CHECK(founded->review.status == report::ReviewStatus::kConfirmed);
  CHECK(founded->review.note == std::optional<std::string>("1992 per the treaty text"));
  REQUIRE(back->orphaned_reviews.size() == 2);
  CHECK(back->orphaned_reviews[0].id == "d-aa-gone");  // sorted by id
  CHECK(back->orphaned_reviews[1].id == "d-zz-gone");
  CHECK(back->orphaned_reviews[1].review.status == report::ReviewStatus::kDismissed);
  // Carrying twice gives the same bytes.
  report::Report again = report;
  REQUIRE(CarryDecisions(again, db).ok());
  CHECK(report::SerializeReport(again) == text);
}

TEST_CASE("session: export writes every divergence and orphan as CSV and JSON",
          "[review][session]") {
  ReviewDir dir;
  report::Report report = SyntheticReport();
  report::Report hostile = HostileReport();
  for (auto& x : hostile.documents) report.documents.push_back(x);
  for (auto& x : hostile.statements) report.statements.push_back(x);
  for (auto& x : hostile.clusters) report.clusters.push_back(x);
  for (auto& x : hostile.divergences) report.divergences.push_back(x);
  WriteReportDir(dir, report);
  Result<ReviewSession> s = ReviewSession::Open(dir.str(), "", DbAccess::kReadWrite);
  REQUIRE(s.ok());
  REQUIRE(s->Decide(Set("d-summit", report::ReviewStatus::kConfirmed)).ok());
  REQUIRE(s->store().Apply(Set("d-orphan", report::ReviewStatus::kDismissed)).ok());
  REQUIRE(s->Reload().ok());

  Export e = ExportReview(*s, {});
  nlohmann::json j = nlohmann::json::parse(e.json);
  CHECK(j["schema"] == std::string(kExportSchema));
  CHECK(j["divergences"].size() == report.divergences.size());
  REQUIRE(j["orphaned"].size() == 1);
  CHECK(j["orphaned"][0]["id"] == "d-orphan");
  size_t confirmed = 0;
  for (const auto& d : j["divergences"]) {
    if (d["id"] == "d-summit") {
      CHECK(d["review"]["status"] == "confirmed");
      CHECK(d["reviewer"] == "tester");
      CHECK(d["a"]["outlet"].is_string());
      ++confirmed;
    }
  }
  CHECK(confirmed == 1);
  // CSV: header + one row per divergence + one per orphan, CRLF; formula guard on cells.
  size_t rows = 0;
  for (size_t p = 0; (p = e.csv.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
  CHECK(rows >= 1 + report.divergences.size() + 1);  // quoted cells may hold more CRLF
  CHECK(e.csv.rfind("id,status,note,reviewer,updated,orphaned,kind", 0) == 0);
  CHECK(e.csv.find("d-orphan,dismissed,,tester,") != std::string::npos);
  CHECK(e.csv.find(",=SUM(") == std::string::npos);
  // Same inputs, same bytes; a status filter narrows (orphans too).
  CHECK(ExportReview(*s, {}).csv == e.csv);
  ReviewFilter only;
  only.status = report::ReviewStatus::kConfirmed;
  size_t expected = 0;  // d-summit plus those confirmed in report.json itself
  for (const report::Divergence& d : report.divergences) {
    expected += d.id == "d-summit" || d.review.status == report::ReviewStatus::kConfirmed;
  }
  nlohmann::json f = nlohmann::json::parse(ExportReview(*s, only).json);
  CHECK(f["divergences"].size() == expected);
  CHECK(f["orphaned"].empty());
  only.status = report::ReviewStatus::kDismissed;
  CHECK(nlohmann::json::parse(ExportReview(*s, only).json)["orphaned"].size() == 1);
  ReviewFilter kind;
  kind.kind = report::DivergenceKind::kDate;
  nlohmann::json k = nlohmann::json::parse(ExportReview(*s, kind).json);
  CHECK(k["orphaned"].empty());  // an orphan has no kind to match
  for (const auto& d : k["divergences"]) CHECK(d["kind"] == "date");
}
