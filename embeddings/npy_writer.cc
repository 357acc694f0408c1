#include "embeddings/npy_writer.h"

#include <cstring>

#include "analyzer/base/atomic_file.h"

namespace diverge::embeddings {

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

std::string IdsPathFor(const std::string& npy_path) {
  const std::string ext = ".npy";
  if (npy_path.size() >= ext.size() &&
      npy_path.compare(npy_path.size() - ext.size(), ext.size(), ext) == 0) {
    return npy_path.substr(0, npy_path.size() - ext.size()) + ".ids.txt";
  }
  return npy_path + ".ids.txt";
}

Status WriteVectorsWithIds(const std::string& npy_path, const float* vectors, int64_t rows,
                           int64_t cols, const std::vector<std::string>& ids) {
  if (static_cast<int64_t>(ids.size()) != rows) {
    return Status::InvalidArgument(npy_path + ": " + std::to_string(ids.size()) + " ids for " +
                                   std::to_string(rows) + " vectors");
  }
  std::string lines;
  for (const auto& id : ids) lines += id + "\n";
  DIVERGE_RETURN_IF_ERROR(WriteNpy(npy_path, vectors, rows, cols));
  return WriteFileAtomic(IdsPathFor(npy_path), lines);
}

}  // namespace diverge::embeddings
