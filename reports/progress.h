// Progress: stage and count lines on stderr for long commands (`diverge analyze`,
// `diverge report`). Silent unless stderr is a terminal (isatty(2)) and not --quiet, so
// pipes, CI logs and tests see nothing.
//
//   Progress progress(quiet);
//   progress.Stage("embedding");   // "diverge: embedding..."
//   progress.Count(1234, "statements");  // "diverge: embedding: 1234 statements in 0.8 s (1.5k/s)"
//
// Inside a long stage whose amount of work is known, a live line with a count, a
// percentage and an estimate of the time left, redrawn in place (at most 5 times a
// second) on a terminal:
//
//   progress.Start("clustering", n, "statements");
//   RunClustering(..., progress.Reporter());  // the loop calls fn(done, total)
//   progress.Finish();  // "diverge: clustering: 5,000 statements in 12.3 s"
//
// Update / Advance / the Reporter may be called from several threads at once.
//
// Stage observer (benchmarks): Progress::SetStageObserver(fn) makes every Progress of the
// process call fn(name) when a stage starts (Stage or Start), whether or not it prints:
// bench/macro measures the stages of Analyze this way, without timing code inside the
// pipeline. One observer at a time; set it before the observed work starts.
#ifndef DIVERGE_REPORTS_PROGRESS_H_
#define DIVERGE_REPORTS_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "analyzer/base/progress_fn.h"

namespace diverge::reports {

class Progress {
 public:
  // Enabled iff !quiet and stderr is a terminal.
  explicit Progress(bool quiet = false);
  // Explicit sink (tests): enabled iff `out` is not null. `redraw` draws the live line
  // in place with '\r' (a terminal); without it Start/Update print nothing until Finish.
  explicit Progress(std::FILE* out, bool redraw = false) : out_(out), redraw_(redraw) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return out_ != nullptr; }
  // Every stage start of every Progress calls `fn` (empty: none). Not thread-safe against
  // running stages: set it before, clear it after.
  using StageObserver = std::function<void(std::string_view stage)>;
  static void SetStageObserver(StageObserver fn);
  // Starts a stage: prints "diverge: NAME..." and restarts the stage clock.
  void Stage(std::string_view name);
  // Reports `n` items done in the current stage, with elapsed time and rate.
  void Count(int64_t n, std::string_view unit = "items");
  // Prints a free-form line "diverge: MESSAGE".
  void Note(std::string_view message);

  // Starts a counted stage of `total` `unit`s (0: unknown; then no percentage and no
  // estimate). Restarts the stage clock.
  void Start(std::string_view name, int64_t total, std::string_view unit = "items");
  // `done` items of the counted stage are finished (monotonic: a smaller value than one
  // seen before is ignored). Thread-safe; draws at most every 200 ms.
  void Update(int64_t done);
  // `n` more items are finished. Thread-safe.
  void Advance(int64_t n = 1);
  // Ends the counted stage with "diverge: NAME: DONE UNIT in S s" on its own line.
  void Finish();
  // A ProgressFn for library loops: calls Update(done) (and takes `total` when the
  // stage was started with 0). Valid while this Progress lives.
  ProgressFn Reporter();

  // The live line: "diverge: clustering: 1,200/5,000 statements (24%), about 35 s left"
  // (no total: "diverge: clustering: 1,200 statements"; no estimate before 1% of the
  // work or 1 s of it). Pure, for tests.
  static std::string FormatLine(std::string_view stage, int64_t done, int64_t total,
                                std::string_view unit, double elapsed_seconds);
  // "12,345".
  static std::string Thousands(int64_t n);
  // "under 1 s", "42 s", "3 min 20 s", "2 h 05 min".
  static std::string Duration(double seconds);

 private:
  void Draw(bool force);
  static void NotifyStage(std::string_view name);
  double Elapsed() const;

  std::FILE* out_ = nullptr;
  bool redraw_ = false;
  std::string stage_, unit_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<int64_t> done_{0}, total_{0};
  std::atomic<int64_t> last_draw_ms_{-1000};
  std::mutex draw_mu_;
  bool line_open_ = false;  // a live line is on screen without its newline
};

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_PROGRESS_H_
