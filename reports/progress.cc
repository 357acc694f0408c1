#include "reports/progress.h"

#include <unistd.h>

namespace diverge {

Progress::Progress(bool quiet) : out_(!quiet && isatty(STDERR_FILENO) ? stderr : nullptr) {}

void Progress::Stage(std::string_view name) {
  stage_ = std::string(name);
  start_ = std::chrono::steady_clock::now();
  if (out_ == nullptr) return;
  std::fprintf(out_, "diverge: %s...\n", stage_.c_str());
  std::fflush(out_);
}

void Progress::Count(int64_t n, std::string_view unit) {
  if (out_ == nullptr) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string u(unit);
  if (secs > 0.001) {
    double rate = n / secs;
    std::fprintf(out_, "diverge: %s: %lld %s in %.1f s (%.0f/s)\n", stage_.c_str(),
                 static_cast<long long>(n), u.c_str(), secs, rate);
  } else {
    std::fprintf(out_, "diverge: %s: %lld %s\n", stage_.c_str(), static_cast<long long>(n),
                 u.c_str());
  }
  std::fflush(out_);
}

void Progress::Note(std::string_view message) {
  if (out_ == nullptr) return;
  std::fprintf(out_, "diverge: %.*s\n", static_cast<int>(message.size()), message.data());
  std::fflush(out_);
}

}  // namespace diverge
