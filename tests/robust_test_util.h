// Helpers of the robustness tests: run the real `diverge` binary and capture its
// exit code, stdout and stderr; make a copy of the sample corpus.
#ifndef DIVERGE_TESTS_ROBUST_TEST_UTIL_H_
#define DIVERGE_TESTS_ROBUST_TEST_UTIL_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/ingest_test_util.h"

namespace diverge::testing {

struct CommandRun {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out, err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `shell_command` with `sh -c`; stderr is captured through a file in `scratch`.
inline CommandRun RunShell(const std::string& shell_command, const std::filesystem::path& scratch) {
  CommandRun r;
  const std::string err_path = (scratch / "stderr.txt").string();
  const std::string cmd = "(" + shell_command + ") 2>" + ShellQuote(err_path);
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.err = Slurp(err_path);
  return r;
}

#ifdef DIVERGE_BINARY
// `diverge ARGS...` (each argument quoted), optionally preceded by shell set-up such as
// "ulimit -f 8;".
inline CommandRun RunDiverge(const std::vector<std::string>& args,
                             const std::filesystem::path& scratch, const std::string& prefix = "") {
  std::string cmd = prefix + " exec " + ShellQuote(DIVERGE_BINARY);
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  return RunShell(cmd, scratch);
}
#endif

// Copies corpus/csto into dir/name and returns the copy's path.
inline std::filesystem::path CopySampleCorpus(const std::filesystem::path& dir,
                                              const std::string& name = "corpus") {
  const std::filesystem::path to = dir / name;
  std::filesystem::copy(std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto", to,
                        std::filesystem::copy_options::recursive);
  return to;
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_ROBUST_TEST_UTIL_H_
