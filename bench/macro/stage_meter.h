// Wall time, process CPU time and peak RSS of one stage of the macro benchmark.
//   StageMeter m;  ... work ...;  nlohmann::json j = m.Stop(items);
// Peak RSS is per stage: the constructor resets the kernel's high-water mark
// (/proc/self/clear_refs "5") and Stop reads VmHWM from /proc/self/status. Where the reset
// is refused, the figure is the process peak so far ("peak_rss_scope": "process").
#ifndef DIVERGE_BENCH_MACRO_STAGE_METER_H_
#define DIVERGE_BENCH_MACRO_STAGE_METER_H_

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace diverge::bench {

double ProcessCpuSeconds();
// VmHWM (peak resident set) of this process in MiB; 0 if unreadable.
double PeakRssMib();
// VmRSS (current resident set) in MiB; 0 if unreadable.
double CurrentRssMib();

class StageMeter {
 public:
  StageMeter();
  // {"wall_s", "cpu_s", "peak_rss_mib", "peak_rss_scope", "items", "items_per_s"}.
  nlohmann::json Stop(int64_t items) const;
  double WallSeconds() const;

 private:
  std::chrono::steady_clock::time_point t0_;
  double cpu0_ = 0;
  bool reset_ = false;
};

}  // namespace diverge::bench

#endif  // DIVERGE_BENCH_MACRO_STAGE_METER_H_
