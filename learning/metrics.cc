#include "learning/metrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace diverge::learning {
namespace {

double Ratio(int64_t num, int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

double BinaryCounts::precision() const { return Ratio(tp, tp + fp); }
double BinaryCounts::recall() const { return Ratio(tp, tp + fn); }
double BinaryCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double BinaryCounts::accuracy() const { return Ratio(tp + tn, tp + tn + fp + fn); }

BinaryCounts GroupPairCounts(const std::vector<int64_t>& predicted,
                             const std::vector<int64_t>& gold) {
  auto pairs = [](int64_t m) { return m * (m - 1) / 2; };
  std::map<int64_t, int64_t> in_predicted, in_gold;
  std::map<std::pair<int64_t, int64_t>, int64_t> in_both;
  for (size_t i = 0; i < predicted.size() && i < gold.size(); ++i) {
    ++in_predicted[predicted[i]];
    ++in_gold[gold[i]];
    ++in_both[{predicted[i], gold[i]}];
  }
  BinaryCounts c;
  for (const auto& [label, m] : in_both) c.tp += pairs(m);
  for (const auto& [label, m] : in_predicted) c.fp += pairs(m);
  for (const auto& [label, m] : in_gold) c.fn += pairs(m);
  c.fp -= c.tp;
  c.fn -= c.tp;
  return c;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = std::min(x.size(), y.size());
  if (n < 2) return 0.0;
  double mx = 0, my = 0;
  for (size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return 0.0;
  return sxy / std::sqrt(sxx * syy);
}

std::vector<double> AverageRanks(const std::vector<double>& x) {
  std::vector<size_t> idx(x.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t i = 0; i < idx.size();) {
    size_t j = i;
    while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
    double avg = (i + j) / 2.0 + 1.0;
    for (size_t k = i; k <= j; ++k) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

double Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  return Pearson(AverageRanks(x), AverageRanks(y));
}

double BestF1Threshold(std::vector<std::pair<double, bool>> scored, double* best_f1) {
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t positives = 0;
  for (const auto& s : scored) positives += s.second;
  size_t tp = 0;
  double best = 0, thr = 1.0;
  for (size_t i = 0; i < scored.size(); ++i) {
    tp += scored[i].second;
    if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first) continue;
    // F1 = 2 tp / (flagged + positives), flagged = i + 1
    double f1 = tp == 0 ? 0 : 2.0 * double(tp) / double(i + 1 + positives);
    if (f1 > best) {
      best = f1;
      thr = i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first;
    }
  }
  if (best_f1) *best_f1 = best;
  return thr;
}

}  // namespace diverge::learning
