// Test helper (not library code): builds a Report for the sample corpus from the GOLD
// clusters of ../shared/seeds/gold-dev.json, so the divergence detectors can be measured
// independently of clustering. A gold quote maps to every statement of its document
// whose whitespace-folded text overlaps it (one contains the other, or they share a
// run of at least 40 bytes).
#ifndef DIVERGE_TESTS_DIVERGENCE_GOLD_HELPER_H_
#define DIVERGE_TESTS_DIVERGENCE_GOLD_HELPER_H_

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/base/stable_hash.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/report/report.h"

namespace diverge::testing {

inline std::string GoldPath() {
  return std::string(DIVERGE_SHARED_DATA) + "/../seeds/gold-dev.json";
}

inline bool QuoteOverlaps(const std::string& statement, const std::string& quote) {
  if (statement.find(quote) != std::string::npos) return true;
  if (quote.find(statement) != std::string::npos) return true;
  // a shared run of >= 40 bytes (quote spanning a statement boundary)
  const size_t kRun = 40;
  if (quote.size() < kRun) return false;
  for (size_t i = 0; i + kRun <= quote.size(); i += 8) {
    if (statement.find(quote.substr(i, kRun)) != std::string::npos) return true;
  }
  return false;
}

struct GoldSetup {
  report::Report report;
  std::vector<ingest::Document> documents;
  nlohmann::json gold;
  // statement ids of a gold {doc, quote}
  std::vector<std::string> Map(const nlohmann::json& ref) const {
    std::vector<std::string> out;
    for (const ingest::Statement& s : report.statements) {
      if (s.doc == ref["doc"].get<std::string>() &&
          QuoteOverlaps(s.text, ref["quote"].get<std::string>())) {
        out.push_back(s.id);
      }
    }
    return out;
  }
};

// False (with a reason) when the corpus or the gold file is missing.
inline bool LoadGoldSetup(GoldSetup* out, std::string* why) {
  std::ifstream in(GoldPath());
  if (!in) {
    *why = GoldPath() + " not found";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  out->gold = nlohmann::json::parse(ss.str(), nullptr, false);
  if (out->gold.is_discarded()) {
    *why = "gold-dev.json does not parse";
    return false;
  }
  Result<ingest::Corpus> corpus =
      ingest::ReadCorpus({std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto"});
  if (!corpus.ok()) {
    *why = corpus.status().ToString();
    return false;
  }
  out->documents = corpus->documents;
  out->report.documents = corpus->documents;
  for (ingest::Document& d : out->report.documents) d.text.clear();
  out->report.statements = corpus->statements;
  std::set<std::string> used;  // a statement belongs to at most one cluster
  for (const auto& c : out->gold["clusters"]) {
    report::ClaimCluster cluster;
    std::set<std::string> ids;
    for (const auto& ref : c["statements"]) {
      for (const std::string& id : out->Map(ref)) {
        if (!used.count(id)) ids.insert(id);
      }
    }
    // gold divergence quotes of this cluster belong to it too
    for (const auto& d : out->gold["divergences"]) {
      if (d["cluster"] != c["id"]) continue;
      for (const char* side : {"a", "b"}) {
        for (const std::string& id : out->Map(d[side])) {
          if (!used.count(id)) ids.insert(id);
        }
      }
    }
    for (const auto& id : ids) used.insert(id);
    cluster.statements.assign(ids.begin(), ids.end());
    cluster.label = c["claim"].get<std::string>();
    std::vector<std::string_view> parts(cluster.statements.begin(), cluster.statements.end());
    StableHasher h;
    for (const auto& p : parts) h.Add(p);
    cluster.id = "c-" + h.Hex();
    out->report.clusters.push_back(std::move(cluster));
  }
  return true;
}

// The cluster id built for gold cluster `gold_id`.
inline std::string ClusterIdFor(const GoldSetup& g, const std::string& gold_id) {
  size_t i = 0;
  for (const auto& c : g.gold["clusters"]) {
    if (c["id"] == gold_id) return g.report.clusters[i].id;
    ++i;
  }
  return "";
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_DIVERGENCE_GOLD_HELPER_H_
