// Adapter around Debian's libfasttext. fastText's loader trusts its input (a bad size
// makes it allocate or read out of bounds), so Open() first walks the .bin structure
// (magic, version, args, dictionary, matrix sizes) against the file size, then loads
// it with every fastText exception caught and turned into a Status naming the file.
#ifndef DIVERGE_EMBEDDINGS_FASTTEXT_ADAPTER_H_
#define DIVERGE_EMBEDDINGS_FASTTEXT_ADAPTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analyzer/base/result.h"
#include "embeddings/dvec_format.h"

namespace fasttext {
class FastText;
}

namespace diverge::embeddings {

inline constexpr int32_t kFastTextMagic = 793712314;
inline constexpr int32_t kFastTextVersion = 12;

// Checks the structure of a fastText .bin file without loading it.
Status ValidateFastTextBin(const std::string& path);

class FastTextModel {
 public:
  static Result<std::unique_ptr<FastTextModel>> Open(const std::string& path);
  ~FastTextModel();
  int dims() const;
  // The in-vocabulary words (labels excluded) and their fastText word vectors.
  Result<RawVectors> ExportWords() const;
  // fastText's vector for any word (subword n-grams); false if it is all zeros.
  bool WordVector(std::string_view word, float* out) const;

 private:
  FastTextModel() = default;
  std::unique_ptr<fasttext::FastText> ft_;
  std::string path_;
};

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_FASTTEXT_ADAPTER_H_
