// The sample corpus with GOLD clusters (tests/divergence_gold_helper.h): every gold
// divergence found with its kind and temporal label, no flag on a gold non-divergence,
// at most 25 flags, name variants merged into one entity, order-independent output.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "analyzer/divergence/detect.h"
#include "tests/divergence_gold_helper.h"

namespace diverge {
namespace {

bool Has(const std::vector<std::string>& ids, const std::optional<std::string>& id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

// Does `d` connect a statement of `x` with one of `y` (either order)?
bool Connects(const report::Divergence& d, const std::vector<std::string>& x,
              const std::vector<std::string>& y) {
  return (Has(x, d.a.statement) && Has(y, d.b.statement)) ||
         (Has(y, d.a.statement) && Has(x, d.b.statement));
}

bool LoadOrSkip(testing::GoldSetup* g) {
  std::string why;
  if (!testing::LoadGoldSetup(g, &why)) {
    WARN("skipped: " << why);
    return false;
  }
  return true;
}

TEST_CASE("gold divergences are found with their kind and temporal label", "[divergence]") {
  testing::GoldSetup g;
  if (!LoadOrSkip(&g)) return;
  divergence::DetectResult r =
      divergence::DetectDivergences(g.report, g.documents, divergence::DetectOptions{});
  for (const auto& gd : g.gold["divergences"]) {
    std::vector<std::string> a = g.Map(gd["a"]), b = g.Map(gd["b"]);
    INFO("gold divergence " << gd["id"].get<std::string>());
    REQUIRE(!a.empty());
    REQUIRE(!b.empty());
    // the statements of the gold quotes' documents inside the gold cluster (ingest may
    // split a quoted sentence into several statements; any of them may carry the flag)
    std::string cluster = testing::ClusterIdFor(g, gd["cluster"].get<std::string>());
    auto in_cluster_of_doc = [&](const std::string& doc) {
      std::vector<std::string> out;
      for (const auto& c : g.report.clusters) {
        if (c.id != cluster) continue;
        for (const auto& id : c.statements) {
          for (const auto& st : g.report.statements) {
            if (st.id == id && st.doc == doc) out.push_back(id);
          }
        }
      }
      return out;
    };
    std::vector<std::string> xa = in_cluster_of_doc(gd["a"]["doc"].get<std::string>());
    std::vector<std::string> xb = in_cluster_of_doc(gd["b"]["doc"].get<std::string>());
    xa.insert(xa.end(), a.begin(), a.end());
    xb.insert(xb.end(), b.begin(), b.end());
    bool found = false;
    for (const report::Divergence& d : r.divergences) {
      if (!Connects(d, xa, xb)) continue;
      if (report::KindName(d.kind) == gd["kind"].get<std::string>() &&
          report::TemporalName(d.temporal) == gd["temporal"].get<std::string>()) {
        found = true;
      }
    }
    CHECK(found);
  }
}

TEST_CASE("gold non-divergences are not flagged", "[divergence]") {
  testing::GoldSetup g;
  if (!LoadOrSkip(&g)) return;
  divergence::DetectResult r =
      divergence::DetectDivergences(g.report, g.documents, divergence::DetectOptions{});
  for (const auto& nd : g.gold["non_divergences"]) {
    std::vector<std::string> a = g.Map(nd["a"]), b = g.Map(nd["b"]);
    INFO(nd["note"].get<std::string>());
    for (const report::Divergence& d : r.divergences) CHECK_FALSE(Connects(d, a, b));
    // and compared directly, as texts, they do not diverge either
    auto ds = divergence::ComparePair(nd["a"]["quote"].get<std::string>(),
                                      nd["b"]["quote"].get<std::string>(), std::nullopt,
                                      std::nullopt, divergence::DetectOptions{});
    CHECK(ds.empty());
  }
}

TEST_CASE("the sample corpus raises at most 25 flags, evidence is exact", "[divergence]") {
  testing::GoldSetup g;
  if (!LoadOrSkip(&g)) return;
  divergence::DetectResult r =
      divergence::DetectDivergences(g.report, g.documents, divergence::DetectOptions{});
  CHECK(r.divergences.size() <= 25);
  std::map<std::string, const ingest::Statement*> st;
  for (const auto& s : g.report.statements) st[s.id] = &s;
  for (const report::Divergence& d : r.divergences) {
    CHECK(d.score >= 0);
    CHECK(d.score <= 1);
    CHECK(d.id.rfind("d-", 0) == 0);
    CHECK(d.review.status == report::ReviewStatus::kOpen);
    CHECK_FALSE(d.explanation.empty());
    REQUIRE(d.a.statement);
    CHECK(st.at(*d.a.statement)->text.find(d.a.evidence) != std::string::npos);
    if (d.b.statement) {
      CHECK(st.at(*d.b.statement)->text.find(d.b.evidence) != std::string::npos);
    } else {
      CHECK(d.kind == report::DivergenceKind::kOmission);
    }
  }
}

TEST_CASE("transliterated names become one entity", "[divergence]") {
  testing::GoldSetup g;
  if (!LoadOrSkip(&g)) return;
  divergence::DetectResult r =
      divergence::DetectDivergences(g.report, g.documents, divergence::DetectOptions{});
  // the gold non-divergence names a person in two spellings: they share one entity
  bool merged = false;
  for (const report::Entity& e : r.entities) {
    std::set<std::string> all(e.variants.begin(), e.variants.end());
    all.insert(e.canonical);
    int hits = 0;
    for (const auto& nd : g.gold["non_divergences"]) {
      for (const char* side : {"a", "b"}) {
        std::string q = nd[side]["quote"].get<std::string>();
        for (const auto& name : all) hits += q.find(name) != std::string::npos;
      }
    }
    if (all.size() >= 3 && hits >= 4) merged = true;
  }
  CHECK(merged);
}

TEST_CASE("the result does not depend on input order", "[divergence]") {
  testing::GoldSetup g;
  if (!LoadOrSkip(&g)) return;
  divergence::DetectResult r1 =
      divergence::DetectDivergences(g.report, g.documents, divergence::DetectOptions{});
  report::Report shuffled = g.report;
  std::vector<ingest::Document> docs = g.documents;
  std::mt19937 rng(7);
  std::shuffle(shuffled.statements.begin(), shuffled.statements.end(), rng);
  std::shuffle(shuffled.documents.begin(), shuffled.documents.end(), rng);
  std::shuffle(shuffled.clusters.begin(), shuffled.clusters.end(), rng);
  for (auto& c : shuffled.clusters) std::shuffle(c.statements.begin(), c.statements.end(), rng);
  std::shuffle(docs.begin(), docs.end(), rng);
  divergence::DetectResult r2 =
      divergence::DetectDivergences(shuffled, docs, divergence::DetectOptions{});
  REQUIRE(r1.divergences.size() == r2.divergences.size());
  for (size_t i = 0; i < r1.divergences.size(); ++i) {
    CHECK(report::ToJson(r1.divergences[i]) == report::ToJson(r2.divergences[i]));
  }
  REQUIRE(r1.entities.size() == r2.entities.size());
}

}  // namespace
}  // namespace diverge
