// Divergence detection speed: pairwise compare of sentence pairs, and a synthetic
// corpus of clusters (documents x statements) through DetectDivergences.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "analyzer/base/stable_hash.h"
#include "analyzer/divergence/detect.h"

namespace diverge::bench {
namespace {

void BM_ComparePairSentence(benchmark::State& state) {
  std::string a =
      "The alliance deployed 2,000 troops to the border on May 15, 1992, officials "
      "said.";
  std::string b =
      "The alliance did not deploy 3,500 troops to the border in 2002, according "
      "to Ivan Petrov.";
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        divergence::ComparePair(a, b, "2012-11", "2017-06-15", divergence::DetectOptions{}));
  }
}
BENCHMARK(BM_ComparePairSentence);

// `n` clusters of 6 statements from 6 outlets; the documents hold the statements.
void BM_DetectDivergences(benchmark::State& state) {
  const int clusters = int(state.range(0));
  report::Report report;
  std::vector<ingest::Document> docs;
  const char* kTemplates[] = {
      "The league has five members: Paris, Lyon, Nice, Lille and Nantes.",
      "The league was founded in 1992 and has 2,000 staff.",
      "The league was formed in 2002, building upon the 1992 charter.",
      "The league did not expand its staff of 2,500 people.",
      "The league members - Lyon, Nice, Lille and Nantes - met on Monday.",
      "According to Ivan Petrov, the league targets political provocateurs."};
  for (int d = 0; d < 6; ++d) {
    ingest::Document doc;
    doc.id = "d" + std::to_string(d);
    doc.outlet = "outlet " + std::to_string(d);
    doc.date = d % 2 ? "2011-08" : "2017-06-15";
    for (int c = 0; c < clusters; ++c) {
      ingest::Statement s;
      s.doc = doc.id;
      s.text = std::string(kTemplates[(c + d) % 6]) + " Cluster " + std::to_string(c) + ".";
      s.start = int64_t(doc.text.size());
      doc.text += s.text + "\n";
      s.end = int64_t(doc.text.size()) - 1;
      s.id = MakeId("s", {doc.id, s.text});
      report.statements.push_back(s);
    }
    report.documents.push_back(doc);
    docs.push_back(doc);
  }
  for (int c = 0; c < clusters; ++c) {
    report::ClaimCluster cl;
    for (int d = 0; d < 6; ++d) cl.statements.push_back(report.statements[d * clusters + c].id);
    cl.id = MakeId("c", {cl.statements[0]});
    report.clusters.push_back(cl);
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        divergence::DetectDivergences(report, docs, divergence::DetectOptions{}));
  }
  state.SetItemsProcessed(state.iterations() * clusters);
}
BENCHMARK(BM_DetectDivergences)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace diverge::bench
