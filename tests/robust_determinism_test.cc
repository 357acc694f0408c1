// Determinism: the sample corpus analyzed from copies whose files were created in five
// different orders (so the directory lists them differently) with the manifest rows in
// five different orders gives byte-identical report.json; so does a second run; and
// renaming every file (the manifest keeps the ids) changes nothing but the paths.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/robust_test_util.h"

#ifdef DIVERGE_BINARY
namespace fs = std::filesystem;
using namespace diverge::testing;

namespace {

struct SampleFile {
  std::string name, bytes;
};

std::vector<SampleFile> SampleFiles() {
  std::vector<SampleFile> files;
  for (const auto& e : fs::directory_iterator(std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto")) {
    files.push_back({e.path().filename().string(), Slurp(e.path().string())});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return files;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Writes the corpus into dir/corpus: files created in `order`, manifest rows shuffled
// with `seed`, each file renamed by `rename`. Returns report.json of an analyze run
// started in `dir` (so document paths read "corpus/<name>").
std::string AnalyzeCopy(const TempDir& dir, const std::vector<size_t>& order, unsigned seed,
                        const std::function<std::string(const std::string&)>& rename) {
  const auto files = SampleFiles();
  fs::create_directories(dir.path() / "corpus");
  for (size_t i : order) {
    if (files[i].name == "manifest.tsv") continue;
    dir.Write("corpus/" + rename(files[i].name), files[i].bytes);
  }
  for (const auto& f : files) {
    if (f.name != "manifest.tsv") continue;
    auto lines = Lines(f.bytes);
    REQUIRE(lines.size() > 2);
    std::vector<std::string> rows(lines.begin() + 1, lines.end());
    std::shuffle(rows.begin(), rows.end(), std::mt19937(seed));
    std::string manifest = lines[0] + "\n";
    for (std::string row : rows) {
      for (const auto& g : files) {  // the file column names the renamed file
        const size_t at = row.find("\t" + g.name);
        if (at != std::string::npos) row.replace(at + 1, g.name.size(), rename(g.name));
      }
      manifest += row + "\n";
    }
    dir.Write("corpus/manifest.tsv", manifest);
  }
  const CommandRun r = RunDiverge({"analyze", "corpus", "--out", "out", "--quiet", "--threads", "2"},
                                  dir.path(), "cd " + ShellQuote(dir.str()) + " &&");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Slurp((dir.path() / "out" / "report.json").string());
}

std::string WithoutPaths(const std::string& report) {
  nlohmann::json j = nlohmann::json::parse(report);
  for (auto& d : j["documents"]) d.erase("path");
  return j.dump(1);
}

}  // namespace

TEST_CASE("report.json is byte-identical whatever the file order", "[robust][determinism][cli]") {
  const size_t n = SampleFiles().size();
  REQUIRE(n >= 3);
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  auto same = [](const std::string& name) { return name; };
  std::string first;
  for (unsigned variant = 0; variant < 5; ++variant) {
    std::vector<size_t> o = order;
    if (variant == 1) std::reverse(o.begin(), o.end());
    if (variant >= 2) std::shuffle(o.begin(), o.end(), std::mt19937(variant));
    TempDir dir;
    const std::string report = AnalyzeCopy(dir, o, variant, same);
    REQUIRE(report.size() > 100);
    if (variant == 0) {
      first = report;
      // Two runs over the same copy give the same bytes.
      const CommandRun again = RunDiverge({"analyze", "corpus", "--out", "out2", "--quiet"},
                                          dir.path(), "cd " + ShellQuote(dir.str()) + " &&");
      REQUIRE(again.exit_code == 0);
      CHECK(Slurp((dir.path() / "out2" / "report.json").string()) == first);
    } else {
      INFO("variant " << variant);
      CHECK(report == first);
    }
  }
  // Renamed files (reverse alphabetical order of names), same manifest ids.
  TempDir renamed;
  auto rename = [](const std::string& name) {
    std::string r = name;
    std::reverse(r.begin(), r.end() - 4);  // keep ".txt"
    return "x" + r;
  };
  const std::string report = AnalyzeCopy(renamed, order, 7, rename);
  CHECK(report != first);  // the paths differ ...
  CHECK(WithoutPaths(report) == WithoutPaths(first));  // ... and nothing else
}
#endif  // DIVERGE_BINARY
