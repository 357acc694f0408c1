// Inline SVG pictures for report.html: the claim x outlet heatmap and a bar chart of
// divergence kinds. Plain SVG markup (no scripts, no external references); every label
// is escaped and carries its full text in a <title> tooltip.
#ifndef DIVERGE_REPORTS_SVG_H_
#define DIVERGE_REPORTS_SVG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "reports/report_view.h"

namespace diverge::reports {

// Rows = the first `rows` claims (reading order), columns = the outlets at `columns`
// (indices into view.outlets()); cells coloured by Cell state, a "differs" cell darker
// the higher its strongest divergence scores. "" if no claims or no columns.
std::string HeatmapSvg(const ReportView& view, size_t rows, const std::vector<size_t>& columns);

// Horizontal bars, one per divergence kind with a non-zero count. "" if none.
std::string KindBarsSvg(const ReportView& view);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_SVG_H_
