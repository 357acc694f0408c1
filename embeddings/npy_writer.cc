#include "embeddings/npy_writer.h"

#include <cstring>

#include "analyzer/base/atomic_file.h"

namespace diverge {

std::string EncodeNpy(const float* data, int64_t rows, int64_t cols) {
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(rows) +
                     ", " + std::to_string(cols) + "), }";
  const size_t preamble = 10;  // magic(6) + version(2) + header length(2)
  size_t total = preamble + dict.size() + 1;
  size_t padded = (total + 63) / 64 * 64;
  dict.append(padded - total, ' ');
  dict.push_back('\n');
  std::string out = "\x93NUMPY";
  out.push_back('\x01');
  out.push_back('\x00');
  uint16_t len = static_cast<uint16_t>(dict.size());
  out.push_back(static_cast<char>(len & 0xff));
  out.push_back(static_cast<char>(len >> 8));
  out += dict;
  size_t bytes = static_cast<size_t>(rows * cols) * sizeof(float);
  size_t at = out.size();
  out.resize(at + bytes);
  if (bytes) std::memcpy(out.data() + at, data, bytes);  // x86/ARM: little-endian hosts
  return out;
}

Status WriteNpy(const std::string& path, const float* data, int64_t rows, int64_t cols) {
  return WriteFileAtomic(path, EncodeNpy(data, rows, cols));
}

}  // namespace diverge
