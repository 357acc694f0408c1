#include "reports/progress.h"

#include <unistd.h>

#include <cmath>
#include <utility>

namespace diverge::reports {

namespace {
Progress::StageObserver& Observer() {
  static Progress::StageObserver observer;
  return observer;
}
}  // namespace

void Progress::SetStageObserver(StageObserver fn) { Observer() = std::move(fn); }

void Progress::NotifyStage(std::string_view name) {
  if (Observer()) Observer()(name);
}

Progress::Progress(bool quiet)
    : out_(!quiet && isatty(STDERR_FILENO) ? stderr : nullptr), redraw_(out_ != nullptr) {}

void Progress::Stage(std::string_view name) {
  NotifyStage(name);
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

std::string Progress::Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string Progress::Duration(double seconds) {
  if (!(seconds >= 1)) return "under 1 s";
  const int64_t s = static_cast<int64_t>(std::llround(seconds));
  char buf[48];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(s));
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lld min %02lld s", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", static_cast<long long>(s / 3600),
                  static_cast<long long>((s % 3600) / 60));
  }
  return buf;
}

std::string Progress::FormatLine(std::string_view stage, int64_t done, int64_t total,
                                 std::string_view unit, double elapsed_seconds) {
  std::string line = "diverge: " + std::string(stage) + ": " + Thousands(done);
  if (total <= 0) return line + " " + std::string(unit);
  if (done > total) done = total;
  line += "/" + Thousands(total) + " " + std::string(unit);
  const int pct = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
  line += " (" + std::to_string(pct) + "%)";
  if (done < total && done * 100 >= total && elapsed_seconds >= 1) {
    const double left = elapsed_seconds * static_cast<double>(total - done) / done;
    line += ", about " + Duration(left) + " left";
  }
  return line;
}

double Progress::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Start(std::string_view name, int64_t total, std::string_view unit) {
  NotifyStage(name);
  std::lock_guard<std::mutex> lock(draw_mu_);
  stage_ = std::string(name);
  unit_ = std::string(unit);
  start_ = std::chrono::steady_clock::now();
  done_ = 0;
  total_ = total;
  last_draw_ms_ = -1000;
  line_open_ = false;
}

void Progress::Draw(bool force) {
  if (out_ == nullptr || !redraw_) return;
  const int64_t now_ms = static_cast<int64_t>(Elapsed() * 1000);
  int64_t last = last_draw_ms_.load();
  if (!force && (now_ms - last < 200 || !last_draw_ms_.compare_exchange_strong(last, now_ms))) {
    return;
  }
  std::unique_lock<std::mutex> lock(draw_mu_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another thread is drawing this moment
  std::string line = FormatLine(stage_, done_.load(), total_.load(), unit_, Elapsed());
  std::fprintf(out_, "\r\033[K%s", line.c_str());
  std::fflush(out_);
  line_open_ = true;
}

void Progress::Update(int64_t done) {
  int64_t seen = done_.load();
  while (done > seen && !done_.compare_exchange_weak(seen, done)) {
  }
  Draw(false);
}

void Progress::Advance(int64_t n) {
  done_ += n;
  Draw(false);
}

void Progress::Finish() {
  if (out_ == nullptr) return;
  std::lock_guard<std::mutex> lock(draw_mu_);
  const double secs = Elapsed();
  const int64_t done = done_.load();
  char tail[64];
  std::snprintf(tail, sizeof tail, " in %.1f s", secs);
  std::fprintf(out_, "%sdiverge: %s: %s %s%s\n", line_open_ ? "\r\033[K" : "", stage_.c_str(),
               Thousands(done).c_str(), unit_.c_str(), tail);
  std::fflush(out_);
  line_open_ = false;
}

ProgressFn Progress::Reporter() {
  return [this](int64_t done, int64_t total) {
    if (total > 0 && total_.load() == 0) total_ = total;
    Update(done);
  };
}

}  // namespace diverge::reports
