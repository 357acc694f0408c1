#include "analyzer/review/review_server.h"

#include <httplib.h>
#include <sys/random.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <utility>

#include "analyzer/review/review_api.h"
#include "analyzer/report/json_text.h"
#include "analyzer/review/connection_pool.h"
#include "analyzer/review/review_page.h"
#include "analyzer/review/review_session.h"

namespace diverge::review {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxBody = 64 * 1024;
// Slow or idle clients: a connection is served by one pool thread while it is open, so
// it is closed after kIoTimeoutSeconds without a byte (read or write), after
// kKeepAliveSeconds idle before or between requests, and after kKeepAliveMaxRequests
// requests; the pool grows to kMaxConnectionThreads threads, so that many sockets must
// be open at once before a new request waits (connection_pool.h).
constexpr time_t kIoTimeoutSeconds = 5;
constexpr time_t kKeepAliveSeconds = 5;
constexpr size_t kKeepAliveMaxRequests = 100;
constexpr size_t kMaxConnectionThreads = 256;

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

void SendJson(httplib::Response& res, int code, const json& body) {
  res.status = code;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void SendError(httplib::Response& res, int code, const std::string& message) {
  SendJson(res, code, {{"error", message}});
}

int HttpCode(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kIOError:
      return 503;
    default:
      return 500;
  }
}

json DecisionJson(const Decision& d) { return DecisionToJson(d); }

// Parses a POST /api/decision body into a Change; kInvalidArgument says what is wrong.
Result<Change> ParseChange(const std::string& body, const std::string& reviewer) {
  std::variant<json, report::JsonTextError> parsed = report::ParseJsonText(body);
  if (auto* e = std::get_if<report::JsonTextError>(&parsed)) {
    return Status::InvalidArgument("request body is not valid JSON (byte " +
                                   std::to_string(e->byte) + ": " + e->message + ")");
  }
  json j = std::move(std::get<json>(parsed));
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) {
    return Status::InvalidArgument("request body must be an object with a string \"id\"");
  }
  Change c;
  c.id = j["id"].get<std::string>();
  c.reviewer = reviewer;
  if (auto s = j.find("status"); s != j.end()) {
    std::string name = s->is_string() ? s->get<std::string>() : s->dump();
    std::optional<report::ReviewStatus> status = report::ParseReviewStatus(name);
    if (!status) {
      return Status::InvalidArgument("unknown review status \"" + name +
                                     "\" (expected open, confirmed or dismissed)");
    }
    c.status = status;
  }
  if (auto n = j.find("note"); n != j.end()) {
    if (!n->is_null() && !n->is_string()) {
      return Status::InvalidArgument("\"note\" must be a string or null");
    }
    c.set_note = true;
    if (n->is_string() && !n->get<std::string>().empty()) c.note = n->get<std::string>();
  }
  DIVERGE_RETURN_IF_ERROR(ParseReasonField(j, &c));
  if (!c.status && !c.set_note && !c.set_reason) {
    return Status::InvalidArgument("request changes nothing: give \"status\" and/or \"note\"");
  }
  return c;
}

}  // namespace

std::string RandomToken() {
  unsigned char bytes[32];
  size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

struct ReviewServer::Impl {
  ServeOptions options;
  ReviewSession session;
  std::mutex mu;  // guards session (httplib runs handlers on a thread pool)
  httplib::Server server;
  std::string token = RandomToken();
  int port = 0;
  std::set<std::string> hosts;  // accepted Host header values
  // Stop() may come before Run() reached httplib's accept loop (whose stop() is a
  // no-op until then): these let the two meet.
  std::atomic<bool> run_started{false}, run_finished{false}, stop_requested{false};

  Impl(ServeOptions o, ReviewSession s) : options(std::move(o)), session(std::move(s)) {}

  bool HostAllowed(const httplib::Request& req) const {
    return hosts.count(req.get_header_value("Host")) > 0;
  }

  void Page(const httplib::Request&, httplib::Response& res) {
    std::string nonce = RandomToken().substr(0, 32);
    std::lock_guard<std::mutex> lock(mu);
    if (Status st = session.Reload(); !st.ok()) return SendError(res, 500, st.ToString());
    res.set_header("Content-Security-Policy", PageCsp(nonce));
    res.set_header("Cache-Control", "no-store");
    res.set_content(RenderReviewPage(session, token, nonce), "text/html; charset=utf-8");
  }

  void List(const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    Result<std::vector<Decision>> all = session.store().All();
    if (!all.ok()) return SendError(res, HttpCode(all.status()), all.status().message());
    json out = json::array();
    for (const Decision& d : *all) out.push_back(DecisionJson(d));
    SendJson(res, 200, {{"decisions", out}});
  }

  // The checks every write passes (token, JSON, same origin); false after a 403.
  bool WriteAllowed(const httplib::Request& req, httplib::Response& res) {
    if (!SameSecret(req.get_header_value("X-Diverge-Token"), token)) {
      SendError(res, 403, "missing or wrong X-Diverge-Token (reload the page)");
      return false;
    }
    if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
      SendError(res, 403, "Content-Type must be application/json");
      return false;
    }
    std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && origin != "http://" + req.get_header_value("Host")) {
      SendError(res, 403, "cross-origin request refused");
      return false;
    }
    return true;
  }

  void Bulk(const httplib::Request& req, httplib::Response& res) {
    if (!WriteAllowed(req, res)) return;
    std::lock_guard<std::mutex> lock(mu);
    if (Status st = session.Reload(); !st.ok()) return SendError(res, 500, st.ToString());
    Result<json> done = BulkDecide(session, req.body, options.reviewer);
    if (!done.ok()) return SendError(res, HttpCode(done.status()), done.status().message());
    SendJson(res, 200, *done);
  }

  void CorrectRequest(const httplib::Request& req, httplib::Response& res) {
    if (!WriteAllowed(req, res)) return;
    std::lock_guard<std::mutex> lock(mu);
    Result<json> done = review::Correct(session, req.body, options.reviewer);
    if (!done.ok()) return SendError(res, HttpCode(done.status()), done.status().message());
    SendJson(res, 200, *done);
  }

  void Source(const httplib::Request& req, httplib::Response& res, bool page) {
    const std::string id = req.get_param_value("statement");
    std::string nonce = RandomToken().substr(0, 32);
    std::lock_guard<std::mutex> lock(mu);
    if (!page) {
      Result<json> j = SourceJson(session, id);
      if (!j.ok()) return SendError(res, HttpCode(j.status()), j.status().message());
      return SendJson(res, 200, *j);
    }
    Result<std::string> html = RenderSourcePage(session, id, nonce);
    if (!html.ok()) return SendError(res, HttpCode(html.status()), html.status().message());
    res.set_header("Content-Security-Policy", PageCsp(nonce));
    res.set_header("Cache-Control", "no-store");
    res.set_content(*html, "text/html; charset=utf-8");
  }

  void Decide(const httplib::Request& req, httplib::Response& res) {
    if (!WriteAllowed(req, res)) return;
    Result<Change> change = ParseChange(req.body, options.reviewer);
    if (!change.ok()) return SendError(res, 400, change.status().message());
    std::lock_guard<std::mutex> lock(mu);
    if (Status st = session.Reload(); !st.ok()) return SendError(res, 500, st.ToString());
    Result<Decision> d = session.Decide(*change);
    if (!d.ok()) return SendError(res, HttpCode(d.status()), d.status().message());
    SendJson(res, 200, DecisionJson(*d));
  }
};

ReviewServer::ReviewServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReviewServer::~ReviewServer() = default;

Result<std::unique_ptr<ReviewServer>> ReviewServer::Create(const ServeOptions& options,
                                                           ServeStage* failed_at) {
  ServeStage ignored;
  ServeStage& stage = failed_at ? *failed_at : ignored;
  bool store_failed = false;
  Result<ReviewSession> session =
      ReviewSession::Open(options.dir, options.db_path, DbAccess::kReadWrite, &store_failed);
  stage = store_failed ? ServeStage::kStore : ServeStage::kReport;
  if (!session.ok()) return session.status();
  stage = ServeStage::kListen;
  ServeOptions opts = options;
  if (opts.reviewer.empty()) opts.reviewer = DefaultReviewer();
  auto impl = std::make_unique<Impl>(std::move(opts), std::move(*session));
  Impl* p = impl.get();
  p->server.set_payload_max_length(kMaxBody);
  p->server.new_task_queue = [] { return new ConnectionPool(kMaxConnectionThreads); };
  p->server.set_read_timeout(kIoTimeoutSeconds, 0);
  p->server.set_write_timeout(kIoTimeoutSeconds, 0);
  p->server.set_keep_alive_timeout(kKeepAliveSeconds);
  p->server.set_keep_alive_max_count(kKeepAliveMaxRequests);
  // An exception in a handler is a bug: answer a bare JSON 500 (httplib's default would
  // put the exception text in an EXCEPTION_WHAT response header).
  p->server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal error");
      });
  // httplib's default sets SO_REUSEPORT, which would let a second server (or another
  // user's process) bind the same port; SO_REUSEADDR alone only allows quick restarts.
  p->server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  p->server.set_pre_routing_handler([p](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    if (req.get_header_value_count("Host") > 1) {  // RFC 9112 3.2: exactly one Host
      SendError(res, 400, "more than one Host header");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (p->HostAllowed(req)) return httplib::Server::HandlerResponse::Unhandled;
    SendError(res, 403, "unexpected Host header");
    return httplib::Server::HandlerResponse::Handled;
  });
  p->server.Get("/", [p](const httplib::Request& q, httplib::Response& r) { p->Page(q, r); });
  p->server.Get("/api/decisions",
                [p](const httplib::Request& q, httplib::Response& r) { p->List(q, r); });
  p->server.Post("/api/decision",
                 [p](const httplib::Request& q, httplib::Response& r) { p->Decide(q, r); });
  // review_api.h: bulk decisions and a statement in its source.
  p->server.Post("/api/bulk",
                 [p](const httplib::Request& q, httplib::Response& r) { p->Bulk(q, r); });
  p->server.Post("/api/correct",
                 [p](const httplib::Request& q, httplib::Response& r) { p->CorrectRequest(q, r); });
  p->server.Get("/api/source", [p](const httplib::Request& q, httplib::Response& r) {
    p->Source(q, r, /*page=*/false);
  });
  p->server.Get("/source", [p](const httplib::Request& q, httplib::Response& r) {
    p->Source(q, r, /*page=*/true);
  });
  const std::string& host = p->options.host;
  if (p->options.port == 0) {
    p->port = p->server.bind_to_any_port(host);
  } else if (p->server.bind_to_port(host, p->options.port)) {
    p->port = p->options.port;
  } else {
    p->port = -1;
  }
  if (p->port <= 0) {
    return Status::IOError(host + ":" + std::to_string(p->options.port) +
                           ": cannot listen (address in use or not available)");
  }
  std::string port = ":" + std::to_string(p->port);
  std::string bracketed = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  p->hosts = {"127.0.0.1" + port, "localhost" + port, "[::1]" + port, bracketed + port};
  return std::unique_ptr<ReviewServer>(new ReviewServer(std::move(impl)));
}

int ReviewServer::port() const { return impl_->port; }
const std::string& ReviewServer::token() const { return impl_->token; }
std::string ReviewServer::url() const {
  const std::string& h = impl_->options.host;
  std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  if (h == "0.0.0.0" || h == "::") host = "127.0.0.1";
  return "http://" + host + ":" + std::to_string(impl_->port) + "/";
}

Status ReviewServer::Run() {
  impl_->run_started = true;
  bool ok = impl_->stop_requested || impl_->server.listen_after_bind();
  impl_->run_finished = true;
  if (!ok) return Status::IOError(url() + ": server stopped with an error");
  return Status::Ok();
}

void ReviewServer::Stop() {
  impl_->stop_requested = true;
  // If Run() has begun, wait (up to 5 s) until the accept loop runs, so stop() reaches it.
  for (int i = 0;
       i < 500 && impl_->run_started && !impl_->run_finished && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  impl_->server.stop();
}

}  // namespace diverge::review
