#include "reports/report_view.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>
#include <tuple>

#include "reports/escape.h"

namespace diverge::reports {

namespace {

constexpr report::Temporal kAllTemporal[] = {report::Temporal::kContradiction,
                                             report::Temporal::kChangeOverTime,
                                             report::Temporal::kUndetermined};

// Score-descending total order over divergences.
bool ByScore(const report::Divergence* x, const report::Divergence* y) {
  if (x->score != y->score) return x->score > y->score;
  return std::tie(x->id, x->cluster, x->a.evidence, x->b.evidence) <
         std::tie(y->id, y->cluster, y->a.evidence, y->b.evidence);
}

// Position of `needle` in `hay`, exact first, then ASCII case-insensitive.
size_t FindEvidence(std::string_view hay, std::string_view needle) {
  size_t pos = hay.find(needle);
  if (pos != std::string_view::npos) return pos;
  auto eq = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), eq);
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

}  // namespace

std::string_view CellName(Cell cell) {
  switch (cell) {
    case Cell::kSilent:
      return "silent";
    case Cell::kAsserts:
      return "asserts";
    case Cell::kDiffers:
      return "differs";
  }
  return "silent";
}

std::string ReviewLabel(const report::Review& review) {
  std::string out(report::ReviewStatusName(review.status));
  if (!review.reason || review.reason->empty()) return out;
  std::string reason = *review.reason == "not_same_claim" ? "not the same claim" : *review.reason;
  std::replace(reason.begin(), reason.end(), '_', ' ');
  return out + " (" + reason + ")";
}

std::string FormatScore(double score, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, score);
  return buf;
}

ReportView::ReportView(const report::Report& report, std::string link_base)
    : report_(report), link_base_(std::move(link_base)) {
  for (const ingest::Document& d : report.documents) {
    doc_by_id_.emplace(d.id, &d);  // first wins on (invalid) duplicate ids
  }
  for (const auto& [id, d] : doc_by_id_) documents_.push_back(d);
  std::set<std::string> outlets;
  for (const ingest::Document* d : documents_)
    outlets.insert(d->outlet.empty() ? "unknown outlet" : d->outlet);
  outlets_.assign(outlets.begin(), outlets.end());

  for (const ingest::Statement& s : report.statements) statement_by_id_.emplace(s.id, &s);
  for (const auto& [id, s] : statement_by_id_) statements_.push_back(s);
  std::sort(statements_.begin(), statements_.end(),
            [](const ingest::Statement* x, const ingest::Statement* y) {
              return std::tie(x->doc, x->start, x->end, x->id) <
                     std::tie(y->doc, y->start, y->end, y->id);
            });

  for (const report::Divergence& d : report.divergences) {
    if (d.a.statement) divergences_by_statement_[*d.a.statement].push_back(&d);
    if (d.b.statement && d.b.statement != d.a.statement) {
      divergences_by_statement_[*d.b.statement].push_back(&d);
    }
  }
  for (auto& [id, list] : divergences_by_statement_) std::sort(list.begin(), list.end(), ByScore);

  // Claims.
  std::map<std::string, std::vector<const report::Divergence*>, std::less<>> by_cluster;
  for (const report::Divergence& d : report.divergences) by_cluster[d.cluster].push_back(&d);
  std::set<std::string> seen_clusters;
  for (const report::ClaimCluster& c : report.clusters) {
    if (!seen_clusters.insert(c.id).second) continue;
    ClaimView claim;
    claim.cluster = &c;
    std::set<std::string> seen;
    for (const std::string& sid : c.statements) {
      const ingest::Statement* s = FindStatement(sid);
      if (s != nullptr && seen.insert(sid).second) claim.statements.push_back(s);
    }
    std::sort(claim.statements.begin(), claim.statements.end(),
              [this](const ingest::Statement* x, const ingest::Statement* y) {
                return std::make_tuple(OutletOf(x), DateOf(x), x->doc, x->start, x->id) <
                       std::make_tuple(OutletOf(y), DateOf(y), y->doc, y->start, y->id);
              });
    if (auto it = by_cluster.find(c.id); it != by_cluster.end()) claim.divergences = it->second;
    std::sort(claim.divergences.begin(), claim.divergences.end(), ByScore);
    if (!claim.divergences.empty()) claim.max_score = claim.divergences.front()->score;
    std::string label = FoldSpace(c.label);
    if (label.empty() && !claim.statements.empty()) {
      label = TruncateUtf8(claim.statements.front()->text, 60);
    }
    claim.label = label.empty() ? c.id : label;
    claims_.push_back(std::move(claim));
  }
  std::sort(claims_.begin(), claims_.end(), [](const ClaimView& x, const ClaimView& y) {
    if (x.max_score != y.max_score) return x.max_score > y.max_score;
    return x.cluster->id < y.cluster->id;
  });
  for (size_t i = 0; i < claims_.size(); ++i) {
    ClaimView& claim = claims_[i];
    claim.number = "C" + std::to_string(i + 1);
    claim.cells.assign(outlets_.size(), Cell::kSilent);
    claim.cell_scores.assign(outlets_.size(), 0.0);
    for (const ingest::Statement* s : claim.statements) {
      size_t o = std::lower_bound(outlets_.begin(), outlets_.end(), OutletOf(s)) - outlets_.begin();
      if (o >= outlets_.size()) continue;
      if (claim.cells[o] == Cell::kSilent) claim.cells[o] = Cell::kAsserts;
      auto it = divergences_by_statement_.find(s->id);
      if (it == divergences_by_statement_.end()) continue;
      for (const report::Divergence* d : it->second) {
        if (d->cluster != claim.cluster->id) continue;
        claim.cells[o] = Cell::kDiffers;
        claim.cell_scores[o] = std::max(claim.cell_scores[o], d->score);
      }
    }
  }

  std::map<std::string_view, size_t> claim_index;
  for (size_t i = 0; i < claims_.size(); ++i) claim_index.emplace(claims_[i].cluster->id, i);

  // Divergences by score.
  std::vector<const report::Divergence*> sorted;
  for (const report::Divergence& d : report.divergences) sorted.push_back(&d);
  std::sort(sorted.begin(), sorted.end(), ByScore);
  for (size_t i = 0; i < sorted.size(); ++i) {
    DivergenceView v;
    v.divergence = sorted[i];
    v.number = "D" + std::to_string(i + 1);
    if (auto it = claim_index.find(sorted[i]->cluster); it != claim_index.end()) {
      v.claim = &claims_[it->second];
      claims_[it->second].divergence_numbers.push_back(v.number);
    }
    if (sorted[i]->a.statement) v.a = FindStatement(*sorted[i]->a.statement);
    if (sorted[i]->b.statement) v.b = FindStatement(*sorted[i]->b.statement);
    divergences_.push_back(v);
  }

  // Timeline of change-over-time divergences: each involved statement once, by date.
  std::set<std::string> in_timeline;
  for (const DivergenceView& v : divergences_) {
    if (v.divergence->temporal != report::Temporal::kChangeOverTime) continue;
    for (const ingest::Statement* s : {v.a, v.b}) {
      if (s == nullptr || !in_timeline.insert(s->id).second) continue;
      timeline_.push_back({s, DocumentOf(s), &v});
    }
  }
  std::sort(timeline_.begin(), timeline_.end(),
            [this](const TimelineEntry& x, const TimelineEntry& y) {
              std::string dx = DateOf(x.statement), dy = DateOf(y.statement);
              return std::make_tuple(dx.empty(), dx, OutletOf(x.statement), x.statement->doc,
                                     x.statement->start, x.statement->id) <
                     std::make_tuple(dy.empty(), dy, OutletOf(y.statement), y.statement->doc,
                                     y.statement->start, y.statement->id);
            });

  // Figures by date, per claim with numeric divergences.
  for (const ClaimView& claim : claims_) {
    ValueTimeline line;
    line.claim = &claim;
    std::set<std::string> seen;
    for (const report::Divergence* d : claim.divergences) {
      if (d->kind != report::DivergenceKind::kNumeric) continue;
      for (const report::DivergenceSide* side : {&d->a, &d->b}) {
        if (!side->statement || side->evidence.empty()) continue;
        const ingest::Statement* s = FindStatement(*side->statement);
        if (s == nullptr || !seen.insert(s->id).second) continue;
        line.points.push_back({s, FoldSpace(side->evidence)});
      }
    }
    if (line.points.size() < 2) continue;
    std::sort(line.points.begin(), line.points.end(),
              [this](const ValuePoint& x, const ValuePoint& y) {
                std::string dx = DateOf(x.statement), dy = DateOf(y.statement);
                return std::make_tuple(dx.empty(), dx, OutletOf(x.statement), x.statement->doc,
                                       x.statement->start, x.statement->id) <
                       std::make_tuple(dy.empty(), dy, OutletOf(y.statement), y.statement->doc,
                                       y.statement->start, y.statement->id);
              });
    value_timelines_.push_back(std::move(line));
  }

  for (const report::Entity& e : report.entities) entities_.push_back(&e);
  std::sort(entities_.begin(), entities_.end(),
            [](const report::Entity* x, const report::Entity* y) {
              return std::tie(x->canonical, x->id, x->variants) <
                     std::tie(y->canonical, y->id, y->variants);
            });

  BuildWire();
  BuildStories();
}

void ReportView::BuildWire() {
  wire_copies_ = FindWireCopies(report_);
  // Documents joined by wire-copy pairs share a root (union-find, smaller id wins).
  std::map<std::string, std::string, std::less<>> parent;
  std::function<std::string(const std::string&)> root = [&](const std::string& id) {
    auto it = parent.find(id);
    if (it == parent.end() || it->second == id) return id;
    std::string r = root(it->second);
    parent[id] = r;
    return r;
  };
  for (const WireCopy& w : wire_copies_) {
    std::string a = root(w.copy), b = root(w.original);
    if (a == b) continue;
    if (b < a) std::swap(a, b);
    parent[a] = a;
    parent[b] = a;
  }
  for (ClaimView& claim : claims_) {
    claim.wire.assign(outlets_.size(), 0);
    claim.outlet_count = 0;
    claim.wire_outlets = 0;
    for (Cell cell : claim.cells) claim.outlet_count += cell != Cell::kSilent;
    if (wire_copies_.empty()) continue;
    // The claim's documents, earliest first: a document whose root an earlier document
    // of another outlet already holds is a copy.
    std::vector<const ingest::Document*> docs;
    std::set<std::string> seen_docs;
    for (const ingest::Statement* s : claim.statements) {
      const ingest::Document* d = DocumentOf(s);
      if (d != nullptr && seen_docs.insert(d->id).second) docs.push_back(d);
    }
    std::sort(docs.begin(), docs.end(), [](const ingest::Document* x, const ingest::Document* y) {
      auto key = [](const ingest::Document* d) {
        return std::make_tuple(!d->date || d->date->empty(), d->date.value_or(""), d->id);
      };
      return key(x) < key(y);
    });
    std::map<std::string, std::string> first_outlet;  // root -> outlet that holds it first
    std::map<std::string, std::pair<int, int>> per_outlet;  // outlet -> (docs, copies)
    for (const ingest::Document* d : docs) {
      const std::string outlet = d->outlet.empty() ? "unknown outlet" : d->outlet;
      auto [it, fresh] = first_outlet.emplace(root(d->id), outlet);
      auto& [n, copies] = per_outlet[outlet];
      ++n;
      if (!fresh && it->second != outlet) ++copies;
    }
    for (const auto& [outlet, counts] : per_outlet) {
      if (counts.second < counts.first) continue;
      size_t o = std::lower_bound(outlets_.begin(), outlets_.end(), outlet) - outlets_.begin();
      if (o >= outlets_.size() || claim.cells[o] == Cell::kSilent) continue;
      claim.wire[o] = 1;
      ++claim.wire_outlets;
    }
  }
}

void ReportView::BuildStories() {
  std::map<std::string_view, const report::Story*> by_id;
  for (const report::Story& t : report_.stories) by_id.emplace(t.id, &t);
  std::map<const report::Story*, size_t> index;  // into stories_; null = unknown story
  auto group = [&](const report::Story* t) -> size_t {
    auto [it, fresh] = index.emplace(t, stories_.size());
    if (fresh) {
      StoryView v;
      v.story = t;
      v.label = t ? FoldSpace(t->label) : "";
      if (t != nullptr && v.label.empty()) v.label = t->id;
      stories_.push_back(std::move(v));
    }
    return it->second;
  };
  std::vector<const ClaimView*> unknown;
  for (const ClaimView& c : claims_) {
    auto it = by_id.find(c.cluster->story);
    if (it == by_id.end() && !by_id.empty()) {
      unknown.push_back(&c);
      continue;
    }
    size_t k = group(it == by_id.end() ? nullptr : it->second);
    stories_[k].claims.push_back(&c);
    story_of_claim_[&c] = k;
  }
  std::vector<const report::Story*> rest;
  for (const auto& [id, t] : by_id) {
    if (!index.count(t)) rest.push_back(t);
  }
  std::sort(rest.begin(), rest.end(), [](const report::Story* x, const report::Story* y) {
    return std::tie(x->label, x->id) < std::tie(y->label, y->id);
  });
  for (const report::Story* t : rest) group(t);
  if (by_id.empty() && stories_.empty() && !documents_.empty()) group(nullptr);
  if (!unknown.empty()) {
    StoryView v;
    v.claims = unknown;
    for (const ClaimView* c : unknown) story_of_claim_[c] = stories_.size();
    stories_.push_back(std::move(v));
  }
  // Documents: those the story lists, or (no stories) all of them.
  for (StoryView& v : stories_) {
    if (v.story != nullptr) {
      std::set<std::string_view> ids(v.story->documents.begin(), v.story->documents.end());
      for (std::string_view id : ids) {
        if (const ingest::Document* d = FindDocument(id)) v.documents.push_back(d);
      }
    } else if (by_id.empty()) {
      v.documents = documents_;
    }
    std::map<size_t, OutletCoverage> cov;
    for (const ingest::Document* d : v.documents) {
      size_t o = std::lower_bound(outlets_.begin(), outlets_.end(),
                                  d->outlet.empty() ? "unknown outlet" : d->outlet) -
                 outlets_.begin();
      if (o >= outlets_.size()) continue;
      OutletCoverage& c = cov[o];
      c.outlet = o;
      c.documents.push_back(d);
    }
    for (auto& [o, c] : cov) {
      for (const ClaimView* claim : v.claims) {
        if (claim->cells[o] == Cell::kSilent) {
          ++c.leaves_out;
        } else {
          c.carries.push_back(claim);
        }
      }
      v.coverage.push_back(std::move(c));
    }
    for (size_t o = 0; o < outlets_.size(); ++o) {
      if (!cov.count(o)) v.absent_outlets.push_back(o);
    }
  }
}

const StoryView* ReportView::StoryOf(const ClaimView& claim) const {
  auto it = story_of_claim_.find(&claim);
  return it == story_of_claim_.end() ? nullptr : &stories_[it->second];
}

std::string ReportView::StorySize(const StoryView& story) {
  std::set<std::string_view> outlets;
  for (const ingest::Document* d : story.documents) outlets.insert(d->outlet);
  return Plural(story.documents.size(), "document", "documents") + " from " +
         Plural(outlets.size(), "outlet", "outlets");
}

std::vector<const ClaimView*> ReportView::ClaimsByStory() const {
  std::vector<const ClaimView*> out;
  if (!grouped_by_story()) {
    for (const ClaimView& c : claims_) out.push_back(&c);
    return out;
  }
  for (const StoryView& v : stories_) out.insert(out.end(), v.claims.begin(), v.claims.end());
  return out;
}

std::vector<const ClaimView*> LeftOut(const StoryView& story, const OutletCoverage& coverage,
                                      size_t limit) {
  std::vector<const ClaimView*> out;
  for (const ClaimView* c : story.claims) {
    if (out.size() >= limit) break;
    if (coverage.outlet < c->cells.size() && c->cells[coverage.outlet] == Cell::kSilent) {
      out.push_back(c);
    }
  }
  return out;
}

std::string OutletCount(const ClaimView& claim) {
  std::string out = Plural(claim.outlet_count, "outlet", "outlets");
  if (claim.wire_outlets > 0) {
    out += " (" + Plural(claim.wire_outlets, "wire copy", "wire copies") + ")";
  }
  return out;
}

const ingest::Document* ReportView::FindDocument(std::string_view id) const {
  auto it = doc_by_id_.find(id);
  return it == doc_by_id_.end() ? nullptr : it->second;
}

const ingest::Statement* ReportView::FindStatement(std::string_view id) const {
  auto it = statement_by_id_.find(id);
  return it == statement_by_id_.end() ? nullptr : it->second;
}

const ingest::Document* ReportView::DocumentOf(const ingest::Statement* s) const {
  return s == nullptr ? nullptr : FindDocument(s->doc);
}

std::string ReportView::OutletOf(const ingest::Statement* s) const {
  const ingest::Document* d = DocumentOf(s);
  return d == nullptr || d->outlet.empty() ? "unknown outlet" : d->outlet;
}

std::string ReportView::DateOf(const ingest::Statement* s) const {
  const ingest::Document* d = DocumentOf(s);
  return d == nullptr || !d->date ? "" : *d->date;
}

std::string ReportView::SourcePath(const ingest::Document* d) const {
  namespace fs = std::filesystem;
  if (d == nullptr || d->path.empty()) return "";
  fs::path doc(d->path);
  if (link_base_.empty() && doc.is_relative()) return doc.lexically_normal().generic_string();
  std::error_code ec;
  fs::path base = fs::absolute(link_base_.empty() ? fs::path(".") : fs::path(link_base_), ec);
  fs::path abs_doc = fs::absolute(doc, ec);
  if (ec) return doc.filename().generic_string();
  fs::path rel = abs_doc.lexically_normal().lexically_relative(base.lexically_normal());
  if (rel.empty()) return doc.filename().generic_string();  // another root
  return rel.generic_string();
}

std::string ReportView::SourceLabel(const ingest::Statement& s) const {
  return SourcePath(DocumentOf(&s)) + "#" + std::to_string(s.start) + "-" +
         std::to_string(s.end);
}

std::string ReportView::SourceHref(const ingest::Statement& s) const {
  const ingest::Document* d = DocumentOf(&s);
  if (d != nullptr && d->url && IsSafeHttpUrl(*d->url)) return *d->url;
  std::string path = SourcePath(d);
  if (!IsLinkablePath(path)) return "";
  return PercentEncodePath(path) + "#" + std::to_string(s.start) + "-" + std::to_string(s.end);
}

std::pair<std::string, std::string> ReportView::DateRange() const {
  std::string lo, hi;
  for (const ingest::Document* d : documents_) {
    if (!d->date || d->date->empty()) continue;
    if (lo.empty() || *d->date < lo) lo = *d->date;
    if (hi.empty() || *d->date > hi) hi = *d->date;
  }
  return {lo, hi};
}

std::vector<std::pair<std::string, int>> ReportView::CountByKind() const {
  std::vector<std::pair<std::string, int>> out;
  for (const report::DivergenceKindInfo& k : report::kDivergenceKinds) {
    int n = 0;
    for (const report::Divergence& d : report_.divergences) n += d.kind == k.kind;
    out.emplace_back(std::string(k.name), n);
  }
  return out;
}

std::vector<std::pair<std::string, int>> ReportView::CountByTemporal() const {
  std::vector<std::pair<std::string, int>> out;
  for (report::Temporal t : kAllTemporal) {
    int n = 0;
    for (const report::Divergence& d : report_.divergences) n += d.temporal == t;
    out.emplace_back(std::string(report::TemporalName(t)), n);
  }
  return out;
}

std::vector<Highlight> ReportView::Highlights(const ingest::Statement& s,
                                              const report::Divergence* only) const {
  std::vector<std::string_view> evidence;
  auto add = [&](const report::Divergence& d) {
    if (d.a.statement == s.id && !d.a.evidence.empty()) evidence.push_back(d.a.evidence);
    if (d.b.statement == s.id && !d.b.evidence.empty()) evidence.push_back(d.b.evidence);
  };
  if (only != nullptr) {
    add(*only);
  } else if (auto it = divergences_by_statement_.find(s.id);
             it != divergences_by_statement_.end()) {
    for (const report::Divergence* d : it->second) add(*d);
  }
  std::vector<Highlight> ranges;
  for (std::string_view e : evidence) {
    size_t pos = FindEvidence(s.text, e);
    if (pos == std::string_view::npos) continue;
    size_t begin = pos, end = pos + e.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(s.text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(s.text[end - 1]))) --end;
    if (begin < end) ranges.push_back({begin, end});
  }
  std::sort(ranges.begin(), ranges.end(), [](const Highlight& x, const Highlight& y) {
    return std::tie(x.begin, x.end) < std::tie(y.begin, y.end);
  });
  std::vector<Highlight> merged;
  for (const Highlight& h : ranges) {
    if (!merged.empty() && h.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, h.end);
    } else {
      merged.push_back(h);
    }
  }
  return merged;
}

std::string CutNote(const report::Report& report) {
  int64_t total = 0;
  std::string kinds;
  for (const auto& [kind, n] : report.divergences_cut) {
    if (n <= 0) continue;
    total += n;
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  if (total == 0) return "";
  return " (and " + std::to_string(total) + " more found: " + kinds + ", cut by --max-flags)";
}

}  // namespace diverge::reports
