#include "bench/macro/stage_meter.h"

#include <sys/resource.h>

#include <fstream>
#include <string>

namespace diverge::bench {
namespace {

double StatusField(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

}  // namespace

double ProcessCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double PeakRssMib() { return StatusField("VmHWM"); }
double CurrentRssMib() { return StatusField("VmRSS"); }

StageMeter::StageMeter(bool reset_peak) {
  if (reset_peak) {
    std::ofstream clear("/proc/self/clear_refs");
    reset_ = static_cast<bool>(clear << "5" << std::flush);
  }
  t0_ = std::chrono::steady_clock::now();
  cpu0_ = ProcessCpuSeconds();
}

double StageMeter::WallSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
}

nlohmann::json StageMeter::Stop(int64_t items) const {
  double wall = WallSeconds();
  return {{"wall_s", wall},
          {"cpu_s", ProcessCpuSeconds() - cpu0_},
          {"peak_rss_mib", PeakRssMib()},
          {"peak_rss_scope", reset_ ? "stage" : "process"},
          {"items", items},
          {"items_per_s", wall > 0 ? static_cast<double>(items) / wall : 0.0}};
}

}  // namespace diverge::bench
