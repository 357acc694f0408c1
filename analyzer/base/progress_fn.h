// ProgressFn: how a long loop in any module (clustering, detection) says how far it
// got, without knowing who shows it or how. The loop calls fn(done, total) as often as
// it likes (from any thread; the callee must be thread-safe and cheap, and throttles
// its own output); total may be 0 when unknown. An empty ProgressFn means nobody asked:
// call it only `if (fn)`. The `diverge` CLI passes Progress::Reporter()
// (reports/progress.h), which draws a count, a percentage and the time left on a
// terminal.
#ifndef DIVERGE_ANALYZER_BASE_PROGRESS_FN_H_
#define DIVERGE_ANALYZER_BASE_PROGRESS_FN_H_

#include <cstdint>
#include <functional>

namespace diverge {

using ProgressFn = std::function<void(int64_t done, int64_t total)>;

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_PROGRESS_FN_H_
