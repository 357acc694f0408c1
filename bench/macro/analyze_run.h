// One measured run of Analyze (analyzer/pipeline/analyze.h), the function behind
// `diverge analyze`: wall, CPU seconds and peak RSS of each of its stages, observed
// through the stage starts it reports to Progress (Progress::SetStageObserver), so the
// pipeline itself holds no benchmark code.
//
//   AnalyzeOptions opt;  opt.inputs = {dir};  opt.out_dir = out;  opt.model_path = model;
//   MeasuredAnalyze run = RunMeasuredAnalyze(opt, /*stage_rss=*/true);
//   run.stages["claims"]["wall_s"] ...
//
// Stage names (Progress stage -> benchmark name): "reading corpus" -> ingest, "loading
// model" -> model, "embedding" -> embed, "stories" -> stories, "similarity graph" -> knn,
// "clustering" -> claims, "detecting divergences" -> divergence (with carrying review
// decisions), "writing reports" -> write; any other stage keeps its Progress name. A stage
// ends where the next one starts; the last one where Analyze returns. Items per stage are
// the statements of the corpus.
#ifndef DIVERGE_BENCH_MACRO_ANALYZE_RUN_H_
#define DIVERGE_BENCH_MACRO_ANALYZE_RUN_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer/pipeline/analyze.h"

namespace diverge::bench {

struct MeasuredAnalyze {
  Result<pipeline::AnalyzeSummary> summary = Status::Internal("not run");
  nlohmann::json stages = nlohmann::json::object();  // name -> StageMeter::Stop json
  std::vector<std::string> order;                    // stage names in run order
  double wall_s = 0, cpu_s = 0, peak_rss_mib = 0;    // the whole pipeline::Analyze call
};

MeasuredAnalyze RunMeasuredAnalyze(const pipeline::AnalyzeOptions& options, bool stage_rss);

// The benchmark name of a Progress stage (above).
std::string BenchStageName(std::string_view progress_stage);

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_ANALYZE_RUN_H_
