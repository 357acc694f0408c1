// Decisions survive re-runs of analyze; decisions on divergences that disappear are
// kept as orphans; reports stay byte-deterministic.
#include <catch2/catch.hpp>

#include "analyzer/pipeline/analyze.h"
#include "analyzer/review/decision_store.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;

namespace {

report::Report Run(const std::string& corpus, const std::string& out, const std::string& db = "") {
  pipeline::AnalyzeOptions o;
  o.inputs = {corpus};
  o.out_dir = out;
  o.model_path = DIVERGE_DEFAULT_MODEL;
  o.quiet = true;
  o.db_path = db;
  Result<pipeline::AnalyzeSummary> r = pipeline::Analyze(o);
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  Result<report::Report> written = report::LoadReport(out + "/report.json");
  if (!written.ok()) throw std::runtime_error(written.status().ToString());
  return *written;
}

const report::Divergence* Find(const report::Report& r, const std::string& id) {
  for (const report::Divergence& d : r.divergences) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

Change Set(const std::string& id, report::ReviewStatus s, std::optional<std::string> note = {}) {
  Change c;
  c.id = id;
  c.status = s;
  c.set_note = note.has_value();
  c.note = std::move(note);
  c.reviewer = "pipeline-test";
  return c;
}

}  // namespace

TEST_CASE("pipeline: decisions survive a re-run, vanished ones become orphans",
          "[review][pipeline]") {
  if (!HaveDefaultModel()) {
    WARN("SKIPPED: no model at " << DIVERGE_DEFAULT_MODEL << " (scripts/fetch-model.sh)");
    return;
  }
  ReviewDir tmp;
  std::string corpus = tmp.file("corpus"), out = tmp.file("out");
  WriteBridgeCorpus(corpus, 65);
  report::Report first = Run(corpus, out);
  CHECK(first.orphaned_reviews.empty());
  // Decisions on two of the cost divergences (numeric, between b and the others): those
  // vanish when the costs agree. (Not simply the first two: the corpus also holds a
  // negation, the "did not vote" of c, that stays.)
  std::vector<std::string> cost;
  for (const report::Divergence& d : first.divergences) {
    if (d.kind == report::DivergenceKind::kNumeric) cost.push_back(d.id);
  }
  REQUIRE(cost.size() >= 2);
  std::string a = cost[0], b = cost[1];
  {
    Result<DecisionStore> store = DecisionStore::Open(out + "/review.db");
    REQUIRE(store.ok());
    REQUIRE(
        store->Apply(Set(a, report::ReviewStatus::kConfirmed, "checked the council minutes")).ok());
    REQUIRE(store->Apply(Set(b, report::ReviewStatus::kDismissed)).ok());
  }
  report::Report second = Run(corpus, out);
  REQUIRE(Find(second, a) != nullptr);
  REQUIRE(Find(second, b) != nullptr);
  CHECK(Find(second, a)->review.status == report::ReviewStatus::kConfirmed);
  CHECK(Find(second, a)->review.note == std::optional<std::string>("checked the council minutes"));
  CHECK(Find(second, b)->review.status == report::ReviewStatus::kDismissed);
  CHECK(second.orphaned_reviews.empty());
  for (const report::Divergence& d : second.divergences) {
    if (d.id != a && d.id != b) CHECK(d.review.status == report::ReviewStatus::kOpen);
  }
  // The decisions also reach the rendered reports.
  Result<std::string> md = ReadFile(out + "/report.md");
  REQUIRE(md.ok());
  CHECK(md->find("checked the council minutes") != std::string::npos);
  // Same corpus, same store: byte-identical report.json.
  std::string bytes = *ReadFile(out + "/report.json");
  Run(corpus, out);
  CHECK(*ReadFile(out + "/report.json") == bytes);

  // The outlets now agree: the divergences are gone, the decisions are not.
  WriteBridgeCorpus(corpus, 40);
  report::Report third = Run(corpus, out);
  CHECK(Find(third, a) == nullptr);
  CHECK(Find(third, b) == nullptr);
  REQUIRE(third.orphaned_reviews.size() == 2);
  for (const report::OrphanedReview& o : third.orphaned_reviews) {
    CHECK((o.id == a || o.id == b));
    CHECK(o.reviewer == "pipeline-test");
    CHECK(o.review.status ==
          (o.id == a ? report::ReviewStatus::kConfirmed : report::ReviewStatus::kDismissed));
  }
  Result<DecisionStore> store = DecisionStore::Open(out + "/review.db");
  REQUIRE(store.ok());
  CHECK(store->All()->size() == 2);
  // And when the divergence comes back, so does its decision.
  WriteBridgeCorpus(corpus, 65);
  report::Report fourth = Run(corpus, out);
  REQUIRE(Find(fourth, a) != nullptr);
  CHECK(Find(fourth, a)->review.status == report::ReviewStatus::kConfirmed);
  CHECK(fourth.orphaned_reviews.empty());
}

TEST_CASE("pipeline: --db shares one store across output directories", "[review][pipeline]") {
  if (!HaveDefaultModel()) {
    WARN("SKIPPED: no model at " << DIVERGE_DEFAULT_MODEL);
    return;
  }
  ReviewDir tmp;
  std::string corpus = tmp.file("corpus"), shared = tmp.file("shared.db");
  WriteBridgeCorpus(corpus, 65);
  report::Report first = Run(corpus, tmp.file("run1"), shared);
  REQUIRE_FALSE(first.divergences.empty());
  {
    Result<DecisionStore> store = DecisionStore::Open(shared);
    REQUIRE(store.ok());
    REQUIRE(store->Apply(Set(first.divergences[0].id, report::ReviewStatus::kDismissed)).ok());
  }
  report::Report other = Run(corpus, tmp.file("run2"), shared);
  REQUIRE(Find(other, first.divergences[0].id) != nullptr);
  CHECK(Find(other, first.divergences[0].id)->review.status == report::ReviewStatus::kDismissed);
  CHECK_FALSE(std::filesystem::exists(tmp.file("run2") + "/review.db"));
  // A corrupt store stops analyze with a clear error and leaves the old report.
  REQUIRE(WriteFileAtomic(shared, std::string(4096, 'x')).ok());
  pipeline::AnalyzeOptions o;
  o.inputs = {corpus};
  o.out_dir = tmp.file("run2");
  o.model_path = DIVERGE_DEFAULT_MODEL;
  o.quiet = true;
  o.db_path = shared;
  pipeline::AnalyzeStage stage;
  Result<pipeline::AnalyzeSummary> r = pipeline::Analyze(o, &stage);
  REQUIRE_FALSE(r.ok());
  CHECK(stage == pipeline::AnalyzeStage::kReview);
  CHECK(r.status().message().find("shared.db") != std::string::npos);
}
