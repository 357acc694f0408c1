// Macro benchmark: a synthetic corpus of N statements built from real news text (see
// synthetic_corpus.h) through the real pipeline stages, as `diverge analyze` runs them:
//   embed       SentenceEncoder::Encode of every statement (2 threads) + the row matrix
//   knn         BuildKnnGraph (kAuto: exact up to 50k rows, IVF above), k = 10
//   cluster     ClusterClaims on mutual kNN edges scored by the learned claim similarity
//               (claim_score, as analyze), threshold = average-link minimum =
//               AnalyzeOptions{}.threshold; --score cosine scores them with the cosine of
//               the vectors instead (what the peers use). Not run: analyze's second,
//               anchored-link stage (capitalised names shared by few statements) and its
//               claim-term filter.
//   divergence  DetectDivergences over the clusters (max_flags unlimited)
// Prints one JSON object (and writes it with --out): per stage wall, CPU, peak RSS,
// throughput; pairwise F1 against the planted groups; kNN recall@10 against brute force
// on sampled queries; recall of the injected divergences.
//   build/bench/macro_bench --statements 100000 --out bench/results/macro_100000.json
//   build/bench/macro_bench --statements 50000 --vectors /tmp/v50k.npy   # for peers.py
// Exit 0; 1 when below --min-f1 / --min-knn-recall; 77 (skipped) when the source data is absent; 5 when the model is missing.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <thread>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/parallel_for.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/cluster/claim_clustering.h"
#include "analyzer/cluster/knn_graph.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/pipeline/analyze.h"
#include "bench/macro/macro_scores.h"
#include "bench/macro/stage_meter.h"
#include "bench/macro/synthetic_corpus.h"
#include "embeddings/embedding_model.h"
#include "embeddings/npy_writer.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::bench {
namespace {

constexpr int kSkipped = 77;

struct Args {
  int64_t statements = 10000;
  std::string data = "../shared/data";
  std::string model = "models/glove-6b-100d.dvec";
  std::string out;
  std::string vectors;
  int threads = 2;
  int recall_queries = 1000;
  bool divergence = true;
  bool omissions = false;
  bool stage_rss = true;  // reset the RSS high-water mark at each stage (stage_meter.h)
  float threshold = AnalyzeOptions{}.threshold;
  std::string score = "learned";
  int ivf_probes = KnnOptions{}.ivf_probes;
  std::string knn_method = "auto";
  double min_f1 = 0;          // exit 1 when the clustering F1 is lower (smoke test)
  double min_knn_recall = 0;  // exit 1 when kNN recall@10 is lower
};

std::vector<EncodedSentence> EncodeParallel(const SentenceEncoder& enc,
                                            const std::vector<std::string>& texts, int threads) {
  std::vector<EncodedSentence> out(texts.size());
  ParallelFor(threads, static_cast<int64_t>(texts.size()),
              [&](int64_t i) { out[size_t(i)] = enc.Encode(texts[size_t(i)]); });
  return out;
}

std::string MachineCpu() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

Report MakeReport(const SyntheticCorpus& c, const std::vector<std::vector<int32_t>>& clusters) {
  Report r;
  for (int32_t d = 0; d < c.documents; ++d) {
    Document doc;
    doc.id = "d-" + std::to_string(d);
    doc.outlet = "outlet " + std::to_string(d % 40);
    doc.date = "2020-03-15";
    r.documents.push_back(std::move(doc));
  }
  r.statements.reserve(c.text.size());
  for (size_t i = 0; i < c.text.size(); ++i) {
    Statement s;
    s.id = "s-" + std::to_string(i);
    s.doc = "d-" + std::to_string(c.doc[i]);
    s.text = c.text[i];
    s.end = static_cast<int64_t>(s.text.size());
    r.statements.push_back(std::move(s));
  }
  for (const auto& rows : clusters) {
    ClaimCluster cl;
    for (int32_t row : rows) cl.statements.push_back("s-" + std::to_string(row));
    StableHasher h;
    for (const std::string& id : cl.statements) h.Add(id);
    cl.id = "c-" + h.Hex();
    r.clusters.push_back(std::move(cl));
  }
  return r;
}

int Run(const Args& a) {
  nlohmann::json out;
  out["statements"] = a.statements;
  out["machine"] = {{"nproc", std::thread::hardware_concurrency()},
                    {"cpu", MachineCpu()},
                    {"threads_used", a.threads}};
  Result<std::vector<std::string>> sentences = LoadSourceSentences(a.data);
  if (!sentences.ok()) {
    std::cerr << "macro_bench: skipped: " << sentences.status().ToString() << "\n";
    return kSkipped;
  }
  auto model = EmbeddingModel::Load(DefaultModelPath(a.model));
  if (!model.ok()) {
    std::cerr << "macro_bench: " << model.status().ToString() << "\n";
    return kExitModel;
  }
  StageMeter synth(a.stage_rss);
  CorpusSpec spec;
  spec.statements = a.statements;
  SyntheticCorpus corpus = MakeSyntheticCorpus(*sentences, spec);
  out["synthesis"] = synth.Stop(a.statements);
  out["synthesis"]["source_sentences"] = sentences->size();
  out["synthesis"]["spliced_bases"] = corpus.spliced_bases;
  out["synthesis"]["documents"] = corpus.documents;
  sentences->clear();
  sentences->shrink_to_fit();

  SentenceEncoder enc(**model);
  StageMeter embed(a.stage_rss);
  std::vector<EncodedSentence> encoded = EncodeParallel(enc, corpus.text, a.threads);
  RowMatrixXf rows(static_cast<Eigen::Index>(encoded.size()), enc.model().dims());
  for (size_t i = 0; i < encoded.size(); ++i) rows.row(i) = encoded[i].vector.transpose();
  out["stages"]["embed"] = embed.Stop(a.statements);

  std::vector<uint64_t> keys(corpus.text.size());
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = StableHash("s-" + std::to_string(i));
  StageMeter knn_meter(a.stage_rss);
  KnnOptions knn;
  knn.threads = a.threads;
  knn.row_keys = keys;
  knn.ivf_probes = a.ivf_probes;
  if (a.knn_method == "hnsw") knn.method = KnnMethod::kHnsw;
  if (a.knn_method == "ivf") knn.method = KnnMethod::kIvf;
  if (a.knn_method == "exact") knn.method = KnnMethod::kExact;
  Result<KnnGraph> graph = BuildKnnGraph(rows, knn);
  if (!graph.ok()) {
    std::cerr << "macro_bench: " << graph.status().ToString() << "\n";
    return kExitInternal;
  }
  out["stages"]["knn"] = knn_meter.Stop(a.statements);
  out["stages"]["knn"]["method"] =
      a.knn_method != "auto" ? a.knn_method
      : static_cast<size_t>(a.statements) <= knn.exact_limit ? "exact" : "ivf";
  out["stages"]["knn"]["ivf_probes"] = knn.ivf_probes;

  StageMeter cluster_meter(a.stage_rss);
  PairScore score = a.score == "cosine" ? CosinePairScore(rows) : [&](int32_t i, int32_t j) {
    return enc.Similarity(encoded[i], encoded[j]).claim_score;  // what analyze clusters by
  };
  ClusterOptions copt;
  copt.threshold = a.threshold;
  copt.average_link_min = a.threshold;  // analyze's two defaults are equal
  copt.threads = a.threads;
  copt.row_keys = keys;
  std::vector<std::vector<int32_t>> clusters = ClusterClaims(*graph, corpus.doc, copt, score);
  out["stages"]["cluster"] = cluster_meter.Stop(a.statements);
  out["stages"]["cluster"]["clusters"] = clusters.size();
  out["stages"]["cluster"]["threshold"] = a.threshold;
  out["stages"]["cluster"]["score"] = a.score;
  double pipeline_wall = 0;
  for (const char* s : {"embed", "knn", "cluster"}) pipeline_wall += out["stages"][s]["wall_s"].get<double>();
  out["embed_graph_cluster_wall_s"] = pipeline_wall;
  out["quality"]["clustering"] = PairwiseAgreement(clusters, corpus.group).ToJson();
  if (a.recall_queries > 0) {
    out["quality"]["knn_recall_at_10"] = KnnRecallAtK(rows, *graph, a.recall_queries);
    out["quality"]["knn_recall_queries"] = a.recall_queries;
  }
  graph = KnnGraph{};

  if (a.divergence) {
    encoded.clear();
    encoded.shrink_to_fit();
    Report report = MakeReport(corpus, clusters);
    DetectOptions dopt;
    dopt.max_flags = std::numeric_limits<int>::max();
    // Omissions scan every document's tokens per cluster (O(clusters x corpus)): meant for
    // one story's corpus, not a million-statement archive; --omissions turns them on.
    dopt.omissions = a.omissions;
    StageMeter div_meter(a.stage_rss);
    DetectResult det = DetectDivergences(report, {}, dopt);
    out["stages"]["divergence"] = div_meter.Stop(static_cast<int64_t>(clusters.size()));
    out["stages"]["divergence"]["omissions"] = a.omissions;
    out["quality"]["divergence"] = DivergenceRecall(corpus, clusters, det.divergences);
  }
  double peak = PeakRssMib();
  for (const auto& [name, stage] : out["stages"].items()) {
    peak = std::max(peak, stage["peak_rss_mib"].get<double>());
  }
  out["peak_rss_mib"] = peak;  // the largest stage peak: the process peak (stage_meter.h)
  if (!a.vectors.empty()) {
    std::vector<std::string> labels;
    for (int64_t g : corpus.group) labels.push_back(std::to_string(g));
    Status st = WriteVectorsWithIds(a.vectors, rows.data(), rows.rows(), rows.cols(), labels);
    if (!st.ok()) {
      std::cerr << "macro_bench: " << st.ToString() << "\n";
      return kExitOutput;
    }
    // Diverge's clustering of the same rows, for peers.py to compare against.
    nlohmann::json cl = clusters;
    if (Status s2 = WriteFileAtomic(a.vectors + ".clusters.json", cl.dump()); !s2.ok()) {
      std::cerr << "macro_bench: " << s2.ToString() << "\n";
      return kExitOutput;
    }
  }
  std::string text = out.dump(2) + "\n";
  std::cout << text;
  if (!a.out.empty()) {
    if (Status st = WriteFileAtomic(a.out, text); !st.ok()) {
      std::cerr << "macro_bench: " << st.ToString() << "\n";
      return kExitOutput;
    }
  }
  const double f1 = out["quality"]["clustering"]["f1"].get<double>();
  const double recall = out["quality"].value("knn_recall_at_10", 1.0);
  if (f1 < a.min_f1 || recall < a.min_knn_recall) {
    std::cerr << "macro_bench: F1 " << f1 << " (min " << a.min_f1 << "), kNN recall@10 " << recall
              << " (min " << a.min_knn_recall << ")\n";
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace
}  // namespace diverge::bench

int main(int argc, char** argv) {
  diverge::bench::Args a;
  CLI::App app{"diverge macro benchmark: synthetic corpus through embed, kNN, cluster, divergence"};
  app.add_option("--statements", a.statements, "corpus size")->check(CLI::Range(100, 100000000));
  app.add_option("--data", a.data, "the shared data folder (fnc1, basil, allsides_neus)");
  app.add_option("--model", a.model, "embedding model ($DIVERGE_MODEL overrides)");
  app.add_option("--out", a.out, "write the JSON result here too");
  app.add_option("--vectors", a.vectors, "write the sentence vectors (.npy) + group ids here");
  app.add_option("--threads", a.threads, "threads")->check(CLI::Range(1, 64));
  app.add_option("--recall-queries", a.recall_queries, "kNN recall@10 queries (0 = skip)");
  app.add_flag("!--no-divergence", a.divergence, "skip the divergence stage");
  app.add_option("--threshold", a.threshold, "pair similarity threshold (default: analyze's)");
  app.add_option("--score", a.score, "pair score: learned (analyze's) or cosine (the vectors')")
      ->check(CLI::IsMember({"learned", "cosine"}));
  app.add_flag("--omissions", a.omissions, "run the omission detector too (quadratic)");
  app.add_option("--ivf-probes", a.ivf_probes, "IVF cells searched per row");
  app.add_option("--knn", a.knn_method, "kNN method")
      ->check(CLI::IsMember({"auto", "exact", "ivf", "hnsw"}));
  app.add_flag("!--no-stage-rss", a.stage_rss,
               "do not reset the RSS high-water mark per stage: each stage then reports the "
               "process peak so far, and /usr/bin/time the run's peak");
  app.add_option("--min-f1", a.min_f1, "fail (exit 1) below this clustering F1");
  app.add_option("--min-knn-recall", a.min_knn_recall, "fail (exit 1) below this kNN recall@10");
  CLI11_PARSE(app, argc, argv);
  return diverge::bench::Run(a);
}
