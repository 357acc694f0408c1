#include "embeddings/fasttext_adapter.h"

#include <fasttext/fasttext.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <vector>

namespace diverge::embeddings {
namespace {

// Bounds-checked sequential reader over a file.
class BinReader {
 public:
  BinReader(std::FILE* f, uint64_t size) : f_(f), size_(size) {}
  template <typename T>
  bool Read(T* out) {
    if (pos_ + sizeof(T) > size_) return false;
    if (std::fread(out, sizeof(T), 1, f_) != 1) return false;
    pos_ += sizeof(T);
    return true;
  }
  // Skips a NUL-terminated string of at most max_len bytes.
  bool SkipCString(uint64_t max_len) {
    for (uint64_t i = 0; i <= max_len; ++i) {
      int c = std::fgetc(f_);
      if (c == EOF) return false;
      ++pos_;
      if (c == 0) return true;
    }
    return false;
  }
  bool Skip(uint64_t bytes) {
    if (bytes > size_ - pos_) return false;
    if (std::fseek(f_, static_cast<long>(bytes), SEEK_CUR) != 0) return false;
    pos_ += bytes;
    return true;
  }
  uint64_t pos() const { return pos_; }
  uint64_t size() const { return size_; }

 private:
  std::FILE* f_;
  uint64_t size_;
  uint64_t pos_ = 0;
};

Status Bad(const std::string& path, uint64_t at, const std::string& what) {
  return Status::Corruption(path + ": byte " + std::to_string(at) +
                            ": not a valid fastText .bin (" + what + ")");
}

}  // namespace

Status ValidateFastTextBin(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": cannot open fastText model");
  std::fseek(f, 0, SEEK_END);
  long end = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  struct Closer {
    std::FILE* f;
    ~Closer() { std::fclose(f); }
  } closer{f};
  BinReader r(f, end < 0 ? 0 : static_cast<uint64_t>(end));
  int32_t magic = 0, version = 0;
  if (!r.Read(&magic) || magic != kFastTextMagic) return Bad(path, 0, "bad magic number");
  if (!r.Read(&version) || version != kFastTextVersion) {
    return Bad(path, 4, "unsupported version " + std::to_string(version) + ", expected 12");
  }
  // Args: dim ws epoch minCount neg wordNgrams loss model bucket minn maxn lrUpdateRate t
  int32_t a[12];
  for (auto& x : a) {
    if (!r.Read(&x)) return Bad(path, r.pos(), "truncated arguments");
  }
  double t;
  if (!r.Read(&t)) return Bad(path, r.pos(), "truncated arguments");
  const int32_t dim = a[0], bucket = a[8];
  if (dim <= 0 || dim > 100000) return Bad(path, 8, "dimension " + std::to_string(dim));
  if (bucket < 0) return Bad(path, 40, "negative bucket count");
  // Dictionary.
  int32_t size = 0, nwords = 0, nlabels = 0;
  int64_t ntokens = 0, prune = 0;
  uint64_t dict_at = r.pos();
  if (!r.Read(&size) || !r.Read(&nwords) || !r.Read(&nlabels) || !r.Read(&ntokens) ||
      !r.Read(&prune)) {
    return Bad(path, dict_at, "truncated dictionary header");
  }
  if (size < 0 || nwords < 0 || nlabels < 0 || nwords + static_cast<int64_t>(nlabels) != size ||
      prune < -1 || static_cast<uint64_t>(size) > r.size() / 10) {
    return Bad(path, dict_at, "inconsistent dictionary sizes");
  }
  for (int32_t i = 0; i < size; ++i) {
    uint64_t at = r.pos();
    int64_t count;
    int8_t type;
    if (!r.SkipCString(1 << 16) || !r.Read(&count) || !r.Read(&type) || type < 0 || type > 1) {
      return Bad(path, at, "dictionary entry " + std::to_string(i));
    }
  }
  if (prune > 0 && !r.Skip(static_cast<uint64_t>(prune) * 8)) {
    return Bad(path, r.pos(), "truncated pruned-index table");
  }
  // Input and output matrices.
  for (int m = 0; m < 2; ++m) {
    uint64_t at = r.pos();
    uint8_t quant;  // a C++ bool on disk: read as a byte, any value but 0/1 is corrupt
    if (!r.Read(&quant)) return Bad(path, at, "truncated before matrix");
    if (quant > 1) return Bad(path, at, "bad quantization flag " + std::to_string(quant));
    if (quant) {
      return Status::Unsupported(path + ": quantized fastText models (.ftz) are not supported");
    }
    int64_t rows = 0, cols = 0;
    if (!r.Read(&rows) || !r.Read(&cols) || rows < 0 || cols < 0) {
      return Bad(path, at, "bad matrix shape");
    }
    if (m == 0 && (cols != dim || rows != nwords + static_cast<int64_t>(bucket))) {
      return Bad(path, at,
                 "input matrix is " + std::to_string(rows) + "x" + std::to_string(cols) +
                     ", expected " + std::to_string(nwords + static_cast<int64_t>(bucket)) + "x" +
                     std::to_string(dim));
    }
    if (m == 1 && cols != dim) return Bad(path, at, "output matrix has the wrong dimension");
    uint64_t bytes = static_cast<uint64_t>(rows) * static_cast<uint64_t>(cols) * 4;
    if (rows != 0 && bytes / static_cast<uint64_t>(rows) / 4 != static_cast<uint64_t>(cols)) {
      return Bad(path, at, "matrix size overflows");
    }
    if (!r.Skip(bytes)) {
      return Bad(path, at,
                 "matrix of " + std::to_string(bytes) + " bytes runs past the end (" +
                     std::to_string(r.size()) + " bytes); truncated?");
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<FastTextModel>> FastTextModel::Open(const std::string& path) {
  DIVERGE_RETURN_IF_ERROR(ValidateFastTextBin(path));
  std::unique_ptr<FastTextModel> m(new FastTextModel());
  m->path_ = path;
  try {
    m->ft_ = std::make_unique<fasttext::FastText>();
    m->ft_->loadModel(path);
  } catch (const std::exception& e) {
    return Status::Corruption(path + ": fastText could not load the model: " + e.what());
  } catch (...) {
    return Status::Corruption(path + ": fastText could not load the model");
  }
  return m;
}

FastTextModel::~FastTextModel() = default;

int FastTextModel::dims() const { return ft_->getDimension(); }

Result<RawVectors> FastTextModel::ExportWords() const {
  RawVectors raw;
  try {
    auto dict = ft_->getDictionary();
    raw.dims = ft_->getDimension();
    fasttext::Vector v(raw.dims);
    for (int32_t i = 0; i < dict->nwords(); ++i) {
      const std::string& w = dict->getWord(i);
      ft_->getWordVector(v, w);
      raw.words.push_back(w);
      raw.data.insert(raw.data.end(), v.data(), v.data() + raw.dims);
    }
  } catch (const std::exception& e) {
    return Status::Corruption(path_ + ": fastText failed while reading vectors: " + e.what());
  }
  return raw;
}

bool FastTextModel::WordVector(std::string_view word, float* out) const {
  try {
    fasttext::Vector v(ft_->getDimension());
    ft_->getWordVector(v, std::string(word));
    bool any = false;
    for (int64_t d = 0; d < v.size(); ++d) {
      out[d] = v[d];
      any = any || v[d] != 0.0f;
    }
    return any;
  } catch (...) {
    return false;
  }
}

}  // namespace diverge::embeddings
