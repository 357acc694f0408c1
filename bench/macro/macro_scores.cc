#include "bench/macro/macro_scores.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "learning/metrics.h"

namespace diverge::bench {
namespace {

int32_t RowOf(const std::optional<std::string>& statement) {
  if (!statement || statement->rfind("s-", 0) != 0) return -1;
  return static_cast<int32_t>(std::stol(statement->substr(2)));
}

}  // namespace

nlohmann::json PairCounts::ToJson() const {
  learning::BinaryCounts c;  // over pairs of rows: same cluster vs same planted group
  c.tp = both;
  c.fp = predicted_pairs - both;
  c.fn = true_pairs - both;
  return {{"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()},
          {"true_pairs", true_pairs},
          {"predicted_pairs", predicted_pairs},
          {"correct_pairs", both}};
}

PairCounts PairwiseAgreement(const std::vector<std::vector<int32_t>>& clusters,
                             const std::vector<int64_t>& group) {
  // A row in no cluster is alone: its own label past the clusters'.
  std::vector<int64_t> label(group.size());
  for (size_t r = 0; r < label.size(); ++r) label[r] = static_cast<int64_t>(clusters.size() + r);
  for (size_t k = 0; k < clusters.size(); ++k) {
    for (int32_t r : clusters[k]) label[r] = static_cast<int64_t>(k);
  }
  const learning::BinaryCounts b = learning::GroupPairCounts(label, group);
  PairCounts c;
  c.both = b.tp;
  c.predicted_pairs = b.tp + b.fp;
  c.true_pairs = b.tp + b.fn;
  return c;
}

double KnnRecallAtK(const RowMatrixXf& x, const cluster::KnnGraph& graph, int queries) {
  const int64_t n = x.rows();
  const int k = graph.k;
  queries = static_cast<int>(std::min<int64_t>(queries, n));
  if (queries <= 0 || n <= k) return 1.0;
  std::vector<int32_t> q(queries);
  for (int i = 0; i < queries; ++i) q[i] = static_cast<int32_t>((n * i) / queries);
  RowMatrixXf qm(queries, x.cols());
  for (int i = 0; i < queries; ++i) qm.row(i) = x.row(q[i]);
  // Per query: the k best exact similarities to other rows (min-heap of size k).
  std::vector<std::vector<float>> best(queries);
  const int64_t block = 16384;
  for (int64_t b0 = 0; b0 < n; b0 += block) {
    int64_t bn = std::min(block, n - b0);
    // bn x queries, column-major: each query's scores are contiguous.
    Eigen::MatrixXf s = x.middleRows(b0, bn) * qm.transpose();
    for (int i = 0; i < queries; ++i) {
      auto& h = best[i];
      const float* col = s.col(i).data();
      for (int64_t j = 0; j < bn; ++j) {
        if (b0 + j == q[i]) continue;
        float v = col[j];
        if (static_cast<int>(h.size()) < k) {
          h.push_back(v);
          std::push_heap(h.begin(), h.end(), std::greater<float>());
        } else if (v > h.front()) {
          std::pop_heap(h.begin(), h.end(), std::greater<float>());
          h.back() = v;
          std::push_heap(h.begin(), h.end(), std::greater<float>());
        }
      }
    }
  }
  double sum = 0;
  for (int i = 0; i < queries; ++i) {
    float kth = best[i].front() - 1e-5f;  // GEMM vs cluster::ExactDot rounding
    int hit = 0;
    for (const cluster::Neighbor& nb : graph.row(q[i])) {
      if (nb.id >= 0 && nb.sim >= kth) ++hit;
    }
    sum += std::min(1.0, static_cast<double>(hit) / k);
  }
  return sum / queries;
}

nlohmann::json DivergenceRecall(const SyntheticCorpus& corpus,
                                const std::vector<std::vector<int32_t>>& clusters,
                                const std::vector<report::Divergence>& detected,
                                const std::vector<report::Divergence>* reported,
                                const std::vector<bool>& matched,
                                std::vector<nlohmann::json>* cases) {
  std::unordered_map<int32_t, size_t> cluster_of;
  for (size_t c = 0; c < clusters.size(); ++c) {
    for (int32_t r : clusters[c]) cluster_of[r] = c;
  }
  auto clustered = [&](int32_t row) {
    auto it = cluster_of.find(row);
    if (it == cluster_of.end()) return false;
    for (int32_t r : clusters[it->second]) {
      if (r != row && corpus.group[r] == corpus.group[row]) return true;
    }
    return false;
  };
  auto is_matched = [&](int32_t row) { return matched.empty() || matched[row]; };
  std::unordered_map<int64_t, std::vector<int32_t>> rows_of_group;
  for (const InjectedDivergence& inj : corpus.injected) rows_of_group[corpus.group[inj.changed]];
  for (size_t r = 0; r < corpus.group.size(); ++r) {
    if (auto it = rows_of_group.find(corpus.group[r]); it != rows_of_group.end()) {
      it->second.push_back(static_cast<int32_t>(r));
    }
  }
  // (row, kind) of every divergence between two rows of one planted group.
  using Hits = std::set<std::pair<int32_t, report::DivergenceKind>>;
  auto hits_of = [&](const std::vector<report::Divergence>& list) {
    Hits hits;
    for (const report::Divergence& d : list) {
      int32_t a = RowOf(d.a.statement), b = RowOf(d.b.statement);
      if (a < 0 || b < 0 || corpus.group[a] != corpus.group[b]) continue;
      hits.insert({a, d.kind});
      hits.insert({b, d.kind});
    }
    return hits;
  };
  const Hits hits = hits_of(detected);
  const Hits reported_hits = reported ? hits_of(*reported) : hits;
  struct Tally {
    int64_t injected = 0, clustered = 0, found = 0, found_in_report = 0;
    std::map<std::string, int64_t> outcomes;
  };
  std::map<std::string, Tally> by_kind;
  Tally all;
  for (const InjectedDivergence& inj : corpus.injected) {
    const bool ok = hits.count({inj.changed, inj.kind}) > 0;
    const bool in_report = reported_hits.count({inj.changed, inj.kind}) > 0;
    const bool in = clustered(inj.changed);
    bool others_matched = false;
    for (int32_t r : rows_of_group[corpus.group[inj.changed]]) {
      others_matched |= r != inj.changed && is_matched(r);
    }
    std::vector<std::string> flagged;
    for (auto it = hits.lower_bound({inj.changed, report::DivergenceKind{}});
         it != hits.end() && it->first == inj.changed; ++it) {
      flagged.emplace_back(report::KindName(it->second));
    }
    const char* outcome = ok                                            ? "found"
                          : !is_matched(inj.changed) || !others_matched ? "unmatched"
                          : !in                                         ? "not_clustered"
                          : !flagged.empty()                            ? "other_kind"
                                                                        : "missed";
    const std::string kind(report::KindName(inj.kind));
    for (Tally* t : {&all, &by_kind[kind]}) {
      ++t->injected;
      t->clustered += in;
      t->found += ok;
      t->found_in_report += in_report;
      ++t->outcomes[outcome];
    }
    if (cases) {
      auto it = cluster_of.find(inj.changed);
      auto jt = cluster_of.find(inj.base);
      const bool with_base =
          it != cluster_of.end() && jt != cluster_of.end() && it->second == jt->second;
      // Two other rows of the group share a cluster: the group was found, the changed
      // row left out of it.
      bool others_clustered = false;
      for (int32_t r : rows_of_group[corpus.group[inj.changed]]) {
        others_clustered |=
            r != inj.changed && clustered(r) &&
            !(cluster_of.count(inj.changed) && cluster_of[inj.changed] == cluster_of[r]);
      }
      cases->push_back({{"kind", kind},
                        {"outcome", outcome},
                        {"with_base", with_base},
                        {"group_clustered_without", others_clustered},
                        {"base", corpus.text[inj.base]},
                        {"changed", corpus.text[inj.changed]},
                        {"flagged_kinds", flagged}});
    }
  }
  auto ratio = [](int64_t a, int64_t b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  // Control: how often a row of a planted group without an injected divergence shares a
  // cluster with its group, against which "clustered" / "injected" tells whether the
  // injected change itself kept rows out of their claims.
  std::unordered_map<int64_t, int32_t> group_size;
  for (int64_t g : corpus.group) ++group_size[g];
  int64_t control_rows = 0, control_clustered = 0;
  for (size_t r = 0; r < corpus.group.size(); ++r) {
    const int64_t g = corpus.group[r];
    if (group_size[g] < 2 || rows_of_group.count(g)) continue;
    if (!is_matched(static_cast<int32_t>(r))) continue;
    ++control_rows;
    control_clustered += clustered(static_cast<int32_t>(r));
  }
  nlohmann::json kinds = nlohmann::json::object();
  for (auto& [name, t] : by_kind) {
    kinds[name] = {{"injected", t.injected},
                   {"clustered", t.clustered},
                   {"found", t.found},
                   {"found_in_report", t.found_in_report},
                   {"recall", ratio(t.found, t.injected)},
                   {"outcomes", t.outcomes}};
  }
  return {{"injected", all.injected},
          {"clustered", all.clustered},
          {"found", all.found},
          {"found_in_report", all.found_in_report},
          {"recall", ratio(all.found, all.injected)},
          {"recall_if_clustered", ratio(all.found, all.clustered)},
          {"clustered_rate", ratio(all.clustered, all.injected)},
          {"control_clustered_rate", ratio(control_clustered, control_rows)},
          {"outcomes", all.outcomes},
          {"by_kind", kinds},
          {"flagged_total", detected.size()}};
}

}  // namespace diverge::bench
