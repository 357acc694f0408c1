// The `diverge serve` HTTP side, in process: the page escapes corpus text and carries
// the token; state changes need the token, JSON and our own Host/Origin.
#include "analyzer/review/review_server.h"

#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

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

Report HostileAndSynthetic() {
  Report report = SyntheticReport();
  Report hostile = HostileReport();
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
    CHECK((*d)->status == ReviewStatus::kConfirmed);
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
