#include "analyzer/pipeline/analyze.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <thread>
#include <utility>

#include "analyzer/base/output_set.h"
#include "analyzer/base/parallel_for.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/cluster/anchor_links.h"
#include "analyzer/cluster/claim_clustering.h"
#include "analyzer/cluster/knn_graph.h"
#include "analyzer/cluster/stories.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/pipeline/claim_slots.h"
#include "analyzer/review/review_session.h"
#include "embeddings/embedding_model.h"
#include "embeddings/encoder_registry.h"
#include "embeddings/sentence_encoder.h"
#include "embeddings/wordnet_db.h"
#include "reports/progress.h"
#include "reports/render.h"

namespace diverge::pipeline {

namespace {

constexpr size_t kLabelBytes = 90;

// The text each statement is compared by: its own text without the text of the claim
// spans inside it. A sentence's member list is a statement of its own (claim_spans.h), so
// the sentence is compared by what else it says. `statements` are sorted by document and
// start offset, so a span follows its sentence (or shares its start).
std::vector<std::string> ComparisonTexts(const std::vector<ingest::Statement>& sts) {
  std::vector<std::string> out(sts.size());
  for (size_t i = 0; i < sts.size(); ++i) {
    out[i] = sts[i].text;
    auto inside = [&](size_t j) {
      return sts[j].doc == sts[i].doc && sts[j].start >= sts[i].start && sts[j].end <= sts[i].end &&
             sts[j].end - sts[j].start < sts[i].end - sts[i].start;
    };
    auto erase = [&](size_t j) {
      const size_t at = out[i].find(sts[j].text);
      if (at != std::string::npos) out[i].erase(at, sts[j].text.size());
    };
    for (size_t j = i; j > 0 && sts[j - 1].doc == sts[i].doc && sts[j - 1].start == sts[i].start;
         --j) {
      if (inside(j - 1)) erase(j - 1);
    }
    for (size_t j = i + 1; j < sts.size() && sts[j].doc == sts[i].doc && sts[j].start < sts[i].end;
         ++j) {
      if (inside(j)) erase(j);
    }
  }
  return out;
}


// The statement text cut at a word boundary to about kLabelBytes bytes.
std::string MakeLabel(const std::string& text) {
  if (text.size() <= kLabelBytes) return text;
  size_t cut = text.rfind(' ', kLabelBytes);
  if (cut == std::string::npos || cut < kLabelBytes / 2) cut = kLabelBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "\u2026";
}

struct Clustering {
  std::vector<report::ClaimCluster> clusters;
  std::vector<report::Story> stories;
  std::vector<reports::SimilarityEdge> edges;  // each member to its claim's medoid, for GraphML
  // Single words the corpus capitalises mid-sentence (anchor_links.h MidSentenceNames):
  // names even when they open a sentence, for the claim slots and the numeric detector.
  std::vector<std::string> mid_names;
};

// The member whose vector is closest to the mean vector of the claim (ties: smaller key):
// the claim's label. Linear in the claim's size.
int32_t Medoid(const std::vector<int32_t>& members, const RowMatrixXf& rows,
               const std::vector<uint64_t>& keys) {
  Eigen::VectorXf mean = Eigen::VectorXf::Zero(rows.cols());
  for (int32_t r : members) mean += rows.row(r).transpose();
  int32_t best = members.front();
  float best_dot = -2;
  for (int32_t r : members) {
    const float dot = rows.row(r).dot(mean);
    if (dot > best_dot || (dot == best_dot && keys[r] < keys[best])) best = r, best_dot = dot;
  }
  return best;
}

// The stories of report.json: documents by story index (story_of_doc), each with id
// "t-" + stable hash of its document ids and the title of its earliest document that has
// one (by date, then id) as label.
std::vector<report::Story> MakeStories(const std::vector<ingest::Document>& docs,
                                       const std::vector<int32_t>& story_of_doc) {
  int32_t count = 0;
  for (int32_t s : story_of_doc) count = std::max(count, s + 1);
  std::vector<report::Story> out(count);
  std::vector<const ingest::Document*> labelled(count, nullptr);
  for (size_t d = 0; d < docs.size(); ++d) {
    const int32_t s = story_of_doc[d];
    out[s].documents.push_back(docs[d].id);
    if (!docs[d].title || docs[d].title->empty()) continue;
    const ingest::Document* cur = labelled[s];
    auto date = [](const ingest::Document* x) { return x->date.value_or("9999"); };
    if (!cur || date(&docs[d]) < date(cur) || (date(&docs[d]) == date(cur) && docs[d].id < cur->id))
      labelled[s] = &docs[d];
  }
  for (int32_t s = 0; s < count; ++s) {
    std::sort(out[s].documents.begin(), out[s].documents.end());
    StableHasher h;
    for (const std::string& id : out[s].documents) h.Add(id);
    out[s].id = "t-" + h.Hex();
    out[s].label = labelled[s] ? MakeLabel(*labelled[s]->title)
                               : "story of document " + out[s].documents.front();
  }
  return out;
}

// Stories of the documents (stories.h), from the statements' content-word stems.
std::vector<int32_t> DocumentStories(const AnalyzeOptions& opt, size_t documents,
                                     const std::vector<embeddings::EncodedSentence>& encoded,
                                     const std::vector<int32_t>& doc_of_row,
                                     std::vector<int32_t>* families) {
  std::vector<std::vector<cluster::StoryTerm>> doc_terms(documents);
  for (size_t i = 0; i < encoded.size(); ++i) {
    for (cluster::StoryTerm& t : cluster::StoryTerms(encoded[i].terms, encoded[i].term_idf)) {
      doc_terms[doc_of_row[i]].push_back(std::move(t));
    }
  }
  return cluster::GroupStories(doc_terms, opt.stories, opt.threads, families);
}

// Pairs of rows of different documents of one story that share an anchor rare in that
// story (anchor_links.h; held by at most MaxHolders of the story's eligible rows):
// candidate edges the kNN graph may miss. Judging rarity per story keeps a story's
// candidates the same whatever other stories the folder holds, and bounds the pairs per
// anchor by the story's size, not the folder's.
std::vector<std::pair<int32_t, int32_t>> AnchorCandidates(const std::vector<std::string>& texts,
                                                          const std::vector<char>& eligible,
                                                          const std::vector<int32_t>& doc_of_row,
                                                          const std::vector<int32_t>& story_of_row,
                                                          const cluster::AnchorOptions& anchors) {
  std::vector<std::pair<int32_t, int32_t>> out;
  for (const auto& [anchor, holders] :
       cluster::RareAnchorHolders(cluster::CorpusAnchors(texts), eligible, anchors, story_of_row)) {
    for (size_t a = 0; a < holders.size(); ++a) {
      for (size_t b = a + 1; b < holders.size(); ++b) {
        const int32_t i = holders[a], j = holders[b];
        if (doc_of_row[i] != doc_of_row[j] && story_of_row[i] == story_of_row[j]) {
          out.push_back({i, j});
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Clustering ClusterStatements(const AnalyzeOptions& opt, const ingest::Corpus& corpus,
                             const std::vector<std::string>& texts,
                             const embeddings::SentenceEncoder& encoder,
                             const std::vector<embeddings::EncodedSentence>& encoded,
                             const RowMatrixXf& rows, reports::Progress& progress, Status* status) {
  Clustering out;
  const auto& sts = corpus.statements;
  std::vector<uint64_t> keys(sts.size());
  std::vector<int32_t> doc_of_row(sts.size());
  for (size_t i = 0; i < sts.size(); ++i) {
    keys[i] = StableHash(sts[i].id);
    auto doc = std::lower_bound(
        corpus.documents.begin(), corpus.documents.end(), sts[i].doc,
        [](const ingest::Document& d, const std::string& id) { return d.id < id; });
    doc_of_row[i] = static_cast<int32_t>(doc - corpus.documents.begin());
  }

  progress.Stage("stories");
  std::vector<int32_t> family_of_doc;
  const std::vector<int32_t> story_of_doc =
      DocumentStories(opt, corpus.documents.size(), encoded, doc_of_row, &family_of_doc);
  std::vector<int32_t> story_of_row(sts.size()), family_of_row(sts.size());
  for (size_t i = 0; i < sts.size(); ++i) {
    story_of_row[i] = story_of_doc[doc_of_row[i]];
    family_of_row[i] = family_of_doc[doc_of_row[i]];
  }
  out.stories = MakeStories(corpus.documents, story_of_doc);
  progress.Count(static_cast<int64_t>(out.stories.size()), "stories");

  progress.Stage("similarity graph");
  cluster::KnnOptions knn;
  knn.k = opt.k;
  knn.exact_limit = opt.exact_limit;
  knn.threads = opt.threads;
  knn.row_keys = keys;
  Result<cluster::KnnGraph> graph = cluster::BuildKnnGraph(rows, knn);
  if (!graph.ok()) {
    *status = graph.status();
    return out;
  }
  progress.Count(static_cast<int64_t>(sts.size()), "statements");

  progress.Stage("clustering");
  // Eligible: enough content words to make a claim, or a figure clause naming its thing
  // ("30,000 in Toulouse").
  std::vector<char> eligible(sts.size());
  std::vector<pipeline::SlotProfile> slots(sts.size());
  out.mid_names = cluster::MidSentenceNames(texts);
  const std::vector<std::string>& mid_names = out.mid_names;
  for (size_t i = 0; i < sts.size(); ++i) {
    slots[i] = pipeline::MakeSlotProfile(texts[i], mid_names);
    const int terms = static_cast<int>(encoded[i].terms.size());
    eligible[i] = terms >= opt.min_claim_terms || (slots[i].figure && terms >= 1);
  }
  // Two figures about the same named thing in one story, or in a story and its
  // follow-up (a family, stories.h), answer one question however differently worded
  // (claim_slots.h): they score as paraphrases.
  const std::vector<std::pair<int32_t, int32_t>> slot_pairs =
      pipeline::SlotMatchPairs(slots, family_of_row, doc_of_row, opt.anchors.max_statements,
                               pipeline::WordNetReferents(embeddings::WordSenses::Default()));
  cluster::PairScore score = [&](int32_t i, int32_t j) {
    if (pipeline::SlotConflict(slots[i], slots[j])) return 0.0f;
    if (std::binary_search(slot_pairs.begin(), slot_pairs.end(),
                           std::make_pair(std::min(i, j), std::max(i, j)))) {
      return 1.0f;
    }
    const float s = encoder.ClaimScore(encoded[i], encoded[j]);
    if (story_of_row[i] != story_of_row[j] && s < opt.cross_story_min) return 0.0f;
    return s;
  };
  cluster::ClusterOptions copt;
  copt.threshold = opt.threshold;
  copt.average_link_min = opt.average_link_min;
  copt.mutual = opt.mutual;
  copt.threads = opt.threads;
  copt.row_keys = keys;
  copt.eligible = eligible;
  copt.dense_component_limit = opt.dense_component_limit;
  std::vector<std::pair<int32_t, int32_t>> anchored;
  if (opt.anchor_links) {
    anchored = AnchorCandidates(texts, eligible, doc_of_row, story_of_row, opt.anchors);
  }
  std::vector<std::pair<int32_t, int32_t>> extra = anchored;
  extra.insert(extra.end(), slot_pairs.begin(), slot_pairs.end());
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
  copt.extra_candidates = extra;
  std::vector<cluster::ScoredPair> scored;
  copt.scored_out = &scored;
  std::vector<std::vector<int32_t>> groups =
      cluster::ClusterClaims(*graph, doc_of_row, copt, score);
  // Statements left out that share a rare name with a claim or with each other, at the
  // anchored links' weaker threshold, without chaining (anchor_links.h AttachAnchored).
  if (opt.anchor_links) {
    groups = cluster::AttachAnchored(std::move(groups), anchored, doc_of_row, eligible,
                                     cluster::CachedPairScore(scored, keys, score), keys,
                                     opt.anchors, opt.threads);
  }
  for (const std::vector<int32_t>& rows_of : groups) {
    report::ClaimCluster c;
    for (int32_t r : rows_of) c.statements.push_back(sts[r].id);
    std::sort(c.statements.begin(), c.statements.end());
    StableHasher h;
    for (const std::string& id : c.statements) h.Add(id);
    c.id = "c-" + h.Hex();
    const int32_t central = Medoid(rows_of, rows, keys);
    c.label = MakeLabel(sts[central].text);
    c.story = out.stories[story_of_row[central]].id;
    for (int32_t r : rows_of) {
      if (r != central) out.edges.push_back({sts[central].id, sts[r].id, score(central, r)});
    }
    out.clusters.push_back(std::move(c));
  }
  progress.Count(static_cast<int64_t>(out.clusters.size()), "claims");
  return out;
}

Status WriteOutputs(const report::Report& report, const std::vector<reports::SimilarityEdge>& edges,
                    const std::string& dir, int threads, std::vector<std::string>* written) {
  // One generation, switched to in one step (output_set.h): a run killed at any point
  // leaves the previous set of outputs or the new one, never a mix.
  std::vector<std::pair<std::string, std::string>> files(1);
  std::vector<std::pair<std::string, std::string>> rendered;
  // report.json on one thread while the other formats render on the rest (GraphML, the
  // largest, costs about as much as report.json).
  ParallelFor(std::min(threads, 2), 2, [&](int64_t task) {
    if (task == 0) {
      // Source links relative to DIR, where the names users open are.
      rendered = reports::RenderAllFormats(report, edges, reports::RenderOptions{dir},
                                           std::max(1, threads - 1));
    } else {
      files[0] = {"report.json", report::SerializeReport(report)};
    }
  });
  for (auto& file : rendered) files.push_back(std::move(file));
  DIVERGE_RETURN_IF_ERROR(WriteOutputSet(dir, files));
  for (const auto& [name, contents] : files) written->push_back(dir + "/" + name);
  return Status::Ok();
}

// A float knob as the decimal the user typed (0.7, not 0.699999988), for generator.params.
double Decimal(float v) { return std::round(static_cast<double>(v) * 1e6) / 1e6; }

}  // namespace

std::vector<std::string> MidSentenceNames(const std::vector<ingest::Statement>& statements) {
  return cluster::MidSentenceNames(ComparisonTexts(statements));
}

std::vector<embeddings::EncodedSentence> EncodeStatements(
    const embeddings::SentenceEncoder& encoder, const std::vector<std::string>& texts,
    int threads) {
  std::vector<embeddings::EncodedSentence> out(texts.size());
  ParallelFor(threads, static_cast<int64_t>(texts.size()),
              [&](int64_t i) { out[i] = encoder.Encode(texts[i]); });
  return out;
}

nlohmann::json AnalyzeOptions::Params() const {
  return {
      {"k", k},
      {"threshold", Decimal(threshold)},
      {"average_link_min", Decimal(average_link_min)},
      {"mutual_knn", mutual},
      {"min_claim_terms", min_claim_terms},
      {"anchor_links", anchor_links},
      {"cross_story_min", Decimal(cross_story_min)},
      {"dense_component_limit", dense_component_limit},
      {"story_min_similarity", Decimal(static_cast<float>(stories.min_similarity))},
      {"story_max_postings", stories.max_postings},
      {"story_family_min_similarity", Decimal(static_cast<float>(stories.family_min_similarity))},
      {"anchor_max_share", anchors.max_share},
      {"anchor_min_score", Decimal(anchors.min_score)},
      {"exact_knn_limit", exact_limit},
      {"detect", detect.ToJson()}};
}

Result<AnalyzeSummary> Analyze(const AnalyzeOptions& opt, AnalyzeStage* failed_at) {
  AnalyzeStage ignored;
  AnalyzeStage& stage = failed_at ? *failed_at : ignored;
  reports::Progress progress(opt.quiet);
  stage = AnalyzeStage::kIngest;
  progress.Stage("reading corpus");
  ingest::ReadOptions read;
  read.memory_budget_bytes = opt.memory_budget_bytes;
  Result<ingest::Corpus> corpus = ingest::ReadCorpus(opt.inputs, read);
  if (!corpus.ok()) return corpus.status();
  progress.Count(static_cast<int64_t>(corpus->documents.size()), "documents");

  progress.Stage("loading model");
  stage = AnalyzeStage::kModel;
  Result<std::unique_ptr<embeddings::EmbeddingModel>> model =
      embeddings::EmbeddingModel::Load(opt.model_path);
  if (!model.ok()) return model.status();
  Result<std::unique_ptr<embeddings::SentenceEncoder>> made =
      embeddings::MakeEncoder(embeddings::kDefaultEncoder, **model);
  if (!made.ok()) return made.status();
  const embeddings::SentenceEncoder& encoder = **made;

  progress.Stage("embedding");
  std::vector<std::string> texts = ComparisonTexts(corpus->statements);
  std::vector<embeddings::EncodedSentence> encoded = EncodeStatements(encoder, texts, opt.threads);
  RowMatrixXf rows(static_cast<Eigen::Index>(encoded.size()), encoder.dims());
  for (size_t i = 0; i < encoded.size(); ++i)
    rows.row(static_cast<Eigen::Index>(i)) = encoded[i].vector;
  progress.Count(static_cast<int64_t>(encoded.size()), "statements");

  stage = AnalyzeStage::kCluster;
  Status status;
  Clustering clustering =
      ClusterStatements(opt, *corpus, texts, encoder, encoded, rows, progress, &status);
  if (!status.ok()) return status;
  // The encodings, vectors and comparison texts served the clustering only: freed before
  // detection and writing, which hold the report (at 1M statements the encodings are
  // several GiB).
  std::vector<embeddings::EncodedSentence>().swap(encoded);
  rows.resize(0, 0);
  std::vector<std::string>().swap(texts);

  AnalyzeSummary summary;
  report::Report& report = summary.report;
  report.generator.version = DIVERGE_VERSION;
  report.generator.model = (*model)->id();
  report.generator.params = opt.Params();
  report.documents = corpus->documents;
  // report.json holds no full texts; detection reads them from corpus->documents.
  for (ingest::Document& d : report.documents) std::string().swap(d.text);
  report.statements = std::move(corpus->statements);
  report.clusters = std::move(clustering.clusters);
  report.stories = std::move(clustering.stories);
  report.set_aside = corpus->set_aside;  // what the clean-up did not analyse stays visible

  progress.Stage("detecting divergences");
  divergence::DetectOptions detect = opt.detect;
  detect.threads = opt.threads;
  divergence::DetectResult detected =
      divergence::DetectDivergences(report, corpus->documents, detect, clustering.mid_names);
  report.divergences = std::move(detected.divergences);
  report.entities = std::move(detected.entities);
  report.divergences_cut = std::move(detected.cut_by_kind);
  progress.Count(static_cast<int64_t>(report.divergences.size()), "divergences");
  std::vector<ingest::Document>().swap(corpus->documents);  // the full texts, no longer read

  stage = AnalyzeStage::kReview;
  std::string db_path = opt.db_path.empty() ? review::DefaultDbPath(opt.out_dir) : opt.db_path;
  DIVERGE_RETURN_IF_ERROR(review::CarryDecisions(report, db_path));

  progress.Stage("writing reports");
  stage = AnalyzeStage::kWrite;
  DIVERGE_RETURN_IF_ERROR(WriteOutputs(report, clustering.edges, opt.out_dir, opt.threads, &summary.written));
  summary.diagnostics = std::move(corpus->diagnostics);
  if (embeddings::WordNetDb::Default() == nullptr) {
    summary.diagnostics.Warn(embeddings::WordNetDb::DefaultDir(),
                             "WordNet not found (install wordnet-base, or set DIVERGE_WORDNET): "
                             "the pair similarity and the antonym detector ran without word "
                             "relations, so claims and divergences can differ from a machine "
                             "that has it");
  }
  summary.skipped_files = corpus->skipped_files;
  return summary;
}

}  // namespace diverge::pipeline
