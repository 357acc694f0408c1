#include "analyzer/review/review_export.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "reports/escape.h"

namespace diverge::review {

namespace {

using json = nlohmann::json;

std::string Score(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", std::round(s * 1e4) / 1e4);
  return buf;
}

void AddRow(std::string& csv, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) csv += ',';
    csv += reports::CsvField(cells[i]);
  }
  csv += "\r\n";
}

json PairSide(const reports::ReportView& view, const ingest::Statement* s,
              const report::DivergenceSide& side) {
  if (s == nullptr) return nullptr;
  std::string date = view.DateOf(s);
  return {{"statement", s->id},
          {"outlet", view.OutletOf(s)},
          {"date", date.empty() ? json(nullptr) : json(date)},
          {"text", s->text},
          {"evidence", side.evidence}};
}

}  // namespace

std::string DetectorOf(const report::Divergence& d) {
  if (d.kind == report::DivergenceKind::kNegation) {
    return d.explanation.find("calls the claim") != std::string::npos ? "negation:refutation_word"
                                                                      : "negation:negated_predicate";
  }
  return std::string(report::KindName(d.kind));
}

Export ExportReview(const ReviewSession& session, const ReviewFilter& filter) {
  const reports::ReportView& view = session.view();
  Export out;
  std::vector<std::string> header(std::begin(kExportColumns), std::end(kExportColumns));
  AddRow(out.csv, header);
  json divs = json::array(), orphans = json::array();
  for (const reports::DivergenceView* v : session.Select(filter)) {
    const report::Divergence& d = *v->divergence;
    const Decision* dec = session.DecisionFor(d.id);
    std::string reviewer = dec ? dec->reviewer : "", updated = dec ? dec->updated : "";
    std::string outlet_a = view.OutletOf(v->a), outlet_b = v->b ? view.OutletOf(v->b) : "";
    std::string text_a = v->a ? v->a->text : "", text_b = v->b ? v->b->text : "";
    AddRow(out.csv,
           {d.id, std::string(report::ReviewStatusName(d.review.status)),
            d.review.note.value_or(""), reviewer, updated, "no",
            std::string(report::KindName(d.kind)), std::string(report::TemporalName(d.temporal)),
            Score(d.score), outlet_a, text_a, d.a.evidence, outlet_b, text_b, d.b.evidence,
            d.explanation, d.review.reason.value_or("")});
    json j = report::ToJson(d);
    j["reviewer"] = dec ? json(reviewer) : json(nullptr);
    j["updated"] = dec ? json(updated) : json(nullptr);
    j["a"]["outlet"] = outlet_a;
    j["a"]["text"] = text_a;
    j["b"]["outlet"] = v->b ? json(outlet_b) : json(nullptr);
    j["b"]["text"] = v->b ? json(text_b) : json(nullptr);
    divs.push_back(std::move(j));
    if (d.review.status == report::ReviewStatus::kOpen) continue;
    const bool confirmed = d.review.status == report::ReviewStatus::kConfirmed;
    json same = nullptr;
    if (confirmed) {
      same = true;
    } else if (d.review.reason) {
      same = *d.review.reason != "not_same_claim";
    }
    json pair = {{"schema", kPairsSchema},
                 {"id", d.id},
                 {"kind", report::KindName(d.kind)},
                 {"temporal", report::TemporalName(d.temporal)},
                 {"detector", DetectorOf(d)},
                 {"score", std::round(d.score * 1e4) / 1e4},
                 {"a", PairSide(view, v->a, d.a)},
                 {"b", PairSide(view, v->b, d.b)},
                 {"same_claim", same},
                 {"divergent", confirmed},
                 {"reason", d.review.reason ? json(*d.review.reason) : json(nullptr)},
                 {"note", d.review.note ? json(*d.review.note) : json(nullptr)},
                 {"reviewer", dec ? json(reviewer) : json(nullptr)},
                 {"updated", dec ? json(updated) : json(nullptr)}};
    out.pairs += pair.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  bool narrowed = filter.kind || !filter.outlet.empty() || filter.min_score > 0;
  for (const report::OrphanedReview& o :
       narrowed ? std::vector<report::OrphanedReview>() : session.orphans()) {
    if (filter.status && o.review.status != *filter.status) continue;
    AddRow(out.csv, {o.id, std::string(report::ReviewStatusName(o.review.status)),
                     o.review.note.value_or(""), o.reviewer, o.updated, "yes", "", "", "", "", "",
                     "", "", "", "", "", o.review.reason.value_or("")});
    orphans.push_back({{"id", o.id},
                       {"status", report::ReviewStatusName(o.review.status)},
                       {"note", o.review.note ? json(*o.review.note) : json(nullptr)},
                       {"reviewer", o.reviewer},
                       {"updated", o.updated}});
  }
  json root = {{"schema", kExportSchema}, {"divergences", divs}, {"orphaned", orphans}};
  out.json = root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace diverge::review
