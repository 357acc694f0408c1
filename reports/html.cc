// report.html: one self-contained page (inline CSS and SVG, no scripts, no external
// resources, strict CSP). Every piece of corpus and manifest text goes through
// HtmlEscape; manifest URLs become links only when IsSafeHttpUrl.
#include <algorithm>
#include <map>
#include <string>

#include "reports/escape.h"
#include "reports/formats.h"
#include "reports/svg.h"

namespace diverge::reports {

namespace {

constexpr const char* kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;
padding:1rem 1.5rem;color:#1d1d1f;line-height:1.45}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.num{text-align:right}td,th{overflow-wrap:break-word}code,td.url{overflow-wrap:anywhere}td.date{white-space:nowrap}
td.src{max-width:14rem}
mark{background:#ffd54f;padding:0 .1em}
.intro{font-size:1.05rem;color:#333}.muted{color:#666}.small{font-size:.85rem}
.tag{display:inline-block;border-radius:3px;padding:0 .4em;margin-right:.3em;font-size:.85rem;
background:#ecebf5;color:#433f7a}
.status-open{background:#eee;color:#444}.status-confirmed{background:#d8f0e3;color:#0b5b36}
.status-dismissed{background:#f6dede;color:#8a1f1f;text-decoration:line-through}
.divergence{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:1rem 0}
.divergence h3{margin:.1rem 0 .4rem;font-size:1.05rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.side{background:#fafafa;border-left:4px solid #d95f02;padding:.4rem .6rem}
.side.silent{border-left-color:#bbb;color:#666;font-style:italic}
.meta{font-size:.85rem;color:#555;margin-bottom:.2rem;overflow-wrap:anywhere}
td.differs{background:#fbe3d2;font-weight:bold}td.asserts{background:#d9efe7}
td.silent{color:#aaa;text-align:center}td.wire{background:#e8eef7;font-style:italic}
table.matrix tr.story th{background:#ecebf5;color:#433f7a;font-weight:bold}h3.story{color:#433f7a}
.scroll{overflow-x:auto}
.matrix-wrap{overflow:auto;max-height:80vh;border:1px solid #ddd;margin:.5rem 0 1rem}
table.matrix{width:auto;border-collapse:separate;border-spacing:0;margin:0}
table.matrix th,table.matrix td{border-width:0 1px 1px 0}
table.matrix thead th{position:sticky;top:0;z-index:2;background:#f4f4f6}
table.matrix th.claim{position:sticky;left:0;z-index:1;background:#fff;min-width:12rem;
max-width:24rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-weight:normal}
table.matrix th.claim:hover,table.matrix th.claim:focus-within{white-space:normal;overflow:visible}
table.matrix thead th.corner{left:0;z-index:3}
table.matrix th.outlet{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
max-height:11rem;overflow:hidden;text-overflow:ellipsis;font-size:.8rem;padding:.4rem .15rem}
table.matrix td{min-width:1.5rem;text-align:center;padding:.15rem .25rem;font-size:.8rem}
.figures{font-size:1.05rem}
code{background:#f4f4f6;padding:0 .2em;border-radius:3px}
.filter input{position:absolute;opacity:0}
.filter label{display:inline-block;border:1px solid #bbb;border-radius:3px;padding:0 .5em;
margin:0 .3em .3em 0;cursor:pointer;font-size:.85rem}
.filter input:checked+label{background:#433f7a;color:#fff;border-color:#433f7a}
.filter input:focus-visible+label{outline:2px solid #d95f02}
@media (max-width:700px){.sides{grid-template-columns:1fr}}
)css";

std::string H(std::string_view text) { return HtmlEscape(text); }

// "Story: <label>" (unescaped), or "Other claims" for claims of no listed story.
std::string StoryTitle(const StoryView& t) {
  return t.story == nullptr ? std::string("Other claims") : "Story: " + t.label;
}

// Large reports stay usable: each section shows its first rows (the strongest first:
// claims and divergences are in reading order) and says how many there are in all; the
// complete data is in report.json and divergences.csv beside report.html.
constexpr size_t kMatrixClaims = 100;     // rows of the claim x outlet matrix
constexpr size_t kMatrixOutlets = 40;     // its columns: the outlets in most shown claims
constexpr size_t kShownDivergences = 500;
constexpr size_t kShownTimeline = 300;
constexpr size_t kShownClaims = 200;      // or more: every claim of a shown divergence
constexpr size_t kClaimStatements = 30;   // statements listed per claim
constexpr size_t kShownEntities = 300;
constexpr size_t kShownDocuments = 500;

// "<p class="muted small">Showing the first 100 of 2,345 claims; all are in report.json."
// or "" when everything is shown.
std::string Truncated(size_t shown, size_t total, const char* what, const char* where) {
  if (shown >= total) return "";
  return "<p class=\"muted small truncated\">Showing the first " + std::to_string(shown) +
         " of " + std::to_string(total) + " " + what + "; all of them are in " + where + ".</p>\n";
}

// The outlet columns of the matrix: all when few, else the kMatrixOutlets outlets that
// speak in most of the shown claims (ties: reading order), kept in reading order.
std::vector<size_t> MatrixColumns(const ReportView& view, size_t rows) {
  const size_t n = view.outlets().size();
  std::vector<size_t> cols(n);
  for (size_t o = 0; o < n; ++o) cols[o] = o;
  if (n <= kMatrixOutlets) return cols;
  std::vector<size_t> presence(n, 0);
  for (size_t c = 0; c < rows; ++c) {
    for (size_t o = 0; o < n; ++o) presence[o] += view.claims()[c].cells[o] != Cell::kSilent;
  }
  std::stable_sort(cols.begin(), cols.end(),
                   [&](size_t x, size_t y) { return presence[x] > presence[y]; });
  cols.resize(kMatrixOutlets);
  std::sort(cols.begin(), cols.end());
  return cols;
}

// `note` on a line of its own below a table ("" stays "", so small reports keep their bytes).
std::string Below(const std::string& note) { return note.empty() ? note : "\n" + note; }

const char* kFullData =
    "<a href=\"report.json\">report.json</a> and <a href=\"divergences.csv\">divergences.csv</a>";
const char* kJsonData = "<a href=\"report.json\">report.json</a>";

std::string Highlighted(const ReportView& view, const ingest::Statement& s,
                        const report::Divergence* only) {
  return WithHighlights(s.text, view.Highlights(s, only), H, "<mark>", "</mark>");
}

std::string SourceLink(const ReportView& view, const ingest::Statement& s) {
  std::string label = view.SourceLabel(s), href = view.SourceHref(s);
  if (href.empty()) return "<code>" + H(label) + "</code>";
  return "<a href=\"" + H(href) + "\"><code>" + H(label) + "</code></a>";
}

std::string Counts(const std::vector<std::pair<std::string, int>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) {
    if (n == 0) continue;
    out += "<span class=\"tag\">" + H(name) + " " + std::to_string(n) + "</span>";
  }
  return out.empty() ? "none" : out;
}

void Summary(const ReportView& view, std::string& out) {
  const report::Report& r = view.report();
  auto [lo, hi] = view.DateRange();
  std::string range = lo.empty() ? "undated" : (lo == hi ? H(lo) : H(lo) + " to " + H(hi));
  out +=
      "<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary\" style=\"width:auto\">"
      "<tbody>\n";
  auto row = [&](const char* what, const std::string& value) {
    out += std::string("<tr><th>") + what + "</th><td class=\"num\">" + value + "</td></tr>\n";
  };
  row("Documents", std::to_string(view.documents().size()));
  row("Outlets", std::to_string(view.outlets().size()));
  row("Date range", range);
  row("Statements", std::to_string(r.statements.size()));
  if (!r.stories.empty()) row("Stories", std::to_string(r.stories.size()));
  row("Claims (statements grouped across outlets)", std::to_string(view.claims().size()));
  row("Divergences", std::to_string(r.divergences.size()) + H(CutNote(r)));
  out += "</tbody></table>\n<p>By kind: " + Counts(view.CountByKind()) + "</p>\n";
  out += "<p>By temporal label: " + Counts(view.CountByTemporal()) + "</p>\n";
  out +=
      "<p class=\"muted small\"><em>contradiction</em>: the outlets cannot both be right about "
      "the same moment; <em>change_over_time</em>: each may have been right at its own date; "
      "<em>undetermined</em>: the dates do not tell.</p>\n";
  out += KindBarsSvg(view);
  out += "</section>\n";
}

void Matrix(const ReportView& view, std::string& out) {
  out += "<section id=\"matrix\"><h2>Who says what: claims by outlet</h2>\n";
  if (view.claims().empty() || view.outlets().empty()) {
    out += "<p>No claim is shared by two documents.</p></section>\n";
    return;
  }
  // Up to 30 outlets the heatmap fits the page (its cells narrow); beyond, the table is
  // the matrix: it scrolls inside its box with the outlet row and the claim column
  // sticky, outlet names upright, and each full label on hover (title). Large corpora
  // show the first kMatrixClaims claims and the kMatrixOutlets outlets in most of them.
  const size_t rows = std::min(view.claims().size(), kMatrixClaims);
  const std::vector<size_t> cols = MatrixColumns(view, rows);
  const bool wide = cols.size() > 30;
  out +=
      "<p>One row per claim, one column per outlet. <strong>differs</strong> (!): the outlet's "
      "statement is a side of a divergence; asserts (✓): it states the claim without "
      "conflict; ·: silent (no statement on this claim)." +
      (view.wire_copies().empty()
           ? std::string()
           : " w (wire copy): the outlet states the claim only in a copy of another outlet's "
             "agency text, so it does not confirm it independently.") +
      "</p>\n" +
      Truncated(rows, view.claims().size(), "claims (rows)", kJsonData) +
      Truncated(cols.size(), view.outlets().size(),
                "outlets (columns: those in most of these claims)", kJsonData);
  if (!wide) out += "<div class=\"scroll\">" + HeatmapSvg(view, rows, cols) + "</div>\n";
  out += std::string(wide ? "<div>" : "<details><summary>The matrix as a table</summary>") +
         "<div class=\"matrix-wrap\"><table class=\"matrix\"><thead><tr><th class=\"claim "
         "corner\">Claim</th>";
  const bool narrow = cols.size() > 6;
  for (size_t o : cols) {
    const std::string& name = view.outlets()[o];
    out += "<th class=\"outlet\" title=\"" + HtmlAttrEscape(name) + "\">" + H(name) + "</th>";
  }
  out += "</tr></thead><tbody>\n";
  std::vector<const ClaimView*> order;  // the first `rows` claims, grouped by story
  for (const ClaimView* c : view.ClaimsByStory()) {
    if (static_cast<size_t>(c - view.claims().data()) < rows) order.push_back(c);
  }
  const StoryView* story = nullptr;
  for (const ClaimView* claim : order) {
    const ClaimView& c = *claim;
    if (view.grouped_by_story() && view.StoryOf(c) != story) {
      story = view.StoryOf(c);
      out += "<tr class=\"story\"><th class=\"claim story\" colspan=\"" +
             std::to_string(cols.size() + 1) + "\" title=\"" + HtmlAttrEscape(StoryTitle(*story)) +
             "\">" + H(StoryTitle(*story)) + "</th></tr>\n";
    }
    out += "<tr><th class=\"claim\" title=\"" + c.number + " " + HtmlAttrEscape(c.label) +
           "\"><a href=\"#claim-" +
           c.number + "\">" + c.number + "</a> " + H(c.label) + "</th>";
    for (size_t o : cols) {
      const Cell cell = c.cells[o];
      std::string name(CellName(cell));
      const bool wire = cell == Cell::kAsserts && c.wire[o];
      std::string mark = cell == Cell::kSilent            ? "·"
                         : wire                           ? (narrow ? "w" : "wire copy")
                         : !narrow                        ? name
                         : cell == Cell::kDiffers         ? "!"
                                                          : "✓";
      std::string outlet = o < view.outlets().size() ? view.outlets()[o] : "";
      out += "<td class=\"" + name + (wire ? " wire" : "") + "\" title=\"" +
             HtmlAttrEscape(outlet) + ": " + name + (wire ? " (wire copy)" : "") + "\">" + mark +
             "</td>";
    }
    out += "</tr>\n";
  }
  out += std::string("</tbody></table></div>") + (wide ? "</div>" : "</details>") +
         "</section>\n";
}

// Show-only-one-kind buttons without scripts: radio inputs and :checked sibling rules
// (the generated CSS only names our own kind names, never corpus text).
void KindFilter(const ReportView& view, std::string& out) {
  std::string css, buttons;
  buttons += "<input type=\"radio\" name=\"kind\" id=\"f-all\" checked><label for=\"f-all\">all " +
             std::to_string(view.divergences().size()) + "</label>";
  for (const auto& [kind, n] : view.CountByKind()) {
    if (n == 0) continue;
    std::string id = "f-" + kind;
    buttons += "<input type=\"radio\" name=\"kind\" id=\"" + id + "\"><label for=\"" + id + "\">" +
               kind + " " + std::to_string(n) + "</label>";
    css += "#" + id + ":checked~.divs .divergence:not(.kind-" + kind + "){display:none}\n";
  }
  out += "<style>" + css + "</style>\n<div class=\"filter\"><span class=\"small\">Show: </span>" +
         buttons + "\n<div class=\"divs\">\n";
}

void Divergences(const ReportView& view, std::string& out) {
  out += "<section id=\"divergences\"><h2>Divergences, strongest first</h2>\n";
  if (view.divergences().empty()) {
    out += "<p>No divergences were found.</p></section>\n";
    return;
  }
  out +=
      "<p>Sorted by score (0 to 1: how certain and how important). The conflicting words "
      "are <mark>highlighted</mark>.</p>\n";
  out += Truncated(kShownDivergences, view.divergences().size(), "divergences", kFullData);
  KindFilter(view, out);
  for (size_t i = 0; i < view.divergences().size() && i < kShownDivergences; ++i) {
    const DivergenceView& v = view.divergences()[i];
    const report::Divergence& d = *v.divergence;
    std::string kind(report::KindName(d.kind)), temporal(report::TemporalName(d.temporal));
    std::string status(report::ReviewStatusName(d.review.status));
    out += "<article class=\"divergence kind-" + kind + "\" id=\"" + H(d.id) + "\" data-kind=\"" +
           kind + "\">\n<h3>" + v.number + " <span class=\"tag\">" + kind +
           "</span><span class=\"tag\">" + temporal + "</span>score " + FormatScore(d.score) +
           " <span class=\"tag status-" + status + "\">" + status + "</span></h3>\n";
    out += "<div class=\"meta\">Claim " +
           (v.claim ? "<a href=\"#claim-" + v.claim->number + "\">" + v.claim->number + "</a> " +
                          H(v.claim->label)
                    : H(d.cluster)) +
           " · id <code>" + H(d.id) + "</code></div>\n<div class=\"sides\">" +
           HtmlSide(view, "A", v.a, d.a.statement, d) + HtmlSide(view, "B", v.b, d.b.statement, d) +
           "</div>\n<p class=\"why\"><strong>Why:</strong> " +
           (d.explanation.empty() ? std::string("(no explanation)") : H(d.explanation)) + "</p>\n";
    out += "<p class=\"review\"><strong>Review:</strong> " + H(ReviewLabel(d.review));
    if (d.review.note && !d.review.note->empty()) out += " — " + H(*d.review.note);
    out += "</p>\n</article>\n";
  }
  out += "</div></div>\n";  // .divs, .filter
  out += "</section>\n";
}

void Timeline(const ReportView& view, std::string& out) {
  if (view.timeline().empty()) return;
  out +=
      "<section id=\"timeline\"><h2>Timeline of changes over time</h2>\n<p>Statements of "
      "<em>change_over_time</em> divergences, by date: each may have been true when it was "
      "published.</p>\n<table class=\"timeline\"><thead><tr><th>Date</th><th>Outlet</th>"
      "<th>Claim</th><th>Statement</th><th>Divergence</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < view.timeline().size() && i < kShownTimeline; ++i) {
    const TimelineEntry& e = view.timeline()[i];
    const DivergenceView& v = *e.divergence;
    std::string date = view.DateOf(e.statement);
    out += "<tr><td class=\"date\">" + (date.empty() ? std::string("undated") : H(date)) +
           "</td><td>" + H(view.OutletOf(e.statement)) + "</td><td>" +
           (v.claim ? v.claim->number : H(v.divergence->cluster)) + "</td><td>" +
           Highlighted(view, *e.statement, v.divergence) + "</td><td><a href=\"#" +
           H(v.divergence->id) + "\">" + v.number + "</a></td></tr>\n";
  }
  out += "</tbody></table>" +
         Below(Truncated(kShownTimeline, view.timeline().size(), "timeline rows", kJsonData)) +
         "</section>\n";
}

// Per claim with numeric divergences: the figures by date and outlet.
void Figures(const ReportView& view, std::string& out) {
  if (view.value_timelines().empty()) return;
  out +=
      "<section id=\"figures\"><h2>How the figures moved</h2>\n<p>For each claim with "
      "differing numbers, every figure given, by publication date.</p>\n";
  for (const ValueTimeline& t : view.value_timelines()) {
    std::string line;
    for (const ValuePoint& p : t.points) {
      line += (line.empty() ? "" : " → ") + std::string("<strong>") + H(p.value) + "</strong>";
    }
    out += "<p class=\"figures\"><a href=\"#claim-" + t.claim->number + "\">" + t.claim->number +
           "</a> " + H(t.claim->label) + ": " + line +
           "</p>\n<table class=\"figures\"><thead><tr><th>Date</th><th>Outlet</th><th>Figure</th>"
           "<th>Statement</th></tr></thead><tbody>\n";
    for (const ValuePoint& p : t.points) {
      std::string date = view.DateOf(p.statement);
      out += "<tr><td class=\"date\">" + (date.empty() ? std::string("undated") : H(date)) +
             "</td><td>" + H(view.OutletOf(p.statement)) + "</td><td class=\"num\">" + H(p.value) +
             "</td><td>" + H(p.statement->text) + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
  }
  out += "</section>\n";
}

// How many claims (in reading order) the claims section shows: the first kShownClaims,
// and at least every claim a shown divergence links to (claims with divergences come
// first in reading order, so these are few more).
size_t ShownClaims(const ReportView& view) {
  size_t shown = std::min(view.claims().size(), kShownClaims);
  for (size_t i = 0; i < view.divergences().size() && i < kShownDivergences; ++i) {
    const ClaimView* c = view.divergences()[i].claim;
    if (c != nullptr) shown = std::max(shown, size_t(c - view.claims().data()) + 1);
  }
  return shown;
}

// Claim numbers, each linked to its card when the claims section shows it; one carried
// only as a wire copy is marked "(wire)". At most kCoverageClaims, then "and N more".
constexpr size_t kCoverageClaims = 60;
std::string ClaimList(const ReportView& view, const std::vector<const ClaimView*>& claims,
                      size_t total, size_t outlet, size_t shown) {
  std::string out;
  for (size_t i = 0; i < claims.size() && i < kCoverageClaims; ++i) {
    const ClaimView* c = claims[i];
    if (!out.empty()) out += " ";
    out += static_cast<size_t>(c - view.claims().data()) < shown
               ? "<a href=\"#claim-" + c->number + "\">" + c->number + "</a>"
               : c->number;
    if (outlet < c->wire.size() && c->wire[outlet]) out += " <span class=\"tag\">wire</span>";
  }
  const size_t listed = std::min(claims.size(), kCoverageClaims);
  if (total > listed) out += " and " + std::to_string(total - listed) + " more";
  return out.empty() ? "—" : out;
}

// Per story, which of its claims each outlet carries and which it leaves out (as news
// readers know it from Ground News); then the wire copies.
void Coverage(const ReportView& view, std::string& out) {
  if (view.documents().empty()) return;
  out +=
      "<section id=\"coverage\"><h2>Coverage by outlet</h2>\n<p>Which of each story's claims "
      "every outlet carries and which it leaves out. A <em>wire copy</em> is a document with "
      "the same agency text as another outlet's earlier one (at least half of the shorter "
      "text's 5-word sequences appear in the other): its agreement is not independent "
      "confirmation, so it is marked <span class=\"tag\">wire</span>.</p>\n";
  const size_t shown = ShownClaims(view);
  size_t rows = 0, total = 0;
  for (const StoryView& t : view.stories()) total += t.coverage.size();
  for (const StoryView& t : view.stories()) {
    if (t.coverage.empty() || rows >= kShownDocuments) continue;
    if (view.grouped_by_story()) {
      out += "<h3 class=\"story\">" + H(StoryTitle(t)) + "</h3>\n<p class=\"meta\">" +
             ReportView::StorySize(t) + ", " + Plural(t.claims.size(), "claim", "claims") +
             "</p>\n";
    }
    out +=
        "<table class=\"coverage\"><thead><tr><th>Outlet</th><th>Documents</th><th>Carries</th>"
        "<th>Leaves out</th></tr></thead><tbody>\n";
    for (const OutletCoverage& c : t.coverage) {
      if (rows >= kShownDocuments) break;
      ++rows;
      std::string docs;
      for (const ingest::Document* d : c.documents) docs += (docs.empty() ? "" : ", ") + H(d->id);
      out += "<tr><td>" + H(view.outlets()[c.outlet]) + "</td><td>" + docs +
             "</td><td class=\"carries\">" + std::to_string(c.carries.size()) + " of " +
             std::to_string(t.claims.size()) +
             (c.carries.empty()
                  ? ""
                  : ": " + ClaimList(view, c.carries, c.carries.size(), c.outlet, shown)) +
             "</td><td class=\"leaves-out\">" +
             ClaimList(view, LeftOut(t, c, kCoverageClaims), c.leaves_out, c.outlet, shown) +
             "</td></tr>\n";
    }
    out += "</tbody></table>\n";
    if (view.grouped_by_story() && !t.absent_outlets.empty()) {
      std::string names;
      for (size_t o : t.absent_outlets) {
        names += (names.empty() ? "" : ", ") + H(view.outlets()[o]);
      }
      out += "<p class=\"small absent\">Not covering this story: " + names + ".</p>\n";
    }
  }
  out += Truncated(rows, total, "outlet rows", kJsonData);
  out += "<h3>Wire copies</h3>\n";
  if (view.wire_copies().empty()) {
    out += "<p class=\"wire-copies\">No two documents of different outlets carry the same "
           "agency text.</p></section>\n";
    return;
  }
  out +=
      "<table class=\"wire-copies\"><thead><tr><th>Copy</th><th>Outlet</th><th>Copy of</th>"
      "<th>Outlet</th><th>Shared text</th></tr></thead><tbody>\n";
  for (const WireCopy& w : view.wire_copies()) {
    const ingest::Document* copy = view.FindDocument(w.copy);
    const ingest::Document* original = view.FindDocument(w.original);
    out += "<tr><td>" + H(w.copy) + "</td><td>" + (copy ? H(copy->outlet) : "—") + "</td><td>" +
           H(w.original) + "</td><td>" + (original ? H(original->outlet) : "—") +
           "</td><td>" + std::to_string(static_cast<int>(w.share * 100 + 0.5)) +
           "% of the shorter text (" + std::to_string(w.shared) + " 5-word sequences)</td></tr>\n";
  }
  out += "</tbody></table></section>\n";
}

void Claims(const ReportView& view, std::string& out) {
  if (view.claims().empty()) return;
  // The first kShownClaims, and at least every claim a shown divergence links to
  // (claims with divergences come first in reading order, so these are few more).
  const size_t shown = ShownClaims(view);
  out += "<section id=\"claims\"><h2>Claims, statement by statement</h2>\n" +
         Truncated(shown, view.claims().size(), "claims", kJsonData);
  const bool grouped = view.grouped_by_story();
  const StoryView* story = nullptr;
  for (const ClaimView* claim : view.ClaimsByStory()) {
    if (static_cast<size_t>(claim - view.claims().data()) >= shown) continue;
    const ClaimView& c = *claim;
    if (grouped && view.StoryOf(c) != story) {
      story = view.StoryOf(c);
      out += "<h3 class=\"story\">" + H(StoryTitle(*story)) + "</h3>\n<p class=\"meta\">" +
             ReportView::StorySize(*story) + ", " +
             Plural(story->claims.size(), "claim", "claims") + "</p>\n";
    }
    const char* h = grouped ? "h4" : "h3";
    out += "<div class=\"claim\" id=\"claim-" + c.number + "\"><" + h + ">" + c.number + " · " +
           H(c.label) + "</" + h + ">\n<p class=\"meta\">" +
           Plural(c.statements.size(), "statement", "statements") + " from " + OutletCount(c);
    if (!c.divergences.empty()) {
      out += "; divergences:";
      for (size_t i = 0; i < c.divergences.size() && i < c.divergence_numbers.size(); ++i) {
        out += " <a href=\"#" + H(c.divergences[i]->id) + "\">" + c.divergence_numbers[i] + "</a>";
      }
    }
    out += ". Claim id <code>" + H(c.cluster->id) +
           "</code>.</p>\n<table><thead><tr>"
           "<th>Outlet</th><th>Date</th><th>Statement</th><th>Source</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < c.statements.size() && i < kClaimStatements; ++i) {
      const ingest::Statement* s = c.statements[i];
      std::string date = view.DateOf(s);
      out += "<tr><td>" + H(view.OutletOf(s)) + "</td><td class=\"date\">" +
             (date.empty() ? std::string("undated") : H(date)) + "</td><td>" +
             Highlighted(view, *s, nullptr) + "</td><td class=\"src\">" + SourceLink(view, *s) +
             "</td></tr>\n";
    }
    out += "</tbody></table>" +
           Truncated(kClaimStatements, c.statements.size(), "statements of this claim",
                     kJsonData) +
           "</div>\n";
  }
  out += "</section>\n";
}

void Entities(const ReportView& view, std::string& out) {
  if (view.entities().empty()) return;
  out +=
      "<section id=\"entities\"><h2>Names and their variants</h2>\n<p>Spellings that refer "
      "to the same entity.</p>\n<table><thead><tr><th>Entity</th><th>Variants seen</th></tr>"
      "</thead><tbody>\n";
  for (size_t i = 0; i < view.entities().size() && i < kShownEntities; ++i) {
    const report::Entity* e = view.entities()[i];
    std::vector<std::string> variants = e->variants;
    std::sort(variants.begin(), variants.end());
    std::string list;
    for (const std::string& v : variants) list += (list.empty() ? "" : ", ") + H(v);
    out +=
        "<tr><td>" + H(e->canonical) + "</td><td>" + (list.empty() ? "—" : list) + "</td></tr>\n";
  }
  out += "</tbody></table>" +
         Below(Truncated(kShownEntities, view.entities().size(), "names", kJsonData)) + "</section>\n";
}

void Documents(const ReportView& view, std::string& out) {
  out +=
      "<section id=\"documents\"><h2>Documents</h2>\n<table><thead><tr><th>Id</th>"
      "<th>Outlet</th><th>Date</th><th>Title</th><th>URL</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < view.documents().size() && i < kShownDocuments; ++i) {
    const ingest::Document* d = view.documents()[i];
    std::string url = "—";
    if (d->url && IsSafeHttpUrl(*d->url)) {
      url = "<a href=\"" + H(*d->url) + "\" rel=\"noopener noreferrer\">" + H(*d->url) + "</a>";
    } else if (d->url && !d->url->empty()) {
      url = H(*d->url);
    }
    out += "<tr><td>" + H(d->id) + "</td><td>" + H(d->outlet) + "</td><td class=\"date\">" +
           H(d->date.value_or("—")) + "</td><td>" + H(d->title.value_or("—")) +
           "</td><td class=\"url\">" + url + "</td></tr>\n";
  }
  out += "</tbody></table>" +
         Below(Truncated(kShownDocuments, view.documents().size(), "documents", kJsonData)) +
         "</section>\n";
}

// Lines the clean-up set aside (report.set_aside), folded away: counts by reason, then
// the lines (the first kShownSetAside; all are in report.json).
constexpr size_t kShownSetAside = 300;
void SetAside(const ReportView& view, std::string& out) {
  const std::vector<ingest::SetAsideLine>& lines = view.report().set_aside;
  if (lines.empty()) return;
  std::map<std::string, size_t> by_reason;
  for (const ingest::SetAsideLine& l : lines) ++by_reason[l.reason];
  std::string counts;
  for (const auto& [reason, n] : by_reason) {
    counts += (counts.empty() ? "" : ", ") + H(reason) + " " + std::to_string(n);
  }
  out += "<section id=\"set-aside\"><h2>Set aside by the clean-up</h2>\n<p>Lines of the "
         "documents that were not analysed: " + counts +
         ".</p>\n<details><summary>The lines</summary><table><thead><tr><th>Document</th>"
         "<th>Reason</th><th>Line</th></tr></thead><tbody>\n";
  for (size_t i = 0; i < lines.size() && i < kShownSetAside; ++i) {
    const ingest::SetAsideLine& l = lines[i];
    out += "<tr><td>" + H(l.doc) + "</td><td>" + H(l.reason) +
           (l.detail.empty() ? "" : " (" + H(l.detail) + ")") + "</td><td>" + H(l.text) +
           "</td></tr>\n";
  }
  out += "</tbody></table>" +
         Below(Truncated(kShownSetAside, lines.size(), "set-aside lines", kJsonData)) +
         "</details></section>\n";
}

void About(const ReportView& view, std::string& out) {
  const report::Generator& g = view.report().generator;
  out += "<section id=\"about\"><h2>About this run</h2>\n<p>Generated by " + H(g.name) + " " +
         H(g.version) + " with embedding model " + (g.model.empty() ? "—" : H(g.model)) +
         ". Parameters: <code>" +
         H(g.params.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) +
         "</code>.</p>\n<p>Re-render after review with <code>diverge report report.json --format "
         "html</code>.</p></section>\n";
}

}  // namespace

std::string HtmlSide(const ReportView& view, const char* label, const ingest::Statement* s,
                     const std::optional<std::string>& id, const report::Divergence& d,
                     std::string_view source_base) {
  if (s == nullptr) {
    std::string what = id ? "unknown statement " + H(*id) : "silent: says nothing on this claim";
    const std::optional<std::string>& silent = label[0] == 'A' ? d.a.outlet : d.b.outlet;
    return std::string("<div class=\"side silent\"><div class=\"meta\">") + label +
           (silent ? " · <strong>" + H(*silent) + "</strong>" : std::string()) + "</div>" + what +
           "</div>";
  }
  std::string date = view.DateOf(s);
  std::string link =
      source_base.empty()
          ? SourceLink(view, *s)
          : "<a class=\"src\" href=\"" + H(std::string(source_base) + PercentEncodePath(s->id)) +
                "\" data-statement=\"" + H(s->id) + "\">in its source</a>";
  return std::string("<div class=\"side\"><div class=\"meta\">") + label + " · <strong>" +
         H(view.OutletOf(s)) + "</strong> · " + (date.empty() ? "undated" : H(date)) + " · " +
         link + "</div>" + Highlighted(view, *s, &d) + "</div>";
}

std::string HtmlTitle(const ReportView& view) {
  return "diverge report: " +
         Plural(view.report().divergences.size(), "divergence", "divergences") + " across " +
         Plural(view.outlets().size(), "outlet", "outlets");
}

std::string RenderHtml(const ReportView& view) {
  const report::Report& r = view.report();
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      HtmlTitle(view) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<header><h1>Divergence report</h1>\n<p class=\"intro\">diverge read " +
         Plural(view.documents().size(), "document", "documents") + " from " +
         Plural(view.outlets().size(), "outlet", "outlets") + ", split them into " +
         Plural(r.statements.size(), "statement", "statements") +
         ", grouped statements that make the same claim into " +
         Plural(view.claims().size(), "claim", "claims") + " and found " +
         Plural(r.divergences.size(), "divergence", "divergences") +
         ": places where outlets disagree about a claim (numbers, dates, member lists, "
         "negations, framing, omissions). Start with the matrix to see who says what, then read "
         "the divergences, strongest first.</p>\n<nav class=\"small\"><a href=\"#summary\">Summary"
         "</a> · <a href=\"#matrix\">Matrix</a> · <a href=\"#coverage\">Coverage</a> · <a href=\"#divergences\">Divergences</a>";
  if (!view.timeline().empty()) out += " · <a href=\"#timeline\">Timeline</a>";
  if (!view.value_timelines().empty()) out += " · <a href=\"#figures\">Figures</a>";
  if (!view.claims().empty()) out += " · <a href=\"#claims\">Claims</a>";
  if (!view.entities().empty()) out += " · <a href=\"#entities\">Names</a>";
  out += " · <a href=\"#documents\">Documents</a></nav></header>\n<main>\n";
  Summary(view, out);
  Matrix(view, out);
  Coverage(view, out);
  Divergences(view, out);
  Timeline(view, out);
  Figures(view, out);
  Claims(view, out);
  Entities(view, out);
  Documents(view, out);
  SetAside(view, out);
  About(view, out);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace diverge::reports
