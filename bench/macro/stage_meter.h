// Wall time, process CPU time and peak RSS of one stage of the macro benchmark.
//   StageMeter m;  ... work ...;  nlohmann::json j = m.Stop(items);
// Peak RSS is per stage: the constructor resets the kernel's high-water mark
// (/proc/self/clear_refs "5") and Stop reads VmHWM from /proc/self/status. Where the reset
// is refused, the figure is the process peak so far ("peak_rss_scope": "process").
// The reset also lowers what getrusage and wait4 report (ru_maxrss reads the same
// high-water mark), so GNU time's "Maximum resident set size" of a run is then the peak of
// the stages after the last reset, not of the run: the process peak is the largest stage
// peak. StageMeter(false) does not reset (every stage then reports the process peak so
// far, and GNU time the run's peak): macro_bench --no-stage-rss.
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
  explicit StageMeter(bool reset_peak = true);
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
