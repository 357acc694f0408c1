// The report renderers: Markdown, self-contained HTML, CSV and GraphML views of one
// analysis (analyzer/report/report.h). Rendering is pure and deterministic: the same
// Report gives byte-identical text whatever the order of its arrays (everything is
// sorted here), and no output depends on time, locale or environment.
//
// What each format holds:
//  - md / html: summary counts, the claim x outlet matrix (asserts / differs / silent),
//    divergences by score with both sides, evidence highlighted (**bold** / <mark>),
//    explanation and review status, a timeline of change-over-time divergences, every
//    claim's statements side by side with outlet, date and source offsets
//    (path#start-end), entities with their name variants, documents and run parameters.
//    When report.json has two stories or more, the matrix rows and the claims are shown
//    under story headings (stories in reading order, by their first claim). Coverage by
//    outlet: per story, the claims each outlet carries and those it leaves out, and the
//    wire copies (reports/wire_copies.h: documents of two outlets with the same agency
//    text, found from the statements report.json holds); an outlet that carries a claim
//    only as a wire copy is marked so and counted apart ("3 outlets (1 wire copy)").
//    The HTML adds an inline SVG heatmap of the matrix and a bar chart of kinds; it is
//    one file with no scripts and a strict Content-Security-Policy, and escapes all
//    corpus text; only http(s) URLs become links. On large reports each HTML section
//    shows its first rows (matrix 100 claims x 40 outlets, 500 divergences, 200 claims
//    (more if shown divergences name more) of at most 30 statements, 300 timeline rows,
//    300 names, 500 documents; the
//    strongest first) with "showing the first N of M" and links to report.json and
//    divergences.csv, which hold everything; the Markdown is complete.
//  - csv: RFC 4180, CRLF line ends, header + one row per divergence by score (columns
//    in kCsvColumns). Cells starting with = + - @ TAB CR get a leading apostrophe
//    (spreadsheet formula-injection guard), so such a cell reads back with a "'".
//  - graphml: Boost.Graph write_graphml; vertices are outlets, claims (clusters) and
//    statements (attribute "type"), edges are member_of (statement -> claim), said_by
//    (statement -> outlet), diverges (statement a -> b) and similar (optional extra
//    edges) (attribute "type"). Similar edges join two statements of one claim only,
//    and only the strongest: each statement's kGraphmlSimilarPerStatement best (an
//    edge stays if it is among the best of either end), so a large claim does not add
//    a quadratic number of edges. Text holds only characters XML 1.0 allows (XmlChars).
#ifndef DIVERGE_REPORTS_RENDER_H_
#define DIVERGE_REPORTS_RENDER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/report/report.h"

namespace diverge::reports {

enum class ReportFormat { kMarkdown, kHtml, kCsv, kGraphml };

// "md" | "markdown" | "html" | "csv" | "graphml" (case-sensitive); else kInvalidArgument.
Result<ReportFormat> ParseReportFormat(std::string_view name);
std::string_view ReportFormatName(ReportFormat format);  // "md", "html", "csv", "graphml"

// An extra statement-statement similarity edge for the GraphML view (report.json holds
// no similarities). Edges naming unknown statements are skipped; duplicates (in either
// direction) are kept once, with the highest similarity.
struct SimilarityEdge {
  std::string a, b;  // statement ids
  float sim = 0;
};

inline constexpr std::string_view kCsvColumns[] = {
    "id",         "cluster",     "kind",          "temporal",   "score",  "outlet_a",
    "date_a",     "statement_a", "evidence_a",    "outlet_b",   "date_b", "statement_b",
    "evidence_b", "explanation", "review_status", "review_note"};

// Where the rendered text will be read from.
struct RenderOptions {
  // The directory the output file is written to: Markdown and HTML link each statement
  // to its document relative to it (or to the document's URL), so a report moved with
  // its corpus, or sent without it, never shows the analyst's absolute folders. "" =
  // the current directory (stdout).
  std::string report_dir;
};

inline constexpr size_t kGraphmlSimilarPerStatement = 5;

// Renders `report` in `format`. `similarities` only affects GraphML.
std::string Render(const report::Report& report, ReportFormat format,
                   const std::vector<SimilarityEdge>& similarities = {},
                   const RenderOptions& options = {});

// Every format (kAllReportFormats' order: Markdown, HTML, CSV, GraphML), each paired with
// its DefaultFileName and rendered from one view of `report` (built once, not once per
// format), on up to `threads` threads. Each text equals Render(report, format, ...).
inline constexpr ReportFormat kAllReportFormats[] = {ReportFormat::kMarkdown, ReportFormat::kHtml,
                                                     ReportFormat::kCsv, ReportFormat::kGraphml};
std::vector<std::pair<std::string, std::string>> RenderAllFormats(
    const report::Report& report, const std::vector<SimilarityEdge>& similarities,
    const RenderOptions& options, int threads);

// File name WriteAllFormats uses for `format`: report.md, report.html, divergences.csv,
// claims.graphml.
std::string_view DefaultFileName(ReportFormat format);

// Writes report.md, report.html, divergences.csv and claims.graphml into `dir` (which
// must exist; source links relative to it), each atomically (WriteFileAtomic). Stops at
// the first failure and returns it (kIOError naming the file); files already written stay.
Status WriteAllFormats(const report::Report& report, const std::string& dir,
                       const std::vector<SimilarityEdge>& similarities = {});

// `diverge report`: loads report.json at `report_path` (LoadReport errors unchanged)
// and renders it.
Result<std::string> RenderReportFile(const std::string& report_path, ReportFormat format,
                                     const RenderOptions& options = {});

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_RENDER_H_
