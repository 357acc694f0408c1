// report.md: reads on its own (GitHub-flavoured Markdown tables), newest reader first:
// intro, summary, claim x outlet matrix, divergences by score, timeline, claims,
// entities, documents, run parameters. All corpus text goes through MarkdownEscape.
#include <algorithm>
#include <map>
#include <string>

#include "reports/escape.h"
#include "reports/formats.h"

namespace diverge::reports {

namespace {

std::string Md(std::string_view text) { return MarkdownEscape(text); }

std::string OrDash(const std::string& text) { return text.empty() ? "—" : Md(text); }

// "Story: <label>", or "Other claims" for claims of no listed story.
std::string StoryTitle(const StoryView& t) {
  return t.story == nullptr ? std::string("Other claims") : "Story: " + Md(t.label);
}

std::string Highlighted(const ReportView& view, const ingest::Statement& s,
                        const report::Divergence* only) {
  return WithHighlights(s.text, view.Highlights(s, only), Md, "**", "**");
}

// "[corpus/a.txt#10-42](corpus/a.txt#10-42)" (the path relative to the report; the link
// goes to the document's URL when it has one), or escaped text if not linkable.
std::string SourceLink(const ReportView& view, const ingest::Statement& s) {
  std::string label = view.SourceLabel(s), href = view.SourceHref(s);
  if (href.empty()) return Md(label);
  std::string target;  // a URL may hold what ends a Markdown link target
  for (char c : href) {
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '|' || c == '[' ||
        c == ']') {
      static const char kHex[] = "0123456789ABCDEF";
      target += '%';
      target += kHex[static_cast<unsigned char>(c) >> 4];
      target += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      target += c;
    }
  }
  return "[" + Md(label) + "](" + target + ")";
}

std::string Counts(const std::vector<std::pair<std::string, int>>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) {
    if (n == 0) continue;
    if (!out.empty()) out += " · ";
    out += name + " " + std::to_string(n);  // enum names: nothing to escape
  }
  return out.empty() ? "none" : out;
}

void Summary(const ReportView& view, std::string& out) {
  const report::Report& r = view.report();
  auto [lo, hi] = view.DateRange();
  out += "## Summary\n\n| What | Count |\n|---|---:|\n";
  out += "| Documents | " + std::to_string(view.documents().size()) + " |\n";
  out += "| Outlets | " + std::to_string(view.outlets().size()) + " |\n";
  std::string range = lo.empty() ? "undated" : (lo == hi ? Md(lo) : Md(lo) + " to " + Md(hi));
  out += "| Date range | " + range + " |\n";
  out += "| Statements | " + std::to_string(r.statements.size()) + " |\n";
  if (!r.stories.empty()) {
    out += "| Stories | " + std::to_string(r.stories.size()) + " |\n";
  }
  out += "| Claims (statements grouped across outlets) | " + std::to_string(view.claims().size()) +
         " |\n";
  out += "| Divergences | " + std::to_string(r.divergences.size()) +
         MarkdownEscape(CutNote(r)) + " |\n\n";
  out += "Divergences by kind: " + Counts(view.CountByKind()) + ".\n\n";
  out += "By temporal label: " + Counts(view.CountByTemporal()) + ".\n\n";
  out +=
      "*contradiction*: the outlets cannot both be right about the same moment; "
      "*change_over_time*: each may have been right at its own date; "
      "*undetermined*: the dates do not tell.\n\n";
}

// The stories (groups of documents about one news story) with their claims.
void Stories(const ReportView& view, std::string& out) {
  const report::Report& r = view.report();
  if (r.stories.size() < 2) return;
  out +=
      "## Stories\n\nDocuments grouped by the news story they report; claims are formed "
      "inside a story.\n\n| Story | Documents | Claims |\n|---|---|---|\n";
  for (const StoryView& v : view.stories()) {  // reading order: by their first claim
    if (v.story == nullptr) continue;
    const report::Story& t = *v.story;
    std::string docs, claims;
    for (const std::string& d : t.documents) docs += (docs.empty() ? "" : ", ") + Md(d);
    for (const ClaimView* c : v.claims) claims += (claims.empty() ? "" : " ") + c->number;
    out += "| " + Md(t.label) + " | " + docs + " | " + (claims.empty() ? "-" : claims) + " |\n";
  }
  out += "\n";
}

void Matrix(const ReportView& view, std::string& out) {
  out += "## Who says what: claims by outlet\n\n";
  if (view.claims().empty() || view.outlets().empty()) {
    out += "No claim is shared by two documents.\n\n";
    return;
  }
  out +=
      "One row per claim, one column per outlet. **differs**: the outlet's statement is "
      "a side of a divergence; asserts: it states the claim without conflict; "
      "·: silent (no statement on this claim).\n\n";
  out += "| Claim |";
  for (const std::string& o : view.outlets()) out += " " + Md(o) + " |";
  out += "\n|---|";
  for (size_t i = 0; i < view.outlets().size(); ++i) out += ":-:|";
  out += "\n";
  const StoryView* story = nullptr;
  for (const ClaimView* c : view.ClaimsByStory()) {
    if (view.grouped_by_story() && view.StoryOf(*c) != story) {
      story = view.StoryOf(*c);
      out += "| **" + StoryTitle(*story) + "** |";
      for (size_t i = 0; i < view.outlets().size(); ++i) out += " |";
      out += "\n";
    }
    out += "| " + c->number + " " + Md(TruncateUtf8(c->label, 60)) + " |";
    for (size_t o = 0; o < c->cells.size(); ++o) {
      const Cell cell = c->cells[o];
      out += cell == Cell::kDiffers   ? " **differs** |"
             : cell == Cell::kAsserts ? (c->wire[o] ? " asserts (wire copy) |" : " asserts |")
                                      : " · |";
    }
    out += "\n";
  }
  out += "\n";
}

// Claim numbers listed per coverage cell; beyond, "and N more" (a story of thousands of
// claims would otherwise write outlets x claims numbers).
constexpr size_t kCoverageClaims = 100;

// "C1 C4 C7", a claim carried only as a wire copy marked "C4 (wire)"; of `total` claims,
// the first kCoverageClaims.
std::string ClaimList(const std::vector<const ClaimView*>& claims, size_t total, size_t outlet) {
  std::string out;
  for (size_t i = 0; i < claims.size() && i < kCoverageClaims; ++i) {
    const ClaimView* c = claims[i];
    out += (out.empty() ? "" : " ") + c->number;
    if (outlet < c->wire.size() && c->wire[outlet]) out += " (wire)";
  }
  const size_t listed = std::min(claims.size(), kCoverageClaims);
  if (total > listed) out += " and " + std::to_string(total - listed) + " more";
  return out.empty() ? "—" : out;
}

// Per story, which of its claims each outlet carries and which it leaves out; then the
// wire copies.
void Coverage(const ReportView& view, std::string& out) {
  if (view.documents().empty()) return;
  out +=
      "## Coverage by outlet\n\nWhich of each story's claims every outlet carries and which it "
      "leaves out. A *wire copy* is a document with the same agency text as another outlet's "
      "earlier one (at least half of the shorter text's 5-word sequences appear in the "
      "other): its agreement is not independent confirmation, so it is marked (wire).\n\n";
  for (const StoryView& t : view.stories()) {
    if (t.coverage.empty()) continue;
    if (view.grouped_by_story()) {
      out += "### " + StoryTitle(t) + "\n\n" + ReportView::StorySize(t) + ", " +
             Plural(t.claims.size(), "claim", "claims") + ".\n\n";
    }
    out += "| Outlet | Documents | Carries | Leaves out |\n|---|---|---|---|\n";
    for (const OutletCoverage& c : t.coverage) {
      std::string docs;
      for (const ingest::Document* d : c.documents) docs += (docs.empty() ? "" : ", ") + Md(d->id);
      out += "| " + Md(view.outlets()[c.outlet]) + " | " + docs + " | " +
             std::to_string(c.carries.size()) + " of " + std::to_string(t.claims.size()) +
             (c.carries.empty() ? "" : ": " + ClaimList(c.carries, c.carries.size(), c.outlet)) +
             " | " + ClaimList(LeftOut(t, c, kCoverageClaims), c.leaves_out, c.outlet) + " |\n";
    }
    out += "\n";
    if (view.grouped_by_story() && !t.absent_outlets.empty()) {
      std::string names;
      for (size_t o : t.absent_outlets) names += (names.empty() ? "" : ", ") + Md(view.outlets()[o]);
      out += "Not covering this story: " + names + ".\n\n";
    }
  }
  out += "### Wire copies\n\n";
  if (view.wire_copies().empty()) {
    out += "No two documents of different outlets carry the same agency text.\n\n";
    return;
  }
  out += "| Copy | Outlet | Copy of | Outlet | Shared text |\n|---|---|---|---|---|\n";
  for (const WireCopy& w : view.wire_copies()) {
    const ingest::Document* copy = view.FindDocument(w.copy);
    const ingest::Document* original = view.FindDocument(w.original);
    out += "| " + Md(w.copy) + " | " + (copy ? OrDash(copy->outlet) : "—") + " | " +
           Md(w.original) + " | " + (original ? OrDash(original->outlet) : "—") + " | " +
           std::to_string(static_cast<int>(w.share * 100 + 0.5)) + "% of the shorter text (" +
           std::to_string(w.shared) + " 5-word sequences) |\n";
  }
  out += "\n";
}

void SideRow(const ReportView& view, const char* side, const ingest::Statement* s,
             const report::Divergence& d, std::string& out) {
  if (s == nullptr) {
    const std::optional<std::string>& id = side[0] == 'A' ? d.a.statement : d.b.statement;
    const std::optional<std::string>& silent = side[0] == 'A' ? d.a.outlet : d.b.outlet;
    out += std::string("| ") + side + " | " + (silent ? Md(*silent) : std::string("—")) +
           " | — | " +
           (id ? "*unknown statement " + Md(*id) + "*"
               : std::string("*silent: says nothing on this claim*")) +
           " | |\n";
    return;
  }
  out += std::string("| ") + side + " | " + Md(view.OutletOf(s)) + " | " + OrDash(view.DateOf(s)) +
         " | " + Highlighted(view, *s, &d) + " | " + SourceLink(view, *s) + " |\n";
}

void Divergences(const ReportView& view, std::string& out) {
  out += "## Divergences, strongest first\n\n";
  if (view.divergences().empty()) {
    out += "No divergences were found.\n\n";
    return;
  }
  out +=
      "Sorted by score (0 to 1: how certain and how important). The conflicting words are "
      "in **bold**.\n\n";
  for (const DivergenceView& v : view.divergences()) {
    const report::Divergence& d = *v.divergence;
    out += "### " + v.number + " · " + std::string(report::KindName(d.kind)) + " · " +
           std::string(report::TemporalName(d.temporal)) + " · score " + FormatScore(d.score) +
           "\n\n";
    out += "Claim: " + (v.claim ? v.claim->number + " " + Md(v.claim->label) : Md(d.cluster)) +
           " · id `" + Md(d.id) + "`\n\n";
    out += "| Side | Outlet | Date | Statement | Source |\n|---|---|---|---|---|\n";
    SideRow(view, "A", v.a, d, out);
    SideRow(view, "B", v.b, d, out);
    out += "\n**Why:** " +
           (d.explanation.empty() ? std::string("(no explanation)") : Md(d.explanation)) + "\n\n";
    out += "**Review:** " + Md(ReviewLabel(d.review));
    if (d.review.note && !d.review.note->empty()) out += " — " + Md(*d.review.note);
    out += "\n\n";
  }
}

void Timeline(const ReportView& view, std::string& out) {
  if (view.timeline().empty()) return;
  out +=
      "## Timeline of changes over time\n\n"
      "Statements of *change_over_time* divergences, by date: each may have been true "
      "when it was published.\n\n";
  out += "| Date | Outlet | Claim | Statement | Divergence |\n|---|---|---|---|---|\n";
  for (const TimelineEntry& e : view.timeline()) {
    const DivergenceView& v = *e.divergence;
    out += "| " + OrDash(view.DateOf(e.statement)) + " | " + Md(view.OutletOf(e.statement)) +
           " | " + (v.claim ? v.claim->number : Md(v.divergence->cluster)) + " | " +
           Highlighted(view, *e.statement, v.divergence) + " | " + v.number + " |\n";
  }
  out += "\n";
}

// Per claim with numeric divergences: the figures by date and outlet.
void Figures(const ReportView& view, std::string& out) {
  if (view.value_timelines().empty()) return;
  out +=
      "## How the figures moved\n\n"
      "For each claim with differing numbers, every figure given, by publication date.\n\n";
  for (const ValueTimeline& t : view.value_timelines()) {
    std::string line;
    for (const ValuePoint& p : t.points) {
      line += (line.empty() ? "" : " → ") + std::string("**") + Md(p.value) + "**";
    }
    out += "**" + t.claim->number + "** " + Md(t.claim->label) + ": " + line + "\n\n";
    out += "| Date | Outlet | Figure | Statement |\n|---|---|---|---|\n";
    for (const ValuePoint& p : t.points) {
      out += "| " + OrDash(view.DateOf(p.statement)) + " | " + Md(view.OutletOf(p.statement)) +
             " | " + Md(p.value) + " | " + Md(p.statement->text) + " |\n";
    }
    out += "\n";
  }
}

void Claims(const ReportView& view, std::string& out) {
  if (view.claims().empty()) return;
  out += "## Claims, statement by statement\n\n";
  const bool grouped = view.grouped_by_story();
  const StoryView* story = nullptr;
  for (const ClaimView* claim : view.ClaimsByStory()) {
    const ClaimView& c = *claim;
    if (grouped && view.StoryOf(c) != story) {
      story = view.StoryOf(c);
      out += "### " + StoryTitle(*story) + "\n\n" + ReportView::StorySize(*story) + ", " +
             Plural(story->claims.size(), "claim", "claims") + ".\n\n";
    }
    out += std::string(grouped ? "#### " : "### ") + c.number + " · " + Md(c.label) + "\n\n";
    out += Plural(c.statements.size(), "statement", "statements") + " from " + OutletCount(c);
    if (!c.divergences.empty()) {
      out += "; divergences:";
      for (const std::string& number : c.divergence_numbers) out += " " + number;
    }
    out += ". Claim id `" + Md(c.cluster->id) + "`.\n\n";
    out += "| Outlet | Date | Statement | Source |\n|---|---|---|---|\n";
    for (const ingest::Statement* s : c.statements) {
      out += "| " + Md(view.OutletOf(s)) + " | " + OrDash(view.DateOf(s)) + " | " +
             Highlighted(view, *s, nullptr) + " | " + SourceLink(view, *s) + " |\n";
    }
    out += "\n";
  }
}

void Entities(const ReportView& view, std::string& out) {
  if (view.entities().empty()) return;
  out += "## Names and their variants\n\nSpellings that refer to the same entity.\n\n";
  out += "| Entity | Variants seen |\n|---|---|\n";
  for (const report::Entity* e : view.entities()) {
    std::vector<std::string> variants = e->variants;
    std::sort(variants.begin(), variants.end());
    std::string list;
    for (const std::string& v : variants) list += (list.empty() ? "" : ", ") + Md(v);
    out += "| " + Md(e->canonical) + " | " + (list.empty() ? "—" : list) + " |\n";
  }
  out += "\n";
}

void Documents(const ReportView& view, std::string& out) {
  out += "## Documents\n\n| Id | Outlet | Date | Title | URL |\n|---|---|---|---|---|\n";
  for (const ingest::Document* d : view.documents()) {
    std::string url = "—";
    if (d->url && IsSafeHttpUrl(*d->url)) {
      // Autolink (IsSafeHttpUrl excludes spaces and < >); a '|' would split the table cell.
      std::string safe;
      for (char ch : *d->url) safe += ch == '|' ? std::string("%7C") : std::string(1, ch);
      url = "<" + safe + ">";
    } else if (d->url && !d->url->empty()) {
      url = Md(*d->url);
    }
    out += "| " + Md(d->id) + " | " + OrDash(d->outlet) + " | " + OrDash(d->date.value_or("")) +
           " | " + OrDash(d->title.value_or("")) + " | " + url + " |\n";
  }
  out += "\n";
}

// Lines the clean-up set aside (report.set_aside): counts by reason, then the lines
// (the first kShownSetAside; all are in report.json).
constexpr size_t kShownSetAside = 200;
void SetAside(const ReportView& view, std::string& out) {
  const std::vector<ingest::SetAsideLine>& lines = view.report().set_aside;
  if (lines.empty()) return;
  std::map<std::string, size_t> by_reason;
  for (const ingest::SetAsideLine& l : lines) ++by_reason[l.reason];
  out += "## Set aside by the clean-up\n\nLines of the documents that were not analysed "
         "(page furniture, metadata, repeated or other-language lines):";
  for (const auto& [reason, n] : by_reason) out += " " + Md(reason) + " " + std::to_string(n) + ";";
  out.back() = '.';
  out += "\n\n| Document | Reason | Line |\n|---|---|---|\n";
  for (size_t i = 0; i < lines.size() && i < kShownSetAside; ++i) {
    out += "| " + Md(lines[i].doc) + " | " + Md(lines[i].reason) +
           (lines[i].detail.empty() ? "" : " (" + Md(lines[i].detail) + ")") + " | " +
           OrDash(lines[i].text) + " |\n";
  }
  if (lines.size() > kShownSetAside) {
    out += "\nShowing the first " + std::to_string(kShownSetAside) + " of " +
           std::to_string(lines.size()) + " lines; all of them are in report.json.\n";
  }
  out += "\n";
}

void About(const ReportView& view, std::string& out) {
  const report::Generator& g = view.report().generator;
  out += "## About this run\n\n";
  std::string params = g.params.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  params = params.find('`') == std::string::npos ? "`" + FoldSpace(params) + "`" : Md(params);
  out += "Generated by " + OrDash(g.name) + " " + Md(g.version) + " with embedding model " +
         OrDash(g.model) + ". Parameters: " + params +
         ".\n\nRe-render after review with `diverge report report.json --format md`.\n";
}

}  // namespace

std::string RenderMarkdown(const ReportView& view) {
  const report::Report& r = view.report();
  std::string out = "# Divergence report\n\n";
  out += "diverge read " + Plural(view.documents().size(), "document", "documents") + " from " +
         Plural(view.outlets().size(), "outlet", "outlets") + ", split them into " +
         Plural(r.statements.size(), "statement", "statements") +
         ", grouped statements that make the same claim into " +
         Plural(view.claims().size(), "claim", "claims") + " and found " +
         Plural(r.divergences.size(), "divergence", "divergences") +
         ": places where outlets disagree about a claim (numbers, dates, member lists, "
         "negations, framing, omissions). Start with the matrix to see who says what, then "
         "read the divergences, strongest first.\n\n";
  Summary(view, out);
  Stories(view, out);
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
  return out;
}

}  // namespace diverge::reports
