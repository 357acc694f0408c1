#include "reports/render.h"

#include <filesystem>

#include "analyzer/base/atomic_file.h"
#include "reports/formats.h"
#include "reports/report_view.h"

namespace diverge {

Result<Format> ParseFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "html") return Format::kHtml;
  if (name == "csv") return Format::kCsv;
  if (name == "graphml") return Format::kGraphml;
  return Status::InvalidArgument("unknown report format \"" + std::string(name) +
                                 "\" (expected md, markdown, html, csv or graphml)");
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kMarkdown:
      return "md";
    case Format::kHtml:
      return "html";
    case Format::kCsv:
      return "csv";
    case Format::kGraphml:
      return "graphml";
  }
  return "md";
}

std::string_view DefaultFileName(Format format) {
  switch (format) {
    case Format::kMarkdown:
      return "report.md";
    case Format::kHtml:
      return "report.html";
    case Format::kCsv:
      return "divergences.csv";
    case Format::kGraphml:
      return "claims.graphml";
  }
  return "report.md";
}

std::string Render(const Report& report, Format format,
                   const std::vector<SimilarityEdge>& similarities, const RenderOptions& options) {
  reports::ReportView view(report, options.report_dir);
  switch (format) {
    case Format::kMarkdown:
      return reports::RenderMarkdown(view);
    case Format::kHtml:
      return reports::RenderHtml(view);
    case Format::kCsv:
      return reports::RenderCsv(view);
    case Format::kGraphml:
      return reports::RenderGraphml(view, similarities);
  }
  return {};
}

Status WriteAllFormats(const Report& report, const std::string& dir,
                       const std::vector<SimilarityEdge>& similarities) {
  for (Format f : {Format::kMarkdown, Format::kHtml, Format::kCsv, Format::kGraphml}) {
    std::string path = (std::filesystem::path(dir) / DefaultFileName(f)).string();
    DIVERGE_RETURN_IF_ERROR(
        WriteFileAtomic(path, Render(report, f, similarities, RenderOptions{dir})));
  }
  return Status::Ok();
}

Result<std::string> RenderReportFile(const std::string& report_path, Format format,
                                     const RenderOptions& options) {
  Result<Report> report = LoadReport(report_path);
  if (!report.ok()) return report.status();
  return Render(*report, format, {}, options);
}

}  // namespace diverge
