// Bad input: each problem is reported naming the file (and line or byte), never a crash,
// and the other documents are still read.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/text/utf8.h"
#include "tests/ingest_test_util.h"

namespace fs = std::filesystem;
using namespace diverge;
using diverge::testing::Slurp;
using diverge::testing::TempDir;

namespace {

const std::string kGood =
    "Ministers met in Minsk on Monday to discuss security. They agreed on a plan.\n";

// True when some diagnostic's text contains all of the given fragments.
bool Reported(const ingest::Corpus& c, std::initializer_list<std::string> parts) {
  return std::any_of(
      c.diagnostics.all().begin(), c.diagnostics.all().end(), [&](const Diagnostic& d) {
        const std::string s = d.ToString();
        return std::all_of(parts.begin(), parts.end(),
                           [&](const std::string& p) { return s.find(p) != std::string::npos; });
      });
}

bool HasDoc(const ingest::Corpus& c, const std::string& id) {
  return std::any_of(c.documents.begin(), c.documents.end(),
                     [&](const ingest::Document& d) { return d.id == id; });
}

}  // namespace

TEST_CASE("Binary file is skipped, the rest is read", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("good.txt", kGood);
  dir.Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(c->documents.size() == 1);
  CHECK(HasDoc(*c, "good"));
  CHECK(c->skipped_files == 1);
  CHECK(Reported(*c, {"image.txt", "binary"}));
}

TEST_CASE("Empty file is skipped with a warning", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("good.txt", kGood);
  dir.Write("empty.txt", "");
  dir.Write("blank.md", " \n\t\n");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(c->documents.size() == 1);
  CHECK(c->skipped_files == 2);
  CHECK(Reported(*c, {"empty.txt", "empty"}));
  CHECK(Reported(*c, {"blank.md", "empty"}));
}

TEST_CASE("Invalid UTF-8 is repaired with a warning giving the byte offset",
          "[ingest][bad-input]") {
  TempDir dir;
  // Byte 10 is a lone 0xFF; byte 50 starts a truncated 3-byte sequence.
  std::string bytes = "Officials \xFF said the summit was useful. The \xE2\x80 bloc met again.\n";
  const std::string path = dir.Write("bad.txt", bytes);
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  CHECK(c->skipped_files == 0);  // a warning only
  CHECK(Reported(*c, {"bad.txt@byte 10", "invalid UTF-8"}));
  REQUIRE(c->statements.size() == 2);
  CHECK(c->statements[0].text == "Officials \xEF\xBF\xBD said the summit was useful.");
  // Offsets index the original bytes; folding repairs the same way.
  for (const auto& s : c->statements) {
    CHECK(text::FoldWhitespace(bytes.substr(s.start, s.end - s.start)) == s.text);
  }
  CHECK(c->statements[1].end == static_cast<int64_t>(bytes.size() - 1));
}

TEST_CASE("Unreadable inputs are skipped", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("good.txt", kGood);
  SECTION("dangling symlink") {
    fs::create_symlink(dir.path() / "nowhere.txt", dir.path() / "dangling.txt");
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE(c.ok());
    CHECK(c->documents.size() == 1);
    CHECK(c->skipped_files == 1);
    CHECK(Reported(*c, {"dangling.txt", "symlink"}));
  }
  SECTION("a directory where the manifest names a file") {
    fs::create_directories(dir.path() / "sub.txt");
    dir.Write("manifest.tsv", "id\tfile\tdate\nA\tgood.txt\t2020\nB\tsub.txt\t2020\n");
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE(c.ok());
    CHECK(c->documents.size() == 1);
    CHECK(c->skipped_files == 1);
    CHECK(Reported(*c, {"manifest.tsv:3", "directory"}));
  }
  SECTION("permission denied") {
    if (::geteuid() == 0) {
      WARN("running as root: root can read a chmod 000 file; check skipped");
      return;
    }
    const std::string p = dir.Write("secret.txt", kGood);
    fs::permissions(p, fs::perms::none);
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE(c.ok());
    CHECK(c->documents.size() == 1);
    CHECK(c->skipped_files == 1);
    CHECK(Reported(*c, {"secret.txt", "unreadable"}));
  }
}

TEST_CASE("Manifest row naming a missing file", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("a.txt", kGood);
  dir.Write("manifest.tsv",
            "id\tfile\toutlet\tdate\ttitle\turl\n"
            "A\ta.txt\tDaily\t2020-01-02\t\t\n"
            "B\tmissing.txt\tDaily\t2020\t\t\n");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  CHECK(c->documents[0].id == "A");
  CHECK(c->documents[0].outlet == "Daily");
  CHECK(c->skipped_files == 1);
  CHECK(Reported(*c, {"manifest.tsv:3", "missing.txt", "does not exist"}));
}

TEST_CASE("Duplicate ids in the manifest and in JSONL", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("a.txt", kGood);
  dir.Write("b.txt", "Another text about the summit. It was short and calm.\n");
  dir.Write("manifest.tsv", "id\tfile\nX\ta.txt\nX\tb.txt\n");
  dir.Write("more.jsonl",
            "{\"id\": \"J1\", \"text\": \"First record text. It has two sentences.\"}\n"
            "{\"id\": \"J1\", \"text\": \"Duplicate record. It must be skipped.\"}\n"
            "{\"id\": \"J2\", \"text\": \"Second record text.\"}\n");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(HasDoc(*c, "X"));
  CHECK(HasDoc(*c, "J1"));
  CHECK(HasDoc(*c, "J2"));
  CHECK(c->documents.size() == 3);  // b.txt is not read under another id either
  CHECK(Reported(*c, {"manifest.tsv:3", "duplicate id 'X'"}));
  CHECK(Reported(*c, {"more.jsonl", "duplicate document id 'J1'"}));
  CHECK(c->skipped_files == 2);
  for (const auto& s : c->statements) CHECK(s.text.find("Duplicate record") == std::string::npos);
}

TEST_CASE("Manifest paths escaping the corpus are refused", "[ingest][bad-input]") {
  TempDir outside;
  const std::string secret =
      outside.Write("secret.txt", "A secret outside the corpus. Keep out.\n");
  TempDir dir;
  dir.Write("a.txt", kGood);
  fs::create_symlink(secret, dir.path() / "link.txt");
  dir.Write("manifest.tsv",
            "id\tfile\n"
            "A\ta.txt\n"
            "B\t../secret.txt\n"
            "C\t" +
                secret +
                "\n"
                "D\tlink.txt\n");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  CHECK(c->documents[0].id == "A");
  CHECK(Reported(*c, {"manifest.tsv:3", "refused"}));
  CHECK(Reported(*c, {"manifest.tsv:4", "refused"}));
  CHECK(Reported(*c, {"manifest.tsv:5", "outside the corpus", "refused"}));
  CHECK(c->skipped_files == 3);
  for (const auto& s : c->statements) CHECK(s.text.find("secret") == std::string::npos);
}

TEST_CASE("Symlinks leaving the corpus while walking are refused", "[ingest][bad-input]") {
  TempDir outside;
  const std::string secret =
      outside.Write("secret.txt", "A secret outside the corpus. Keep out.\n");
  TempDir dir;
  dir.Write("a.txt", kGood);
  fs::create_symlink(secret, dir.path() / "link.txt");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(c->documents.size() == 1);
  CHECK(c->skipped_files == 1);
  CHECK(Reported(*c, {"link.txt", "outside the corpus"}));
}

TEST_CASE("Symlink loops do not hang", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("sub/a.txt", kGood);
  fs::create_directory_symlink(dir.path(), dir.path() / "sub" / "loop");
  fs::create_symlink(dir.path() / "self.txt", dir.path() / "self.txt");  // a -> a
  for (bool follow : {false, true}) {
    ingest::ReadOptions opts;
    opts.follow_symlinks = follow;
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()}, opts);
    REQUIRE(c.ok());
    CHECK(c->documents.size() == 1);
    CHECK(c->documents[0].id == "sub/a");
    CHECK(Reported(*c, {"self.txt", "symlink"}));
    if (follow) CHECK(Reported(*c, {"loop", "symlink loop"}));
  }
}

TEST_CASE("Nothing to read is an error", "[ingest][bad-input]") {
  TempDir dir;
  Result<ingest::Corpus> missing = ingest::ReadCorpus({(dir.path() / "nope").string()});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message().find("nope") != std::string::npos);
  Result<ingest::Corpus> empty = ingest::ReadCorpus({dir.str()});
  REQUIRE_FALSE(empty.ok());
  dir.Write("only.txt", "");
  Result<ingest::Corpus> only_empty = ingest::ReadCorpus({dir.str()});
  REQUIRE_FALSE(only_empty.ok());
  CHECK(only_empty.status().message().find("only.txt") != std::string::npos);
}

TEST_CASE("Manifest problems: bad date, missing header", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("a.txt", kGood);
  SECTION("bad date is dropped with a warning naming the line") {
    dir.Write("manifest.tsv", "id\tfile\toutlet\tdate\nA\ta.txt\tDaily\t2021-13-45\n");
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE(c.ok());
    REQUIRE(c->documents.size() == 1);
    CHECK_FALSE(c->documents[0].date.has_value());
    CHECK(Reported(*c, {"manifest.tsv:2", "bad date '2021-13-45'"}));
    CHECK(c->skipped_files == 0);
  }
  SECTION("partial dates are valid") {
    dir.Write("b.txt", kGood);
    dir.Write("manifest.tsv", "id\tfile\tdate\nA\ta.txt\t2011-08\nB\tb.txt\t2012\n");
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE(c.ok());
    REQUIRE(c->documents.size() == 2);
    CHECK(c->documents[0].date == std::optional<std::string>("2011-08"));
    CHECK(c->documents[1].date == std::optional<std::string>("2012"));
    CHECK(c->diagnostics.size() == 0);
  }
  SECTION("a manifest without id/file columns is fatal") {
    dir.Write("manifest.tsv", "name\tpath\nA\ta.txt\n");
    Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
    REQUIRE_FALSE(c.ok());
    CHECK(c.status().message().find("manifest.tsv:1") != std::string::npos);
  }
}

TEST_CASE("Invalid JSONL lines are skipped, valid ones read", "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("docs.jsonl",
            "{\"id\": \"a\", \"text\": \"The first record is fine.\"}\n"
            "{not json}\n"
            "{\"id\": \"b\"}\n"
            "{\"id\": \"c\", \"text\": \"The third is fine too.\", \"date\": \"yesterday\"}\n");
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(c->documents.size() == 2);
  CHECK(Reported(*c, {"docs.jsonl:2", "invalid JSON"}));
  CHECK(Reported(*c, {"docs.jsonl:3", "\"text\""}));
  CHECK(Reported(*c, {"docs.jsonl:4", "bad date"}));
  CHECK(c->skipped_files == 2);
}

TEST_CASE("A corpus over the memory budget: later documents are skipped, named",
          "[ingest][bad-input]") {
  TempDir dir;
  dir.Write("a.txt", kGood);
  dir.Write("b.txt", kGood + "The plan was signed on Tuesday by all six ministers.\n");
  dir.Write("c.txt", kGood);
  // Each document of two or three statements needs about 12 KiB by the estimate; a
  // budget of 20 KiB admits the first (in id order) only.
  ingest::ReadOptions opts;
  opts.memory_budget_bytes = 20 << 10;
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()}, opts);
  REQUIRE(c.ok());
  CHECK(c->documents.size() == 1);
  CHECK(HasDoc(*c, "a"));
  CHECK(c->skipped_files == 2);
  CHECK(Reported(*c, {"b.txt", "memory budget", "skipped"}));
  CHECK(Reported(*c, {"c.txt", "memory budget", "skipped"}));
  // The default budget (half the machine) takes them all.
  Result<ingest::Corpus> all = ingest::ReadCorpus({dir.str()});
  REQUIRE(all.ok());
  CHECK(all->documents.size() == 3);
  CHECK(ingest::DefaultMemoryBudget() > 0);
}
