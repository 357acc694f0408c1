// Limits and failures around a run: a 200 MB single-line file, 100,000 tiny files, a
// full disk, an interrupted or killed run. Each runs the real binary.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/robust_test_util.h"

#ifdef DIVERGE_BINARY
extern char** environ;
namespace fs = std::filesystem;
using namespace diverge::testing;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

const std::string kOld = "OLD REPORT: must survive a failed or interrupted run\n";

// Names in `dir` that look like atomic_file temporaries ("*.tmp-*").
std::vector<std::string> Temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) out.push_back(name);
  }
  return out;
}

// report.json is either the old one or a complete, parseable report.
void CheckOldOrComplete(const fs::path& out) {
  const std::string report = Slurp((out / "report.json").string());
  if (report == kOld) return;
  nlohmann::json j;
  REQUIRE_NOTHROW(j = nlohmann::json::parse(report));
  CHECK(j["schema"] == "diverge.report/1");
}

// Starts `diverge args...` with stdout/stderr to files in `scratch`; returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& scratch) {
  std::vector<std::string> argv_s = {DIVERGE_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, (scratch / "stdout.txt").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, (scratch / "stderr.txt").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

}  // namespace

TEST_CASE("A 200 MB single-line file is skipped unread, not slurped",
          "[robust][bad-input][cli][large]") {
  TempDir dir;
  dir.Write("c/good.txt", "Ministers met in Minsk on Monday. They agreed on a plan.\n");
  {
    std::ofstream big(dir.path() / "c" / "big.txt", std::ios::binary);
    std::string chunk;
    while (chunk.size() < (1u << 20)) chunk += "word ";
    chunk.resize(1u << 20);
    for (int i = 0; i < 200; ++i) big.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
  REQUIRE(fs::file_size(dir.path() / "c" / "big.txt") == (200u << 20));
  // 512 MB of address space is far below what reading it would take (ASan needs more).
  const std::string limit = kAsan ? "" : "ulimit -v 524288;";
  const CommandRun r = RunDiverge({"ingest", (dir.path() / "c").string()}, dir.path(), limit);
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("big.txt: warning: file is 209715200 bytes, over the limit"));
  CHECK_THAT(r.out, Catch::Contains("1 documents"));
}

TEST_CASE("A JSONL record over the document limit is skipped, the others read",
          "[robust][bad-input][cli][large]") {
  TempDir dir;
  std::string huge(17u << 20, 'a');
  dir.Write("c/docs.jsonl", "{\"id\":\"a\",\"text\":\"Ministers met in Minsk.\"}\n{\"id\":\"b\",\"text\":\"" +
                                huge + "\"}\n{\"id\":\"c\",\"text\":\"They agreed.\"}\n");
  const CommandRun r = RunDiverge({"ingest", (dir.path() / "c").string()}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("docs.jsonl:2: warning: \"text\" of 17825792 bytes is over"));
  CHECK_THAT(r.out, Catch::Contains("2 documents"));
}

TEST_CASE("100,000 tiny files are all read", "[robust][cli][large]") {
  TempDir dir;
  constexpr int kFiles = 100000;
  for (int i = 0; i < kFiles; ++i) {
    const std::string sub = "c/" + std::to_string(i / 1000) + "/";
    if (i % 1000 == 0) fs::create_directories(dir.path() / sub);
    std::ofstream(dir.path() / (sub + std::to_string(i) + ".txt"))
        << "Report " << i << " says " << (i * 7919 % 100003) << " people came.\n";
  }
  const CommandRun r = RunDiverge({"ingest", (dir.path() / "c").string()}, dir.path());
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("100000 documents, 100000 statements"));
}

TEST_CASE("A full disk leaves the previous report and no temporary file",
          "[robust][bad-input][cli]") {
  // RLIMIT_FSIZE (ulimit -f, 512-byte blocks in sh) makes every write past 8 KiB fail
  // with EFBIG, as a full disk fails with ENOSPC; SIGXFSZ is ignored so write() returns
  // the error instead of killing the process. No root or tmpfs is needed.
  TempDir dir;
  const fs::path corpus = CopySampleCorpus(dir.path());
  fs::create_directories(dir.path() / "out");
  dir.Write("out/report.json", kOld);
  const CommandRun r =
      RunDiverge({"analyze", corpus.string(), "--quiet", "--out", (dir.path() / "out").string()},
                 dir.path(), "trap '' XFSZ; ulimit -f 16;");
  INFO(r.err);
  CHECK(r.exit_code == 6);
  CHECK_THAT(r.err, Catch::Contains("write failed: File too large"));
  CHECK(Slurp((dir.path() / "out" / "report.json").string()) == kOld);
  CHECK(Temporaries(dir.path() / "out").empty());
}

TEST_CASE("SIGINT or SIGTERM mid-analyze: exit 130, no half-written output",
          "[robust][bad-input][cli]") {
  TempDir dir;
  const fs::path corpus = CopySampleCorpus(dir.path());
  const fs::path out = dir.path() / "out";
  int interrupted = 0;
  for (int delay_ms : {30, 60, 90, 120, 150, 180, 220, 260}) {
    fs::create_directories(out);
    dir.Write("out/report.json", kOld);
    const pid_t pid = Spawn({"analyze", corpus.string(), "--quiet", "--out", out.string()}, dir.path());
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, delay_ms % 60 == 0 ? SIGTERM : SIGINT);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    INFO("delay " << delay_ms << " ms, stderr: " << Slurp((dir.path() / "stderr.txt").string()));
    // Done before the signal (0), interrupted by the handler (130), or signalled before
    // main() installed it.
    const bool handled = WIFEXITED(status) && WEXITSTATUS(status) == 130;
    CHECK((handled || (WIFEXITED(status) && WEXITSTATUS(status) == 0) || WIFSIGNALED(status)));
    if (handled) ++interrupted;
    // A signal that arrives while the outputs are renamed into place waits until the
    // set is complete, so even an interrupted run leaves the old set or the new one.
    CheckOldOrComplete(out);
    CHECK(Temporaries(out).empty());
  }
  WARN(interrupted << " of 8 runs were interrupted mid-way");
}

TEST_CASE("SIGKILL mid-analyze: old or complete report, leftovers go on the next run",
          "[robust][bad-input][cli]") {
  TempDir dir;
  const fs::path corpus = CopySampleCorpus(dir.path());
  const fs::path out = dir.path() / "out";
  fs::create_directories(out);
  for (int delay_ms : {40, 120, 200}) {
    dir.Write("out/report.json", kOld);
    const pid_t pid = Spawn({"analyze", corpus.string(), "--quiet", "--out", out.string()}, dir.path());
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CheckOldOrComplete(out);
  }
  // What a SIGKILL during a write leaves: a temporary of a process that is gone.
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  REQUIRE(::waitpid(gone, nullptr, 0) == gone);
  const std::string stale = "report.json.tmp-" + std::to_string(gone) + "-AbC123";
  dir.Write("out/" + stale, "{ half a rep");
  const std::string live = "report.json.tmp-" + std::to_string(::getpid()) + "-XyZ789";
  dir.Write("out/" + live, "a concurrent run's temporary");
  const CommandRun r =
      RunDiverge({"analyze", corpus.string(), "--quiet", "--out", out.string()}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(fs::exists(out / stale));
  CHECK(fs::exists(out / live));  // its process still runs: left alone
  fs::remove(out / live);
  CHECK(Temporaries(out).empty());
  CheckOldOrComplete(out);
  CHECK(Slurp((out / "report.json").string()) != kOld);
}
#endif  // DIVERGE_BINARY

TEST_CASE("Several large legal files: the memory budget sets the later ones aside, named",
          "[robust][cli][large]") {
  TempDir dir;
  fs::create_directories(dir.path() / "c");
  for (const char* name : {"a", "b", "c"}) {
    std::ofstream f(dir.path() / "c" / (std::string(name) + ".txt"));
    // 1,000 statements, about 6.4 MiB by the estimate (read_options.h).
    for (int i = 0; i < 1000; ++i) f << "Report " << i << " says " << i * 7 << " people came.\n";
  }
  const CommandRun r = RunDiverge({"analyze", (dir.path() / "c").string(), "--out",
                                   (dir.path() / "out").string(), "--memory-budget-mb", "10", "-q"},
                                  dir.path());
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("b.txt: warning: document 'b'"));
  CHECK_THAT(r.err, Catch::Contains("c.txt: warning: document 'c'"));
  CHECK_THAT(r.err, Catch::Contains("over its memory budget of 10.0 MiB"));
  CHECK_THAT(r.out, Catch::StartsWith("1 documents, 1000 statements"));
  CHECK(fs::exists(dir.path() / "out" / "report.json"));
}
