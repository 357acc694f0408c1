// ParallelFor: runs fn(task) for every task in [0, tasks) on up to `threads` threads
// (the calling thread is one of them; threads <= 1 runs the tasks in order on it). Tasks
// are taken in order from an atomic counter, so a result must not depend on which
// thread runs a task: each task writes only its own outputs.
#ifndef DIVERGE_ANALYZER_BASE_PARALLEL_FOR_H_
#define DIVERGE_ANALYZER_BASE_PARALLEL_FOR_H_

#include <cstdint>
#include <functional>

namespace diverge {

void ParallelFor(int threads, int64_t tasks, const std::function<void(int64_t)>& fn);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_PARALLEL_FOR_H_
