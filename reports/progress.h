// Progress: stage and count lines on stderr for long commands (`diverge analyze`,
// `diverge report`). Silent unless stderr is a terminal (isatty(2)) and not --quiet, so
// pipes, CI logs and tests see nothing.
//
//   Progress progress(quiet);
//   progress.Stage("embedding");   // "diverge: embedding..."
//   progress.Count(1234, "statements");  // "diverge: embedding: 1234 statements in 0.8 s (1.5k/s)"
#ifndef DIVERGE_REPORTS_PROGRESS_H_
#define DIVERGE_REPORTS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace diverge {

class Progress {
 public:
  // Enabled iff !quiet and stderr is a terminal.
  explicit Progress(bool quiet = false);
  // Explicit sink (tests): enabled iff `out` is not null.
  explicit Progress(std::FILE* out) : out_(out) {}

  bool enabled() const { return out_ != nullptr; }
  // Starts a stage: prints "diverge: NAME..." and restarts the stage clock.
  void Stage(std::string_view name);
  // Reports `n` items done in the current stage, with elapsed time and rate.
  void Count(int64_t n, std::string_view unit = "items");
  // Prints a free-form line "diverge: MESSAGE".
  void Note(std::string_view message);

 private:
  std::FILE* out_ = nullptr;
  std::string stage_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace diverge

#endif  // DIVERGE_REPORTS_PROGRESS_H_
