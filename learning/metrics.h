// The metrics every evaluation and trainer reports: counts of a binary decision with
// precision, recall, F1 and accuracy (also over the item pairs of a grouping); Pearson
// and Spearman correlation; the threshold on a score that maximises F1. One definition
// each, so figures agree across commands.
#ifndef DIVERGE_LEARNING_METRICS_H_
#define DIVERGE_LEARNING_METRICS_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace diverge::learning {

// A binary decision against gold labels. Ratios with an empty denominator are 0.
struct BinaryCounts {
  int64_t tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool predicted, bool gold) {
    (predicted ? (gold ? tp : fp) : (gold ? fn : tn)) += 1;
  }
  BinaryCounts& operator+=(const BinaryCounts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, tn += o.tn;
    return *this;
  }
  int64_t predicted() const { return tp + fp; }
  int64_t positives() const { return tp + fn; }
  double precision() const;
  double recall() const;
  double f1() const;  // 2 P R / (P + R)
  double accuracy() const;
};

// A grouping judged by its pairs of items: a pair is predicted when both items carry one
// `predicted` label and gold when both carry one `gold` label (one label per item; sizes
// must match). tp, fp and fn count pairs; tn stays 0 (all other pairs). Linear: only the
// sizes of the groups and of their intersections count.
BinaryCounts GroupPairCounts(const std::vector<int64_t>& predicted,
                             const std::vector<int64_t>& gold);

// Pearson's r; 0 if fewer than 2 points or a constant input. Sizes must match.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);
// Ranks with ties given their average rank (1-based).
std::vector<double> AverageRanks(const std::vector<double>& x);
// Spearman's rho = Pearson of the average ranks.
double Spearman(const std::vector<double>& x, const std::vector<double>& y);

// Over (score, gold) pairs: the threshold t with the best F1 for "score >= t" (between
// two distinct scores, halfway; ties go to the higher threshold). `best_f1` receives it.
double BestF1Threshold(std::vector<std::pair<double, bool>> scored, double* best_f1);

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_METRICS_H_
