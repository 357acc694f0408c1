// Analyze: the whole pipeline behind `diverge analyze CORPUS --out DIR`.
//
// Phases, each consuming only the previous phase's output:
//   1. ingest      ReadCorpus: documents and statements, sorted (documents by id,
//                  statements by document and offset), so every later phase sees the
//                  same order whatever the order of the files;
//   2. embed       one EncodedSentence per statement (SIF vector + lexical parts);
//   3. graph       k-nearest-neighbour graph of the sentence vectors (exact, or HNSW
//                  above KnnOptions::exact_limit statements);
//   4. cluster     each statement is compared by its text without the claim spans
//                  inside it; ClusterClaims on mutual kNN edges between statements with
//                  >= min_claim_terms content words, re-scored by the pair similarity
//                  (cosine + alignment + lexical evidence), average-linkage refined; then
//                  the anchored stage (anchor_links.h AttachAnchored): a statement left
//                  over joins a claim it is close to as a whole, or pairs up, through a
//                  shared rare name;
//                  cluster id = hash of its member statement ids, label = its most
//                  central statement;
//   5. diverge     DetectDivergences inside each cluster, plus name entities;
//   6. review      decisions of the review store (OUT_DIR/review.db or --db) set each
//                  divergence's review status and note; decisions on ids no longer in
//                  the report are listed in orphaned_reviews (never deleted);
//   7. write       report.json, report.md, report.html, divergences.csv and
//                  claims.graphml, all staged as temporary files and renamed into DIR
//                  only when every one was written (a failed run leaves the old report).
#ifndef DIVERGE_ANALYZER_PIPELINE_ANALYZE_H_
#define DIVERGE_ANALYZER_PIPELINE_ANALYZE_H_

#include <string>
#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/base/result.h"
#include "analyzer/cluster/anchor_links.h"
#include "analyzer/cluster/stories.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/report/report.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::pipeline {

// Defaults chosen on public development data (see README "How the thresholds were
// chosen"), never on the sample corpus.
struct AnalyzeOptions {
  std::vector<std::string> inputs;  // corpus directories or files
  std::string out_dir;              // created if missing
  std::string model_path;           // embedding model (any format embeddings::EmbeddingModel loads)
  int k = 10;                       // neighbours per statement in the similarity graph
  float threshold = 0.55f;          // minimum pair similarity of a "same claim" edge
  float average_link_min = 0.55f;   // minimum mean similarity when merging clusters
  bool mutual = false;              // keep only mutual kNN edges
  // A claim joins statements of two stories only when they score at least this.
  float cross_story_min = 0.90f;
  // Claims candidates of up to this many rows are scored on all pairs; larger ones on
  // their candidate edges only (bounds the learned-score calls per claim).
  size_t dense_component_limit = 48;
  cluster::StoryOptions stories;
  // A statement with fewer content words (a dateline, a byline) joins no cluster.
  int min_claim_terms = 3;
  // Statements of one story sharing a rare name (anchor_links.h) are candidate pairs
  // besides their kNN neighbours (scored and linked like every other pair).
  bool anchor_links = true;
  cluster::AnchorOptions anchors;
  size_t exact_limit = 50000;  // exact kNN up to this many statements, HNSW above
  int threads = 2;
  // ReadOptions::memory_budget_bytes (0: half the machine's memory). Not in
  // generator.params: it changes the result only by the documents it skips, which the
  // warnings and the exit code (3) report.
  size_t memory_budget_bytes = 0;
  bool quiet = false;  // no progress lines on stderr
  // Review decisions to carry into report.json ("" = OUT_DIR/review.db); a missing
  // database is no error (nothing reviewed yet). Not a result-changing parameter.
  std::string db_path;
  divergence::DetectOptions detect;
  // generator.params: every option above that changes the result.
  nlohmann::json Params() const;
};

struct AnalyzeSummary {
  report::Report report;             // what was written to report.json
  std::vector<std::string> written;  // paths of the files written
  Diagnostics diagnostics;           // per-file warnings from ingest
  int skipped_files = 0;
};

// The phase an Analyze error comes from (the CLI maps it to an exit code).
enum class AnalyzeStage { kIngest, kModel, kCluster, kReview, kWrite };

// Errors: from ReadCorpus when nothing is readable (kIngest), from EmbeddingModel::Load
// (kModel), from the kNN graph (kCluster), from the review database (kReview), kIOError when an
// output cannot be written (kWrite). `failed_at`, when given, receives the phase of the error.
Result<AnalyzeSummary> Analyze(const AnalyzeOptions& options, AnalyzeStage* failed_at = nullptr);

// Single words the statements capitalise mid-sentence (cluster::MidSentenceNames over the
// texts the statements are compared by): names even where they open a sentence, for the
// claim slots and the numeric detector. macro_bench's uncapped detection calls it too.
std::vector<std::string> MidSentenceNames(const std::vector<ingest::Statement>& statements);

// Phase 2: encoder.Encode(texts[i]) in slot i, on up to `threads` threads (ParallelFor).
// macro_bench's stage configuration calls it too, so it measures the same embedding.
std::vector<embeddings::EncodedSentence> EncodeStatements(
    const embeddings::SentenceEncoder& encoder, const std::vector<std::string>& texts,
    int threads);

}  // namespace diverge::pipeline

#endif  // DIVERGE_ANALYZER_PIPELINE_ANALYZE_H_
