// One function per output format; callers use Render() (reports/render.h).
#ifndef DIVERGE_REPORTS_FORMATS_H_
#define DIVERGE_REPORTS_FORMATS_H_

#include <optional>
#include <string>
#include <vector>

#include "reports/render.h"
#include "reports/report_view.h"

namespace diverge::reports {

std::string RenderMarkdown(const ReportView& view);
std::string RenderHtml(const ReportView& view);
// The page <title>: counts only, never corpus text.
std::string HtmlTitle(const ReportView& view);
// One side of a divergence as <div class="side"> (outlet, date, source offsets, the
// statement with the evidence of `d` in <mark>), or a "silent" side when `s` is null.
// Shared with the review page of `diverge serve`, which passes `source_base`
// ("/source?statement="): the source link then goes there (plus the statement id)
// instead of to the document file.
std::string HtmlSide(const ReportView& view, const char* label, const ingest::Statement* s,
                     const std::optional<std::string>& id, const report::Divergence& d,
                     std::string_view source_base = {});
std::string RenderCsv(const ReportView& view);
std::string RenderGraphml(const ReportView& view, const std::vector<SimilarityEdge>& similarities);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_FORMATS_H_
