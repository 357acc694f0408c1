// Rendering speed of each report format on a synthetic report of growing size
// (documents = n/10 over 10 outlets, n statements, n/4 claims, n/4 divergences).
//   build/bench/report_bench --benchmark_filter=Html
#include <benchmark/benchmark.h>

#include <string>

#include "reports/render.h"

namespace {

using namespace diverge;

report::Report MakeReport(int n) {
  report::Report r;
  for (int d = 0; d < n / 10 + 1; ++d) {
    ingest::Document doc;
    doc.id = "doc" + std::to_string(d);
    doc.path = "corpus/" + doc.id + ".txt";
    doc.outlet = "Outlet " + std::to_string(d % 10);
    doc.date = "2020-" + std::to_string(10 + d % 3) + "-1" + std::to_string(d % 10);
    doc.url = "https://example.org/" + doc.id;
    r.documents.push_back(doc);
  }
  for (int s = 0; s < n; ++s) {
    ingest::Statement st;
    st.id = "s-" + std::to_string(s);
    st.doc = "doc" + std::to_string(s % (n / 10 + 1));
    st.text = "Officials said " + std::to_string(s % 97) +
              " delegates from the <northern> region & others attended the \"summit\".";
    st.start = s * 100;
    st.end = st.start + static_cast<int64_t>(st.text.size());
    r.statements.push_back(st);
  }
  for (int c = 0; c + 3 < n; c += 4) {
    report::ClaimCluster cl;
    cl.id = "c-" + std::to_string(c);
    cl.label = "Claim " + std::to_string(c);
    for (int k = 0; k < 4; ++k) cl.statements.push_back("s-" + std::to_string(c + k));
    r.clusters.push_back(cl);
    report::Divergence d;
    d.id = "d-" + std::to_string(c);
    d.cluster = cl.id;
    d.kind = static_cast<report::DivergenceKind>(c % 9);
    d.temporal = static_cast<report::Temporal>(c % 3);
    d.score = (c % 100) / 100.0;
    d.a = {cl.statements[0], std::to_string(c % 97)};
    d.b = {cl.statements[1], std::to_string((c + 1) % 97)};
    d.explanation = "numbers differ";
    r.divergences.push_back(d);
  }
  return r;
}

void BM_Render(benchmark::State& state, reports::ReportFormat format) {
  report::Report report = MakeReport(static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = reports::Render(report, format);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["statements"] = static_cast<double>(report.statements.size());
}

BENCHMARK_CAPTURE(BM_Render, Markdown, reports::ReportFormat::kMarkdown)->Arg(1000)->Arg(10000);
BENCHMARK_CAPTURE(BM_Render, Html, reports::ReportFormat::kHtml)->Arg(1000)->Arg(10000);
BENCHMARK_CAPTURE(BM_Render, Csv, reports::ReportFormat::kCsv)->Arg(1000)->Arg(10000);
BENCHMARK_CAPTURE(BM_Render, Graphml, reports::ReportFormat::kGraphml)->Arg(1000)->Arg(10000);

}  // namespace
