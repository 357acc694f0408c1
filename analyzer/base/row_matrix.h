// RowMatrixXf: rows of float vectors (sentence vectors, kNN inputs), row-major so that a
// row is contiguous. The one matrix type the encoder produces and the clustering reads.
#ifndef DIVERGE_ANALYZER_BASE_ROW_MATRIX_H_
#define DIVERGE_ANALYZER_BASE_ROW_MATRIX_H_

#include <Eigen/Core>

namespace diverge {

using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_ROW_MATRIX_H_
