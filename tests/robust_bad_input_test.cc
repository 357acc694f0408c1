// The bad-input suite: each case builds a hostile input in a temporary directory, runs
// the real `diverge` binary on it and checks the exit code (analyzer/base/exit_codes.h,
// README "Exit codes") and a message naming the problem. Library-level checks of the
// same problems are in ingest_bad_input_test.cc and model_loader_test.cc.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "tests/robust_test_util.h"

#ifdef DIVERGE_BINARY
namespace fs = std::filesystem;
using diverge::testing::CommandRun;
using diverge::testing::RunDiverge;
using diverge::testing::Slurp;
using diverge::testing::TempDir;

namespace {

const std::string kGood =
    "Ministers met in Minsk on Monday to discuss security. They agreed on a plan.\n";
const std::string kOther =
    "The ministers met in Minsk on Monday and discussed security. No plan was agreed.\n";
const fs::path kSource = DIVERGE_SOURCE_DIR;

std::string ReadPrefix(const fs::path& p, size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

std::string TinyFastText() { return Slurp((kSource / "fuzz/seeds/model_fasttext/tiny.bin").string()); }

struct Case {
  std::string name;
  // Builds the input in `dir` and returns the arguments after `diverge`.
  std::function<std::vector<std::string>(const TempDir& dir)> setup;
  int exit_code;
  std::string message;  // expected in stderr
};

// `diverge ingest DIR` with the files written by `write`.
Case Ingest(std::string name, std::function<void(const TempDir&)> write, int exit_code,
            std::string message) {
  return {std::move(name),
          [write](const TempDir& d) {
            fs::create_directories(d.path() / "c");
            write(d);
            return std::vector<std::string>{"ingest", (d.path() / "c").string()};
          },
          exit_code, std::move(message)};
}

// `diverge analyze` of a two-file corpus with the model file written by `model`.
Case AnalyzeWithModel(std::string name, std::function<std::string(const TempDir&)> model,
                      std::string message) {
  return {std::move(name),
          [model](const TempDir& d) {
            d.Write("c/a.txt", kGood);
            d.Write("c/b.txt", kOther);
            return std::vector<std::string>{"analyze", (d.path() / "c").string(), "--out",
                                            (d.path() / "out").string(), "--quiet", "--model",
                                            model(d)};
          },
          5, std::move(message)};
}

std::vector<Case> Cases() {
  const fs::path default_model = DIVERGE_DEFAULT_MODEL;
  std::vector<Case> cases = {
      // --- inputs -------------------------------------------------------------
      Ingest("binary file beside a good one",
             [](const TempDir& d) {
               d.Write("c/good.txt", kGood);
               d.Write("c/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
             },
             3, "image.txt@byte 8: warning: binary file (NUL byte)"),
      Ingest("only a binary file",
             [](const TempDir& d) { d.Write("c/elf.md", std::string("\x7f" "ELF\2\1\1\0\0\0", 10)); },
             4, "no readable document"),
      Ingest("UTF-16 text (NUL bytes) is binary",
             [](const TempDir& d) {
               d.Write("c/good.txt", kGood);
               d.Write("c/utf16.txt", std::string("\xff\xfeH\0i\0 \0t\0h\0e\0r\0e\0.\0", 20));
             },
             3, "utf16.txt@byte 3: warning: binary file (NUL byte)"),
      Ingest("invalid UTF-8 is repaired with the byte offset",
             [](const TempDir& d) { d.Write("c/bad.txt", "Officials \xFF said the summit was useful.\n"); },
             0, "bad.txt@byte 10: warning: invalid UTF-8"),
      Ingest("overlong UTF-8 encoding",
             [](const TempDir& d) { d.Write("c/bad.txt", "The \xC0\xAF summit was useful.\n"); },
             0, "bad.txt@byte 4: warning: invalid UTF-8"),
      Ingest("only an empty file", [](const TempDir& d) { d.Write("c/empty.txt", ""); }, 4,
             "empty"),
      Ingest("empty corpus directory", [](const TempDir&) {}, 4, "no readable document"),
      {"missing corpus path",
       [](const TempDir& d) {
         return std::vector<std::string>{"ingest", (d.path() / "nope").string()};
       },
       4, "no such file or directory"},
      Ingest("HTML with only scripts and styles: a document without statements",
             [](const TempDir& d) {
               d.Write("c/good.txt", kGood);
               d.Write("c/page.html", "<html><script>alert('x. y. z.')</script><style>p{}</style></html>");
             },
             0, "page.html: warning: no statements found"),
      Ingest("JSONL: a line of invalid JSON",
             [](const TempDir& d) {
               d.Write("c/docs.jsonl", "{\"id\":\"a\",\"text\":\"" + kGood.substr(0, 50) + "\"}\n{oops\n");
             },
             3, "docs.jsonl:2: warning: invalid JSON"),
      Ingest("JSONL: a record naming a file instead of text is not read",
             [](const TempDir& d) {
               d.Write("c/docs.jsonl",
                       "{\"id\":\"a\",\"text\":\"Ministers met in Minsk.\"}\n"
                       "{\"id\":\"b\",\"file\":\"/etc/passwd\",\"path\":\"../../etc/passwd\"}\n");
             },
             3, "docs.jsonl:2"),
      Ingest("JSONL: invalid UTF-8 inside a record",
             [](const TempDir& d) {
               d.Write("c/docs.jsonl", "{\"id\":\"a\",\"text\":\"Ministers met in Minsk.\"}\n"
                                       "{\"id\":\"b\",\"text\":\"bad \xff byte.\"}\n");
             },
             0, "docs.jsonl@byte 66: warning: invalid UTF-8"),
      // --- manifest -----------------------------------------------------------
      Ingest("manifest without the id and file columns",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "name\tpath\nA\ta.txt\n");
             },
             4, "manifest.tsv:1: manifest header must name the columns id and file"),
      Ingest("manifest with only blank lines",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "\n\n");
             },
             4, "manifest is empty"),
      Ingest("manifest: bad date",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "id\tfile\tdate\nA\ta.txt\t31/12/2020\n");
             },
             0, "manifest.tsv:2: warning: bad date '31/12/2020'"),
      Ingest("manifest: impossible date",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "id\tfile\tdate\nA\ta.txt\t2021-02-30\n");
             },
             0, "bad date '2021-02-30'"),
      Ingest("manifest: duplicate id",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/b.txt", kOther);
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nA\tb.txt\n");
             },
             3, "manifest.tsv:3: warning: duplicate id 'A'"),
      Ingest("manifest: row with too few fields",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "id\tfile\toutlet\nA\ta.txt\tDaily\njust-one-field\n");
             },
             0, "manifest.tsv:3: warning: row is not tab-separated"),
      Ingest("manifest: path climbing out with ../",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("secret.txt", "A secret outside the corpus. Keep out.\n");
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nS\t../secret.txt\n");
             },
             3, "manifest.tsv:3: warning: file path '../secret.txt' is absolute or leaves"),
      Ingest("manifest: ../ hidden inside the path",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/sub/x.txt", kOther);
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nS\tsub/../../c/a.txt\n");
             },
             3, "manifest.tsv:3: warning: file path 'sub/../../c/a.txt'"),
      Ingest("manifest: absolute path",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nS\t/etc/passwd\n");
             },
             3, "file path '/etc/passwd' is absolute"),
      Ingest("manifest: symlink pointing outside the corpus",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               const std::string secret = d.Write("secret.txt", "A secret. Keep out.\n");
               fs::create_symlink(secret, d.path() / "c" / "link.txt");
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nS\tlink.txt\n");
             },
             3, "manifest.tsv:3: warning: file 'link.txt' resolves outside the corpus directory"),
      Ingest("manifest: symlink loop",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               fs::create_symlink("loop2.txt", d.path() / "c" / "loop1.txt");
               fs::create_symlink("loop1.txt", d.path() / "c" / "loop2.txt");
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nL\tloop1.txt\n");
             },
             3, "manifest.tsv:3: warning: file 'loop1.txt'"),
      Ingest("manifest: missing file",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               d.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nB\tgone.txt\n");
             },
             3, "manifest.tsv:3: warning: file 'gone.txt' (id B) does not exist"),
      Ingest("walking: symlink to a file outside the corpus",
             [](const TempDir& d) {
               d.Write("c/a.txt", kGood);
               const std::string secret = d.Write("secret.txt", "A secret. Keep out.\n");
               fs::create_symlink(secret, d.path() / "c" / "link.txt");
             },
             3, "link.txt: warning: symlink resolves outside the corpus directory"),
      {"walking with --follow-symlinks: directory loop",
       [](const TempDir& d) {
         d.Write("c/sub/a.txt", kGood);
         fs::create_directory_symlink(d.path() / "c", d.path() / "c" / "sub" / "loop");
         return std::vector<std::string>{"ingest", "--follow-symlinks", (d.path() / "c").string()};
       },
       0, "symlink loop"},
      // --- model --------------------------------------------------------------
      AnalyzeWithModel("model missing",
                       [](const TempDir& d) { return (d.path() / "no-such.dvec").string(); },
                       "no-such.dvec"),
      AnalyzeWithModel("model empty", [](const TempDir& d) { return d.Write("empty.dvec", ""); },
                       "empty.dvec"),
      AnalyzeWithModel(".dvec truncated",
                       [default_model](const TempDir& d) {
                         return d.Write("trunc.dvec", ReadPrefix(default_model, 4096));
                       },
                       "trunc.dvec"),
      AnalyzeWithModel(".dvec with a corrupt header",
                       [default_model](const TempDir& d) {
                         std::string bytes = ReadPrefix(default_model, 8192);
                         bytes[12] ^= 0x40;  // dims
                         return d.Write("corrupt.dvec", bytes);
                       },
                       "corrupt.dvec"),
      AnalyzeWithModel(".vec with a row of the wrong dimension",
                       [](const TempDir& d) {
                         return d.Write("bad.vec", "the 0.1 0.2 0.3\nsummit 0.1 0.2\n");
                       },
                       "bad.vec"),
      AnalyzeWithModel(".vec header promising more rows than it has",
                       [](const TempDir& d) {
                         return d.Write("short.vec", "3 2\nthe 0.1 0.2\nsummit 0.3 0.4\n");
                       },
                       "short.vec"),
      AnalyzeWithModel("fastText .bin with the wrong version",
                       [](const TempDir& d) {
                         std::string bytes = TinyFastText();
                         bytes[4] = 11;
                         return d.Write("version.bin", bytes);
                       },
                       "version.bin: byte 4: not a valid fastText .bin (unsupported version 11"),
      AnalyzeWithModel("fastText .bin truncated",
                       [](const TempDir& d) {
                         const std::string bytes = TinyFastText();
                         return d.Write("trunc.bin", bytes.substr(0, bytes.size() - 100));
                       },
                       "trunc.bin"),
      AnalyzeWithModel("fastText .bin with zero dimensions",
                       [](const TempDir& d) {
                         std::string bytes = TinyFastText();
                         bytes[8] = bytes[9] = bytes[10] = bytes[11] = 0;
                         return d.Write("dims.bin", bytes);
                       },
                       "dims.bin: byte 8: not a valid fastText .bin (dimension 0)"),
      AnalyzeWithModel("model path is a directory",
                       [](const TempDir& d) { return d.path().string(); }, "diverge: "),
      AnalyzeWithModel("model of random bytes",
                       [](const TempDir& d) {
                         std::string bytes;
                         uint32_t x = 12345;
                         for (int i = 0; i < 3000; ++i) {
                           x = x * 1103515245u + 12345u;
                           bytes += static_cast<char>(x >> 24);
                         }
                         return d.Write("random.bin", bytes);
                       },
                       "random.bin"),
      // --- output and command line ----------------------------------------------
      {"output directory under a regular file",
       [](const TempDir& d) {
         d.Write("c/a.txt", kGood);
         const std::string file = d.Write("file", "x");
         return std::vector<std::string>{"analyze", (d.path() / "c").string(), "--quiet", "--out",
                                         file + "/out"};
       },
       6, "/file/out"},
      {"unknown flag",
       [](const TempDir& d) {
         return std::vector<std::string>{"analyze", d.str(), "--out", d.str(), "--frobnicate"};
       },
       2, "--frobnicate"},
      {"threshold out of range",
       [](const TempDir& d) {
         return std::vector<std::string>{"analyze", d.str(), "--out", d.str(), "--threshold", "2"};
       },
       2, "threshold"},
  };
  return cases;
}

}  // namespace

TEST_CASE("Bad-input table: exit code and message of each case", "[robust][bad-input][cli]") {
  const auto cases = Cases();
  CHECK(cases.size() >= 30);
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir dir;
      const std::vector<std::string> args = c.setup(dir);
      const CommandRun r = RunDiverge(args, dir.path());
      INFO("stderr: " << r.err);
      CHECK(r.signal == 0);
      CHECK(r.exit_code == c.exit_code);
      CHECK_THAT(r.err, Catch::Contains(c.message));
      CHECK(r.err.find("internal error") == std::string::npos);
    }
  }
}

TEST_CASE("Secrets named by a manifest or a symlink never reach the output", "[robust][security][cli]") {
  TempDir dir;
  dir.Write("c/a.txt", kGood);
  const std::string secret = dir.Write("secret.txt", "Zanzibar pineapple secret. Keep out.\n");
  fs::create_symlink(secret, dir.path() / "c" / "link.txt");
  fs::create_directory_symlink(dir.path(), dir.path() / "c" / "up");
  dir.Write("c/manifest.tsv", "id\tfile\nA\ta.txt\nS\t../secret.txt\nT\t" + secret +
                                  "\nU\tlink.txt\nV\tup/secret.txt\n");
  const CommandRun r = RunDiverge({"ingest", "--json", (dir.path() / "c").string()}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("Zanzibar") == std::string::npos);
  CHECK(r.out.find("\"A\"") != std::string::npos);
  for (const char* line : {"manifest.tsv:3", "manifest.tsv:4", "manifest.tsv:5", "manifest.tsv:6"}) {
    CHECK_THAT(r.err, Catch::Contains(line));
  }
}

TEST_CASE("Unwritable output directory (permissions)", "[robust][bad-input][cli]") {
  if (::geteuid() == 0) {
    WARN("running as root, which may write anywhere; covered by the output-under-a-file case");
    return;
  }
  TempDir dir;
  dir.Write("c/a.txt", kGood);
  fs::create_directories(dir.path() / "ro");
  fs::permissions(dir.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const CommandRun r = RunDiverge(
      {"analyze", (dir.path() / "c").string(), "--quiet", "--out", (dir.path() / "ro").string()},
      dir.path());
  CHECK(r.exit_code == 6);
  CHECK_THAT(r.err, Catch::Contains("ro/report"));
}
#endif  // DIVERGE_BINARY

TEST_CASE("Without WordNet analyze still runs and says what it lacks", "[robust][cli]") {
  TempDir dir;
  dir.Write("c/a.txt", kGood);
  dir.Write("c/b.txt", kOther);
  fs::create_directories(dir.path() / "no-wordnet");
  const std::string model = (kSource / "fuzz/seeds/model_dvec/tiny.dvec").string();
  auto analyze = [&](const std::string& out, const std::string& prefix) {
    return RunDiverge({"analyze", (dir.path() / "c").string(), "--quiet", "--model", model,
                       "--out", (dir.path() / out).string()},
                      dir.path(), prefix);
  };
  const std::string wordnet_dir = (dir.path() / "no-wordnet").string();
  const CommandRun without = analyze("out1", "DIVERGE_WORDNET=" + diverge::testing::ShellQuote(wordnet_dir));
  INFO("stderr: " << without.err);
  CHECK(without.exit_code == 0);
  CHECK_THAT(without.err, Catch::Contains("WordNet not found"));
  CHECK_THAT(without.err, Catch::Contains(wordnet_dir));
  CHECK(fs::exists(dir.path() / "out1" / "report.json"));
  if (fs::exists("/usr/share/wordnet/index.noun")) {
    const CommandRun with = analyze("out2", "DIVERGE_WORDNET=/usr/share/wordnet");
    CHECK(with.exit_code == 0);
    CHECK(with.err.find("WordNet not found") == std::string::npos);
  }
}
