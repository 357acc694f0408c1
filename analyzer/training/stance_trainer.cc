#include "analyzer/training/stance_trainer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/base/atomic_file.h"
#include "analyzer/evaluation/pairs_eval.h"
#include "learning/folds.h"
#include "learning/metrics.h"
#include "learning/tree_fitting.h"

namespace diverge::training {
namespace {

using Examples = std::vector<const StanceExample*>;

std::vector<int> GroupFolds(const Examples& ex, int folds) {
  std::vector<std::string> groups;
  for (const auto* e : ex) groups.push_back(e->group);
  return learning::GroupedFolds(groups, folds);
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

// Stage 1: related (or refuting, which implies related) vs unrelated, on all examples.
learning::BoostedTrees FitRelated(const std::vector<StanceFeatures>& xs,
                                  const std::vector<StanceLabels>& y,
                                  const learning::TreeParams& p) {
  if (p.trees <= 0) return {};
  std::vector<bool> labels;
  for (const StanceLabels& l : y) labels.push_back(l.related || l.refutes);
  return learning::FitLogistic(
      learning::FeatureMatrix::FromRows(xs, size_t(divergence::kNumStanceFeatures)), labels, p);
}

// Stage 2: refutes vs not; behind a related stage, only the related examples teach it.
learning::BoostedTrees FitRefutes(const std::vector<StanceFeatures>& xs,
                                  const std::vector<StanceLabels>& y,
                                  const learning::TreeParams& p, bool behind_related) {
  std::vector<StanceFeatures> rows;
  std::vector<bool> labels;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (behind_related && !(y[i].related || y[i].refutes)) continue;
    rows.push_back(xs[i]);
    labels.push_back(y[i].refutes);
  }
  return learning::FitLogistic(
      learning::FeatureMatrix::FromRows(rows, size_t(divergence::kNumStanceFeatures)), labels, p);
}

// Chooses the refutes stage's parameters, tree count and threshold by grouped CV on `ex`;
// returns the model fitted on all of `ex` with them.
StanceModel Select(const Examples& ex, int folds, const StanceSearch& search) {
  std::vector<int> fold = GroupFolds(ex, folds);
  // out-of-fold probabilities per (candidate, checkpoint)
  size_t nc = search.refutes.size(), nk = search.checkpoints.size();
  std::vector<std::vector<std::pair<double, bool>>> scored(nc * nk);
  for (int k = 0; k < folds; ++k) {
    Examples train, test;
    Split(ex, fold, k, &train, &test);
    std::vector<StanceFeatures> x = Xs(train);
    std::vector<StanceLabels> y = Ys(train);
    const learning::BoostedTrees related = FitRelated(x, y, search.related);
    for (size_t c = 0; c < nc; ++c) {
      StanceModel m(related, FitRefutes(x, y, search.refutes[c], !related.empty()),
                    {search.related, search.refutes[c]});
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
      double thr = learning::BestF1Threshold(scored[c * nk + j], &f1);
      if (f1 > best_f1) best_f1 = f1, best_thr = thr, best_c = c, best_j = j;
    }
  }
  learning::TreeParams chosen = search.refutes[best_c];
  chosen.trees = std::min(chosen.trees, search.checkpoints[best_j]);
  StanceModel m = FitStance(Xs(ex), Ys(ex), {search.related, chosen});
  m.threshold = best_thr;
  return m;
}

// FNC-1 stance -> the model's two labels.
StanceLabels StanceLabelsOf(const std::string& stance) {
  return {stance != "unrelated", stance == "disagree"};
}

}  // namespace

StanceModel FitStance(const std::vector<StanceFeatures>& x, const std::vector<StanceLabels>& y,
                      const StanceParams& params) {
  learning::BoostedTrees related = FitRelated(x, y, params.related);
  learning::BoostedTrees refutes = FitRefutes(x, y, params.refutes, !related.empty());
  return StanceModel(std::move(related), std::move(refutes), params);
}

StanceSearch DefaultStanceSearch() {
  StanceSearch s;
  s.related.trees = 200;
  s.related.depth = 4;
  s.related.learning_rate = 0.1;
  for (int depth : {3, 5}) {
    for (double w : {1.0, 4.0}) {
      learning::TreeParams p;
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
  learning::BinaryCounts total;
  size_t related_right = 0;
  for (int k = 0; k < folds; ++k) {
    Examples train, test;
    Split(all, fold, k, &train, &test);
    StanceModel m = Select(train, folds - 1, search);
    learning::BinaryCounts c;
    for (const auto* e : test) {
      bool flag = m.Refutes(e->x);
      c.Add(flag, e->y.refutes);
      auto& by = r.cv_by_label[e->label];
      ++by.first;
      by.second += flag;
      bool related = e->y.related || e->y.refutes;
      related_right += (m.RelatedProbability(e->x) >= 0.5) == related;
    }
    total += c;
    char line[200];
    std::snprintf(line, sizeof line,
                  "fold %d: %zu pairs, refutes depth %d weight %g trees %zu, threshold %.3f, "
                  "F1 %.4f\n",
                  k, test.size(), m.params.refutes.depth, m.params.refutes.positive_weight,
                  m.refute_trees(), m.threshold, c.f1());
    r.report += line;
  }
  r.cv_precision = total.precision();
  r.cv_recall = total.recall();
  r.cv_f1 = total.f1();
  r.cv_related_accuracy = all.empty() ? 0 : double(related_right) / double(all.size());
  r.model = Select(all, folds, search);
  return r;
}

Result<StanceTrainResult> TrainStanceOnFiles(const std::vector<std::string>& files, int folds,
                                             const divergence::DetectOptions& options,
                                             const std::string& features_cache) {
  if (folds < 2) return Status::InvalidArgument("--folds must be at least 2");
  std::vector<StanceExample> examples;
  std::error_code ec;
  if (!features_cache.empty() && std::filesystem::is_regular_file(features_cache, ec)) {
    std::ifstream in(features_cache);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      StanceExample e;
      std::getline(ls, e.group, '\t');
      std::getline(ls, e.label, '\t');
      for (double& v : e.x) ls >> v;
      if (!ls) return Status::Corruption(features_cache + ": malformed line");
      e.y = StanceLabelsOf(e.label);
      examples.push_back(std::move(e));
    }
  } else {
    std::string cache;
    for (const std::string& f : files) {
      Result<std::vector<evaluation::LabelledPair>> pairs =
          evaluation::ReadLabelledPairs(f, evaluation::PairsFormat::kFnc1);
      if (!pairs.ok()) return pairs.status();
      for (evaluation::LabelledPair& p : *pairs) {
        StanceExample e;
        e.x = divergence::ClaimArticleFeatures(p.a, p.b, options);
        e.label = p.label;
        e.y = StanceLabelsOf(p.label);
        e.group = f + "#" + p.group;
        std::ostringstream line;
        line.precision(17);
        line << e.group << '\t' << e.label;
        for (double v : e.x) line << '\t' << v;
        cache += line.str() + "\n";
        examples.push_back(std::move(e));
      }
    }
    if (!features_cache.empty()) {
      Status st = WriteFileAtomic(features_cache, cache);
      if (!st.ok()) return st;
    }
  }
  if (examples.empty()) return Status::NotFound("no labelled pairs in the given files");
  return TrainStance(examples, folds, DefaultStanceSearch());
}

}  // namespace diverge::training
