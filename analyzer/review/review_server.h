// The HTTP side of `diverge serve` (Debian libcpp-httplib-dev):
//   GET  /               the review page (review_page.h)
//   GET  /api/decisions  every stored decision as JSON (read-only)
//   POST /api/decision   {"id": "d-...", "status": "open|confirmed|dismissed", "note": "..."|null,
//                        "reason": "not_same_claim|same_value|name_variant|
//                        changed_over_time|other"|null}
//                        (status, note and reason each optional) -> the decision as JSON
//   POST /api/bulk, GET /api/source, GET /source   see review_api.h
// Binds 127.0.0.1 unless another host is asked for explicitly. Every request must name
// this server in its Host header (no DNS rebinding); a POST must carry the per-session
// random token in X-Diverge-Token, Content-Type application/json, and no foreign
// Origin, else 403 (so no other site can make a browser change a decision). Errors are
// JSON {"error": "..."} with 400 (bad body or status, bad id, a number out of range,
// two Host headers), 404 (unknown id), 403, and a bare 500 "internal error" for a bug
// (no exception text reaches the client).
// Slow clients: a connection that sends nothing for 5 s (before, inside or between
// requests) is closed, and one connection serves at most 100 requests;
// connections are served by a pool that grows to 256 threads (connection_pool.h), so a
// few idle sockets cannot hold up other requests.
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_SERVER_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_SERVER_H_

#include <memory>
#include <string>

#include "analyzer/base/result.h"

namespace diverge::review {

struct ServeOptions {
  std::string dir;      // analysis directory holding report.json
  std::string db_path;  // "" = DIR/review.db
  std::string host = "127.0.0.1";
  int port = 8765;       // 0 = any free port
  std::string reviewer;  // "" = DefaultReviewer()
};

// 32 random bytes from the kernel (getrandom) as 64 hex characters.
std::string RandomToken();

// Where ReviewServer::Create failed (the CLI maps it to an exit code).
enum class ServeStage { kReport, kStore, kListen };

class ReviewServer {
 public:
  // Opens the session (creating the database if missing) and binds the socket.
  // Errors: ReviewSession::Open's; kIOError when the address cannot be bound.
  static Result<std::unique_ptr<ReviewServer>> Create(const ServeOptions& options,
                                                      ServeStage* failed_at = nullptr);
  ~ReviewServer();

  int port() const;
  const std::string& token() const;
  std::string url() const;  // "http://127.0.0.1:PORT/"
  // Serves until Stop() (from another thread or a signal handler's thread).
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit ReviewServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_SERVER_H_
