#include "analyzer/review/review_eval.h"

#include <cstdio>

#include "analyzer/review/review_export.h"

namespace diverge::review {

namespace {

void Count(PrecisionRow& row, report::ReviewStatus s) {
  ++row.flags;
  if (s == report::ReviewStatus::kConfirmed) ++row.confirmed;
  if (s == report::ReviewStatus::kDismissed) ++row.dismissed;
  if (s == report::ReviewStatus::kOpen) ++row.open;
}

std::vector<PrecisionRow> Rows(const std::map<std::string, PrecisionRow>& m) {
  std::vector<PrecisionRow> out;
  for (const auto& [name, row] : m) out.push_back(row);
  return out;
}

std::string Line(const PrecisionRow& r) {
  char buf[256];
  std::optional<double> p = r.precision();
  char prec[32] = "-";
  if (p) std::snprintf(prec, sizeof prec, "%.3f", *p);
  std::snprintf(buf, sizeof buf, "  %-28s %6d %6d %6d %6d  %s\n", r.name.c_str(), r.flags,
                r.confirmed, r.dismissed, r.open, prec);
  return buf;
}

}  // namespace

ReviewEvaluation EvaluateReview(const ReviewSession& session) {
  ReviewEvaluation e;
  e.all.name = "all";
  std::map<std::string, PrecisionRow> kinds, detectors, temporal;
  for (const reports::DivergenceView& v : session.view().divergences()) {
    const report::Divergence& d = *v.divergence;
    const report::ReviewStatus s = d.review.status;
    Count(e.all, s);
    auto add = [&](std::map<std::string, PrecisionRow>& m, const std::string& name) {
      PrecisionRow& row = m[name];
      row.name = name;
      Count(row, s);
    };
    add(kinds, std::string(report::KindName(d.kind)));
    add(detectors, DetectorOf(d));
    add(temporal, std::string(report::TemporalName(d.temporal)));
    if (s == report::ReviewStatus::kDismissed)
      ++e.dismissed_by_reason[d.review.reason.value_or("(none)")];
  }
  e.by_kind = Rows(kinds);
  e.by_detector = Rows(detectors);
  e.by_temporal = Rows(temporal);
  return e;
}

std::string FormatReviewEvaluation(const ReviewEvaluation& e) {
  std::string out;
  auto table = [&](const char* title, const std::vector<PrecisionRow>& rows) {
    char head[256];
    std::snprintf(head, sizeof head, "%s\n  %-28s %6s %6s %6s %6s  %s\n", title, "", "flags",
                  "conf", "dism", "open", "precision");
    out += head;
    for (const PrecisionRow& r : rows) out += Line(r);
  };
  table("overall", {e.all});
  table("by kind", e.by_kind);
  table("by detector", e.by_detector);
  table("by temporal label", e.by_temporal);
  out += "dismissed, by reason\n";
  for (const auto& [reason, n] : e.dismissed_by_reason) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "  %-28s %6d\n", reason.c_str(), n);
    out += buf;
  }
  return out;
}

}  // namespace diverge::review
