#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/diagnostics.h"
#include "analyzer/base/result.h"
#include "analyzer/base/split_fields.h"
#include "analyzer/base/stable_hash.h"
#include "tests/ingest_test_util.h"

namespace fs = std::filesystem;
using namespace diverge;

TEST_CASE("Result holds a value or a status", "[base]") {
  Result<int> good = 7;
  REQUIRE(good.ok());
  CHECK(*good == 7);
  Result<int> bad = Status::NotFound("x.txt: no such file");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kNotFound);
  CHECK(bad.status().ToString() == "not found: x.txt: no such file");
  Result<int> from_ok = Status::Ok();
  CHECK_FALSE(from_ok.ok());
  CHECK(from_ok.status().code() == StatusCode::kInternal);
}

TEST_CASE("Stable ids depend on content and part boundaries only", "[base]") {
  CHECK(MakeId("s", {"doc", "text"}) == MakeId("s", {"doc", "text"}));
  CHECK(MakeId("s", {"ab", "c"}) != MakeId("s", {"a", "bc"}));
  CHECK(MakeId("s", {"doc", "text"}).size() == 2 + 16);
  CHECK(MakeId("s", {"doc", "text"}).rfind("s-", 0) == 0);
  // FNV-1a reference value of the empty input with no separator.
  CHECK(StableHasher().value() == 14695981039346656037ull);
}

TEST_CASE("Diagnostics name the file and position", "[base]") {
  Diagnostics d;
  d.Warn("a.txt", "invalid UTF-8 repaired", -1, 42);
  d.Error("manifest.tsv", "duplicate id 003", 4);
  CHECK(d.all()[0].ToString() == "a.txt@byte 42: warning: invalid UTF-8 repaired");
  CHECK(d.all()[1].ToString() == "manifest.tsv:4: error: duplicate id 003");
  CHECK(d.has_errors());
}

TEST_CASE("WriteFileAtomic replaces whole files and reports failures", "[base]") {
  testing::TempDir tmp;  // unique: other processes may run this test at once
  const fs::path& dir = tmp.path();
  std::string path = (dir / "out.json").string();
  REQUIRE(WriteFileAtomic(path, "first").ok());
  REQUIRE(WriteFileAtomic(path, "second").ok());
  CHECK(*ReadFile(path) == "second");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary left behind

  Status st = WriteFileAtomic((dir / "missing" / "out.json").string(), "x");
  CHECK(st.code() == StatusCode::kIOError);
  CHECK(st.message().find("missing/out.json") != std::string::npos);
  CHECK(ReadFile((dir / "nope").string()).status().code() == StatusCode::kNotFound);
}

TEST_CASE("WriteFilesAtomic writes all files or none", "[base]") {
  testing::TempDir tmp;  // unique: other processes may run this test at once
  const fs::path& dir = tmp.path();
  std::string a = (dir / "a.json").string(), b = (dir / "b.md").string();
  REQUIRE(WriteFilesAtomic({{a, "a1"}, {b, "b1"}}).ok());
  CHECK(*ReadFile(a) == "a1");
  CHECK(*ReadFile(b) == "b1");
  // The third destination cannot be written: the first two keep their old contents.
  Status st = WriteFilesAtomic({{a, "a2"}, {b, "b2"}, {(dir / "no" / "c").string(), "c2"}});
  CHECK(st.code() == StatusCode::kIOError);
  CHECK(*ReadFile(a) == "a1");
  CHECK(*ReadFile(b) == "b1");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 2);
}

TEST_CASE("SplitFields gives the non-empty fields", "[base]") {
  using V = std::vector<std::string_view>;
  CHECK(SplitFields("a bb  ccc ") == V{"a", "bb", "ccc"});
  CHECK(SplitFields("  ").empty());
  CHECK(SplitFields("").empty());
  CHECK(SplitFields("x\ty\t\tz", '\t') == V{"x", "y", "z"});
  CHECK(SplitFields("one") == V{"one"});
}
