// Inline SVG pictures for report.html: the claim x outlet heatmap and a bar chart of
// divergence kinds. Plain SVG markup (no scripts, no external references); every label
// is escaped and carries its full text in a <title> tooltip.
#ifndef DIVERGE_REPORTS_SVG_H_
#define DIVERGE_REPORTS_SVG_H_

#include <string>

#include "reports/report_view.h"

namespace diverge::reports {

// Rows = claims (reading order), columns = outlets; cells coloured by Cell state, a
// "differs" cell darker the higher its strongest divergence scores. "" if no claims.
std::string HeatmapSvg(const ReportView& view);

// Horizontal bars, one per divergence kind with a non-zero count. "" if none.
std::string KindBarsSvg(const ReportView& view);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_SVG_H_
