// ClaimDiff reading and the anchored-link threshold calibration (anchor_eval.h).
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "analyzer/evaluation/anchor_eval.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sif_encoder.h"
#include "tests/ingest_test_util.h"

using namespace diverge;

namespace {

std::string Entry(const std::string& id, const std::string& topic, const std::string& a,
                  const std::string& b, int relation) {
  return R"({"pair_id": ")" + id + R"(", "topic": ")" + topic + R"(", "claim_a": ")" + a +
         R"(", "claim_b": ")" + b + R"(", "relation": )" + std::to_string(relation) + "}";
}

}  // namespace

TEST_CASE("ClaimDiff pairs: related when either file relates them", "[evaluation][anchor]") {
  testing::TempDir dir;
  std::string s = dir.Write("s.json", "{\"data\": [" + Entry("p1", "T", "A one.", "B one.", 1) +
                                          ", " + Entry("p2", "T", "A two.", "B two.", 0) + ", " +
                                          Entry("p3", "T", "A three.", "B three.", 0) + "]}");
  std::string w = dir.Write("w.json", "{\"data\": [" + Entry("p2", "T", "A two.", "B two.", 1) +
                                          ", " + Entry("p3", "T", "A three.", "B three.", 0) + "]}");
  auto pairs = evaluation::ReadClaimDiff(s, w);
  REQUIRE(pairs.ok());
  REQUIRE(pairs->size() == 3);
  CHECK((*pairs)[0].related);
  CHECK((*pairs)[1].related);   // weakens
  CHECK(!(*pairs)[2].related);  // neither
  CHECK((*pairs)[2].a == "A three.");
  auto alone = evaluation::ReadClaimDiff(s, "");
  REQUIRE(alone.ok());
  CHECK(!(*alone)[1].related);
}

TEST_CASE("ClaimDiff errors name the file and the entry", "[evaluation][anchor]") {
  testing::TempDir dir;
  std::string bad = dir.Write("bad.json", R"({"data": [{"pair_id": "p1", "topic": 3}]})");
  auto r = evaluation::ReadClaimDiff(bad, "");
  REQUIRE(!r.ok());
  CHECK(r.status().ToString().find("bad.json: data[0]") != std::string::npos);
  CHECK(r.status().ToString().find("topic") != std::string::npos);
  std::string broken = dir.Write("broken.json", "{\"data\": [");
  auto b = evaluation::ReadClaimDiff(broken, "");
  REQUIRE(!b.ok());
  CHECK(b.status().ToString().find("broken.json") != std::string::npos);
  CHECK(!evaluation::ReadClaimDiff(dir.path().string() + "/missing.json", "").ok());
}

TEST_CASE("Calibration counts only pairs sharing a rare name as anchored", "[evaluation][anchor]") {
  if (!std::filesystem::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("default model missing: scripts/fetch-model.sh");
    return;
  }
  auto model = embeddings::EmbeddingModel::Load(DIVERGE_DEFAULT_MODEL);
  REQUIRE(model.ok());
  embeddings::SifEncoder encoder(**model);
  std::vector<evaluation::ClaimDiffPair> pairs;
  // One topic of 24 claims: "Velmar" is held by two claims only (rare), "Ostrija" by all.
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    pairs.push_back({"p" + n, "T", "Officials in Ostrija said talks " + n + " went well.",
                     "The Ostrija ministry said report " + n + " was late.", i % 2 == 0});
  }
  pairs.push_back({"pv", "T", "The port of Velmar was closed on Monday by the ministry.",
                   "Ships could not enter Velmar harbour on Monday.", true});
  evaluation::AnchorCalibration cal =
      evaluation::CalibrateAnchors(encoder, pairs, cluster::AnchorOptions{}, 0.9, 1);
  CHECK(cal.pairs == 13);
  CHECK(cal.related == 7);
  CHECK(cal.anchored == 1);
  REQUIRE(cal.rows.size() == 61);
  for (size_t i = 1; i < cal.rows.size(); ++i) {
    CHECK(cal.rows[i].all_n <= cal.rows[i - 1].all_n);  // higher threshold, fewer pairs
    CHECK(cal.rows[i].anchor_n <= cal.rows[i - 1].anchor_n);
  }
  // The one anchored pair is related: the chosen threshold is the lowest one keeping it,
  // 0.20 when it scores at least that, none when it scores below every threshold.
  CHECK(cal.chosen == Approx(cal.rows.front().anchor_n == 1 ? 0.20 : -1.0));
}
