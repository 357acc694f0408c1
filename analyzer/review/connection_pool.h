// The thread pool of `diverge serve`: httplib serves each connection on one pool thread
// for as long as the connection stays open (up to the read / keep-alive timeouts). A
// fixed pool of 8 threads (httplib's default) is exhausted by 8 idle sockets, and every
// other request waits behind them. This pool starts a thread whenever no thread is free,
// up to `max_threads`; only beyond that many open connections do new ones wait.
// Threads that started stay until shutdown() (they are cheap, and the cap bounds them).
#ifndef DIVERGE_ANALYZER_REVIEW_CONNECTION_POOL_H_
#define DIVERGE_ANALYZER_REVIEW_CONNECTION_POOL_H_

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace diverge::review {

class ConnectionPool : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(size_t max_threads);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;  // runs the queued jobs, then joins every thread

  size_t threads() const;  // started so far

 private:
  void Work();

  const size_t max_threads_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;  // threads waiting for a job
  bool shutdown_ = false;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_CONNECTION_POOL_H_
