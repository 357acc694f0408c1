// Gold evaluation: the matching rule and each metric on a hand-built report whose
// right answers are worked out in the comments.
#include <catch2/catch.hpp>

#include "analyzer/evaluation/gold_eval.h"

using namespace diverge;

namespace {

ingest::Statement St(const std::string& id, const std::string& doc, const std::string& text) {
  return ingest::Statement{id, doc, text, 0, static_cast<int64_t>(text.size())};
}

report::Report MakeReport() {
  report::Report r;
  r.statements = {
      St("s-a1", "A", "The bloc has seven members: X, Y and Z."),
      St("s-a2", "A", "The summit took place in the capital."),
      St("s-b1", "B", "The bloc currently has six members."),
      St("s-b2", "B", "Leaders met at a summit in the capital city."),
      St("s-c1", "C", "The summit in the capital was informal."),
  };
  // One right cluster (a1, b1), one that wrongly merges b2 with a1's claim partner? No:
  // c-2 holds the summit statements of A and B; c1 is left out (a missed pair).
  r.clusters = {{"c-1", "members", {"s-a1", "s-b1"}, ""}, {"c-2", "summit", {"s-a2", "s-b2"}, ""}};
  report::Divergence d;
  d.id = "d-1";
  d.cluster = "c-1";
  d.kind = report::DivergenceKind::kNumeric;
  d.temporal = report::Temporal::kChangeOverTime;
  d.a = {"s-a1", "seven", std::nullopt};
  d.b = {"s-b1", "six", std::nullopt};
  r.divergences = {d};
  return r;
}

}  // namespace

TEST_CASE("Quotes overlap statements by containment or by a long enough seam", "[evaluation]") {
  CHECK(evaluation::OverlapBytes("one two three four", "two three") == 9);
  CHECK(evaluation::OverlapBytes("two", "one two three") == 3);
  // Quote straddling a sentence end: suffix of the statement = prefix of the quote.
  CHECK(evaluation::OverlapBytes("members are Tajikistan and Uzbekistan",
                                 "Tajikistan and Uzbekistan - are") == 25);
  CHECK(evaluation::OverlapBytes("ends with and", "and starts") ==
        0);  // seam shorter than the minimum
  CHECK(evaluation::OverlapBytes("", "x") == 0);
}

TEST_CASE("Gold evaluation counts pairs, divergences and false flags", "[evaluation]") {
  evaluation::Gold gold;
  gold.clusters = {
      {"members", {{"A", "seven members"}, {"B", "six members"}}},
      {"summit", {{"A", "summit took place"}, {"B", "met at a summit"}, {"C", "was informal"}}},
  };
  gold.divergences = {
      {"g1",
       "members",
       "numeric",
       "change_over_time",
       {"A", "seven members"},
       {"B", "six members"}},
      {"g2",
       "summit",
       "framing",
       "contradiction",
       {"A", "summit took place"},
       {"C", "was informal"}},
  };
  gold.non_divergences = {{{"A", "seven members"}, {"B", "currently has six"}, "flagged"},
                          {{"A", "summit took place"}, {"B", "met at a summit"}, "not flagged"}};
  evaluation::GoldScores s = evaluation::EvaluateAgainstGold(MakeReport(), gold);
  // Gold cross-document pairs: members(A,B); summit (A,B), (A,C), (B,C) = 4; found: 2.
  CHECK(s.gold_pairs == 4);
  CHECK(s.gold_pairs_found == 2);
  // Predicted same-cluster pairs among gold quotes: (a1,b1) and (a2,b2), both right.
  CHECK(s.predicted_pairs == 2);
  CHECK(s.pair_precision() == Approx(1.0));
  CHECK(s.pair_recall() == Approx(0.5));
  CHECK(s.divergences_found == 1);
  CHECK(s.kind_right == 1);
  CHECK(s.temporal_right == 1);
  CHECK(s.non_divergences_flagged == 1);
  CHECK(s.total_flags == 1);
  CHECK(s.unmatched_quotes == 0);
  CHECK(s.ToText().find("divergence not found: g2") != std::string::npos);
}

TEST_CASE("A wrong merge lowers precision and a wrong label is counted", "[evaluation]") {
  report::Report r = MakeReport();
  r.clusters = {{"c-all", "everything", {"s-a1", "s-b1", "s-a2", "s-b2", "s-c1"}, ""}};
  r.divergences[0].temporal = report::Temporal::kContradiction;
  evaluation::Gold gold;
  gold.clusters = {{"members", {{"A", "seven members"}, {"B", "six members"}}},
                   {"summit", {{"A", "summit took place"}, {"C", "was informal"}}}};
  gold.divergences = {
      {"g1", "members", "numeric", "change_over_time", {"B", "six members"}, {"A", "seven"}}};
  evaluation::GoldScores s = evaluation::EvaluateAgainstGold(r, gold);
  // All 6 pairs of 4 quotes minus the same-document ones (A,A): 5 predicted, 2 right.
  CHECK(s.predicted_pairs == 5);
  CHECK(s.predicted_pairs_correct == 2);
  CHECK(s.pair_recall() == Approx(1.0));
  CHECK(s.divergences_found == 1);  // orientation does not matter
  CHECK(s.temporal_right == 0);
}

TEST_CASE("Gold files with missing fields are rejected with the place", "[evaluation]") {
  auto bad =
      evaluation::ParseGold(R"({"clusters":[{"id":"x","statements":[{"doc":"1"}]}]})", "g.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("g.json: cluster x statement") != std::string::npos);
  auto broken = evaluation::ParseGold("{\"clusters\": [", "g.json");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("g.json@byte") != std::string::npos);
}
