// divergences.csv: RFC 4180 (CRLF records, quoted fields when needed), header row, one row
// per divergence in score order. Formula-injection guard: see CsvField.
#include <string>

#include "reports/escape.h"
#include "reports/formats.h"

namespace diverge::reports {

std::string RenderCsv(const ReportView& view) {
  std::string out;
  auto row = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += CsvField(StripControls(fields[i]));
    }
    out += "\r\n";
  };
  row(std::vector<std::string>(std::begin(kCsvColumns), std::end(kCsvColumns)));
  for (const DivergenceView& v : view.divergences()) {
    const report::Divergence& d = *v.divergence;
    auto side = [&](const ingest::Statement* s, const report::DivergenceSide& ds) {
      if (s != nullptr) {
        return std::vector<std::string>{view.OutletOf(s), view.DateOf(s), s->text, ds.evidence};
      }
      // Unknown statement id: keep the id visible; silent omission side: only its outlet.
      return std::vector<std::string>{ds.outlet.value_or(""), "", ds.statement.value_or(""),
                                      ds.evidence};
    };
    std::vector<std::string> fields = {d.id, d.cluster, std::string(report::KindName(d.kind)),
                                       std::string(report::TemporalName(d.temporal)),
                                       FormatScore(d.score, 4)};
    for (const std::string& f : side(v.a, d.a)) fields.push_back(f);
    for (const std::string& f : side(v.b, d.b)) fields.push_back(f);
    fields.push_back(d.explanation);
    fields.push_back(std::string(report::ReviewStatusName(d.review.status)));
    fields.push_back(d.review.note.value_or(""));
    row(fields);
  }
  return out;
}

}  // namespace diverge::reports
