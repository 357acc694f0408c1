// NumPy .npy (format version 1.0) writer for float32 matrices, C order.
#ifndef DIVERGE_EMBEDDINGS_NPY_WRITER_H_
#define DIVERGE_EMBEDDINGS_NPY_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/base/status.h"

namespace diverge::embeddings {

// The bytes of a .npy file holding `rows` x `cols` little-endian float32 values from
// `data` (row-major): "\x93NUMPY" 1 0, header length, the dict
// {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), } padded with spaces
// and a newline so the data starts at a multiple of 64 bytes.
std::string EncodeNpy(const float* data, int64_t rows, int64_t cols);

// Writes EncodeNpy(...) to `path` atomically.
Status WriteNpy(const std::string& path, const float* data, int64_t rows, int64_t cols);

// Path of the ids file beside a .npy: "dir/vectors.npy" -> "dir/vectors.ids.txt"
// (a path not ending in .npy just gets ".ids.txt" appended).
std::string IdsPathFor(const std::string& npy_path);

// Writes `vectors` (rows x cols, row-major) to `npy_path` and `ids` (one per line, in
// row order) to IdsPathFor(npy_path), both atomically. kInvalidArgument if the number of
// ids differs from rows; kIOError naming the file if a write fails.
Status WriteVectorsWithIds(const std::string& npy_path, const float* vectors, int64_t rows,
                           int64_t cols, const std::vector<std::string>& ids);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_NPY_WRITER_H_
