// Model loaders: .dvec (own format), .vec text, wink .json, fastText .bin (trained here,
// tiny, so subword vectors are exercised), and their error paths.
#include <fasttext/args.h>
#include <fasttext/fasttext.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "embeddings/dvec_format.h"
#include "embeddings/embedding_model.h"
#include "embeddings/fasttext_adapter.h"

namespace fs = std::filesystem;
using namespace diverge;

namespace {

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("diverge-model-test-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

embeddings::RawVectors SmallRaw() {
  embeddings::RawVectors raw;
  raw.dims = 3;
  raw.words = {"the", "cat", "dog", "economy"};
  raw.data = {1, 0, 0, 0, 1, 0, 0, 0.9f, 0.1f, 0.5f, -0.5f, 0.25f};
  return raw;
}

// A tiny fastText skipgram model with subwords (dim 8, 1 epoch, minCount 1, 1 thread).
fs::path TinyFastTextBin(const fs::path& dir) {
  fs::path bin = dir / "tiny.bin";
  if (fs::exists(bin)) return bin;
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "the economy grew while the government cut taxes and the markets rallied\n";
    text += "officials said the minister resigned after the protest in the capital\n";
  }
  Write(dir / "tiny.txt", text);
  fasttext::Args args;
  args.input = (dir / "tiny.txt").string();
  args.model = fasttext::model_name::sg;
  args.dim = 8;
  args.epoch = 1;
  args.minCount = 1;
  args.thread = 1;
  args.bucket = 2000;
  args.minn = 3;
  args.maxn = 5;
  args.verbose = 0;
  fasttext::FastText ft;
  ft.train(args);
  ft.saveModel(bin.string());
  return bin;
}

}  // namespace

TEST_CASE("dvec round trip keeps words, ranks and vectors", "[model]") {
  auto m = embeddings::EmbeddingModel::FromRaw(SmallRaw(), "small");
  REQUIRE(m.ok());
  const embeddings::EmbeddingModel& em = **m;
  CHECK(em.dims() == 3);
  CHECK(em.size() == 4);
  CHECK(em.Find("cat") == 1);
  CHECK(em.Find("economy") == 3);
  CHECK(em.Find("Cat") == -1);
  CHECK(em.Find("") == -1);
  CHECK(em.Word(2) == "dog");
  CHECK(em.Rank(3) == 3u);
  float v[3];
  em.Vector(3, v);
  // int8 with a per-row scale: error at most scale/2 = 0.5/127/2.
  CHECK(v[0] == Approx(0.5).margin(0.002));
  CHECK(v[1] == Approx(-0.5).margin(0.002));
  CHECK(v[2] == Approx(0.25).margin(0.002));
  CHECK(em.Cosine(1, 2) == Approx(0.9 / std::sqrt(0.82)).margin(0.01));
  CHECK(em.Cosine(0, 1) == Approx(0).margin(1e-6));
  CHECK(em.Probability(0) > em.Probability(3));

  fs::path dir = TempDir();
  REQUIRE(em.Save((dir / "small.dvec").string()).ok());
  auto loaded = embeddings::EmbeddingModel::Load((dir / "small.dvec").string());
  REQUIRE(loaded.ok());
  CHECK((*loaded)->format() == "dvec");
  CHECK((*loaded)->Find("dog") == 2);
  CHECK((*loaded)->id().rfind("small.dvec:", 0) == 0);
  CHECK((*loaded)->id().size() == std::string("small.dvec:").size() + 16);
  // Same vectors, same content hash (the part after the file name).
  auto hash = [](const std::string& id) { return id.substr(id.find(':') + 1); };
  CHECK(hash((*loaded)->id()) == hash(em.id()));
}

TEST_CASE("dvec rejects missing, truncated and corrupt files", "[model]") {
  fs::path dir = TempDir();
  auto m = embeddings::EmbeddingModel::FromRaw(SmallRaw(), "small");
  REQUIRE(m.ok());
  REQUIRE((*m)->Save((dir / "good.dvec").string()).ok());
  std::string bytes = Slurp(dir / "good.dvec");

  auto missing = embeddings::EmbeddingModel::Load((dir / "nope.dvec").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("nope.dvec"));

  Write(dir / "trunc.dvec", bytes.substr(0, bytes.size() - 100));
  auto trunc = embeddings::EmbeddingModel::Load((dir / "trunc.dvec").string());
  REQUIRE_FALSE(trunc.ok());
  CHECK(trunc.status().code() == StatusCode::kCorruption);
  CHECK_THAT(trunc.status().message(), Catch::Contains("trunc.dvec"));
  CHECK_THAT(trunc.status().message(), Catch::Contains("truncated"));

  Write(dir / "short.dvec", bytes.substr(0, 60));
  auto shrt = embeddings::EmbeddingModel::Load((dir / "short.dvec").string());
  REQUIRE_FALSE(shrt.ok());
  CHECK(shrt.status().code() == StatusCode::kCorruption);

  std::string bad_dims = bytes;
  uint32_t dims = 7;  // header field at byte 12
  std::memcpy(bad_dims.data() + 12, &dims, 4);
  Write(dir / "dims.dvec", bad_dims);
  auto wrong = embeddings::EmbeddingModel::Load((dir / "dims.dvec").string());
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().code() == StatusCode::kCorruption);
  CHECK_THAT(wrong.status().message(), Catch::Contains("checksum"));

  std::string bad_body = bytes;
  embeddings::DvecHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  uint64_t huge = 1ull << 40;  // word offsets table pointing past the strings
  std::memcpy(bad_body.data() + h.offsets_offset + 8, &huge, 8);
  Write(dir / "body.dvec", bad_body);
  auto body = embeddings::EmbeddingModel::Load((dir / "body.dvec").string());
  REQUIRE_FALSE(body.ok());
  CHECK(body.status().code() == StatusCode::kCorruption);

  std::string empty;
  Write(dir / "empty.dvec", empty);
  CHECK_FALSE(embeddings::EmbeddingModel::Load((dir / "empty.dvec").string()).ok());
}

TEST_CASE(".vec text models load and report malformed lines", "[model]") {
  fs::path dir = TempDir();
  Write(dir / "ok.vec", "3 2\nthe 0.1 0.2\ncat 1 0\ndog 0.9 0.1\n");
  auto ok = embeddings::EmbeddingModel::Load((dir / "ok.vec").string());
  REQUIRE(ok.ok());
  CHECK((*ok)->format() == "vec");
  CHECK((*ok)->dims() == 2);
  CHECK((*ok)->size() == 3);
  CHECK((*ok)->Find("dog") == 2);

  Write(dir / "dims.vec", "the 0.1 0.2\ncat 1 0 3\n");
  auto dims = embeddings::EmbeddingModel::Load((dir / "dims.vec").string());
  REQUIRE_FALSE(dims.ok());
  CHECK(dims.status().code() == StatusCode::kCorruption);
  CHECK_THAT(dims.status().message(), Catch::Contains("dims.vec:2"));

  Write(dir / "trunc.vec", "5 2\nthe 0.1 0.2\ncat 1 0\n");
  auto trunc = embeddings::EmbeddingModel::Load((dir / "trunc.vec").string());
  REQUIRE_FALSE(trunc.ok());
  CHECK_THAT(trunc.status().message(), Catch::Contains("truncated"));

  Write(dir / "num.vec", "the 0.1 zz\n");
  auto num = embeddings::EmbeddingModel::Load((dir / "num.vec").string());
  REQUIRE_FALSE(num.ok());
  CHECK_THAT(num.status().message(), Catch::Contains("num.vec:1"));
}

TEST_CASE("wink JSON models are streamed and placed by word index", "[model]") {
  fs::path dir = TempDir();
  Write(dir / "w.json", R"({"precision":8,"l2NormIndex":2,"wordIndex":3,"size":2,"dimensions":2,)"
                        R"("words":["the","cat"],"vectors":{"cat":[1,0,1,1],"the":[0.6,0.8,1,0]},)"
                        R"("unkVector":[0,0]})");
  auto m = embeddings::EmbeddingModel::Load((dir / "w.json").string());
  REQUIRE(m.ok());
  CHECK((*m)->format() == "wink-json");
  CHECK((*m)->Find("the") == 0);
  CHECK((*m)->Find("cat") == 1);
  float v[2];
  (*m)->Vector(0, v);
  CHECK(v[0] == Approx(0.6).margin(0.01));

  Write(dir / "bad.json", R"({"dimensions":3,"size":1,"vectors":{"cat":[1,0,1,0]})");
  auto bad = embeddings::EmbeddingModel::Load((dir / "bad.json").string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kCorruption);
  CHECK_THAT(bad.status().message(), Catch::Contains("bad.json"));

  Write(dir / "cut.json", R"({"dimensions":2,"size":1,"vectors":{"cat":[1,0,)");
  auto cut = embeddings::EmbeddingModel::Load((dir / "cut.json").string());
  REQUIRE_FALSE(cut.ok());
  CHECK_THAT(cut.status().message(), Catch::Contains("cut.json"));
}

TEST_CASE("fastText .bin loads with subword vectors for unknown words", "[model]") {
  fs::path dir = TempDir();
  fs::path bin = TinyFastTextBin(dir);
  auto m = embeddings::EmbeddingModel::Load(bin.string());
  REQUIRE(m.ok());
  CHECK((*m)->format() == "fasttext-bin");
  CHECK((*m)->dims() == 8);
  CHECK((*m)->HasSubwords());
  CHECK((*m)->Find("economy") >= 0);
  float v[8];
  CHECK((*m)->Find("economies") == -1);
  REQUIRE((*m)->SubwordVector("economies", v));  // shares n-grams with "economy"
  float norm = 0;
  for (float x : v) norm += x * x;
  CHECK(norm > 0);
  // Converted to .dvec, the in-vocabulary vectors survive.
  REQUIRE((*m)->Save((dir / "tiny.dvec").string()).ok());
  auto d = embeddings::EmbeddingModel::Load((dir / "tiny.dvec").string());
  REQUIRE(d.ok());
  CHECK((*d)->size() == (*m)->size());
  CHECK_FALSE((*d)->HasSubwords());
}

TEST_CASE("fastText .bin with bad header or truncated body is a Status", "[model]") {
  fs::path dir = TempDir();
  std::string bytes = Slurp(TinyFastTextBin(dir));
  REQUIRE(bytes.size() > 200);

  Write(dir / "trunc.bin", bytes.substr(0, bytes.size() / 2));
  auto trunc = embeddings::EmbeddingModel::Load((dir / "trunc.bin").string());
  REQUIRE_FALSE(trunc.ok());
  CHECK(trunc.status().code() == StatusCode::kCorruption);
  CHECK_THAT(trunc.status().message(), Catch::Contains("trunc.bin"));

  std::string version = bytes;
  int32_t v = 11;
  std::memcpy(version.data() + 4, &v, 4);
  Write(dir / "version.bin", version);
  auto ver = embeddings::EmbeddingModel::Load((dir / "version.bin").string());
  REQUIRE_FALSE(ver.ok());
  CHECK_THAT(ver.status().message(), Catch::Contains("version"));

  std::string dims = bytes;
  int32_t d = 9;  // args.dim disagrees with the matrix
  std::memcpy(dims.data() + 8, &d, 4);
  Write(dir / "dims.bin", dims);
  auto wrong = embeddings::EmbeddingModel::Load((dir / "dims.bin").string());
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().code() == StatusCode::kCorruption);

  std::string huge = bytes;
  int32_t words = 1 << 30;  // dictionary size far beyond the file
  std::memcpy(huge.data() + 64, &words, 4);
  Write(dir / "dict.bin", huge);
  CHECK_FALSE(embeddings::EmbeddingModel::Load((dir / "dict.bin").string()).ok());

  Write(dir / "four.bin", bytes.substr(0, 6));
  CHECK_FALSE(embeddings::EmbeddingModel::Load((dir / "four.bin").string()).ok());
}

TEST_CASE("every loader names the file on missing, truncated, mis-sized and bad-header input",
          "[model]") {
  fs::path dir = TempDir();
  auto expect_error = [](const fs::path& p, StatusCode code) {
    auto m = embeddings::EmbeddingModel::Load(p.string());
    REQUIRE_FALSE(m.ok());
    CHECK(m.status().code() == code);
    CHECK_THAT(m.status().message(), Catch::Contains(p.filename().string()));
    return m.status().message();
  };
  // Missing files, one per extension: kNotFound naming the file.
  for (const char* name : {"absent.dvec", "absent.vec", "absent.bin"}) {
    expect_error(dir / name, StatusCode::kNotFound);
  }

  // .dvec: a damaged magic, and a header whose dims disagree with its checksum.
  auto m = embeddings::EmbeddingModel::FromRaw(SmallRaw(), "small");
  REQUIRE(m.ok());
  REQUIRE((*m)->Save((dir / "good.dvec").string()).ok());
  std::string dvec = Slurp(dir / "good.dvec");
  std::string magic = dvec;
  magic[5] ^= 0x5a;
  Write(dir / "magic.dvec", magic);
  CHECK_THAT(expect_error(dir / "magic.dvec", StatusCode::kCorruption), Catch::Contains("magic"));
  Write(dir / "half.dvec", dvec.substr(0, dvec.size() / 2));
  CHECK_THAT(expect_error(dir / "half.dvec", StatusCode::kCorruption),
             Catch::Contains("truncated"));

  // .vec: a header announcing another dimension than the rows have; a header that is
  // not two numbers; fewer rows than announced.
  Write(dir / "wide.vec", "2 3\nthe 0.1 0.2\ncat 1 0\n");
  CHECK_THAT(expect_error(dir / "wide.vec", StatusCode::kCorruption),
             Catch::Contains("wide.vec:2") && Catch::Contains("expected 3"));
  Write(dir / "header.vec", "two dims\nthe 0.1 0.2\n");
  expect_error(dir / "header.vec", StatusCode::kCorruption);
  Write(dir / "short.vec", "4 2\nthe 0.1 0.2\n");
  CHECK_THAT(expect_error(dir / "short.vec", StatusCode::kCorruption), Catch::Contains("truncated"));

  // fastText .bin: a bad magic number (then it is not recognised as .bin at all), a
  // dimension of zero, and a file cut inside the dictionary.
  std::string bin = Slurp(TinyFastTextBin(dir));
  std::string bad_magic = bin;
  bad_magic[0] ^= 0x11;
  Write(dir / "magic.bin", bad_magic);
  expect_error(dir / "magic.bin", StatusCode::kCorruption);
  std::string zero_dim = bin;
  int32_t zero = 0;
  std::memcpy(zero_dim.data() + 8, &zero, 4);
  Write(dir / "zero.bin", zero_dim);
  CHECK_THAT(expect_error(dir / "zero.bin", StatusCode::kCorruption), Catch::Contains("dimension"));
  Write(dir / "cut.bin", bin.substr(0, 120));
  expect_error(dir / "cut.bin", StatusCode::kCorruption);
}

TEST_CASE("DIVERGE_MODEL overrides the compiled default", "[model]") {
  ::setenv("DIVERGE_MODEL", "/x/y.dvec", 1);
  CHECK(embeddings::DefaultModelPath("/compiled.dvec") == "/x/y.dvec");
  ::unsetenv("DIVERGE_MODEL");
  CHECK(embeddings::DefaultModelPath("/compiled.dvec") == "/compiled.dvec");
}
