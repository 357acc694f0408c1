// `diverge ingest`: runs the real binary.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/ingest_test_util.h"

using diverge::testing::Slurp;
using diverge::testing::TempDir;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

// Runs `command` through the shell, capturing stdout (stderr goes to `err_file`).
Run RunCommand(const std::string& command) {
  Run r;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

#ifdef DIVERGE_BINARY
TEST_CASE("CLI: diverge ingest corpus/csto --json", "[ingest][cli]") {
  const std::string corpus = std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto";
  TempDir tmp;
  const std::string err = (tmp.path() / "err.txt").string();
  Run r = RunCommand(std::string("'") + DIVERGE_BINARY + "' ingest '" + corpus + "' --json 2>'" +
                     err + "'");
  REQUIRE(r.exit_code == 0);
  nlohmann::json j;
  REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
  REQUIRE(j["documents"].is_array());
  REQUIRE(j["statements"].is_array());
  REQUIRE(j["documents"].size() == 5);
  for (const auto& d : j["documents"]) {
    CHECK(d["id"].is_string());
    CHECK(d["path"].is_string());
    CHECK(d["outlet"].is_string());
    CHECK((d["date"].is_string() || d["date"].is_null()));
    CHECK((d["title"].is_string() || d["title"].is_null()));
    CHECK((d["url"].is_string() || d["url"].is_null()));
  }
  CHECK(j["documents"][2]["url"].is_null());  // BelTA: empty url in the manifest
  CHECK(j["documents"][1]["date"] == "2011-08-16");
  CHECK(j["statements"].size() > 50);
  for (const auto& s : j["statements"]) {
    CHECK(s["id"].get<std::string>().rfind("s-", 0) == 0);
    CHECK(s["doc"].is_string());
    CHECK(s["text"].is_string());
    CHECK(s["start"].is_number_integer());
    CHECK(s["end"].is_number_integer());
    CHECK(s["start"].get<int64_t>() < s["end"].get<int64_t>());
  }
}

TEST_CASE("CLI: a binary file in the corpus gives exit code 3", "[ingest][cli]") {
  TempDir dir;
  dir.Write("good.txt", "Ministers met in Minsk on Monday. They agreed on a plan.\n");
  dir.Write("blob.txt", std::string("\0\x01\x02\x03binary\0", 11));
  const std::string err = (dir.path() / "err.log").string();
  Run r = RunCommand(std::string("'") + DIVERGE_BINARY + "' ingest '" + dir.str() + "' 2>'" + err +
                     "'");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("1 documents") != std::string::npos);
  const std::string stderr_text = Slurp(err);
  CHECK(stderr_text.find("blob.txt") != std::string::npos);
  CHECK(stderr_text.find("warning: binary file") != std::string::npos);
}

TEST_CASE("CLI: nothing readable gives exit code 4", "[ingest][cli]") {
  TempDir dir;
  Run r = RunCommand(std::string("'") + DIVERGE_BINARY + "' ingest '" + dir.str() +
                     "/missing' 2>/dev/null");
  CHECK(r.exit_code == 4);
}
#endif
