// End to end in Debian's headless Chromium, driven through chromedriver's W3C
// WebDriver HTTP API (Debian `chromium-driver`) with cpp-httplib: analyze a corpus,
// `diverge serve` it, confirm one flag with the keyboard (c) and dismiss another with
// its button after moving with j, then check the database and a re-run of analyze.
// SKIPs with a warning when chromium, chromedriver or the default model is absent.
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "analyzer/review/decision_store.h"
#include "reports/render.h"
#include "tests/review_test_util.h"

using namespace diverge;
using namespace diverge::review;
using namespace diverge::testing;
using json = nlohmann::json;

#ifdef DIVERGE_BINARY
namespace {

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kChromedriver = "/usr/bin/chromedriver";

// A child process with its stdout on a pipe; killed and reaped on destruction.
class Child {
 public:
  explicit Child(std::vector<std::string> argv) {
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], 1);
      int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 2);
      ::close(fds[0]);
      std::vector<char*> args;
      for (std::string& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
  }
  // The first line on stdout, or "" after `seconds`.
  std::string ReadLine(int seconds) {
    std::string line;
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) continue;
      char c;
      if (::read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return "";
  }
  // Sends `sig` and returns the exit code (-1 if it died of a signal).
  int Stop(int sig) {
    ::kill(pid_, sig);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

int FreePort() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);
  return ntohs(a.sin_port);
}

// Minimal W3C WebDriver client.
class WebDriver {
 public:
  explicit WebDriver(int port) : http_("127.0.0.1", port) {
    http_.set_read_timeout(60, 0);
    http_.set_connection_timeout(5, 0);
  }
  bool WaitReady() {
    for (int i = 0; i < 100; ++i) {
      if (auto r = http_.Get("/status"); r && r->status == 200) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  json Call(const std::string& method, const std::string& path, const json& body = json::object()) {
    httplib::Result r =
        method == "DELETE" ? http_.Delete(path) : http_.Post(path, body.dump(), "application/json");
    if (!r) throw std::runtime_error("webdriver: no answer to " + path);
    json j = json::parse(r->body);
    if (r->status != 200) throw std::runtime_error("webdriver " + path + ": " + r->body);
    return j["value"];
  }
  void Start(const std::string& profile) {
    json caps = {
        {"capabilities",
         {{"alwaysMatch",
           {{"browserName", "chrome"},
            {"goog:chromeOptions",
             {{"binary", kChromium},
              {"args",
               {"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile}}}}}}}}};
    session_ = "/session/" + Call("POST", "/session", caps)["sessionId"].get<std::string>();
  }
  ~WebDriver() {
    if (!session_.empty()) {
      try {
        Call("DELETE", session_);
      } catch (...) {
      }
    }
  }
  void Go(const std::string& url) { Call("POST", session_ + "/url", {{"url", url}}); }
  const std::string& SessionPath() const { return session_; }
  json Script(const std::string& js) {
    return Call("POST", session_ + "/execute/sync", {{"script", js}, {"args", json::array()}});
  }
  void Key(const std::string& key) {
    json actions = {
        {"actions",
         {{{"type", "key"},
           {"id", "keyboard"},
           {"actions",
            {{{"type", "keyDown"}, {"value", key}}, {{"type", "keyUp"}, {"value", key}}}}}}}};
    Call("POST", session_ + "/actions", actions);
  }
  void Click(const std::string& css) {
    json el = Call("POST", session_ + "/element", {{"using", "css selector"}, {"value", css}});
    std::string id = el.begin().value().get<std::string>();
    Call("POST", session_ + "/element/" + id + "/click");
  }
  // Polls `js` (an expression) until it is true, up to 10 s.
  bool WaitFor(const std::string& js) {
    for (int i = 0; i < 100; ++i) {
      if (Script("return !!(" + js + ");") == true) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

 private:
  httplib::Client http_;
  std::string session_;
};

int RunAnalyze(const std::string& corpus, const std::string& out) {
  std::string cmd = std::string("'") + DIVERGE_BINARY + "' analyze '" + corpus + "' --out '" + out +
                    "' -q >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("serve: confirm and dismiss flags in headless Chromium", "[review][chromium]") {
  for (const char* exe : {kChromium, kChromedriver}) {
    if (!std::filesystem::exists(exe)) {
      WARN("SKIPPED: " << exe << " not installed (scripts/install-deps.sh installs it)");
      return;
    }
  }
  if (!HaveDefaultModel()) {
    WARN("SKIPPED: no model at " << DIVERGE_DEFAULT_MODEL);
    return;
  }
  ReviewDir tmp;
  std::string corpus = tmp.file("corpus"), out = tmp.file("out");
  WriteBridgeCorpus(corpus, 65);
  REQUIRE(RunAnalyze(corpus, out) == 0);
  Result<report::Report> before = report::LoadReport(out + "/report.json");
  REQUIRE(before.ok());
  REQUIRE(before->divergences.size() >= 2);

  Child serve({DIVERGE_BINARY, "serve", out, "--port", "0", "--reviewer", "chromium"});
  std::string banner = serve.ReadLine(30);
  REQUIRE(banner.rfind("serving http://127.0.0.1:", 0) == 0);
  std::string url = banner.substr(8, banner.find(' ', 8) - 8);

  int wd_port = FreePort();
  Child driver({kChromedriver, "--port=" + std::to_string(wd_port)});
  WebDriver wd(wd_port);
  REQUIRE(wd.WaitReady());
  wd.Start(tmp.file("profile"));
  wd.Go(url);
  REQUIRE(wd.WaitFor("document.querySelectorAll('article.divergence').length >= 2"));
  // The page's order (by score); the first is selected.
  json ids = wd.Script(
      "return Array.from(document.querySelectorAll('article.divergence')).map(e => e.dataset.id);");
  std::string first = ids[0], second = ids[1];
  REQUIRE(wd.WaitFor("document.querySelector('article.divergence').classList.contains('current')"));
  CHECK(wd.Script("return document.querySelectorAll('mark').length;").get<int>() >= 4);

  wd.Key("c");  // confirm the first with the keyboard
  REQUIRE(
      wd.WaitFor("document.querySelectorAll('article.divergence')[0].dataset.status === "
                 "'confirmed'"));
  wd.Key("j");  // move to the second, dismiss it with its button
  REQUIRE(
      wd.WaitFor("document.querySelectorAll('article.divergence')[1].classList.contains("
                 "'current')"));
  wd.Click("article.divergence[data-id='" + second + "'] button.dismiss");
  REQUIRE(
      wd.WaitFor("document.querySelectorAll('article.divergence')[1].dataset.status === "
                 "'dismissed'"));
  CHECK(wd.Script("return document.getElementById('msg').textContent;")
            .get<std::string>()
            .find("dismissed (chromium)") != std::string::npos);

  // A state change without the page's token is refused even from the page's origin.
  json forged = wd.Script(
      "const x = new XMLHttpRequest(); x.open('POST', '/api/decision', false);"
      "x.setRequestHeader('Content-Type', 'application/json');"
      "x.send(JSON.stringify({id: '" +
      first + "', status: 'open'})); return x.status;");
  CHECK(forged == 403);

  CHECK(serve.Stop(SIGTERM) == 0);

  Result<DecisionStore> store = DecisionStore::Open(out + "/review.db", false);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  for (const Decision& d : *all) {
    CHECK(d.reviewer == "chromium");
    CHECK(d.status ==
          (d.id == first ? report::ReviewStatus::kConfirmed : report::ReviewStatus::kDismissed));
  }

  REQUIRE(RunAnalyze(corpus, out) == 0);
  Result<report::Report> after = report::LoadReport(out + "/report.json");
  REQUIRE(after.ok());
  int seen = 0;
  for (const report::Divergence& d : after->divergences) {
    if (d.id == first) CHECK(d.review.status == report::ReviewStatus::kConfirmed);
    if (d.id == second) CHECK(d.review.status == report::ReviewStatus::kDismissed);
    if (d.id != first && d.id != second) CHECK(d.review.status == report::ReviewStatus::kOpen);
    seen += d.id == first || d.id == second;
  }
  CHECK(seen == 2);
}

// A reviewer's walk through the page: filter, open a statement in its source, bulk-dismiss
// a claim with a reason, then re-run analyze: every decision is carried with its reason.
TEST_CASE("serve: filter, source, bulk-dismiss a claim with a reason, re-run analyze",
          "[review][chromium]") {
  for (const char* exe : {kChromium, kChromedriver}) {
    if (!std::filesystem::exists(exe)) {
      WARN("SKIPPED: " << exe << " not installed (scripts/install-deps.sh installs it)");
      return;
    }
  }
  if (!HaveDefaultModel()) {
    WARN("SKIPPED: no model at " << DIVERGE_DEFAULT_MODEL);
    return;
  }
  ReviewDir tmp;
  std::string corpus = tmp.file("corpus"), out = tmp.file("out");
  WriteBridgeCorpus(corpus, 65);
  REQUIRE(RunAnalyze(corpus, out) == 0);
  Result<report::Report> before = report::LoadReport(out + "/report.json");
  REQUIRE(before.ok());
  REQUIRE(before->divergences.size() >= 2);

  Child serve({DIVERGE_BINARY, "serve", out, "--port", "0", "--reviewer", "walker"});
  std::string banner = serve.ReadLine(30);
  REQUIRE(banner.rfind("serving http://127.0.0.1:", 0) == 0);
  std::string url = banner.substr(8, banner.find(' ', 8) - 8);
  int wd_port = FreePort();
  Child driver({kChromedriver, "--port=" + std::to_string(wd_port)});
  WebDriver wd(wd_port);
  REQUIRE(wd.WaitReady());
  wd.Start(tmp.file("profile"));
  wd.Go(url);
  REQUIRE(wd.WaitFor("document.querySelectorAll('article.divergence').length >= 2"));
  const int total = wd.Script("return document.querySelectorAll('article.divergence').length;");
  CHECK(wd.Script("return document.getElementById('progress').textContent;") ==
        "0 of " + std::to_string(total) + " reviewed");

  // Filter by the kind of the first card: only cards of that kind stay shown.
  std::string kind = wd.Script("return document.querySelector('article.divergence').dataset.kind;");
  wd.Script("const f = document.getElementById('f-kind'); f.value = '" + kind +
            "'; f.dispatchEvent(new Event('change'));");
  REQUIRE(wd.WaitFor("document.getElementById('shown').textContent.length > 0"));
  CHECK(wd.Script("return Array.from(document.querySelectorAll('article.divergence'))"
                  ".filter(e => !e.hidden && e.dataset.kind !== '" +
                  kind + "').length;") == 0);

  // The statement in its source: the sentences around it, fetched by the page.
  wd.Key("s");
  REQUIRE(wd.WaitFor("document.querySelector('article.current .context p.here')"));
  CHECK(wd.Script("return document.querySelectorAll('article.current .context p').length;")
            .get<int>() >= 3);

  // Bulk-dismiss the current card's claim with a reason (select, then D).
  std::string claim = wd.Script("return document.querySelector('article.current').dataset.claimId;");
  const int flags = std::stoi(
      wd.Script("return document.querySelector('article.current').dataset.claimFlags;")
          .get<std::string>());
  REQUIRE(flags >= 1);
  wd.Script("document.querySelector('article.current select.reason').value = 'not_same_claim';");
  wd.Key("D");
  REQUIRE(wd.WaitFor("Array.from(document.querySelectorAll('article.divergence[data-claim-id=\"" +
                     claim + "\"]')).every(e => e.dataset.status === 'dismissed')"));
  CHECK(wd.Script("return document.getElementById('progress').textContent;") ==
        std::to_string(flags) + " of " + std::to_string(total) + " reviewed");

  // Split another claim: its first statement becomes a claim of its own.
  wd.Script("const f = document.getElementById('f-kind'); f.value = '';"
            "f.dispatchEvent(new Event('change'));");
  json other = wd.Script(
      "const el = Array.from(document.querySelectorAll('article.divergence'))"
      ".find(e => e.dataset.claimId !== '" +
      claim +
      "' && e.querySelector('details.correct input'));"
      "if (!el) return null; el.querySelector('details.correct').open = true;"
      "const box = el.querySelector('details.correct input'); box.checked = true;"
      "return {id: el.dataset.id, claim: el.dataset.claimId, statement: box.value};");
  std::string split_statement;
  if (!other.is_null()) {
    split_statement = other["statement"];
    wd.Click("article.divergence[data-id='" + other["id"].get<std::string>() + "'] button.split");
    REQUIRE(wd.WaitFor("document.getElementById('msg').textContent.includes('(split) recorded')"));
  }
  CHECK(serve.Stop(SIGTERM) == 0);

  Result<DecisionStore> store = DecisionStore::Open(out + "/review.db", false);
  REQUIRE(store.ok());
  Result<std::vector<Decision>> all = store->All();
  REQUIRE(all.ok());
  CHECK(static_cast<int>(all->size()) == flags);
  for (const Decision& d : *all) {
    CHECK(d.status == report::ReviewStatus::kDismissed);
    CHECK(d.reason == DismissReason::kNotSameClaim);
    CHECK(d.reviewer == "walker");
  }
  // Re-run: every decision and its reason is in the new report.json.
  REQUIRE(RunAnalyze(corpus, out) == 0);
  Result<report::Report> after = report::LoadReport(out + "/report.json");
  REQUIRE(after.ok());
  int carried = 0;
  for (const report::Divergence& d : after->divergences) {
    if (d.cluster != claim) continue;
    CHECK(d.review.status == report::ReviewStatus::kDismissed);
    CHECK(d.review.reason == std::optional<std::string>("not_same_claim"));
    ++carried;
  }
  CHECK(carried == flags);
  if (!split_statement.empty()) {
    REQUIRE(after->corrections.size() == 1);
    CHECK(after->corrections[0].action == "split");
    CHECK(after->corrections[0].applied);
    // The split statement is alone (one document: no claim) or in a claim of its own.
    for (const report::ClaimCluster& c : after->clusters) {
      bool has = std::find(c.statements.begin(), c.statements.end(), split_statement) !=
                 c.statements.end();
      if (has) CHECK(c.statements.size() == 1);
    }
  }
}

// The report's matrix at 30 outlets and 300 claims in a 1,400 px window: the heatmap fits
// the content column, and the table keeps its outlet row and claim column in view while
// it scrolls (checked by layout, not pixels).
TEST_CASE("report.html: the matrix of 30 outlets and 300 claims reads in 1,400 px, 100 rows drawn",
          "[reports][chromium]") {
  for (const char* exe : {kChromium, kChromedriver}) {
    if (!std::filesystem::exists(exe)) {
      WARN("SKIPPED: " << exe << " not installed (scripts/install-deps.sh installs it)");
      return;
    }
  }
  ReviewDir tmp;
  report::Report r;
  for (int o = 0; o < 30; ++o) {
    ingest::Document d;
    d.id = "doc" + std::to_string(100 + o);
    d.path = "corpus/" + d.id + ".txt";
    d.outlet = "Outlet number " + std::to_string(o) + " of the International Press Agency";
    d.date = "2023-02-" + std::to_string(10 + o % 18);
    r.documents.push_back(d);
  }
  for (int c = 0; c < 300; ++c) {
    report::ClaimCluster cl;
    cl.id = "c-" + std::to_string(1000 + c);
    cl.label = "A long claim label number " + std::to_string(c) +
               " about how many people the earthquake killed in the province";
    for (int k = 0; k < 3; ++k) {
      ingest::Statement s;
      s.id = "s-" + std::to_string(c) + "-" + std::to_string(k);
      s.doc = "doc" + std::to_string(100 + (c + k * 7) % 30);
      s.text = "The toll rose to " + std::to_string(800 + c * 3 + k) + " people.";
      s.start = c * 100 + k * 30;
      s.end = s.start + static_cast<int64_t>(s.text.size());
      cl.statements.push_back(s.id);
      r.statements.push_back(s);
    }
    r.clusters.push_back(cl);
  }
  std::string path = tmp.file("report.html");
  REQUIRE(WriteFileAtomic(path, reports::Render(r, reports::ReportFormat::kHtml)).ok());

  int wd_port = FreePort();
  Child driver({kChromedriver, "--port=" + std::to_string(wd_port)});
  WebDriver wd(wd_port);
  REQUIRE(wd.WaitReady());
  wd.Start(tmp.file("profile"));
  wd.Call("POST", wd.SessionPath() + "/window/rect", {{"width", 1400}, {"height", 900}});
  wd.Go("file://" + path);
  REQUIRE(wd.WaitFor("document.querySelector('svg.heatmap')"));
  // The heatmap fits the page: no column is cut off.
  CHECK(wd.Script("return document.querySelector('svg.heatmap').getBoundingClientRect().right;")
            .get<double>() <= 1400);
  // The first 100 claims are drawn (html.cc kMatrixClaims) and the page says so.
  CHECK(wd.Script("return document.querySelectorAll('svg.heatmap rect').length;") ==
        30 * 100 + 3);
  CHECK(wd.Script("return document.querySelector('#matrix .truncated').textContent;")
            .get<std::string>()
            .find("first 100 of 300 claims") != std::string::npos);
  // The table: open it, scroll its box down and right; the header row and the claim
  // column stay at the box's top and left edges.
  wd.Script("document.querySelector('#matrix details').open = true;");
  wd.Script("const w = document.querySelector('.matrix-wrap'); w.scrollTop = 2000; "
            "w.scrollLeft = 400;");
  json layout = wd.Script(
      "const w = document.querySelector('.matrix-wrap').getBoundingClientRect();"
      "const h = document.querySelector('table.matrix thead th.outlet').getBoundingClientRect();"
      "const rows = document.querySelectorAll('table.matrix tbody tr');"
      "const c = rows[80].querySelector('th.claim').getBoundingClientRect();"
      "return {wrapTop: w.top, wrapLeft: w.left, wrapRight: w.right, headTop: h.top, "
      "claimLeft: c.left, claimTitle: rows[80].querySelector('th.claim').title};");
  CHECK(layout["headTop"].get<double>() == Approx(layout["wrapTop"].get<double>()).margin(2));
  CHECK(layout["claimLeft"].get<double>() == Approx(layout["wrapLeft"].get<double>()).margin(2));
  CHECK(layout["wrapRight"].get<double>() <= 1400);
  CHECK(layout["claimTitle"].get<std::string>().find("in the province") != std::string::npos);
}
TEST_CASE("serve: the story filter shows only the cards of one story", "[review][chromium]") {
  for (const char* exe : {kChromium, kChromedriver}) {
    if (!std::filesystem::exists(exe)) {
      WARN("SKIPPED: " << exe << " not installed (scripts/install-deps.sh installs it)");
      return;
    }
  }
  // The synthetic report in two stories: the ministry story holds c-founded, c-ministry
  // and c-talks (3 flags), the alliance story the other claims (5 flags).
  report::Report report = SyntheticReport();
  report::Story a, b;
  a.id = "t-alliance";
  a.label = "Alliance summit";
  a.documents = {"d01", "d02", "d03"};
  b.id = "t-ministry";
  b.label = "Ministry fire";
  b.documents = {"d04", "d05", "d06"};
  report.stories = {a, b};
  for (report::ClaimCluster& c : report.clusters) {
    bool ministry = c.id == "c-founded" || c.id == "c-ministry" || c.id == "c-talks";
    c.story = ministry ? b.id : a.id;
  }
  ReviewDir tmp;
  std::filesystem::create_directories(tmp.file("out"));
  REQUIRE(report::SaveReport(report, tmp.file("out/report.json")).ok());
  Child serve({DIVERGE_BINARY, "serve", tmp.file("out"), "--port", "0", "--reviewer", "sam"});
  std::string banner = serve.ReadLine(30);
  REQUIRE(banner.rfind("serving http://127.0.0.1:", 0) == 0);
  std::string url = banner.substr(8, banner.find(' ', 8) - 8);
  int wd_port = FreePort();
  Child driver({kChromedriver, "--port=" + std::to_string(wd_port)});
  WebDriver wd(wd_port);
  REQUIRE(wd.WaitReady());
  wd.Start(tmp.file("profile"));
  wd.Go(url);
  REQUIRE(wd.WaitFor("document.querySelectorAll('article.divergence').length === 8"));
  // The filter is shown, with the stories in reading order (the ministry story holds C1).
  CHECK(wd.Script("return document.getElementById('f-story').closest('label').hidden;") == false);
  CHECK(wd.Script("return Array.from(document.getElementById('f-story').options)"
                  ".map(o => o.textContent).join('|');") ==
        "all|Ministry fire (3 flags)|Alliance summit (5 flags)");
  wd.Script("const f = document.getElementById('f-story'); f.value = 't-ministry';"
            "f.dispatchEvent(new Event('change'));");
  REQUIRE(wd.WaitFor("document.getElementById('shown').textContent === '3 shown'"));
  CHECK(wd.Script("return Array.from(document.querySelectorAll('article.divergence'))"
                  ".filter(e => !e.hidden).map(e => e.dataset.claimId).sort().join(' ');") ==
        "c-founded c-ministry c-talks");
  // j/k move within the shown cards only.
  wd.Key("j");
  CHECK(wd.Script("return document.querySelector('article.current').dataset.story;") ==
        "t-ministry");
  wd.Script("const f = document.getElementById('f-story'); f.value = '';"
            "f.dispatchEvent(new Event('change'));");
  REQUIRE(wd.WaitFor("document.getElementById('shown').textContent === '8 shown'"));
}
#endif  // DIVERGE_BINARY
