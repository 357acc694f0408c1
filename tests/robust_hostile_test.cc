// Hostile inputs found by an attack run (issue 21), each through the real binary where
// the attack used it: non-regular files in a corpus, JSON numbers out of double range
// in report.json, control characters in file names, long unpunctuated statements, and a
// flag cap filled by one kind. (serve: review_server_test.cc; GraphML:
// reports_graphml_test.cc; large HTML: reports_html_test.cc; SIGKILL during the output
// switch: robust_kill_switch.sh.)
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/output_set.h"
#include "analyzer/base/terminal_text.h"
#include "analyzer/divergence/detect_internal.h"
#include "analyzer/report/json_text.h"
#include "analyzer/report/report.h"
#include "analyzer/text/sentences.h"
#include "embeddings/embedding_model.h"
#include "embeddings/pair_features.h"
#include "embeddings/sif_encoder.h"
#include "tests/robust_test_util.h"

namespace fs = std::filesystem;
using namespace diverge;
using namespace diverge::testing;

namespace {

const std::string kGood =
    "Ministers met in Minsk on Monday. They agreed on a plan to rebuild the bridge.\n";

void MakeFifo(const fs::path& p) {
  fs::create_directories(p.parent_path());
  REQUIRE(::mkfifo(p.c_str(), 0644) == 0);
}

}  // namespace

TEST_CASE("ReadRegularFile refuses FIFOs and devices unread and bounds the size",
          "[robust][bad-input]") {
  TempDir dir;
  MakeFifo(dir.path() / "pipe.txt");
  // No writer: a blocking open would hang here forever.
  Result<std::string> fifo = ReadRegularFile((dir.path() / "pipe.txt").string(), 1 << 20);
  REQUIRE_FALSE(fifo.ok());
  CHECK(fifo.status().code() == StatusCode::kUnsupported);
  CHECK_THAT(fifo.status().message(), Catch::Contains("not a regular file (a FIFO)"));

  Result<std::string> dev = ReadRegularFile("/dev/zero", 1 << 20);
  REQUIRE_FALSE(dev.ok());
  CHECK_THAT(dev.status().message(), Catch::Contains("not a regular file (a character device)"));

  const std::string eleven = dir.Write("eleven.txt", "hello world");
  Result<std::string> big = ReadRegularFile(eleven, 10);
  REQUIRE_FALSE(big.ok());
  CHECK_THAT(big.status().message(), Catch::Contains("file is 11 bytes, over the limit of 10"));
  Result<std::string> fits = ReadRegularFile(eleven, 11);
  REQUIRE(fits.ok());
  CHECK(*fits == "hello world");
  CHECK(ReadRegularFile((dir.path() / "missing").string(), 10).status().code() ==
        StatusCode::kNotFound);
}

#ifdef DIVERGE_BINARY
TEST_CASE("A FIFO or device in a corpus is skipped with a warning and exit 3, never read",
          "[robust][bad-input][cli]") {
  TempDir dir;
  const fs::path c = dir.path() / "c";
  dir.Write("c/good.txt", kGood);
  const std::string bin = ShellQuote(DIVERGE_BINARY);
  // `timeout` turns the old hang into a failure instead of a stuck suite.
  auto ingest = [&](const std::string& args) {
    return RunShell("timeout 60 " + bin + " ingest " + args, dir.path());
  };

  SECTION("a FIFO named x.txt") {
    MakeFifo(c / "x.txt");
    const CommandRun r = ingest(ShellQuote(c.string()));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("x.txt: warning: not a regular file (a FIFO); skipped unread"));
    CHECK_THAT(r.out, Catch::Contains("1 documents"));
  }
  SECTION("a FIFO named manifest.tsv") {
    MakeFifo(c / "manifest.tsv");
    const CommandRun r = ingest(ShellQuote(c.string()));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("manifest.tsv: warning: not a regular file (a FIFO)"));
    CHECK_THAT(r.out, Catch::Contains("1 documents"));
  }
  SECTION("a manifest row naming a FIFO") {
    MakeFifo(c / "pipe.txt");
    dir.Write("c/manifest.tsv",
              "id\tfile\toutlet\tdate\ttitle\turl\ng\tgood.txt\tA\t2020\t\t\np\tpipe.txt\tB\t2020\t\t\n");
    const CommandRun r = ingest(ShellQuote(c.string()));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("file 'pipe.txt' is not a regular file (a FIFO)"));
  }
  SECTION("a FIFO named on the command line") {
    MakeFifo(dir.path() / "named.txt");
    const CommandRun r =
        ingest(ShellQuote((dir.path() / "named.txt").string()) + " " + ShellQuote((c / "good.txt").string()));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("named.txt: warning: not a regular file (a FIFO)"));
  }
  SECTION("--follow-symlinks to /dev/zero") {
    fs::create_symlink("/dev/zero", c / "zero.txt");
    const CommandRun r = ingest("--follow-symlinks " + ShellQuote(c.string()));
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("zero.txt: warning: not a regular file (a character device)"));
    CHECK_THAT(r.out, Catch::Contains("1 documents"));
  }
  SECTION("analyze with a FIFO in the corpus") {
    if (!fs::exists(DIVERGE_DEFAULT_MODEL)) {
      WARN("no default model: analyze not run");
      return;
    }
    dir.Write("c/other.txt", "Ministers met in Minsk on Monday. They agreed to rebuild it.\n");
    MakeFifo(c / "x.txt");
    const CommandRun r = RunShell("timeout 120 " + bin + " analyze " + ShellQuote(c.string()) +
                                      " --quiet --out " + ShellQuote((dir.path() / "out").string()),
                                  dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("x.txt: warning: not a regular file (a FIFO)"));
    CHECK(fs::exists(dir.path() / "out" / "report.json"));
  }
}

TEST_CASE("A number out of double range in report.json: exit 4 naming the file and byte",
          "[robust][bad-input][cli]") {
  TempDir dir;
  const std::string good = Slurp(std::string(DIVERGE_SOURCE_DIR) + "/tests/data/reports/synthetic_report.json");
  const size_t at = good.find("\"score\": ");
  REQUIRE(at != std::string::npos);
  std::string bad = good;
  bad.replace(at + 9, bad.find(',', at) - (at + 9), "1e400");
  dir.Write("r/report.json", bad);
  const std::string report = (dir.path() / "r" / "report.json").string();
  const std::string where = "report.json@byte " + std::to_string(at + 9 + 5);

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", report, "--format", "md"},
        std::vector<std::string>{"review", "list", (dir.path() / "r").string()},
        std::vector<std::string>{"serve", (dir.path() / "r").string(), "--port", "0"}}) {
    INFO(args[0]);
    std::string cmd = "timeout 60 " + ShellQuote(DIVERGE_BINARY);
    for (const std::string& a : args) cmd += " " + ShellQuote(a);
    const CommandRun r = RunShell(cmd, dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains(where + ": not valid JSON: number out of double range: 1e400"));
    CHECK_THAT(r.err, !Catch::Contains("internal error"));
  }
}

TEST_CASE("Control characters in file names are escaped in warnings and the ingest summary",
          "[robust][bad-input][cli]") {
  TempDir dir;
  const std::string evil = "evil\x1b[31mred\nINJECTED.txt";
  dir.Write("c/" + evil, "Ministers met in Minsk on Monday. They agreed on a plan.\n");
  dir.Write("c/bin\x07\rx.txt", std::string("\0\0\0binary", 9));
  const CommandRun r = RunDiverge({"ingest", (dir.path() / "c").string()}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);  // the binary file is skipped
  for (const std::string& stream : {r.out, r.err}) {
    CHECK(stream.find('\x1b') == std::string::npos);
    CHECK(stream.find('\x07') == std::string::npos);
    CHECK(stream.find('\r') == std::string::npos);
    CHECK(stream.find("\nINJECTED") == std::string::npos);
  }
  CHECK_THAT(r.out, Catch::Contains("evil\\e[31mred\\nINJECTED.txt"));
  CHECK_THAT(r.err, Catch::Contains("bin\\x07\\rx.txt@byte 0: warning: binary file"));
}
#endif  // DIVERGE_BINARY

TEST_CASE("TerminalSafe escapes controls, C1 and invalid UTF-8, keeps other text",
          "[robust][bad-input]") {
  CHECK(TerminalSafe("plain — text é 日本") == "plain — text é 日本");
  CHECK(TerminalSafe("a\x1b[2Jb") == "a\\e[2Jb");
  CHECK(TerminalSafe("a\nb\tc\rd\x7f") == "a\\nb\\tc\\rd\\x7f");
  CHECK(TerminalSafe("a\nb", true) == "a\nb");
  CHECK(TerminalSafe("x\xc2\x9b" "1m") == "x\\u009b1m");  // C1 CSI
  CHECK(TerminalSafe("x\x9b\xff") == "x\\x9b\\xff");       // not UTF-8
  CHECK(TerminalSafe("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("ParseJsonText locates every malformation, out-of-range numbers included",
          "[robust][bad-input]") {
  auto error_of = [](std::string_view text) {
    auto r = report::ParseJsonText(text);
    REQUIRE(std::holds_alternative<report::JsonTextError>(r));
    return std::get<report::JsonTextError>(r);
  };
  report::JsonTextError e = error_of("{\"a\": [1, 2, 1e400]}");
  CHECK(e.byte == 18);
  CHECK(e.message == "number out of double range: 1e400");
  CHECK(error_of("-1E+999").message == "number out of double range: -1E+999");
  CHECK(error_of("{\"a\": tru}").message.rfind("syntax error", 0) == 0);
  CHECK(error_of("{} x").byte == 4);
  auto ok = report::ParseJsonText("{\"tiny\": 1e-400, \"big\": 1e308}");
  REQUIRE(std::holds_alternative<nlohmann::json>(ok));
  CHECK(std::get<nlohmann::json>(ok)["tiny"].get<double>() == 0.0);
}

TEST_CASE("Unpunctuated text becomes statements of bounded length, cut at spaces",
          "[robust][bad-input][segment]") {
  std::string text;
  for (int i = 0; text.size() < 100 * 1024; ++i) text += "word" + std::to_string(i % 97) + " ";
  text += "end";
  const std::vector<text::Span> spans = text::SplitSentences(text);
  REQUIRE(spans.size() >= 100 * 1024 / text::kMaxSentenceBytes);
  size_t covered = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    INFO("span " << i);
    CHECK(spans[i].end - spans[i].begin <= text::kMaxSentenceBytes);
    CHECK(spans[i].end > spans[i].begin);
    if (i > 0) CHECK(spans[i].begin >= spans[i - 1].end);
    // Cut at word boundaries: every span starts and ends with a whole word.
    CHECK(text[spans[i].begin] == 'w');
    CHECK((spans[i].end == text.size() || text[spans[i].end] == ' '));
    covered += spans[i].end - spans[i].begin + 1;
  }
  CHECK(covered >= text.size());  // nothing lost but the spaces at the cuts
  // One token longer than the limit is cut on character boundaries.
  std::string blob;
  while (blob.size() < 3 * text::kMaxSentenceBytes) blob += "é";
  const std::vector<text::Span> cut = text::SplitSentences(blob);
  REQUIRE(cut.size() == 3);
  for (const text::Span& s : cut) CHECK((static_cast<unsigned char>(blob[s.begin]) & 0xC0) != 0x80);
  // Ordinary sentences are untouched.
  CHECK(text::SplitSentences("One sentence here. Another one there.").size() == 2);
}

TEST_CASE("Pair features of very long sentences cost at most kMaxPairWords squared",
          "[robust][bad-input][embeddings]") {
  embeddings::RawVectors raw;
  raw.dims = 4;
  raw.words = {"the", "cat", "sat", "on", "mat", "dog", "ran", "far"};
  for (size_t i = 0; i < raw.words.size(); ++i) {
    for (int d = 0; d < 4; ++d) raw.data.push_back(float((i * 7 + size_t(d) * 3) % 5) + 0.1f);
  }
  auto model = embeddings::EmbeddingModel::FromRaw(raw, "toy");
  REQUIRE(model.ok());
  embeddings::EncoderOptions eo;
  eo.use_wordnet = false;
  embeddings::SifEncoder enc(**model, eo);
  std::string long_a, long_b;
  for (int i = 0; i < 4000; ++i) {
    long_a += (i % 3 ? "the cat sat on the mat " : "a dog ran far ");
    long_b += (i % 5 ? "the dog ran on the mat " : "a cat sat far ");
  }
  const embeddings::EncodedSentence a = enc.Encode(long_a), b = enc.Encode(long_b);
  REQUIRE(a.word_ids.size() > 10 * embeddings::kMaxPairWords);
  auto first = [](embeddings::EncodedSentence s) {
    const size_t n = embeddings::kMaxPairWords;
    s.word_ids.resize(n);
    s.idf.resize(n);
    s.content.resize(n);
    s.stem_keys.resize(n);
    s.senses.resize(n);
    s.pos.resize(n);
    return s;
  };
  // The same features as the sentences cut to their first kMaxPairWords words: the
  // word-by-word matrices never grow past kMaxPairWords^2 (16,000 x 16,000 before).
  const embeddings::SimilarityFeatures f = embeddings::ComputePairFeatures(**model, a, b);
  const embeddings::SimilarityFeatures g =
      embeddings::ComputePairFeatures(**model, first(a), first(b));
  for (size_t i = 0; i < f.base.size(); ++i) {
    INFO("feature " << i);
    CHECK(f.base[i] == g.base[i]);
  }
  CHECK(f.vec == g.vec);
}

#ifdef DIVERGE_BINARY
TEST_CASE("Two documents of one 0.5 MB unpunctuated sentence each are analyzed",
          "[robust][bad-input][cli][large]") {
  if (!fs::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("no default model: analyze not run");
    return;
  }
  TempDir dir;
  const std::vector<std::string> words = {"ministers", "met",    "in",     "minsk",  "on",
                                          "monday",    "and",    "agreed", "a",      "plan",
                                          "to",        "rebuild", "the",   "bridge", "over",
                                          "river",     "with",   "seven",  "members"};
  for (const char* name : {"c/a.txt", "c/b.txt"}) {
    std::string text;
    for (size_t i = 0; text.size() < 512 * 1024; ++i) {
      text += words[(i * (name[2] == 'a' ? 7 : 11)) % words.size()] + " ";
    }
    dir.Write(name, text);
  }
  // Before: 1.7 GB and 22 s for 100 KB each; std::bad_alloc (exit 1) at 0.5 MB each.
  const CommandRun r = RunDiverge({"analyze", (dir.path() / "c").string(), "--quiet", "--out",
                                   (dir.path() / "out").string()},
                                  dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json report =
      nlohmann::json::parse(Slurp((dir.path() / "out" / "report.json").string()));
  CHECK(report["statements"].size() >= 2 * 512 * 1024 / text::kMaxSentenceBytes);
  for (const auto& s : report["statements"]) {
    CHECK(s["end"].get<size_t>() - s["start"].get<size_t>() <= text::kMaxSentenceBytes);
  }
}
#endif  // DIVERGE_BINARY

TEST_CASE("The flag cap keeps the strongest flags across kinds and claims and counts the cut",
          "[robust][divergence]") {
  std::vector<report::Divergence> all;
  auto flag = [&](report::DivergenceKind kind, const std::string& cluster, double score, int i) {
    report::Divergence d;
    d.kind = kind;
    d.cluster = cluster;
    d.score = score;
    d.id =
        "d-" + std::string(report::KindName(kind)) + "-" + cluster + "-" + std::to_string(1000 + i);
    d.a.statement = "s-a-" + d.id;
    d.b.statement = "s-b-" + d.id;
    d.a.evidence = "e" + std::to_string(i);
    all.push_back(d);
  };
  // The 20,000-file run: 300 date flags of one score in one claim filled the cap of 200.
  for (int i = 0; i < 300; ++i) flag(report::DivergenceKind::kDate, "c-dates", 0.85, i);
  for (int i = 0; i < 40; ++i)
    flag(report::DivergenceKind::kDate, "c-other-" + std::to_string(i), 0.8, i);
  for (int i = 0; i < 5; ++i)
    flag(report::DivergenceKind::kNumeric, "c-num-" + std::to_string(i), 0.6, i);
  flag(report::DivergenceKind::kNegation, "c-neg", 0.5, 0);
  divergence::DetectOptions o;
  o.max_flags = 200;
  std::map<std::string, int64_t> cut;
  const std::vector<report::Divergence> kept = divergence::internal::Finalize(all, o, {}, &cut);
  REQUIRE(kept.size() == 200);
  std::map<std::string, int> by_kind, date_claims;
  for (const report::Divergence& d : kept) {
    ++by_kind[std::string(report::KindName(d.kind))];
    if (d.kind == report::DivergenceKind::kDate) ++date_claims[d.cluster];
  }
  CHECK(by_kind["numeric"] == 5);  // every weaker kind keeps its flags
  CHECK(by_kind["negation"] == 1);
  CHECK(by_kind["date"] == 194);
  CHECK(date_claims.size() == 41);  // every claim of the prolific kind is represented
  CHECK(cut == std::map<std::string, int64_t>{{"date", 146}});
  // Under the cap nothing changes and nothing is counted.
  o.max_flags = 1000;
  std::map<std::string, int64_t> none;
  CHECK(divergence::internal::Finalize(all, o, {}, &none).size() == all.size());
  CHECK(none.empty());
  // Deterministic whatever the input order.
  std::vector<report::Divergence> reversed(all.rbegin(), all.rend());
  o.max_flags = 200;
  const std::vector<report::Divergence> again =
      divergence::internal::Finalize(reversed, o, {}, nullptr);
  REQUIRE(again.size() == kept.size());
  for (size_t i = 0; i < kept.size(); ++i) CHECK(again[i].id == kept[i].id);
}

TEST_CASE("divergences_cut round-trips through report.json and is absent when empty",
          "[robust][report]") {
  report::Report r;
  r.generator.name = "diverge";
  const std::string without = report::SerializeReport(r);
  CHECK(without.find("divergences_cut") == std::string::npos);
  r.divergences_cut = {{"date", 146}, {"numeric", 2}};
  const std::string with = report::SerializeReport(r);
  CHECK(with.find("\"divergences_cut\": {\n    \"date\": 146,\n    \"numeric\": 2\n  }") !=
        std::string::npos);
  Result<report::Report> back = report::ParseReport(with, "report.json");
  REQUIRE(back.ok());
  CHECK(back->divergences_cut == r.divergences_cut);
  std::string bad = with;
  bad.replace(bad.find("146"), 3, "-1");
  CHECK(report::ParseReport(bad, "report.json").status().message() ==
        "report.json: divergences_cut.date must be a count");
}

TEST_CASE("WriteOutputSet switches the whole set with one rename and cleans up",
          "[robust][output]") {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  auto set = [](const std::string& tag) {
    return std::vector<std::pair<std::string, std::string>>{{"report.json", tag + " json"},
                                                            {"report.md", tag + " md"}};
  };
  auto generations = [&] {
    std::vector<std::string> g;
    for (const auto& e : fs::directory_iterator(out)) {
      const std::string name = e.path().filename().string();
      if (name.rfind(".gen-", 0) == 0 && name != ".gen-current") g.push_back(name);
    }
    return g;
  };
  // Legacy layout: regular files (an older diverge, or `diverge report --out`).
  dir.Write("out/report.json", "legacy json");
  dir.Write("out/report.md", "legacy md");
  dir.Write("out/review.db", "not ours");
  REQUIRE(WriteOutputSet(out.string(), set("one")).ok());
  CHECK(Slurp((out / "report.json").string()) == "one json");
  CHECK(Slurp((out / "report.md").string()) == "one md");
  CHECK(fs::is_symlink(out / "report.json"));
  CHECK(fs::read_symlink(out / "report.json") == ".gen-current/report.json");
  CHECK(Slurp((out / "review.db").string()) == "not ours");
  CHECK(generations().size() == 1);

  // A generation left by a killed run (its process is gone) goes; one of a live
  // process (pid 1) stays.
  const pid_t gone = ::fork();
  if (gone == 0) ::_exit(0);
  REQUIRE(::waitpid(gone, nullptr, 0) == gone);
  fs::create_directories(out / (".gen-" + std::to_string(gone) + "-AbC123"));
  dir.Write("out/.gen-" + std::to_string(gone) + "-AbC123/report.json", "half");
  fs::create_directories(out / ".gen-1-XyZ789");
  REQUIRE(WriteOutputSet(out.string(), set("two")).ok());
  CHECK(Slurp((out / "report.json").string()) == "two json");
  std::vector<std::string> left = generations();
  CHECK(left.size() == 2);
  CHECK(std::count(left.begin(), left.end(), ".gen-1-XyZ789") == 1);
  fs::remove(out / ".gen-1-XyZ789");

  // A failure leaves the old set and nothing of the new generation.
  fs::remove(out / "report.md");
  fs::create_directories(out / "report.md");
  const Status st = WriteOutputSet(out.string(), set("three"));
  CHECK(st.code() == StatusCode::kIOError);
  CHECK_THAT(st.message(), Catch::Contains("report.md: is a directory"));
  CHECK(Slurp((out / "report.json").string()) == "two json");
  CHECK(generations().size() == 1);

  // One name overwritten in place: still a consistent switch afterwards.
  fs::remove(out / "report.md");
  REQUIRE(WriteOutputSet(out.string(), set("four")).ok());
  fs::remove(out / "report.md");
  dir.Write("out/report.md", "rendered by hand");
  REQUIRE(WriteOutputSet(out.string(), set("five")).ok());
  CHECK(Slurp((out / "report.json").string()) == "five json");
  CHECK(Slurp((out / "report.md").string()) == "five md");
  CHECK(fs::is_symlink(out / "report.md"));
  CHECK(generations().size() == 1);
}
