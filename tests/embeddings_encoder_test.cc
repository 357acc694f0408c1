// Sentence encoders (SifEncoder, the encoder registry), pair similarity, statistics and
// the .npy writer.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/evaluation/sts_eval.h"
#include "embeddings/embedding_model.h"
#include "embeddings/encoder_registry.h"
#include "embeddings/npy_writer.h"
#include "embeddings/sif_encoder.h"
#include "learning/metrics.h"

namespace fs = std::filesystem;
using namespace diverge;
using learning::AverageRanks;
using learning::Pearson;
using learning::Spearman;

namespace {

std::unique_ptr<embeddings::EmbeddingModel> ToyModel() {
  embeddings::RawVectors raw;
  raw.dims = 4;
  raw.words = {"the", "a", "cat", "dog", "sat", "ran", "mat", "economy", "grew", "not"};
  raw.data = {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.1f, 1,    0,    0,    0,   0.9f, 0.2f,
              0,    0,    0,    1,    0,    0,    0,     0.9f, 0.3f, 0,    0,    0,   1,    0.2f,
              0,    0,    0.1f, 1,    0.2f, 0,    0.2f,  0.9f, 0.3f, 0.3f, 0.3f, 0.3f};
  auto m = embeddings::EmbeddingModel::FromRaw(raw, "toy");
  REQUIRE(m.ok());
  return std::move(*m);
}

}  // namespace

TEST_CASE("encoding is deterministic and independent of the other inputs", "[embeddings]") {
  auto model = ToyModel();
  embeddings::SifEncoder enc(*model);
  std::vector<std::string> texts = {"The cat sat on the mat.", "A dog ran.", "The economy grew 5%.",
                                    "Nothing here is known"};
  RowMatrixXf m1 = enc.EncodeAll(texts, 1);
  RowMatrixXf m2 = enc.EncodeAll(texts, 2);
  std::vector<std::string> rev(texts.rbegin(), texts.rend());
  RowMatrixXf m3 = enc.EncodeAll(rev, 1);
  REQUIRE(m1.rows() == 4);
  for (int i = 0; i < 4; ++i) {
    for (int k = 0; k < 4; ++k) {
      CHECK(m1(i, k) == m2(i, k));
      CHECK(m1(i, k) == m3(3 - i, k));
    }
  }
  // Rows are unit length, except a text with no known word (all zeros).
  CHECK(m1.row(0).norm() == Approx(1.0f).epsilon(1e-5));
  CHECK(m1.row(3).norm() == 0.0f);
}

TEST_CASE("the encoder registry knows sif, the default", "[embeddings][encoder-registry]") {
  auto model = ToyModel();
  const std::vector<embeddings::EncoderInfo>& rows = embeddings::Encoders();
  REQUIRE_FALSE(rows.empty());
  CHECK(std::any_of(rows.begin(), rows.end(),
                    [](const embeddings::EncoderInfo& e) { return e.name == "sif"; }));
  CHECK(std::any_of(rows.begin(), rows.end(), [](const embeddings::EncoderInfo& e) {
    return e.name == embeddings::kDefaultEncoder;
  }));
  CHECK(embeddings::kDefaultEncoder == "sif");
  CHECK(embeddings::EncoderNames().find("sif") != std::string::npos);
  auto sif = embeddings::MakeEncoder("sif", *model);
  REQUIRE(sif.ok());
  CHECK((*sif)->name() == "sif");
  CHECK((*sif)->dims() == model->dims());
  CHECK(&(*sif)->model() == model.get());
}

TEST_CASE("an unknown encoder name is an error naming the known ones",
          "[embeddings][encoder-registry]") {
  auto model = ToyModel();
  auto bad = embeddings::MakeEncoder("bert", *model);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(bad.status().message(), Catch::Contains("unknown encoder 'bert'"));
  for (const embeddings::EncoderInfo& e : embeddings::Encoders()) {
    CHECK_THAT(bad.status().message(), Catch::Contains(std::string(e.name)));
  }
  CHECK_FALSE(embeddings::MakeEncoder("", *model).ok());
  CHECK_FALSE(embeddings::MakeEncoder("SIF", *model).ok());  // names are exact
}

TEST_CASE("every registered encoder keeps the SentenceEncoder contract",
          "[embeddings][encoder-registry]") {
  auto model = ToyModel();
  const std::vector<std::string> texts = {"The cat sat on the mat.", "A dog ran.",
                                          "The economy grew 5%.", "Nothing here is known"};
  for (const embeddings::EncoderInfo& e : embeddings::Encoders()) {
    CAPTURE(e.name);
    CHECK_FALSE(e.description.empty());
    auto enc = embeddings::MakeEncoder(e.name, *model);
    REQUIRE(enc.ok());
    const embeddings::SentenceEncoder& s = **enc;
    CHECK(s.name() == e.name);
    RowMatrixXf all = s.EncodeAll(texts, 2);
    REQUIRE(all.rows() == static_cast<Eigen::Index>(texts.size()));
    REQUIRE(all.cols() == s.dims());
    for (size_t i = 0; i < texts.size(); ++i) {
      const embeddings::EncodedSentence one = s.Encode(texts[i]);
      REQUIRE(one.vector.size() == s.dims());
      CHECK(all.row(static_cast<Eigen::Index>(i)).transpose() == one.vector);
      CHECK((one.vector.norm() == 0.0f || one.vector.norm() == Approx(1.0f).epsilon(1e-5)));
    }
    const embeddings::PairSimilarity same = s.Similarity(s.Encode(texts[0]), s.Encode(texts[0]));
    CHECK(same.score >= s.Similarity(s.Encode(texts[0]), s.Encode(texts[2])).score);
  }
}

TEST_CASE("an encoder made by the registry equals a SifEncoder made directly",
          "[embeddings][encoder-registry]") {
  auto model = ToyModel();
  embeddings::EncoderOptions options;
  options.use_wordnet = false;
  options.sif_a = 1e-2;  // options reach the encoder
  auto made = embeddings::MakeEncoder("sif", *model, options);
  REQUIRE(made.ok());
  const embeddings::SentenceEncoder& reg = **made;
  const embeddings::SifEncoder direct(*model, options);
  const std::vector<std::string> texts = {"The cat sat on the mat.", "A dog ran.",
                                          "The economy grew 5% in 2019.",
                                          "The cat did not sit on the mat.", "Nothing known"};
  RowMatrixXf m_reg = reg.EncodeAll(texts, 1);
  RowMatrixXf m_dir = direct.EncodeAll(texts, 1);
  CHECK(m_reg == m_dir);
  for (size_t i = 0; i < texts.size(); ++i) {
    const embeddings::EncodedSentence a = reg.Encode(texts[i]), b = direct.Encode(texts[i]);
    CHECK(a.vector == b.vector);
    CHECK(a.vector_raw == b.vector_raw);
    CHECK(a.vector_avg == b.vector_avg);
    CHECK(a.word_ids == b.word_ids);
    CHECK(a.terms == b.terms);
    for (size_t j = 0; j < texts.size(); ++j) {
      const embeddings::EncodedSentence c = reg.Encode(texts[j]);
      const embeddings::PairSimilarity r = reg.Similarity(a, c),
                                       d = direct.Similarity(b, direct.Encode(texts[j]));
      CHECK(r.score == d.score);
      CHECK(r.claim_score == d.claim_score);
      CHECK(r.cosine == d.cosine);
      const embeddings::SimilarityFeatures fr = reg.Features(a, c), fd = direct.Features(b, c);
      CHECK(fr.base == fd.base);
      CHECK(fr.vec == fd.vec);
    }
  }
  // Default options too, against the default encoder.
  auto dflt = embeddings::MakeEncoder(embeddings::kDefaultEncoder, *model);
  REQUIRE(dflt.ok());
  const embeddings::SifEncoder plain(*model);
  CHECK((*dflt)->EncodeAll(texts, 2) == plain.EncodeAll(texts, 2));
  CHECK((*dflt)->Similarity((*dflt)->Encode(texts[0]), (*dflt)->Encode(texts[3])).score ==
        plain.Similarity(plain.Encode(texts[0]), plain.Encode(texts[3])).score);
  // ... and differently chosen options give different vectors (they are not dropped).
  CHECK_FALSE(m_reg == plain.EncodeAll(texts, 1));
}

TEST_CASE("similarity parts are inspectable and sensible", "[embeddings]") {
  auto model = ToyModel();
  embeddings::SifEncoder enc(*model);
  auto a = enc.Encode("The cat sat on the mat.");
  auto b = enc.Encode("The cat sat on the mat.");
  auto c = enc.Encode("The economy grew 5% in 2019.");
  auto d = enc.Encode("The economy grew 7% in 2019.");
  auto e = enc.Encode("The cat did not sit on the mat.");
  embeddings::PairSimilarity same = enc.Similarity(a, b);
  CHECK(same.cosine == Approx(1.0f).epsilon(1e-5));
  CHECK(same.alignment == Approx(1.0f).epsilon(1e-5));
  CHECK(same.lexical == Approx(1.0f));
  CHECK_FALSE(same.negation_mismatch);
  embeddings::PairSimilarity diff = enc.Similarity(a, c);
  CHECK(diff.cosine < same.cosine);
  CHECK(diff.lexical == 0.0f);
  CHECK(diff.score <= same.score);
  embeddings::PairSimilarity nums = enc.Similarity(c, d);
  CHECK(nums.numbers == Approx(1.0 / 3.0));  // {5%, 2019} vs {7%, 2019}
  CHECK(enc.Similarity(a, e).negation_mismatch);
  CHECK(c.numbers == std::vector<std::string>{"5%", "2019"});
  // Without numbers or negation on either side, the clustering score is the score.
  CHECK(same.claim_score == same.score);
  CHECK(diff.claim_score >= 0.0f);
  CHECK(diff.claim_score <= 1.0f);
  for (float s : {same.score, diff.score, nums.score}) {
    CHECK(s >= 0.0f);
    CHECK(s <= 1.0f);
  }
}

TEST_CASE("Pearson and Spearman match hand-computed values", "[embeddings][stats]") {
  // x = 1..5, y = 2,4,5,4,5: mean y 4, sxy = 6, sxx = 10, syy = 6 -> r = 6/sqrt(60).
  std::vector<double> x = {1, 2, 3, 4, 5}, y = {2, 4, 5, 4, 5};
  CHECK(Pearson(x, y) == Approx(6.0 / std::sqrt(60.0)));
  // Ranks of y with ties: 1, 2.5, 4.5, 2.5, 4.5 -> Pearson with 1..5 = 0.7071...(hand:
  // mean 3, sxy = 5.5... computed: (-2)(-2)+(-1)(-0.5)+0(1.5)+1(-0.5)+2(1.5) = 7,
  // syy = 4+0.25+2.25+0.25+2.25 = 9, sxx = 10 -> 7/sqrt(90)).
  CHECK(AverageRanks(y) == std::vector<double>{1, 2.5, 4.5, 2.5, 4.5});
  CHECK(Spearman(x, y) == Approx(7.0 / std::sqrt(90.0)));
  CHECK(Spearman(x, {10, 20, 30, 40, 50}) == Approx(1.0));
  CHECK(Spearman(x, {5, 4, 3, 2, 1}) == Approx(-1.0));
  CHECK(Pearson({1, 1, 1}, {1, 2, 3}) == 0.0);
}

TEST_CASE("npy writer produces a valid v1.0 header", "[embeddings][npy]") {
  std::vector<float> data = {1, 2, 3, 4, 5, 6};
  std::string npy = embeddings::EncodeNpy(data.data(), 2, 3);
  REQUIRE(npy.size() > 10);
  CHECK(npy.compare(0, 6, "\x93NUMPY") == 0);
  CHECK(npy[6] == 1);
  CHECK(npy[7] == 0);
  size_t header_len =
      static_cast<unsigned char>(npy[8]) | (static_cast<unsigned char>(npy[9]) << 8);
  CHECK((10 + header_len) % 64 == 0);
  std::string header = npy.substr(10, header_len);
  CHECK(header.back() == '\n');
  CHECK_THAT(header, Catch::Contains("'descr': '<f4'"));
  CHECK_THAT(header, Catch::Contains("'fortran_order': False"));
  CHECK_THAT(header, Catch::Contains("'shape': (2, 3)"));
  REQUIRE(npy.size() == 10 + header_len + 6 * 4);
  float back[6];
  std::memcpy(back, npy.data() + 10 + header_len, sizeof back);
  CHECK(back[5] == 6.0f);

  fs::path dir = fs::temp_directory_path() / ("diverge-npy-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  REQUIRE(
      embeddings::WriteVectorsWithIds((dir / "v.npy").string(), data.data(), 2, 3, {"s-1", "s-2"})
          .ok());
  std::ifstream ids(dir / "v.ids.txt");
  std::string l1, l2;
  std::getline(ids, l1);
  std::getline(ids, l2);
  CHECK(l1 == "s-1");
  CHECK(l2 == "s-2");
  CHECK_FALSE(
      embeddings::WriteVectorsWithIds((dir / "w.npy").string(), data.data(), 2, 3, {"x"}).ok());
}

TEST_CASE("STS files are read in both formats", "[embeddings][sts]") {
  fs::path dir = fs::temp_directory_path() / ("diverge-sts-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "b.csv") << "g\tf\t2012\t1\t5.000\tA cat.\tA cat!\n"
                               << "g\tf\t2012\t2\t0.0\tx\ty\textra\tcols\n";
  std::ofstream(dir / "s.txt") << "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tx\n"
                               << "1\tA b\tC d\t3.0\tNEUTRAL\n";
  auto b = evaluation::ReadStsFile((dir / "b.csv").string(), evaluation::StsFormat::kAuto);
  REQUIRE(b.ok());
  REQUIRE(b->size() == 2);
  CHECK((*b)[0].score == Approx(1.0));
  CHECK((*b)[1].b == "y");
  auto s = evaluation::ReadStsFile((dir / "s.txt").string(), evaluation::StsFormat::kAuto);
  REQUIRE(s.ok());
  REQUIRE(s->size() == 1);
  CHECK((*s)[0].score == Approx(0.5));
  std::ofstream(dir / "bad.csv") << "only\ttwo\n";
  auto bad = evaluation::ReadStsFile((dir / "bad.csv").string(), evaluation::StsFormat::kStsb);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("bad.csv:1"));
}

TEST_CASE("default model beats plain SIF on STS-B dev", "[embeddings][default-model]") {
  if (!fs::exists(DIVERGE_DEFAULT_MODEL)) {
    WARN("default model absent (scripts/fetch-model.sh): skipped");
    return;
  }
  auto model = embeddings::EmbeddingModel::Load(DIVERGE_DEFAULT_MODEL);
  REQUIRE(model.ok());
  embeddings::SifEncoder enc(**model);
  auto a = enc.Encode("The government raised taxes on fuel.");
  auto b = enc.Encode("Fuel taxes were increased by the government.");
  auto c = enc.Encode("A dog is playing in the snow.");
  CHECK(enc.Similarity(a, b).score > enc.Similarity(a, c).score);
  CHECK(enc.Similarity(a, b).cosine > enc.Similarity(a, c).cosine);
  fs::path stsb = fs::path(DIVERGE_SHARED_DATA) / "stsb" / "sts-dev.csv";
  if (!fs::exists(stsb)) {
    WARN("shared data absent: STS check skipped");
    return;
  }
  auto pairs = evaluation::ReadStsFile(stsb.string(), evaluation::StsFormat::kAuto);
  REQUIRE(pairs.ok());
  evaluation::StsResult r = evaluation::EvaluateSts(enc, *pairs);
  CHECK(r.n == 1500);
  CHECK(r.spearman > r.cosine_spearman);
  CHECK(r.spearman > 0.75);
}

TEST_CASE("pair features: views, overlaps and alignment behave on known pairs", "[embeddings]") {
  auto model = ToyModel();
  embeddings::SifEncoder enc(*model);
  auto index = [](std::string_view name) {
    for (int i = 0; i < embeddings::kNumSimilarityFeatures; ++i) {
      if (embeddings::kSimilarityFeatureNames[i] == name) return i;
    }
    FAIL("no feature " << name);
    return -1;
  };
  auto a = enc.Encode("The cat sat on the mat.");
  auto same = enc.Features(a, enc.Encode("the cat sat on the mat"));
  for (auto name : {"cosine_raw", "cosine_avg", "align_content_f1", "word_jaccard", "char3_jaccard",
                    "align_one2one_f1", "cosine_content", "content_min_best", "align_max"}) {
    CAPTURE(name);
    CHECK(same[index(name)] == Approx(1.0f).epsilon(1e-4));
  }
  CHECK(same[index("unmatched_terms")] == 0.0f);
  CHECK(same[index("negation_diff")] == 0.0f);
  // Repeating a word: the many-to-one alignment still finds every word, the
  // one-to-one matching cannot reuse the single "cat".
  auto rep = enc.Features(enc.Encode("cat cat cat"), enc.Encode("cat dog economy"));
  CHECK(rep[index("align_one2one_f1")] < rep[index("align_f1")]);
  auto other = enc.Features(a, enc.Encode("The economy grew."));
  CHECK(other[index("word_jaccard")] == Approx(1.0f / 7.0f));  // {the} of 7 distinct words
  CHECK(other[index("char3_jaccard")] < same[index("char3_jaccard")]);
  CHECK(other[index("unmatched_terms")] == Approx(std::log1p(5.0f)));  // cat sat mat economy grew
  CHECK(other[index("length_min")] == Approx(std::log(3.0f)));
  CHECK(other[index("length_max")] == Approx(std::log(6.0f)));
  CHECK(enc.Features(a, enc.Encode("The cat did not sit, never."))[index("negation_diff")] == 2.0f);
}

TEST_CASE("eval sts writes a feature table with one row per pair", "[embeddings][sts]") {
  auto model = ToyModel();
  embeddings::SifEncoder enc(*model);
  std::vector<evaluation::StsPair> pairs = {{"The cat sat.", "A dog ran.", 0.2},
                                            {"A cat.", "A cat.", 1.0}};
  std::string table;
  evaluation::StsResult r = evaluation::EvaluateSts(enc, pairs, &table);
  CHECK(r.n == 2);
  std::istringstream in(table);
  std::string header, row;
  std::getline(in, header);
  CHECK(header.rfind("gold\tscore\tcosine\t", 0) == 0);
  CHECK(std::count(header.begin(), header.end(), '\t') == embeddings::kNumSimilarityFeatures + 1);
  int rows = 0;
  while (std::getline(in, row)) {
    ++rows;
    CHECK(std::count(row.begin(), row.end(), '\t') == embeddings::kNumSimilarityFeatures + 1);
  }
  CHECK(rows == 2);
}
