#include "reports/render.h"

#include <filesystem>
#include <iterator>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/parallel_for.h"
#include "reports/formats.h"
#include "reports/report_view.h"

namespace diverge::reports {

Result<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "graphml") return ReportFormat::kGraphml;
  return Status::InvalidArgument("unknown report format \"" + std::string(name) +
                                 "\" (expected md, markdown, html, csv or graphml)");
}

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return "md";
    case ReportFormat::kHtml:
      return "html";
    case ReportFormat::kCsv:
      return "csv";
    case ReportFormat::kGraphml:
      return "graphml";
  }
  return "md";
}

std::string_view DefaultFileName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return "report.md";
    case ReportFormat::kHtml:
      return "report.html";
    case ReportFormat::kCsv:
      return "divergences.csv";
    case ReportFormat::kGraphml:
      return "claims.graphml";
  }
  return "report.md";
}

namespace {

std::string RenderView(const ReportView& view, ReportFormat format,
                       const std::vector<SimilarityEdge>& similarities) {
  switch (format) {
    case ReportFormat::kMarkdown:
      return reports::RenderMarkdown(view);
    case ReportFormat::kHtml:
      return reports::RenderHtml(view);
    case ReportFormat::kCsv:
      return reports::RenderCsv(view);
    case ReportFormat::kGraphml:
      return reports::RenderGraphml(view, similarities);
  }
  return {};
}

}  // namespace

std::string Render(const report::Report& report, ReportFormat format,
                   const std::vector<SimilarityEdge>& similarities, const RenderOptions& options) {
  return RenderView(ReportView(report, options.report_dir), format, similarities);
}

std::vector<std::pair<std::string, std::string>> RenderAllFormats(
    const report::Report& report, const std::vector<SimilarityEdge>& similarities,
    const RenderOptions& options, int threads) {
  const ReportView view(report, options.report_dir);
  constexpr size_t kFormats = std::size(kAllReportFormats);
  std::vector<std::pair<std::string, std::string>> out(kFormats);
  ParallelFor(threads, static_cast<int64_t>(kFormats), [&](int64_t i) {
    const ReportFormat f = kAllReportFormats[i];
    out[size_t(i)] = {std::string(DefaultFileName(f)), RenderView(view, f, similarities)};
  });
  return out;
}

Status WriteAllFormats(const report::Report& report, const std::string& dir,
                       const std::vector<SimilarityEdge>& similarities) {
  for (const auto& [name, text] : RenderAllFormats(report, similarities, RenderOptions{dir}, 1)) {
    DIVERGE_RETURN_IF_ERROR(WriteFileAtomic((std::filesystem::path(dir) / name).string(), text));
  }
  return Status::Ok();
}

Result<std::string> RenderReportFile(const std::string& report_path, ReportFormat format,
                                     const RenderOptions& options) {
  Result<report::Report> report = report::LoadReport(report_path);
  if (!report.ok()) return report.status();
  return Render(*report, format, {}, options);
}

}  // namespace diverge::reports
