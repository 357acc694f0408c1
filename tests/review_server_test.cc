// The `diverge serve` HTTP side, in process: the page escapes corpus text and carries
// the token; state changes need the token, JSON and our own Host/Origin.
#include "analyzer/review/review_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "analyzer/review/connection_pool.h"
#include "analyzer/review/decision_store.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;

namespace {

struct Running {
  std::unique_ptr<ReviewServer> server;
  std::thread thread;
  explicit Running(const ServeOptions& o) {
    Result<std::unique_ptr<ReviewServer>> s = ReviewServer::Create(o);
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    server = std::move(*s);
    thread = std::thread([this] { (void)server->Run(); });
  }
  ~Running() {
    server->Stop();
    thread.join();
  }
};

report::Report HostileAndSynthetic() {
  report::Report report = SyntheticReport();
  report::Report hostile = HostileReport();
  for (auto& x : hostile.documents) report.documents.push_back(x);
  for (auto& x : hostile.statements) report.statements.push_back(x);
  for (auto& x : hostile.clusters) report.clusters.push_back(x);
  for (auto& x : hostile.divergences) report.divergences.push_back(x);
  return report;
}

}  // namespace

TEST_CASE("serve: the page escapes corpus text and requires the token for changes",
          "[review][server]") {
  ReviewDir dir;
  WriteReportDir(dir, HostileAndSynthetic());
  ServeOptions o;
  o.dir = dir.str();
  o.port = 0;
  o.reviewer = "web-tester";
  Running run(o);
  int port = run.server->port();
  REQUIRE(port > 0);
  CHECK(run.server->url() == "http://127.0.0.1:" + std::to_string(port) + "/");
  const std::string& token = run.server->token();
  CHECK(token.size() == 64);
  httplib::Client cli("127.0.0.1", port);

  auto page = cli.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  const std::string& html = page->body;
  CHECK(html.find("content=\"" + token + "\"") != std::string::npos);
  CHECK(html.find(kScriptAttack) == std::string::npos);
  CHECK(html.find(kImgAttack) == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.body.setAttribute(") != std::string::npos);
  CHECK(html.find("<mark>") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // no external resources or links
  CHECK(html.find("https://") == std::string::npos);
  std::string csp = page->get_header_value("Content-Security-Policy");
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  CHECK(csp.find("'unsafe-inline'") == std::string::npos);

  auto post = [&](const std::string& body, httplib::Headers headers,
                  const char* type = "application/json") {
    return cli.Post("/api/decision", headers, body, type);
  };
  httplib::Headers good = {{"X-Diverge-Token", token}};
  std::string confirm = R"({"id": "d-founded", "status": "confirmed"})";

  SECTION("refused: no token, wrong token, form content type, foreign origin or host") {
    auto none = post(confirm, {});
    REQUIRE(none);
    CHECK(none->status == 403);
    auto wrong = post(confirm, {{"X-Diverge-Token", std::string(64, '0')}});
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    auto form = post(confirm, good, "text/plain");
    REQUIRE(form);
    CHECK(form->status == 403);
    auto origin = post(confirm, {{"X-Diverge-Token", token}, {"Origin", "http://evil.example"}});
    REQUIRE(origin);
    CHECK(origin->status == 403);
    httplib::Client rebound("127.0.0.1", port);
    auto host = rebound.Get("/", {{"Host", "evil.example:" + std::to_string(port)}});
    REQUIRE(host);
    CHECK(host->status == 403);
    auto get = cli.Get("/api/decision");
    REQUIRE(get);
    CHECK(get->status != 200);
    Result<DecisionStore> store = DecisionStore::Open(dir.file("review.db"));
    REQUIRE(store.ok());
    CHECK(store->All()->empty());
  }

  SECTION("bad ids and bad statuses are clear 4xx errors") {
    auto status = post(R"({"id": "d-founded", "status": "maybe"})", good);
    REQUIRE(status);
    CHECK(status->status == 400);
    CHECK(status->body.find("unknown review status \\\"maybe\\\"") != std::string::npos);
    auto unknown = post(R"({"id": "d-not-there", "status": "confirmed"})", good);
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(unknown->body.find("d-not-there") != std::string::npos);
    auto malformed = post(R"({"id": "<x>", "status": "confirmed"})", good);
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    auto garbage = post("{not json", good);
    REQUIRE(garbage);
    CHECK(garbage->status == 400);
  }

  SECTION("a number out of double range is a JSON 400 that reveals nothing internal") {
    for (const char* body : {R"({"id": "d-founded", "status": "open", "x": 1e400})",
                             R"({"id": "d-founded", "note": -1E+999})", "1e400"}) {
      INFO(body);
      auto r = post(body, good);
      REQUIRE(r);
      CHECK(r->status == 400);
      CHECK(r->get_header_value("Content-Type") == "application/json");
      CHECK_FALSE(r->has_header("EXCEPTION_WHAT"));
      CHECK(r->body.find("number out of double range") != std::string::npos);
      CHECK(r->body.find("json.exception") == std::string::npos);
      CHECK(r->body.find("overflow") == std::string::npos);
    }
  }

  SECTION("accepted: a decision and a note are stored with the reviewer") {
    auto ok = post(confirm, good);
    REQUIRE(ok);
    REQUIRE(ok->status == 200);
    nlohmann::json j = nlohmann::json::parse(ok->body);
    CHECK(j["status"] == "confirmed");
    CHECK(j["reviewer"] == "web-tester");
    auto note = post(R"({"id": "d-founded", "note": "<b>1992</b> per treaty"})", good);
    REQUIRE(note);
    CHECK(note->status == 200);
    Result<DecisionStore> store = DecisionStore::Open(dir.file("review.db"));
    REQUIRE(store.ok());
    Result<std::optional<Decision>> d = store->Get("d-founded");
    REQUIRE(d.ok());
    REQUIRE(d->has_value());
    CHECK((*d)->status == report::ReviewStatus::kConfirmed);
    CHECK((*d)->note == std::optional<std::string>("<b>1992</b> per treaty"));
    auto again = cli.Get("/");
    REQUIRE(again);
    CHECK(again->body.find("&lt;b&gt;1992&lt;/b&gt; per treaty") != std::string::npos);
    CHECK(again->body.find("<b>1992</b>") == std::string::npos);
    CHECK(std::regex_search(
        again->body,
        std::regex("data-id=\"d-founded\" data-num=\"D[0-9]+\" data-status=\"confirmed\"")));
  }
}

TEST_CASE("serve: a missing report or an occupied port are errors, not crashes",
          "[review][server]") {
  ReviewDir dir;
  ServeOptions o;
  o.dir = dir.str();
  o.port = 0;
  ServeStage stage;
  Result<std::unique_ptr<ReviewServer>> none = ReviewServer::Create(o, &stage);
  REQUIRE_FALSE(none.ok());
  CHECK(stage == ServeStage::kReport);
  CHECK(none.status().message().find("report.json") != std::string::npos);

  WriteReportDir(dir, SyntheticReport());
  Running first(o);
  o.port = first.server->port();
  Result<std::unique_ptr<ReviewServer>> second = ReviewServer::Create(o, &stage);
  REQUIRE_FALSE(second.ok());
  CHECK(stage == ServeStage::kListen);
  CHECK(second.status().code() == StatusCode::kIOError);
}

namespace {

// A raw TCP connection to 127.0.0.1:port (closed on destruction).
struct RawSocket {
  int fd = -1;
  explicit RawSocket(int port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      throw std::runtime_error("connect failed");
    }
    timeval tv{60, 0};  // a safety net only: no assertion depends on time
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawSocket() {
    if (fd >= 0) ::close(fd);
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  void Send(const std::string& bytes) const {
    REQUIRE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size()));
  }
  // Everything until the server closes (closed_by_server) or the safety timeout.
  std::string ReadAll() {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, size_t(n));
    closed_by_server = n == 0;
    return out;
  }
  bool closed_by_server = false;
  // True while the server keeps the connection open and has sent nothing.
  bool OpenAndSilent() const {
    char c;
    const ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT | MSG_PEEK);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
};

}  // namespace

TEST_CASE("serve: two Host headers are a 400", "[review][server]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  ServeOptions o;
  o.dir = dir.str();
  o.port = 0;
  Running run(o);
  const std::string host = "127.0.0.1:" + std::to_string(run.server->port());
  RawSocket s(run.server->port());
  s.Send("GET / HTTP/1.1\r\nHost: " + host + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
  const std::string response = s.ReadAll();
  CHECK(response.rfind("HTTP/1.1 400", 0) == 0);
  CHECK(response.find(run.server->token()) == std::string::npos);
  RawSocket one(run.server->port());
  one.Send("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  CHECK(one.ReadAll().rfind("HTTP/1.1 200", 0) == 0);
}

TEST_CASE("serve: idle connections do not hold up other requests and are closed",
          "[review][server]") {
  ReviewDir dir;
  WriteReportDir(dir, SyntheticReport());
  ServeOptions o;
  o.dir = dir.str();
  o.port = 0;
  Running run(o);
  const int port = run.server->port();
  // 12 clients connect and send nothing (8 were enough to stall every request for 4 s
  // with httplib's fixed pool of 8 threads). httplib accepts about 10 connections a
  // second here, so more would start timing out before the request is made.
  std::vector<std::unique_ptr<RawSocket>> idle;
  for (int i = 0; i < 12; ++i) idle.push_back(std::make_unique<RawSocket>(port));
  RawSocket half(port);
  half.Send("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n");  // unfinished
  httplib::Client cli("127.0.0.1", port);
  auto page = cli.Get("/api/decisions");
  REQUIRE(page);
  CHECK(page->status == 200);
  // Answered while every idle socket is still open: the request did not wait for them
  // to time out.
  size_t still_open = 0;
  for (const auto& s : idle) still_open += s->OpenAndSilent();
  CHECK(still_open == idle.size());
  CHECK(half.OpenAndSilent());
  // The server closes a silent connection itself (keep-alive / read timeout), an
  // unfinished request after a 400 at most.
  CHECK(idle.front()->ReadAll().empty());
  CHECK(idle.front()->closed_by_server);
  const std::string rest = half.ReadAll();
  CHECK((rest.empty() || rest.rfind("HTTP/1.1 400", 0) == 0));
  CHECK(half.closed_by_server);
}

TEST_CASE("ConnectionPool starts a thread whenever none is free, up to its cap",
          "[review][server]") {
  constexpr int kJobs = 40;
  std::mutex mu;
  std::condition_variable cv;
  int waiting = 0;
  bool all_at_once = false;
  {
    ConnectionPool pool(64);
    for (int i = 0; i < kJobs; ++i) {
      pool.enqueue([&] {
        std::unique_lock<std::mutex> lock(mu);
        if (++waiting == kJobs) all_at_once = true;
        cv.notify_all();
        // Every job blocks until all have started: possible only on 40 threads at once.
        cv.wait_for(lock, std::chrono::seconds(60), [&] { return all_at_once; });
      });
    }
    pool.shutdown();
    CHECK(pool.threads() == 0);  // joined
  }
  CHECK(all_at_once);
  CHECK(waiting == kJobs);

  ConnectionPool capped(3);
  std::atomic<int> done{0};
  for (int i = 0; i < 10; ++i) capped.enqueue([&] { ++done; });
  CHECK(capped.threads() <= 3);
  capped.shutdown();
  CHECK(done == 10);
}
