// The analysis contract: the in-memory form of report.json
// (../shared/spec/report-json.md, schema "diverge.report/1") and its reader/writer.
// Everything that reads an analysis (review, renderers, evaluation, benchmarks) goes
// through ParseReport; everything that writes one goes through SerializeReport.
//
// Determinism: SerializeReport sorts documents by id, statements by (doc, start),
// stories, clusters, divergences, entities and orphaned reviews by id, and prints scores rounded to 1e-4,
// so the same analysis gives byte-identical output whatever the input order.
#ifndef DIVERGE_ANALYZER_REPORT_REPORT_H_
#define DIVERGE_ANALYZER_REPORT_REPORT_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/ingest/document.h"
#include "analyzer/report/divergence_kind.h"

namespace diverge::report {

inline constexpr std::string_view kReportSchema = "diverge.report/1";

struct ClaimCluster {
  std::string id;                       // "c-" + stable hash of its member statement ids
  std::string label;                    // short human label
  std::vector<std::string> statements;  // statement ids, from >= 2 documents
  std::string story;                    // Story::id of its medoid ("" in older reports)
};

// Documents that report the same news story (analyzer/cluster/stories.h).
struct Story {
  std::string id;                      // "t-" + stable hash of its document ids
  std::string label;                   // the title of its earliest titled document
  std::vector<std::string> documents;  // document ids, sorted
};

enum class Temporal { kContradiction, kChangeOverTime, kUndetermined };
enum class ReviewStatus { kOpen, kConfirmed, kDismissed };

std::string_view TemporalName(Temporal temporal);  // "contradiction", ...
std::optional<Temporal> ParseTemporal(std::string_view name);
std::string_view ReviewStatusName(ReviewStatus status);  // "open", ...
std::optional<ReviewStatus> ParseReviewStatus(std::string_view name);

struct DivergenceSide {
  std::optional<std::string> statement;  // null only for the silent side of an omission
  std::string evidence;                  // the words that conflict ("" for a silent side)
  // The silent outlet of an omission (its b side); absent for every other side. Written to
  // report.json only when set, so reports without it still read.
  std::optional<std::string> outlet;
};

struct Review {
  ReviewStatus status = ReviewStatus::kOpen;
  std::optional<std::string> note;
  // Why a dismissed flag was dismissed ("not_same_claim", "same_value", "name_variant",
  // "changed_over_time", "other"; analyzer/review DismissReason). Written only when set,
  // so reports without reviews are unchanged.
  std::optional<std::string> reason;
};

// A reviewer's decision on a divergence id that the report no longer holds (the
// corpus or the analysis changed). Kept in the review store, never deleted, and listed
// in report.json "orphaned_reviews" so it is not silently lost.
struct OrphanedReview {
  std::string id;  // the divergence id the decision was made on
  Review review;
  std::string reviewer;
  std::string updated;  // UTC, ISO 8601 ("2026-11-22T07:40:00Z")
};

// A reviewer's correction of the analysis (analyzer/review/corrections.h): a statement
// moved out of its claim, a claim split or two merged, a divergence's kind or temporal
// label changed, or an earlier correction retracted. `analyze` applies them after
// clustering and detection and records each here, with whether it still applied.
struct CorrectionRecord {
  int64_t seq = 0;     // order of entry in the review store
  std::string action;  // "move_out", "split", "merge", "set_kind", "set_temporal", "retract"
  std::vector<std::string> targets;  // statement ids, a divergence id, or a seq (retract)
  std::string value;                 // the new kind / temporal label ("" otherwise)
  std::string reviewer, time;
  std::optional<std::string> note;
  bool applied = false;
  std::string why;  // why it did not apply ("" when applied)
};

struct Divergence {
  std::string id;       // "d-" + stable hash of (kind, a statement, b statement/outlet, evidence)
  std::string cluster;  // ClaimCluster::id
  DivergenceKind kind = DivergenceKind::kOther;
  Temporal temporal = Temporal::kUndetermined;
  double score = 0;  // [0, 1], higher = more certain and more important
  DivergenceSide a, b;
  std::string explanation;  // one sentence a reviewer can check
  Review review;
};

struct Entity {
  std::string id;  // "e-" + stable hash of the canonical form
  std::string canonical;
  std::vector<std::string> variants;  // other spellings seen in the corpus, sorted
};

struct Generator {
  std::string name = "diverge";
  std::string version;
  std::string model;                                 // embedding model id
  nlohmann::json params = nlohmann::json::object();  // every result-changing parameter
};

struct Report {
  std::string schema = std::string(kReportSchema);
  Generator generator;
  std::vector<ingest::Document> documents;  // ingest::Document::text is not serialized
  std::vector<ingest::Statement> statements;
  std::vector<ClaimCluster> clusters;
  std::vector<Story> stories;  // written only when non-empty (older reports have none)
  std::vector<Divergence> divergences;
  std::vector<Entity> entities;
  // Written only when non-empty (reports of runs without a review store are unchanged).
  std::vector<OrphanedReview> orphaned_reviews;
  // Written only when non-empty: every correction in the review store, by seq.
  std::vector<CorrectionRecord> corrections;
  // Divergences found but not reported because of --max-flags, per kind name ("date":
  // 1234). Written only when non-empty (nothing was cut).
  std::map<std::string, int64_t> divergences_cut;
  // Lines the page clean-up set aside (cleanup.h: furniture, metadata, repeated, other
  // language), by (doc, start), so a reviewer can see what was not analysed. Written only
  // when non-empty.
  std::vector<ingest::SetAsideLine> set_aside;
};

// Sorts every array of `report` into the canonical order described above.
void CanonicalizeReport(Report& report);
// Canonical JSON text (2-space indent, trailing newline) of a canonicalized copy.
std::string SerializeReport(const Report& report);
// Parses report.json text. Errors are kCorruption naming `source` and, for JSON
// syntax errors, the byte offset; a different major schema is kUnsupported.
Result<Report> ParseReport(std::string_view json_text, const std::string& source);
Result<Report> LoadReport(const std::string& path);
// Writes SerializeReport(report) atomically.
Status SaveReport(const Report& report, const std::string& path);

// JSON shape of one divergence (documents and statements: ingest's DocumentToJson and
// StatementToJson, shared with `diverge ingest --json`).
nlohmann::json ToJson(const Divergence& d);

}  // namespace diverge::report

#endif  // DIVERGE_ANALYZER_REPORT_REPORT_H_
