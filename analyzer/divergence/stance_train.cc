#include "analyzer/divergence/stance_train.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analyzer/base/stable_hash.h"

namespace diverge::divergence {
namespace {

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double F1() const { return tp == 0 ? 0 : 2.0 * double(tp) / double(2 * tp + fp + fn); }
};

// Fold of each example: groups ordered by a content hash, then dealt round-robin.
std::vector<int> GroupFolds(const std::vector<const StanceExample*>& ex, int folds) {
  std::map<std::string, std::string> key;  // group -> hash key
  for (const auto* e : ex) key.emplace(e->group, "");
  std::vector<std::pair<std::string, std::string>> order;
  for (auto& [g, k] : key) order.emplace_back(MakeId("g", {g}), g);
  std::sort(order.begin(), order.end());
  std::map<std::string, int> fold_of;
  for (size_t i = 0; i < order.size(); ++i) fold_of[order[i].second] = int(i % size_t(folds));
  std::vector<int> out;
  for (const auto* e : ex) out.push_back(fold_of[e->group]);
  return out;
}

StanceModel FitOn(const std::vector<const StanceExample*>& ex, double lambda) {
  std::vector<StanceFeatures> x;
  std::vector<bool> y;
  for (const auto* e : ex) {
    x.push_back(e->x);
    y.push_back(e->refutes);
  }
  return StanceModel::Fit(x, y, lambda);
}

// The threshold maximising F1 over (probability, label) pairs.
double BestThreshold(std::vector<std::pair<double, bool>> scored, double* best_f1) {
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  size_t positives = 0;
  for (const auto& s : scored) positives += s.second;
  size_t tp = 0;
  double best = 0, thr = 1.0;
  for (size_t i = 0; i < scored.size(); ++i) {
    tp += scored[i].second;
    if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first) continue;
    double f1 = tp == 0 ? 0 : 2.0 * double(tp) / double(i + 1 + positives);
    if (f1 > best) {
      best = f1;
      thr = i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first;
    }
  }
  if (best_f1) *best_f1 = best;
  return thr;
}

// Chooses lambda and threshold by grouped CV on `ex`; returns the model fitted on all of
// `ex` with them.
StanceModel Select(const std::vector<const StanceExample*>& ex, int folds,
                   const std::vector<double>& lambdas, double* cv_f1) {
  std::vector<int> fold = GroupFolds(ex, folds);
  double best_f1 = -1, best_lambda = lambdas.front(), best_thr = 0.5;
  for (double lambda : lambdas) {
    std::vector<std::pair<double, bool>> scored;
    for (int k = 0; k < folds; ++k) {
      std::vector<const StanceExample*> train, test;
      for (size_t i = 0; i < ex.size(); ++i) (fold[i] == k ? test : train).push_back(ex[i]);
      StanceModel m = FitOn(train, lambda);
      for (const auto* e : test) scored.emplace_back(m.Probability(e->x), e->refutes);
    }
    double f1 = 0;
    double thr = BestThreshold(scored, &f1);
    if (f1 > best_f1) best_f1 = f1, best_lambda = lambda, best_thr = thr;
  }
  StanceModel m = FitOn(ex, best_lambda);
  m.threshold = best_thr;
  if (cv_f1) *cv_f1 = best_f1;
  return m;
}

}  // namespace

StanceTrainResult TrainStance(const std::vector<StanceExample>& examples, int folds,
                              const std::vector<double>& lambdas) {
  StanceTrainResult r;
  std::vector<const StanceExample*> all;
  for (const auto& e : examples) all.push_back(&e);
  std::vector<int> fold = GroupFolds(all, folds);
  Counts total;
  for (int k = 0; k < folds; ++k) {
    std::vector<const StanceExample*> train, test;
    for (size_t i = 0; i < all.size(); ++i) (fold[i] == k ? test : train).push_back(all[i]);
    StanceModel m = Select(train, folds - 1, lambdas, nullptr);
    Counts c;
    for (const auto* e : test) {
      bool flag = m.Refutes(e->x);
      if (flag && e->refutes) ++c.tp;
      if (flag && !e->refutes) ++c.fp;
      if (!flag && e->refutes) ++c.fn;
    }
    total.tp += c.tp, total.fp += c.fp, total.fn += c.fn;
    char line[160];
    std::snprintf(line, sizeof line, "fold %d: %zu pairs, lambda %g, threshold %.3f, F1 %.4f\n", k,
                  test.size(), m.lambda, m.threshold, c.F1());
    r.report += line;
  }
  r.cv_precision = total.tp + total.fp ? double(total.tp) / double(total.tp + total.fp) : 0;
  r.cv_recall = total.tp + total.fn ? double(total.tp) / double(total.tp + total.fn) : 0;
  r.cv_f1 = total.F1();
  r.model = Select(all, folds, lambdas, nullptr);
  return r;
}

}  // namespace diverge::divergence
