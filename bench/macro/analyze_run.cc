#include "bench/macro/analyze_run.h"

#include <algorithm>
#include <map>
#include <memory>

#include "bench/macro/stage_meter.h"
#include "reports/progress.h"

namespace diverge::bench {

std::string BenchStageName(std::string_view stage) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"reading corpus", "ingest"},     {"loading model", "model"},
      {"embedding", "embed"},           {"stories", "stories"},
      {"similarity graph", "knn"},      {"clustering", "claims"},
      {"detecting divergences", "divergence"}, {"writing reports", "write"}};
  auto it = kNames.find(stage);
  return it != kNames.end() ? it->second : std::string(stage);
}

MeasuredAnalyze RunMeasuredAnalyze(const pipeline::AnalyzeOptions& options, bool stage_rss) {
  MeasuredAnalyze run;
  std::unique_ptr<StageMeter> meter;
  std::string current;
  std::vector<std::pair<std::string, nlohmann::json>> done;
  auto close = [&] {
    if (meter) done.emplace_back(current, meter->Stop(0));
    meter.reset();
  };
  StageMeter whole(stage_rss);
  double peak = 0;
  reports::Progress::SetStageObserver([&](std::string_view stage) {
    close();
    current = BenchStageName(stage);
    meter = std::make_unique<StageMeter>(stage_rss);
  });
  run.summary = pipeline::Analyze(options);
  close();
  reports::Progress::SetStageObserver({});
  const nlohmann::json all = whole.Stop(0);
  run.wall_s = all["wall_s"].get<double>();
  run.cpu_s = all["cpu_s"].get<double>();
  const int64_t statements =
      run.summary.ok() ? static_cast<int64_t>(run.summary->report.statements.size()) : 0;
  for (auto& [name, j] : done) {
    // A stage name seen twice (none today) adds up.
    if (run.stages.contains(name)) {
      for (const char* f : {"wall_s", "cpu_s"}) {
        j[f] = j[f].get<double>() + run.stages[name][f].get<double>();
      }
      j["peak_rss_mib"] =
          std::max(j["peak_rss_mib"].get<double>(), run.stages[name]["peak_rss_mib"].get<double>());
    } else {
      run.order.push_back(name);
    }
    const double wall = j["wall_s"].get<double>();
    j["items"] = statements;
    j["items_per_s"] = wall > 0 ? static_cast<double>(statements) / wall : 0.0;
    j["us_per_statement"] = statements > 0 ? 1e6 * wall / static_cast<double>(statements) : 0.0;
    peak = std::max(peak, j["peak_rss_mib"].get<double>());
    run.stages[name] = j;
  }
  run.peak_rss_mib = std::max(peak, PeakRssMib());
  return run;
}

}  // namespace diverge::bench
