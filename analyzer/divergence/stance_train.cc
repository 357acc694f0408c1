#include "analyzer/divergence/stance_train.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "analyzer/base/stable_hash.h"

namespace diverge::divergence {
namespace {

using Examples = std::vector<const StanceExample*>;

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double F1() const { return tp == 0 ? 0 : 2.0 * double(tp) / double(2 * tp + fp + fn); }
};

// Fold of each example: groups ordered by a content hash, then dealt round-robin.
std::vector<int> GroupFolds(const Examples& ex, int folds) {
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

void Split(const Examples& ex, const std::vector<int>& fold, int k, Examples* train, Examples* test) {
  for (size_t i = 0; i < ex.size(); ++i) (fold[i] == k ? test : train)->push_back(ex[i]);
}

std::vector<StanceFeatures> Xs(const Examples& ex) {
  std::vector<StanceFeatures> x;
  for (const auto* e : ex) x.push_back(e->x);
  return x;
}
std::vector<StanceLabels> Ys(const Examples& ex) {
  std::vector<StanceLabels> y;
  for (const auto* e : ex) y.push_back(e->y);
  return y;
}

// The threshold maximising F1 over (probability, label) pairs.
double BestThreshold(std::vector<std::pair<double, bool>> scored, double* best_f1) {
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
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

// Chooses the refutes stage's parameters, tree count and threshold by grouped CV on `ex`;
// returns the model fitted on all of `ex` with them.
StanceModel Select(const Examples& ex, int folds, const StanceSearch& search, double* cv_f1) {
  std::vector<int> fold = GroupFolds(ex, folds);
  // out-of-fold probabilities per (candidate, checkpoint)
  size_t nc = search.refutes.size(), nk = search.checkpoints.size();
  std::vector<std::vector<std::pair<double, bool>>> scored(nc * nk);
  for (int k = 0; k < folds; ++k) {
    Examples train, test;
    Split(ex, fold, k, &train, &test);
    std::vector<StanceFeatures> x = Xs(train);
    std::vector<StanceLabels> y = Ys(train);
    StanceModel base;
    base.FitRelated(x, y, search.related);
    for (size_t c = 0; c < nc; ++c) {
      StanceModel m = base;
      m.FitRefutes(x, y, search.refutes[c]);
      for (size_t j = 0; j < nk; ++j) {
        for (const auto* e : test) {
          scored[c * nk + j].emplace_back(m.Probability(e->x, search.checkpoints[j]),
                                          e->y.refutes);
        }
      }
    }
  }
  double best_f1 = -1, best_thr = 0.5;
  size_t best_c = 0, best_j = 0;
  for (size_t c = 0; c < nc; ++c) {
    for (size_t j = 0; j < nk; ++j) {
      double f1 = 0;
      double thr = BestThreshold(scored[c * nk + j], &f1);
      if (f1 > best_f1) best_f1 = f1, best_thr = thr, best_c = c, best_j = j;
    }
  }
  BoostParams chosen = search.refutes[best_c];
  chosen.trees = std::min(chosen.trees, search.checkpoints[best_j]);
  StanceModel m;
  m.FitRelated(Xs(ex), Ys(ex), search.related);
  m.FitRefutes(Xs(ex), Ys(ex), chosen);
  m.threshold = best_thr;
  if (cv_f1) *cv_f1 = best_f1;
  return m;
}

}  // namespace

StanceSearch DefaultStanceSearch() {
  StanceSearch s;
  s.related.trees = 200;
  s.related.depth = 4;
  s.related.learning_rate = 0.1;
  for (int depth : {3, 5}) {
    for (double w : {1.0, 4.0}) {
      BoostParams p;
      p.trees = 400;
      p.depth = depth;
      p.learning_rate = 0.05;
      p.positive_weight = w;
      s.refutes.push_back(p);
    }
  }
  s.checkpoints = {100, 200, 400};
  return s;
}

StanceTrainResult TrainStance(const std::vector<StanceExample>& examples, int folds,
                              const StanceSearch& search) {
  StanceTrainResult r;
  Examples all;
  for (const auto& e : examples) all.push_back(&e);
  std::vector<int> fold = GroupFolds(all, folds);
  Counts total;
  size_t related_right = 0;
  for (int k = 0; k < folds; ++k) {
    Examples train, test;
    Split(all, fold, k, &train, &test);
    StanceModel m = Select(train, folds - 1, search, nullptr);
    Counts c;
    for (const auto* e : test) {
      bool flag = m.Refutes(e->x);
      if (flag && e->y.refutes) ++c.tp;
      if (flag && !e->y.refutes) ++c.fp;
      if (!flag && e->y.refutes) ++c.fn;
      auto& by = r.cv_by_label[e->label];
      ++by.first;
      by.second += flag;
      bool related = e->y.related || e->y.refutes;
      related_right += (m.RelatedProbability(e->x) >= 0.5) == related;
    }
    total.tp += c.tp, total.fp += c.fp, total.fn += c.fn;
    char line[200];
    std::snprintf(line, sizeof line,
                  "fold %d: %zu pairs, refutes depth %d weight %g trees %zu, threshold %.3f, "
                  "F1 %.4f\n",
                  k, test.size(), m.params.refutes.depth, m.params.refutes.positive_weight,
                  m.refute_trees(), m.threshold, c.F1());
    r.report += line;
  }
  r.cv_precision = total.tp + total.fp ? double(total.tp) / double(total.tp + total.fp) : 0;
  r.cv_recall = total.tp + total.fn ? double(total.tp) / double(total.tp + total.fn) : 0;
  r.cv_f1 = total.F1();
  r.cv_related_accuracy = all.empty() ? 0 : double(related_right) / double(all.size());
  r.model = Select(all, folds, search, nullptr);
  return r;
}

}  // namespace diverge::divergence
