// .dvec: diverge's compact, memory-mapped word-vector format.
//
// Layout (little-endian, every section 64-byte aligned):
//   DvecHeader (128 bytes)   magic "DVEC\r\n\x1a\n", version, dims, count, section
//                            offsets, file size, FNV-1a hash of the header itself
//   scales   float[count]    per-row quantisation scale: x ~= scale * q
//   norms    float[count]    L2 norm of the dequantised row
//   ranks    uint32[count]   frequency rank of the word (0 = most frequent)
//   vectors  int8[count*dims]
//   offsets  uint64[count+1] word i = strings[offsets[i], offsets[i+1])
//   strings  bytes           UTF-8 words, concatenated
//   hash     uint32[slots]   open addressing (linear probing) on FNV-1a-64 of the word,
//                            slot value = index + 1, 0 = empty; slots is a power of two
//   common   float[dims]     the common component removed from SIF sentence vectors
//                            (unit vector or all zeros)
// Opening validates the header hash, the file size, every section's bounds and the
// offsets table, so a truncated or corrupt file is a Status, never a crash.
#ifndef DIVERGE_EMBEDDINGS_DVEC_FORMAT_H_
#define DIVERGE_EMBEDDINGS_DVEC_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::embeddings {

inline constexpr char kDvecMagic[8] = {'D', 'V', 'E', 'C', '\r', '\n', '\x1a', '\n'};
inline constexpr uint32_t kDvecVersion = 1;

struct DvecHeader {
  char magic[8];
  uint32_t version;
  uint32_t dims;
  uint64_t count;
  uint64_t file_size;
  uint64_t scales_offset;
  uint64_t norms_offset;
  uint64_t ranks_offset;
  uint64_t vectors_offset;
  uint64_t offsets_offset;
  uint64_t strings_offset;
  uint64_t strings_size;
  uint64_t hash_offset;
  uint64_t hash_slots;
  uint64_t common_offset;
  uint64_t reserved[1];
  uint64_t header_hash;  // FNV-1a-64 of the 120 bytes before this field
};
static_assert(sizeof(DvecHeader) == 128);

// A model in plain floats, as read from a source file: words in file order (which is
// frequency order for GloVe, wink and fastText), `data` row-major count x dims.
struct RawVectors {
  int dims = 0;
  std::vector<std::string> words;
  std::vector<float> data;
  std::vector<uint32_t> ranks;  // empty: rank = index
};

// Serialises `raw` (quantised to int8 with a per-row scale) with the common component
// `common` (dims floats, or empty for none) into the bytes of a .dvec file.
// kInvalidArgument if sizes disagree or a word is duplicated/empty.
Result<std::string> BuildDvec(const RawVectors& raw, const std::vector<float>& common);

// Validates the bytes of a .dvec image (`name` is used in messages). On success the
// returned header is a copy of the validated header.
Result<DvecHeader> ValidateDvec(const unsigned char* data, uint64_t size, const std::string& name);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_DVEC_FORMAT_H_
