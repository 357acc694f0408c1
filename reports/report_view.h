// ReportView: the reading order shared by every renderer. It indexes a Report (which
// it borrows; the Report must outlive the view), sorts everything itself so output
// does not depend on the order of the input arrays, and precomputes what the formats
// show: outlets, claims with their claim x outlet cells, divergences by score, the
// change-over-time timeline, and evidence highlight ranges.
#ifndef DIVERGE_REPORTS_REPORT_VIEW_H_
#define DIVERGE_REPORTS_REPORT_VIEW_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/report/report.h"
#include "reports/wire_copies.h"

namespace diverge::reports {

// "1 claim", "3 claims".
inline std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What an outlet says about a claim.
enum class Cell {
  kSilent,   // no statement of the outlet in the claim
  kAsserts,  // states the claim, no divergence involves its statements
  kDiffers,  // at least one of its statements in the claim is a side of a divergence
};
std::string_view CellName(Cell cell);  // "silent" | "asserts" | "differs"

struct ClaimView {
  const report::ClaimCluster* cluster = nullptr;
  std::string number;  // "C1", "C2", ... in reading order
  std::string label;   // the cluster label, or the start of its first statement
  std::vector<const ingest::Statement*> statements;    // by (outlet, date, doc, start, id)
  std::vector<const report::Divergence*> divergences;  // by (score desc, id)
  std::vector<std::string> divergence_numbers;  // their DivergenceView numbers, same order
  double max_score = 0;                         // of its divergences; 0 if none
  std::vector<Cell> cells;                      // one per ReportView::outlets()
  std::vector<double> cell_scores;              // max score of the outlet's divergences
  // One per outlet: 1 when every document through which the outlet carries the claim is
  // a wire copy (wire_copies.h) of an earlier document of another outlet in the claim;
  // such an outlet does not confirm the claim independently.
  std::vector<char> wire;
  size_t outlet_count = 0;  // outlets whose cell is not silent
  size_t wire_outlets = 0;  // of them, those with wire set
};

// "3 outlets", or "3 outlets (1 wire copy)" when some carry the claim only as a wire copy.
std::string OutletCount(const ClaimView& claim);

// What one outlet of a story says of the story's claims (Ground News' coverage view).
struct OutletCoverage {
  size_t outlet = 0;                         // index into ReportView::outlets()
  std::vector<const ingest::Document*> documents;  // its documents in the story, by id
  std::vector<const ClaimView*> carries;     // the story's claims it states, reading order
  size_t leaves_out = 0;  // how many of the story's claims it is silent on (LeftOut lists them)
};

struct StoryView;
// The first `limit` claims of `story` that the outlet of `coverage` is silent on, in
// reading order (a large story can leave thousands out: lists are capped by the caller).
std::vector<const ClaimView*> LeftOut(const StoryView& story, const OutletCoverage& coverage,
                                      size_t limit);

// A story (report.json "stories") with its claims. Reports without stories have one
// StoryView with story == null that holds every claim and document; claims naming a
// story the report does not list form a last StoryView with story == null.
struct StoryView {
  const report::Story* story = nullptr;
  std::string label;                        // the story label, or "" when story is null
  std::vector<const ClaimView*> claims;     // reading order
  std::vector<const ingest::Document*> documents;  // by id
  std::vector<OutletCoverage> coverage;     // one per outlet of its documents, by name
  std::vector<size_t> absent_outlets;       // outlets with no document in it (indices)
};

struct DivergenceView {
  const report::Divergence* divergence = nullptr;
  std::string number;                // "D1", "D2", ... by score
  const ClaimView* claim = nullptr;  // null if the cluster id is unknown
  const ingest::Statement* a = nullptr;  // null if unknown
  const ingest::Statement* b = nullptr;  // null for the silent side of an omission
};

struct TimelineEntry {
  const ingest::Statement* statement = nullptr;
  const ingest::Document* document = nullptr;
  const DivergenceView* divergence = nullptr;
};

// A figure a statement gives for a claim (the evidence of a numeric divergence), for
// the per-claim timeline of values ("820 -> 1,037 -> 2,497").
struct ValuePoint {
  const ingest::Statement* statement = nullptr;
  std::string value;  // the evidence text, as the outlet wrote it
};
struct ValueTimeline {
  const ClaimView* claim = nullptr;
  std::vector<ValuePoint> points;  // by (date, undated last), outlet, document, offset
};

struct Highlight {
  size_t begin = 0, end = 0;  // byte range into ingest::Statement::text
};

class ReportView {
 public:
  // `link_base`: the directory the rendered file goes to; source links are relative to
  // it ("" = the current directory). See SourcePath.
  explicit ReportView(const report::Report& report, std::string link_base = "");
  ReportView(const ReportView&) = delete;
  ReportView& operator=(const ReportView&) = delete;

  const report::Report& report() const { return report_; }
  const std::vector<std::string>& outlets() const { return outlets_; }
  const std::vector<const ingest::Document*>& documents() const { return documents_; }
  const std::vector<ClaimView>& claims() const { return claims_; }
  const std::vector<DivergenceView>& divergences() const { return divergences_; }
  const std::vector<TimelineEntry>& timeline() const { return timeline_; }
  // One per claim with a numeric divergence, in claim order: each statement that is a
  // side of one, with its figure.
  const std::vector<ValueTimeline>& value_timelines() const { return value_timelines_; }
  const std::vector<const report::Entity*>& entities() const { return entities_; }
  // Stories in reading order: by their first claim, then those without claims by
  // (label, id). Never empty when there are claims or documents.
  const std::vector<StoryView>& stories() const { return stories_; }
  // True when the report has two stories or more: renderers then show the claims under
  // story headings (a one-story report reads as it did before stories).
  bool grouped_by_story() const { return report_.stories.size() >= 2; }
  // The StoryView holding `claim` (null if none).
  const StoryView* StoryOf(const ClaimView& claim) const;
  // "2 documents from 2 outlets", the size of a story.
  static std::string StorySize(const StoryView& story);
  // The claims in reading order, or grouped by story when grouped_by_story() (stories in
  // reading order, each story's claims in reading order): the row order of tables.
  std::vector<const ClaimView*> ClaimsByStory() const;
  // Documents of different outlets that are the same agency copy (wire_copies.h).
  const std::vector<WireCopy>& wire_copies() const { return wire_copies_; }
  const std::vector<const ingest::Statement*>& statements() const { return statements_; }

  const ingest::Document* FindDocument(std::string_view id) const;
  const ingest::Statement* FindStatement(std::string_view id) const;
  const ingest::Document* DocumentOf(
      const ingest::Statement* s) const;  // null if s or its doc is unknown
  // Outlet name for display ("unknown outlet" if the document is unknown or unnamed).
  std::string OutletOf(const ingest::Statement* s) const;
  std::string DateOf(const ingest::Statement* s) const;  // "" if undated

  // The document's path as a report in link_base reaches it: relative to link_base
  // (the paths in report.json are relative to where `analyze` ran, or absolute), so a
  // report never shows the analyst's absolute folders. "" for an unknown document.
  std::string SourcePath(const ingest::Document* d) const;
  // Where a statement's source link points: the document's URL when report.json has a
  // safe http(s) one (a report sent elsewhere still links somewhere), else the
  // percent-encoded SourcePath plus "#start-end"; "" when not linkable.
  std::string SourceHref(const ingest::Statement& s) const;
  // "path#start-end", the text of a source link.
  std::string SourceLabel(const ingest::Statement& s) const;

  // Earliest and latest document date ("" if no document is dated).
  std::pair<std::string, std::string> DateRange() const;
  // Counts by kind / temporal label in enum order, including zeros.
  std::vector<std::pair<std::string, int>> CountByKind() const;
  std::vector<std::pair<std::string, int>> CountByTemporal() const;

  // Sorted, merged byte ranges of the evidence strings of `s` in `only` (or in every
  // divergence it is a side of, when `only` is null). Evidence not found verbatim is
  // searched ASCII case-insensitively and skipped if still absent.
  std::vector<Highlight> Highlights(const ingest::Statement& s,
                                    const report::Divergence* only = nullptr) const;

 private:
  const report::Report& report_;
  std::string link_base_;
  std::map<std::string, const ingest::Document*, std::less<>> doc_by_id_;
  std::map<std::string, const ingest::Statement*, std::less<>> statement_by_id_;
  std::map<std::string, std::vector<const report::Divergence*>, std::less<>>
      divergences_by_statement_;
  std::vector<std::string> outlets_;
  std::vector<const ingest::Document*> documents_;
  std::vector<const ingest::Statement*> statements_;
  std::vector<ClaimView> claims_;
  std::vector<DivergenceView> divergences_;
  std::vector<TimelineEntry> timeline_;
  std::vector<ValueTimeline> value_timelines_;
  std::vector<const report::Entity*> entities_;
  std::vector<StoryView> stories_;
  std::map<const ClaimView*, size_t> story_of_claim_;
  std::vector<WireCopy> wire_copies_;

  void BuildWire();
  void BuildStories();
};

// Writes `text` with the `ranges` wrapped in open/close markers; every piece of text
// goes through `escape`. Used for **bold** (Markdown) and <mark> (HTML) evidence.
template <typename Escape>
std::string WithHighlights(std::string_view text, const std::vector<Highlight>& ranges,
                           Escape escape, std::string_view open, std::string_view close) {
  std::string out;
  size_t pos = 0;
  for (const Highlight& h : ranges) {
    if (h.begin < pos || h.end > text.size() || h.begin >= h.end) continue;
    out += escape(text.substr(pos, h.begin - pos));
    out += open;
    out += escape(text.substr(h.begin, h.end - h.begin));
    out += close;
    pos = h.end;
  }
  out += escape(text.substr(pos));
  return out;
}

// "dismissed", or "dismissed (not the same claim)" when the review gives a reason.
std::string ReviewLabel(const report::Review& review);

// " (and 1234 more found: 1200 date, 34 numeric, cut by --max-flags)" when the flag cap
// cut divergences (Report::divergences_cut), else "". Counts and kind names only.
std::string CutNote(const report::Report& report);

// "0.87" (two decimals, C locale independent of the process locale).
std::string FormatScore(double score, int decimals = 2);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_REPORT_VIEW_H_
