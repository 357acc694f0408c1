// Replays every fuzz seed (fuzz/seeds/<target>/) and every input a fuzzer ever crashed
// on (tests/data/robust/crashes/<target>/) through the harnesses of fuzz/harness.h, so
// the ordinary g++ build (and CI) checks that each stays fixed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "fuzz/harness.h"
#include "tests/ingest_test_util.h"

namespace fs = std::filesystem;
using diverge::testing::Slurp;

namespace {

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const fs::path kSource = DIVERGE_SOURCE_DIR;

}  // namespace

TEST_CASE("Fuzz seeds and kept crash inputs replay cleanly", "[robust][fuzz]") {
  size_t seeds = 0;
  for (const auto& target : diverge::fuzz::Targets()) {
    const auto seed_files = FilesIn(kSource / "fuzz/seeds" / target.name);
    CHECK_FALSE(seed_files.empty());  // every target starts from real inputs
    auto inputs = seed_files;
    const auto crashes = FilesIn(kSource / "tests/data/robust/crashes" / target.name);
    inputs.insert(inputs.end(), crashes.begin(), crashes.end());
    seeds += seed_files.size();
    for (const fs::path& p : inputs) {
      INFO(target.name << ": " << p.string());
      CHECK(target.run(Slurp(p.string())) == "");
    }
  }
  CHECK(seeds >= diverge::fuzz::Targets().size());
}

TEST_CASE("Every crash directory belongs to a fuzz target", "[robust][fuzz]") {
  std::set<std::string> names;
  for (const auto& t : diverge::fuzz::Targets()) names.insert(t.name);
  std::error_code ec;
  for (fs::directory_iterator it(kSource / "tests/data/robust/crashes", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_directory()) CHECK(names.count(it->path().filename().string()) == 1);
  }
}

TEST_CASE("Harnesses catch broken invariants", "[robust][fuzz]") {
  // The harnesses must be able to fail: a manifest row that escapes is refused by the
  // parser, so the harness reports nothing; feeding the checks directly is covered by
  // the parsers' own tests. Here: plain inputs of every target pass, and the empty input too.
  for (const auto& target : diverge::fuzz::Targets()) {
    INFO(target.name);
    CHECK(target.run("") == "");
    CHECK(target.run(std::string("\0\xff\xfe", 3)) == "");
  }
}
