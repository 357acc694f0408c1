#include "analyzer/base/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace diverge {

void ParallelFor(int threads, int64_t tasks, const std::function<void(int64_t)>& fn) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::min<int64_t>(tasks, 64))));
  if (threads <= 1) {
    for (int64_t t = 0; t < tasks; ++t) fn(t);
    return;
  }
  std::atomic<int64_t> next{0};
  auto worker = [&] {
    for (int64_t t = next++; t < tasks; t = next++) fn(t);
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

}  // namespace diverge
