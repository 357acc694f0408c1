#include "bench/synthetic_rows.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace diverge::bench {

SyntheticRows MakeSyntheticRows(const SyntheticSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  std::normal_distribution<float> gauss(0.f, 1.f);
  std::uniform_int_distribution<int> doc_of(0, std::max(1, spec.documents) - 1);
  std::uniform_int_distribution<int> size_of(2, std::max(2, spec.max_group_size));
  const int d = spec.dim;
  SyntheticRows out;
  out.x.resize(spec.rows, d);
  out.doc.resize(spec.rows);
  out.group.assign(spec.rows, -1);
  Eigen::RowVectorXf common(d), centre(d), v(d);
  for (int j = 0; j < d; ++j) common(j) = gauss(rng);
  common.normalize();
  auto random_unit = [&](Eigen::RowVectorXf& u) {
    for (int j = 0; j < d; ++j) u(j) = gauss(rng);
    u.normalize();
    if (spec.common != 0.f) u = (u + spec.common * common).normalized();
  };
  const float noise = spec.noise / std::sqrt(static_cast<float>(d));
  const int64_t grouped = static_cast<int64_t>(spec.grouped_fraction * spec.rows);
  int64_t r = 0;
  int32_t g = 0;
  std::vector<int> docs;
  while (r < grouped) {
    random_unit(centre);
    const int m = static_cast<int>(std::min<int64_t>(size_of(rng), spec.rows - r));
    docs.clear();
    for (int i = 0; i < m; ++i, ++r) {
      int doc = doc_of(rng);
      while (std::find(docs.begin(), docs.end(), doc) != docs.end() &&
             static_cast<int>(docs.size()) < spec.documents) {
        doc = (doc + 1) % spec.documents;
      }
      docs.push_back(doc);
      for (int j = 0; j < d; ++j) v(j) = centre(j) + noise * gauss(rng);
      out.x.row(r) = v.normalized();
      out.doc[r] = doc;
      out.group[r] = g;
    }
    ++g;
  }
  for (; r < spec.rows; ++r) {
    random_unit(v);
    out.x.row(r) = v;
    out.doc[r] = doc_of(rng);
  }
  return out;
}

}  // namespace diverge::bench
