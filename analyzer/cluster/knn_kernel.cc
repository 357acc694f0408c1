// Dot-product kernels: a small AVX2/FMA kernel chosen at run time when the CPU has it (the
// build itself stays baseline x86-64, so the binary runs anywhere), Eigen otherwise.
//
// The AVX2 block kernel is written by hand rather than compiling Eigen with -mavx2: Eigen
// templates instantiated with different instruction sets in one program would violate the
// one-definition rule (the linker keeps one copy).
#include <immintrin.h>

#include "analyzer/cluster/knn_internal.h"

namespace diverge::cluster {
namespace {

#if defined(__x86_64__) && defined(__GNUC__)
#define DIVERGE_CLUSTER_X86 1
bool CpuHasAvx2Fma() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
}
#else
bool CpuHasAvx2Fma() { return false; }
#endif

float ExactDotScalar(const float* a, const float* b, int dim) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int i = 0;
  for (; i + 4 <= dim; i += 4) {
    s0 += static_cast<double>(a[i]) * b[i];
    s1 += static_cast<double>(a[i + 1]) * b[i + 1];
    s2 += static_cast<double>(a[i + 2]) * b[i + 2];
    s3 += static_cast<double>(a[i + 3]) * b[i + 3];
  }
  for (; i < dim; ++i) s0 += static_cast<double>(a[i]) * b[i];
  return static_cast<float>((s0 + s1) + (s2 + s3));
}

#ifdef DIVERGE_CLUSTER_X86
// Everything up to the matching pop is compiled for AVX2/FMA and only called after
// CpuHasAvx2Fma(). (-Wpsabi: __m256 arguments of internal functions, not an ABI boundary.)
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
// Same lanes and order as ExactDotScalar; float*float products are exact in double, so
// fused or not, every step rounds identically: the results are bit-identical.
float ExactDotAvx2(const float* a, const float* b, int dim) {
  __m256d acc = _mm256_setzero_pd();
  int i = 0;
  for (; i + 4 <= dim; i += 4) {
    const __m256d x = _mm256_cvtps_pd(_mm_loadu_ps(a + i));
    const __m256d y = _mm256_cvtps_pd(_mm_loadu_ps(b + i));
    acc = _mm256_add_pd(acc, _mm256_mul_pd(x, y));
  }
  alignas(32) double lane[4];
  _mm256_store_pd(lane, acc);
  for (; i < dim; ++i) lane[0] += static_cast<double>(a[i]) * b[i];
  return static_cast<float>((lane[0] + lane[1]) + (lane[2] + lane[3]));
}

static inline __m128 Sum4(__m256 a0, __m256 a1, __m256 a2, __m256 a3) {
  const __m256 t = _mm256_hadd_ps(_mm256_hadd_ps(a0, a1), _mm256_hadd_ps(a2, a3));
  return _mm_add_ps(_mm256_castps256_ps128(t), _mm256_extractf128_ps(t, 1));
}

float DotAvx2(const float* a, const float* b, int d, __m256i mask, int full) {
  __m256 acc = _mm256_setzero_ps();
  for (int t = 0; t < full; t += 8) {
    acc = _mm256_fmadd_ps(_mm256_loadu_ps(a + t), _mm256_loadu_ps(b + t), acc);
  }
  if (full < d) {
    acc = _mm256_fmadd_ps(_mm256_maskload_ps(a + full, mask), _mm256_maskload_ps(b + full, mask),
                          acc);
  }
  const __m128 h = Sum4(acc, _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps());
  return _mm_cvtss_f32(h);
}

// s[i*m + j] = q_i . db_j with 3 x 4 register blocks (12 accumulators).
void DotBlockAvx2(const float* q, int64_t qn, const float* db, int64_t m, int d, float* s) {
  const int full = d & ~7;
  alignas(32) int32_t mask_bits[8];
  for (int t = 0; t < 8; ++t) mask_bits[t] = full + t < d ? -1 : 0;
  const __m256i mask = _mm256_load_si256(reinterpret_cast<const __m256i*>(mask_bits));
  const int64_t qb = qn - qn % 3, mb = m - m % 4;
  for (int64_t i = 0; i < qb; i += 3) {
    const float* q0 = q + i * d;
    const float* q1 = q0 + d;
    const float* q2 = q1 + d;
    for (int64_t j = 0; j < mb; j += 4) {
      const float* d0 = db + j * d;
      const float* d1 = d0 + d;
      const float* d2 = d1 + d;
      const float* d3 = d2 + d;
      __m256 a00 = _mm256_setzero_ps(), a01 = a00, a02 = a00, a03 = a00;
      __m256 a10 = a00, a11 = a00, a12 = a00, a13 = a00;
      __m256 a20 = a00, a21 = a00, a22 = a00, a23 = a00;
      auto step = [&](__m256 x0, __m256 x1, __m256 x2, __m256 y0, __m256 y1, __m256 y2, __m256 y3)
          __attribute__((always_inline)) {
        a00 = _mm256_fmadd_ps(x0, y0, a00);
        a01 = _mm256_fmadd_ps(x0, y1, a01);
        a02 = _mm256_fmadd_ps(x0, y2, a02);
        a03 = _mm256_fmadd_ps(x0, y3, a03);
        a10 = _mm256_fmadd_ps(x1, y0, a10);
        a11 = _mm256_fmadd_ps(x1, y1, a11);
        a12 = _mm256_fmadd_ps(x1, y2, a12);
        a13 = _mm256_fmadd_ps(x1, y3, a13);
        a20 = _mm256_fmadd_ps(x2, y0, a20);
        a21 = _mm256_fmadd_ps(x2, y1, a21);
        a22 = _mm256_fmadd_ps(x2, y2, a22);
        a23 = _mm256_fmadd_ps(x2, y3, a23);
      };
      for (int t = 0; t < full; t += 8) {
        step(_mm256_loadu_ps(q0 + t), _mm256_loadu_ps(q1 + t), _mm256_loadu_ps(q2 + t),
             _mm256_loadu_ps(d0 + t), _mm256_loadu_ps(d1 + t), _mm256_loadu_ps(d2 + t),
             _mm256_loadu_ps(d3 + t));
      }
      if (full < d) {
        step(_mm256_maskload_ps(q0 + full, mask), _mm256_maskload_ps(q1 + full, mask),
             _mm256_maskload_ps(q2 + full, mask), _mm256_maskload_ps(d0 + full, mask),
             _mm256_maskload_ps(d1 + full, mask), _mm256_maskload_ps(d2 + full, mask),
             _mm256_maskload_ps(d3 + full, mask));
      }
      _mm_storeu_ps(s + i * m + j, Sum4(a00, a01, a02, a03));
      _mm_storeu_ps(s + (i + 1) * m + j, Sum4(a10, a11, a12, a13));
      _mm_storeu_ps(s + (i + 2) * m + j, Sum4(a20, a21, a22, a23));
    }
  }
  // Edges: the last qn % 3 rows (all columns) and the last m % 4 columns (block rows).
  for (int64_t i = 0; i < qn; ++i) {
    for (int64_t j = i < qb ? mb : 0; j < m; ++j) {
      s[i * m + j] = DotAvx2(q + i * d, db + j * d, d, mask, full);
    }
  }
}
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif

}  // namespace

float ExactDot(const float* a, const float* b, int dim) {
#ifdef DIVERGE_CLUSTER_X86
  if (CpuHasAvx2Fma()) return ExactDotAvx2(a, b, dim);
#endif
  return ExactDotScalar(a, b, dim);
}

namespace knn_internal {

void DotBlock(const float* q, int64_t qn, const float* db, int64_t m, int d, float* s) {
  if (qn == 0 || m == 0) return;
#ifdef DIVERGE_CLUSTER_X86
  if (CpuHasAvx2Fma() && d > 0) {
    DotBlockAvx2(q, qn, db, m, d, s);
    return;
  }
#endif
  using Map = Eigen::Map<const RowMatrixXf>;
  Eigen::Map<RowMatrixXf>(s, qn, m).noalias() = Map(q, qn, d) * Map(db, m, d).transpose();
}

}  // namespace knn_internal
}  // namespace diverge::cluster
