#include "embeddings/embedding_model.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/stable_hash.h"
#include "embeddings/fasttext_adapter.h"
#include "embeddings/model_readers.h"

namespace diverge::embeddings {

std::string DefaultModelPath(const std::string& compiled_default) {
  const char* env = std::getenv("DIVERGE_MODEL");
  if (env && *env) return env;
  return compiled_default;
}

namespace {
std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

std::vector<float> EstimateCommonComponent(const RawVectors& raw, double sif_a) {
  const int64_t n = std::min<int64_t>(static_cast<int64_t>(raw.words.size()), 50000);
  const int d = raw.dims;
  if (n == 0 || d == 0) return {};
  const int64_t total = static_cast<int64_t>(raw.words.size());
  const double h = std::log(static_cast<double>(total)) + 0.5772156649;
  Eigen::MatrixXd x(n, d);
  for (int64_t i = 0; i < n; ++i) {
    double rank = raw.ranks.empty() ? i : raw.ranks[i];
    double p = 1.0 / ((rank + 1.0) * h);
    double w = sif_a / (sif_a + p) * std::sqrt(p);
    for (int k = 0; k < d; ++k) x(i, k) = w * raw.data[i * d + k];
  }
  Eigen::MatrixXd m = x.transpose() * x;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m);
  Eigen::VectorXd v = es.eigenvectors().col(d - 1);
  // Fix the sign so the result is deterministic: largest |component| positive.
  Eigen::Index arg;
  v.cwiseAbs().maxCoeff(&arg);
  if (v(arg) < 0) v = -v;
  std::vector<float> out(d);
  for (int k = 0; k < d; ++k) out[k] = static_cast<float>(v(k));
  return out;
}

Result<std::unique_ptr<EmbeddingModel>> EmbeddingModel::FromRaw(const RawVectors& raw,
                                                                const std::string& name) {
  auto image = BuildDvec(raw, EstimateCommonComponent(raw, 1e-3));
  if (!image.ok()) return Status(image.status());
  std::unique_ptr<EmbeddingModel> m(new EmbeddingModel());
  m->owned_ = std::move(*image);
  m->path_ = name;
  m->format_ = "raw";
  DIVERGE_RETURN_IF_ERROR(
      m->Attach(reinterpret_cast<const unsigned char*>(m->owned_.data()), m->owned_.size()));
  return m;
}

Result<std::unique_ptr<EmbeddingModel>> EmbeddingModel::Load(const std::string& path) {
  auto format = DetectModelFormat(path);
  if (!format.ok()) return format.status();
  if (*format == ModelFormat::kDvec) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::NotFound(path + ": cannot open model");
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      ::close(fd);
      return Status::IOError(path + ": cannot stat model");
    }
    uint64_t size = static_cast<uint64_t>(st.st_size);
    void* map = size ? ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
    ::close(fd);
    if (map == MAP_FAILED) return Status::IOError(path + ": cannot memory-map model");
    std::unique_ptr<EmbeddingModel> m(new EmbeddingModel());
    m->map_ = map;
    m->map_size_ = size;
    m->path_ = path;
    m->format_ = "dvec";
    DIVERGE_RETURN_IF_ERROR(m->Attach(static_cast<const unsigned char*>(map), size));
    return m;
  }
  Result<RawVectors> raw = Status::Internal("unset");
  std::unique_ptr<FastTextModel> ft;
  std::string format_name;
  if (*format == ModelFormat::kFastTextBin) {
    auto opened = FastTextModel::Open(path);
    if (!opened.ok()) return opened.status();
    ft = std::move(*opened);
    raw = ft->ExportWords();
    format_name = "fasttext-bin";
  } else if (*format == ModelFormat::kWinkJson) {
    raw = ReadWinkJson(path);
    format_name = "wink-json";
  } else {
    raw = ReadVecText(path);
    format_name = "vec";
  }
  if (!raw.ok()) return raw.status();
  auto m = FromRaw(*raw, path);
  if (!m.ok()) return Status::Corruption(path + ": " + m.status().message());
  (*m)->format_ = format_name;
  (*m)->fasttext_ = std::move(ft);
  return m;
}

Status EmbeddingModel::Attach(const unsigned char* data, uint64_t size) {
  auto h = ValidateDvec(data, size, path_);
  if (!h.ok()) return h.status();
  header_ = *h;
  base_ = data;
  scales_ = reinterpret_cast<const float*>(data + header_.scales_offset);
  norms_ = reinterpret_cast<const float*>(data + header_.norms_offset);
  ranks_ = reinterpret_cast<const uint32_t*>(data + header_.ranks_offset);
  vectors_ = reinterpret_cast<const int8_t*>(data + header_.vectors_offset);
  offsets_ = reinterpret_cast<const uint64_t*>(data + header_.offsets_offset);
  strings_ = reinterpret_cast<const char*>(data + header_.strings_offset);
  hash_ = reinterpret_cast<const uint32_t*>(data + header_.hash_offset);
  common_ = reinterpret_cast<const float*>(data + header_.common_offset);
  harmonic_ = std::log(static_cast<double>(std::max<uint64_t>(header_.count, 1))) + 0.5772156649;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(
                    StableHash(std::string_view(reinterpret_cast<const char*>(data), 128))));
  std::string base = BaseName(path_);
  const std::string ext = ".dvec";
  if (base.size() < ext.size() || base.compare(base.size() - ext.size(), ext.size(), ext) != 0) {
    size_t dot = base.find_last_of('.');
    base = (dot == std::string::npos || dot == 0 ? base : base.substr(0, dot)) + ext;
  }
  id_ = base + ":" + hex;
  return Status::Ok();
}

EmbeddingModel::~EmbeddingModel() {
  if (map_) ::munmap(map_, map_size_);
}

int32_t EmbeddingModel::Find(std::string_view word) const {
  const uint64_t mask = header_.hash_slots - 1;
  uint64_t s = StableHash(word) & mask;
  for (uint64_t probes = 0; probes <= mask; ++probes) {
    uint32_t e = hash_[s];
    if (e == 0) return -1;
    if (e <= header_.count && Word(static_cast<int32_t>(e - 1)) == word) {
      return static_cast<int32_t>(e - 1);
    }
    s = (s + 1) & mask;
  }
  return -1;
}

std::string_view EmbeddingModel::Word(int32_t i) const {
  return std::string_view(strings_ + offsets_[i], offsets_[i + 1] - offsets_[i]);
}

double EmbeddingModel::Probability(int32_t i) const {
  return 1.0 / ((static_cast<double>(ranks_[i]) + 1.0) * harmonic_);
}

void EmbeddingModel::Vector(int32_t i, float* out) const {
  const int d = dims();
  const int8_t* q = vectors_ + static_cast<uint64_t>(i) * d;
  const float s = scales_[i];
  for (int k = 0; k < d; ++k) out[k] = s * q[k];
}

void EmbeddingModel::AddVector(int32_t i, float weight, float* out) const {
  const int d = dims();
  const int8_t* q = vectors_ + static_cast<uint64_t>(i) * d;
  const float s = scales_[i] * weight;
  for (int k = 0; k < d; ++k) out[k] += s * q[k];
}

namespace {

// The dot product of two int8 rows. Integer sums are exact in any order, so the AVX2
// version (on machines that have it) gives the same value as the plain one; it is a hot
// spot of the learned pair score (word-by-word cosines).
int32_t DotInt8Plain(const int8_t* a, const int8_t* b, int d) {
  int32_t dot = 0;
  for (int k = 0; k < d; ++k) dot += int32_t{a[k]} * int32_t{b[k]};
  return dot;
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) int32_t DotInt8Avx2(const int8_t* a, const int8_t* b, int d) {
  __m256i acc = _mm256_setzero_si256();
  int k = 0;
  for (; k + 16 <= d; k += 16) {
    const __m256i x =
        _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + k)));
    const __m256i y =
        _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + k)));
    acc = _mm256_add_epi32(acc, _mm256_madd_epi16(x, y));  // int32 sums of int16 products: exact
  }
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return _mm_cvtsi128_si32(s) + DotInt8Plain(a + k, b + k, d - k);
}
#endif

int32_t DotInt8(const int8_t* a, const int8_t* b, int d) {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return DotInt8Avx2(a, b, d);
#endif
  return DotInt8Plain(a, b, d);
}

}  // namespace

float EmbeddingModel::Cosine(int32_t i, int32_t j) const {
  const int d = dims();
  const int8_t* a = vectors_ + static_cast<uint64_t>(i) * d;
  const int8_t* b = vectors_ + static_cast<uint64_t>(j) * d;
  const int32_t dot = DotInt8(a, b, d);
  float den = norms_[i] * norms_[j];
  return den > 0 ? dot * scales_[i] * scales_[j] / den : 0.0f;
}

bool EmbeddingModel::SubwordVector(std::string_view word, float* out) const {
  return fasttext_ && fasttext_->WordVector(word, out);
}

Status EmbeddingModel::Save(const std::string& path) const {
  return WriteFileAtomic(path,
                         std::string_view(reinterpret_cast<const char*>(base_), header_.file_size));
}

}  // namespace diverge::embeddings
