// Macro benchmark: what users run, measured per stage (bench/README.md).
//
// --config analyze (default): Analyze() (analyzer/pipeline/analyze.h), the function
// `diverge analyze` calls, with its default AnalyzeOptions, end to end on a corpus written
// as files into a scratch directory (corpus_files.h): ingest, model, embed, stories, knn,
// claims, divergence, write. Per stage wall, CPU seconds, peak RSS and time per statement
// (analyze_run.h observes the stages Analyze reports to Progress). Corpora (--corpus):
//   synthetic  N statements (--statements) from the generator (synthetic_corpus.h), with
//              planted claims and injected divergences: clustering F1 and divergence
//              recall are measured against them (recall against every divergence the
//              detection finds on the report's claims, before analyze's max_flags cap;
//              --injected-out writes each injected divergence and what became of it);
//   fnc1 / basil / allsides   the real articles of ../shared/data as they are;
//   hostile    400,000 tiny sentences in one 2 MB file plus one ordinary document;
//   dir        any corpus folder (--input).
// --config stages: the component configuration the peers share: embed, BuildKnnGraph,
// ClusterClaims (--score cosine|learned at --threshold), DetectDivergences, one by one on
// the synthetic rows (the former macro_bench; kNN recall is measured here).
// --shape N1,N2: the CI guard (ctest macro_bench_smoke): analyze on synthetic corpora of
// N1 and N2 statements; fails (exit 1) when a stage's CPU time per statement grows by more
// than --max-growth from N1 to N2 (a quadratic stage grows by N2/N1), never on an absolute
// time. Stages under --shape-floor CPU-seconds at N2 are not judged (noise), nor those
// named by --shape-exempt (reported with "exempt": a known cause being fixed elsewhere).
//
//   build/bench/macro_bench --corpus fnc1
//   build/bench/macro_bench --statements 100000 --out bench/results/macro_analyze_100000.json
//   build/bench/macro_bench --config stages --statements 50000 --score cosine
//       --threshold 0.9 --vectors /tmp/v50k.npy   # for peers.py
// Exit 0; 1 when below --min-f1 / --min-knn-recall or a --shape check fails; 77 (skipped)
// when the source data is absent; 5 when the model is missing.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/base/parallel_for.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/cluster/claim_clustering.h"
#include "analyzer/cluster/knn_graph.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/pipeline/analyze.h"
#include "analyzer/text/tokenizer.h"
#include "bench/macro/analyze_run.h"
#include "bench/macro/corpus_files.h"
#include "bench/macro/macro_scores.h"
#include "bench/macro/stage_meter.h"
#include "bench/macro/synthetic_corpus.h"
#include "embeddings/embedding_model.h"
#include "embeddings/encoder_registry.h"
#include "embeddings/npy_writer.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::bench {
namespace {

constexpr int kSkipped = 77;

struct Args {
  std::string config = "analyze";
  std::string corpus = "synthetic";
  std::string input;   // --corpus dir
  std::string keep;    // write the corpus and the reports here and keep them
  std::string shape;   // "N1,N2": the shape check
  std::vector<std::string> shape_exempt;  // stages reported but not judged (known cause)
  double max_growth = 2.0;
  double shape_floor = 0.3;
  int64_t statements = 10000;
  std::string data = "../shared/data";
  std::string model = "models/glove-6b-100d.dvec";
  std::string out;
  std::string vectors;
  std::string injected_out;  // one JSON line per injected divergence (synthetic corpus)
  int threads = 2;
  int recall_queries = 1000;
  bool divergence = true;
  bool omissions = false;
  bool stage_rss = true;  // reset the RSS high-water mark at each stage (stage_meter.h)
  float threshold = pipeline::AnalyzeOptions{}.threshold;
  float anchor_min_score = pipeline::AnalyzeOptions{}.anchors.min_score;
  std::string score = "learned";
  int ivf_probes = cluster::KnnOptions{}.ivf_probes;
  std::string knn_method = "auto";
  double min_f1 = 0;          // exit 1 when the clustering F1 is lower (smoke test)
  double min_knn_recall = 0;  // exit 1 when kNN recall@10 is lower
};

std::string MachineCpu() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

report::Report MakeReport(const SyntheticCorpus& c,
                          const std::vector<std::vector<int32_t>>& clusters) {
  report::Report r;
  for (int32_t d = 0; d < c.documents; ++d) {
    ingest::Document doc;
    doc.id = "d-" + std::to_string(d);
    doc.outlet = "outlet " + std::to_string(d % 40);
    doc.date = "2020-03-15";
    r.documents.push_back(std::move(doc));
  }
  r.statements.reserve(c.text.size());
  for (size_t i = 0; i < c.text.size(); ++i) {
    ingest::Statement s;
    s.id = "s-" + std::to_string(i);
    s.doc = "d-" + std::to_string(c.doc[i]);
    s.text = c.text[i];
    s.end = static_cast<int64_t>(s.text.size());
    r.statements.push_back(std::move(s));
  }
  for (const auto& rows : clusters) {
    report::ClaimCluster cl;
    for (int32_t row : rows) cl.statements.push_back("s-" + std::to_string(row));
    StableHasher h;
    for (const std::string& id : cl.statements) h.Add(id);
    cl.id = "c-" + h.Hex();
    r.clusters.push_back(std::move(cl));
  }
  return r;
}

// Prints the result, and writes it to --out when given (kExitOutput when it cannot).
int Emit(const Args& a, const nlohmann::json& out) {
  std::string text = out.dump(2) + "\n";
  std::cout << text;
  if (!a.out.empty()) {
    if (Status st = WriteFileAtomic(a.out, text); !st.ok()) {
      std::cerr << "macro_bench: " << st.ToString() << "\n";
      return kExitOutput;
    }
  }
  return kExitOk;
}

int RunStages(const Args& a) {
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
  auto model = embeddings::EmbeddingModel::Load(embeddings::DefaultModelPath(a.model));
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

  Result<std::unique_ptr<embeddings::SentenceEncoder>> made =
      embeddings::MakeEncoder(embeddings::kDefaultEncoder, **model);
  if (!made.ok()) {
    std::cerr << "macro_bench: " << made.status().ToString() << "\n";
    return kExitInternal;
  }
  const embeddings::SentenceEncoder& enc = **made;  // the encoder analyze uses
  StageMeter embed(a.stage_rss);
  std::vector<embeddings::EncodedSentence> encoded = pipeline::EncodeStatements(enc, corpus.text, a.threads);
  RowMatrixXf rows(static_cast<Eigen::Index>(encoded.size()), enc.dims());
  for (size_t i = 0; i < encoded.size(); ++i) rows.row(i) = encoded[i].vector.transpose();
  out["stages"]["embed"] = embed.Stop(a.statements);

  std::vector<uint64_t> keys(corpus.text.size());
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = StableHash("s-" + std::to_string(i));
  StageMeter knn_meter(a.stage_rss);
  cluster::KnnOptions knn;
  knn.threads = a.threads;
  knn.row_keys = keys;
  knn.ivf_probes = a.ivf_probes;
  if (a.knn_method == "hnsw") knn.method = cluster::KnnMethod::kHnsw;
  if (a.knn_method == "ivf") knn.method = cluster::KnnMethod::kIvf;
  if (a.knn_method == "exact") knn.method = cluster::KnnMethod::kExact;
  Result<cluster::KnnGraph> graph = cluster::BuildKnnGraph(rows, knn);
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
  cluster::PairScore score =
      a.score == "cosine" ? cluster::CosinePairScore(rows) : [&](int32_t i, int32_t j) {
        return enc.ClaimScore(encoded[i], encoded[j]);  // what analyze clusters by
      };
  cluster::ClusterOptions copt;
  copt.threshold = a.threshold;
  copt.average_link_min = a.threshold;  // analyze's two defaults are equal
  copt.threads = a.threads;
  copt.row_keys = keys;
  std::vector<std::vector<int32_t>> clusters =
      cluster::ClusterClaims(*graph, corpus.doc, copt, score);
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
  graph = cluster::KnnGraph{};

  if (a.divergence) {
    encoded.clear();
    encoded.shrink_to_fit();
    report::Report report = MakeReport(corpus, clusters);
    divergence::DetectOptions dopt;
    dopt.max_flags = std::numeric_limits<int>::max();
    // Omissions scan every document's tokens per cluster (O(clusters x corpus)): meant for
    // one story's corpus, not a million-statement archive; --omissions turns them on.
    dopt.omissions = a.omissions;
    StageMeter div_meter(a.stage_rss);
    divergence::DetectResult det = divergence::DetectDivergences(report, {}, dopt);
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
    Status st =
        embeddings::WriteVectorsWithIds(a.vectors, rows.data(), rows.rows(), rows.cols(), labels);
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
  if (int rc = Emit(a, out); rc != kExitOk) return rc;
  const double f1 = out["quality"]["clustering"]["f1"].get<double>();
  const double recall = out["quality"].value("knn_recall_at_10", 1.0);
  if (f1 < a.min_f1 || recall < a.min_knn_recall) {
    std::cerr << "macro_bench: F1 " << f1 << " (min " << a.min_f1 << "), kNN recall@10 " << recall
              << " (min " << a.min_knn_recall << ")\n";
    return kExitInternal;
  }
  return kExitOk;
}

// The scratch directory of one run: --keep DIR (kept), else a fresh directory under the
// system temp folder, removed with this object.
class Scratch {
 public:
  explicit Scratch(const std::string& keep) : keep_(!keep.empty()) {
    namespace fs = std::filesystem;
    if (keep_) {
      root_ = keep;
    } else {
      std::string templ = (fs::temp_directory_path() / "macro_bench.XXXXXX").string();
      if (mkdtemp(templ.data()) != nullptr) root_ = templ;
    }
    std::error_code ec;
    fs::create_directories(root_ + "/corpus", ec);
  }
  ~Scratch() {
    std::error_code ec;
    if (!keep_ && !root_.empty()) std::filesystem::remove_all(root_, ec);
  }
  std::string corpus() const { return root_ + "/corpus"; }
  std::string out() const { return root_ + "/report"; }
  bool ok() const { return !root_.empty(); }

 private:
  bool keep_;
  std::string root_;
};

// Clustering F1 and divergence recall of an Analyze report against the planted groups of
// the synthetic corpus it was written from. Statements are matched to rows by (document,
// text with folded spaces); a statement matching none is matched to the one row of its
// document that contains it and is at most twice as long (ingest drops a dateline such as
// "LONDON — " or "PROVO, Utah, Dec. 23 (UPI) -- "); statements matching no row
// (segmentation differences, list spans) are left out.
// `detected`: every divergence detection found on the report's claims, before the
// max_flags cap (recall counts against it; the report's own list gives found_in_report).
// `cases`, when given, receives one object per injected divergence (macro_scores.h).
nlohmann::json SyntheticQuality(const SyntheticCorpus& c, const report::Report& r,
                                const std::vector<report::Divergence>& detected,
                                std::vector<nlohmann::json>* cases) {
  std::unordered_map<std::string, int32_t> row_of_key;
  std::unordered_map<std::string, std::vector<int32_t>> rows_of_doc;
  row_of_key.reserve(c.text.size());
  for (size_t i = 0; i < c.text.size(); ++i) {
    const std::string doc = SyntheticDocId(c.doc[i]);
    row_of_key.emplace(doc + '\x1f' + text::FoldSpaces(c.text[i]), static_cast<int32_t>(i));
    rows_of_doc[doc].push_back(static_cast<int32_t>(i));
  }
  std::unordered_map<std::string, int32_t> row_of_id;
  std::vector<bool> matched_row(c.text.size(), false);
  int64_t matched = 0;
  std::vector<const ingest::Statement*> unmatched;
  auto match = [&](const ingest::Statement& st, int32_t row) {
    row_of_id.emplace(st.id, row);
    matched_row[row] = true;
    ++matched;
  };
  for (const ingest::Statement& st : r.statements) {
    auto it = row_of_key.find(st.doc + '\x1f' + text::FoldSpaces(st.text));
    if (it == row_of_key.end()) {
      unmatched.push_back(&st);
    } else {
      match(st, it->second);
    }
  }
  for (const ingest::Statement* st : unmatched) {
    const std::string text = text::FoldSpaces(st->text);
    int32_t found = -1, candidates = 0;
    for (int32_t row : rows_of_doc[st->doc]) {
      const std::string row_text = text::FoldSpaces(c.text[row]);
      if (!matched_row[row] && row_text.size() <= 2 * text.size() &&
          row_text.find(text) != std::string::npos) {
        found = row;
        ++candidates;
      }
    }
    if (candidates == 1) match(*st, found);
  }
  std::vector<std::vector<int32_t>> clusters;
  for (const report::ClaimCluster& cl : r.clusters) {
    std::vector<int32_t> rows;
    for (const std::string& id : cl.statements) {
      if (auto it = row_of_id.find(id); it != row_of_id.end()) rows.push_back(it->second);
    }
    if (rows.size() >= 2) clusters.push_back(std::move(rows));
  }
  // The divergences between matched statements, with statement ids "s-<row>".
  auto to_rows = [&](const std::vector<report::Divergence>& list) {
    std::vector<report::Divergence> found;
    for (const report::Divergence& d : list) {
      if (!d.a.statement || !d.b.statement) continue;
      auto a = row_of_id.find(*d.a.statement), b = row_of_id.find(*d.b.statement);
      if (a == row_of_id.end() || b == row_of_id.end()) continue;
      report::Divergence t;
      t.kind = d.kind;
      t.a.statement = "s-" + std::to_string(a->second);
      t.b.statement = "s-" + std::to_string(b->second);
      found.push_back(std::move(t));
    }
    return found;
  };
  const std::vector<report::Divergence> reported = to_rows(r.divergences);
  nlohmann::json q;
  q["rows"] = c.text.size();
  q["statements"] = r.statements.size();
  q["statements_matched"] = matched;
  q["clustering"] = PairwiseAgreement(clusters, c.group).ToJson();
  q["divergence"] = DivergenceRecall(c, clusters, to_rows(detected), &reported, matched_row, cases);
  q["divergence"]["detected_total"] = detected.size();
  q["divergence"]["flagged_total"] = r.divergences.size();
  q["divergence"]["cut_by_max_flags"] = r.divergences_cut;
  return q;
}

// Every divergence Analyze's detection finds on `r` before the max_flags cap: detection
// re-run (outside the measured stages) on the report's claims with the documents read as
// Analyze read them and max_flags off. The report's list is the capped subset of it.
Result<std::vector<report::Divergence>> UncappedDivergences(const pipeline::AnalyzeOptions& opt,
                                                            const report::Report& r) {
  ingest::ReadOptions read;
  read.memory_budget_bytes = opt.memory_budget_bytes;
  Result<ingest::Corpus> corpus = ingest::ReadCorpus(opt.inputs, read);
  if (!corpus.ok()) return corpus.status();
  divergence::DetectOptions detect = opt.detect;
  detect.threads = opt.threads;
  detect.max_flags = -1;
  return divergence::DetectDivergences(r, corpus->documents, detect,
                                       pipeline::MidSentenceNames(corpus->statements))
      .divergences;
}

// Writes the --corpus into dir; `synth` receives the synthetic corpus. kExitOk, or the
// exit code to return.
int PrepareCorpus(const Args& a, int64_t statements, const std::string& dir,
                  SyntheticCorpus* synth, nlohmann::json& out) {
  StageMeter meter(a.stage_rss);
  Result<WrittenCorpus> w = Status::Internal("unknown corpus");
  if (a.corpus == "synthetic") {
    Result<std::vector<std::string>> sentences = LoadSourceSentences(a.data);
    if (!sentences.ok()) {
      std::cerr << "macro_bench: skipped: " << sentences.status().ToString() << "\n";
      return kSkipped;
    }
    CorpusSpec spec;
    spec.statements = statements;
    *synth = MakeSyntheticCorpus(*sentences, spec);
    out["synthesis"]["source_sentences"] = sentences->size();
    out["synthesis"]["spliced_bases"] = synth->spliced_bases;
    out["synthesis"]["injected"] = synth->injected.size();
    w = WriteSyntheticCorpus(*synth, dir);
  } else if (a.corpus == "fnc1") {
    w = WriteFnc1Corpus(a.data, dir);
  } else if (a.corpus == "basil") {
    w = WriteBasilCorpus(a.data, dir);
  } else if (a.corpus == "allsides") {
    w = WriteAllSidesCorpus(a.data, dir);
  } else if (a.corpus == "hostile") {
    w = WriteHostileCorpus(a.data, dir);
  }
  if (!w.ok()) {
    if (w.status().code() == StatusCode::kNotFound) {
      std::cerr << "macro_bench: skipped: " << w.status().ToString() << "\n";
      return kSkipped;
    }
    std::cerr << "macro_bench: " << w.status().ToString() << "\n";
    return kExitOutput;
  }
  out["synthesis"].update(meter.Stop(w->documents));
  out["synthesis"]["documents_written"] = w->documents;
  out["synthesis"]["bytes_written"] = w->bytes;
  return kExitOk;
}

// One Analyze run on the --corpus (statements: the synthetic size). Fills `out`.
int RunAnalyzeOnce(const Args& a, int64_t statements, nlohmann::json& out) {
  out["config"] = "analyze";
  out["corpus"] = a.corpus;
  if (a.corpus == "synthetic") out["statements_requested"] = statements;
  out["machine"] = {{"nproc", std::thread::hardware_concurrency()},
                    {"cpu", MachineCpu()},
                    {"threads_used", a.threads}};
  Scratch scratch(a.keep);
  if (!scratch.ok()) {
    std::cerr << "macro_bench: cannot create a scratch directory\n";
    return kExitOutput;
  }
  SyntheticCorpus synth;
  std::string input = scratch.corpus();
  if (a.corpus == "dir") {
    input = a.input;
  } else if (int rc = PrepareCorpus(a, statements, input, &synth, out); rc != kExitOk) {
    return rc;
  }
  pipeline::AnalyzeOptions opt;  // analyze's defaults
  opt.inputs = {input};
  opt.out_dir = scratch.out();
  opt.model_path = embeddings::DefaultModelPath(a.model);
  opt.threads = a.threads;
  opt.anchors.min_score = a.anchor_min_score;
  opt.threshold = opt.average_link_min = a.threshold;  // analyze's two defaults are equal
  opt.quiet = true;
  MeasuredAnalyze run = RunMeasuredAnalyze(opt, a.stage_rss);
  if (!run.summary.ok()) {
    std::cerr << "macro_bench: analyze: " << run.summary.status().ToString() << "\n";
    return run.summary.status().code() == StatusCode::kNotFound ? kExitModel : kExitInternal;
  }
  const report::Report& r = run.summary->report;
  out["params"] = opt.Params();
  out["documents"] = r.documents.size();
  out["statements"] = r.statements.size();
  out["stories"] = r.stories.size();
  out["claims"] = r.clusters.size();
  out["divergences"] = r.divergences.size();
  size_t largest = 0;
  for (const report::ClaimCluster& c : r.clusters) largest = std::max(largest, c.statements.size());
  out["largest_claim"] = largest;
  out["stage_order"] = run.order;
  out["stages"] = run.stages;
  out["analyze_wall_s"] = run.wall_s;
  out["analyze_cpu_s"] = run.cpu_s;
  out["peak_rss_mib"] = run.peak_rss_mib;
  if (a.corpus == "synthetic") {
    Result<std::vector<report::Divergence>> detected = UncappedDivergences(opt, r);
    if (!detected.ok()) {
      std::cerr << "macro_bench: uncapped detection: " << detected.status().ToString() << "\n";
      return kExitInternal;
    }
    // The report's flags must be a subset of the uncapped ones (the same detection).
    std::set<std::string> ids;
    for (const report::Divergence& d : *detected) ids.insert(d.id);
    int64_t missing = 0;
    for (const report::Divergence& d : r.divergences) missing += ids.count(d.id) == 0;
    std::vector<nlohmann::json> cases;
    out["quality"] = SyntheticQuality(synth, r, *detected, &cases);
    out["quality"]["divergence"]["reported_not_redetected"] = missing;
    if (!a.injected_out.empty()) {
      std::string lines;
      for (const nlohmann::json& j : cases) lines += j.dump() + "\n";
      if (Status st = WriteFileAtomic(a.injected_out, lines); !st.ok()) {
        std::cerr << "macro_bench: " << st.ToString() << "\n";
        return kExitOutput;
      }
    }
  }
  if (!a.vectors.empty() && a.corpus == "synthetic") {
    // The same rows' vectors (the analyze encoder) for peers.py, with analyze's clusters.
    auto model = embeddings::EmbeddingModel::Load(embeddings::DefaultModelPath(a.model));
    if (!model.ok()) return kExitModel;
    Result<std::unique_ptr<embeddings::SentenceEncoder>> made =
        embeddings::MakeEncoder(embeddings::kDefaultEncoder, **model);
    if (!made.ok()) {
      std::cerr << "macro_bench: " << made.status().ToString() << "\n";
      return kExitInternal;
    }
    const embeddings::SentenceEncoder& enc = **made;
    std::vector<embeddings::EncodedSentence> encoded = pipeline::EncodeStatements(enc, synth.text, a.threads);
    RowMatrixXf rows(static_cast<Eigen::Index>(encoded.size()), enc.dims());
    for (size_t i = 0; i < encoded.size(); ++i) rows.row(i) = encoded[i].vector.transpose();
    std::vector<std::string> labels;
    for (int64_t g : synth.group) labels.push_back(std::to_string(g));
    if (Status st = embeddings::WriteVectorsWithIds(a.vectors, rows.data(), rows.rows(),
                                                    rows.cols(), labels);
        !st.ok()) {
      std::cerr << "macro_bench: " << st.ToString() << "\n";
      return kExitOutput;
    }
  }
  return kExitOk;
}

int RunAnalyze(const Args& a) {
  nlohmann::json out;
  if (int rc = RunAnalyzeOnce(a, a.statements, out); rc != kExitOk) return rc;
  if (int rc = Emit(a, out); rc != kExitOk) return rc;
  if (out.contains("quality")) {
    const double f1 = out["quality"]["clustering"]["f1"].get<double>();
    if (f1 < a.min_f1) {
      std::cerr << "macro_bench: F1 " << f1 << " (min " << a.min_f1 << ")\n";
      return kExitInternal;
    }
  }
  return kExitOk;
}

// The shape guard: CPU time per statement of each stage at two sizes.
int RunShape(const Args& a) {
  int64_t n1 = 0, n2 = 0;
  char comma = 0;
  std::istringstream in(a.shape);
  if (!(in >> n1 >> comma >> n2) || comma != ',' || n1 < 100 || n2 <= n1) {
    std::cerr << "macro_bench: --shape wants N1,N2 with 100 <= N1 < N2\n";
    return kExitUsage;
  }
  nlohmann::json small, large, out;
  if (int rc = RunAnalyzeOnce(a, n1, small); rc != kExitOk) return rc;
  if (int rc = RunAnalyzeOnce(a, n2, large); rc != kExitOk) return rc;
  const double s1 = small["statements"].get<double>(), s2 = large["statements"].get<double>();
  bool failed = false;
  for (const auto& [name, st] : large["stages"].items()) {
    if (!small["stages"].contains(name)) continue;
    const double c1 = small["stages"][name]["cpu_s"].get<double>() / s1;
    const double c2 = st["cpu_s"].get<double>() / s2;
    const double growth = c1 > 0 ? c2 / c1 : 0;
    const bool exempt = std::find(a.shape_exempt.begin(), a.shape_exempt.end(), name) !=
                        a.shape_exempt.end();
    const bool judged = !exempt && st["cpu_s"].get<double>() >= a.shape_floor;
    const bool bad = judged && growth > a.max_growth;
    failed |= bad;
    out["stages"][name] = {{"cpu_us_per_statement_small", 1e6 * c1},
                           {"cpu_us_per_statement_large", 1e6 * c2},
                           {"growth", growth},
                           {"judged", judged},
                           {"exempt", exempt},
                           {"ok", !bad}};
  }
  out["sizes"] = {s1, s2};
  out["size_ratio"] = s2 / s1;
  out["max_growth"] = a.max_growth;
  out["runs"] = {small, large};
  if (int rc = Emit(a, out); rc != kExitOk) return rc;
  if (failed) {
    std::cerr << "macro_bench: a stage's CPU time per statement grew by more than "
              << a.max_growth << "x from " << s1 << " to " << s2
              << " statements (quadratic?): see \"stages\" above\n";
    return kExitInternal;
  }
  for (const char* q : {"quality"}) {
    if (large.contains(q) && large[q]["clustering"]["f1"].get<double>() < a.min_f1) {
      std::cerr << "macro_bench: F1 " << large[q]["clustering"]["f1"] << " (min " << a.min_f1
                << ")\n";
      return kExitInternal;
    }
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
  app.add_option("--injected-out", a.injected_out,
                 "synthetic corpus: write each injected divergence (kind, outcome, texts) "
                 "here, one JSON line each");
  app.add_option("--threads", a.threads, "threads")->check(CLI::Range(1, 64));
  app.add_option("--recall-queries", a.recall_queries, "kNN recall@10 queries (0 = skip)");
  app.add_flag("!--no-divergence", a.divergence, "skip the divergence stage");
  app.add_option("--threshold", a.threshold, "pair similarity threshold (default: analyze's)");
  app.add_option("--anchor-min-score", a.anchor_min_score,
                 "--config analyze: analyze's --anchor-min-score (default: analyze's)");
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
  app.add_option("--config", a.config,
                 "analyze: Analyze() end to end (default); stages: embed/knn/cluster one by one")
      ->check(CLI::IsMember({"analyze", "stages"}));
  app.add_option("--corpus", a.corpus, "synthetic, fnc1, basil, allsides, hostile or dir")
      ->check(CLI::IsMember({"synthetic", "fnc1", "basil", "allsides", "hostile", "dir"}));
  app.add_option("--input", a.input, "the corpus folder of --corpus dir");
  app.add_option("--keep", a.keep, "write the corpus and reports under this folder, keep them");
  app.add_option("--shape", a.shape, "N1,N2: fail when a stage's CPU per statement grows");
  app.add_option("--max-growth", a.max_growth, "--shape: allowed growth of CPU per statement");
  app.add_option("--shape-floor", a.shape_floor, "--shape: stages under this CPU-s not judged");
  app.add_option("--shape-exempt", a.shape_exempt,
                 "--shape: stages measured and reported but not judged (a known cause)");
  CLI11_PARSE(app, argc, argv);
  if (a.corpus == "dir" && a.input.empty()) {
    std::cerr << "macro_bench: --corpus dir needs --input\n";
    return diverge::kExitUsage;
  }
  if (!a.shape.empty()) return diverge::bench::RunShape(a);
  return a.config == "stages" ? diverge::bench::RunStages(a) : diverge::bench::RunAnalyze(a);
}
