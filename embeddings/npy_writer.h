// NumPy .npy (format version 1.0) writer for float32 matrices, C order.
#ifndef DIVERGE_EMBEDDINGS_NPY_WRITER_H_
#define DIVERGE_EMBEDDINGS_NPY_WRITER_H_

#include <cstdint>
#include <string>

#include "analyzer/base/status.h"

namespace diverge {

// The bytes of a .npy file holding `rows` x `cols` little-endian float32 values from
// `data` (row-major): "\x93NUMPY" 1 0, header length, the dict
// {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), } padded with spaces
// and a newline so the data starts at a multiple of 64 bytes.
std::string EncodeNpy(const float* data, int64_t rows, int64_t cols);

// Writes EncodeNpy(...) to `path` atomically.
Status WriteNpy(const std::string& path, const float* data, int64_t rows, int64_t cols);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_NPY_WRITER_H_
