// Average-linkage (UPGMA) agglomerative clustering over a sparse set of scored pairs.
#ifndef DIVERGE_ANALYZER_CLUSTER_AVERAGE_LINKAGE_H_
#define DIVERGE_ANALYZER_CLUSTER_AVERAGE_LINKAGE_H_

#include <cstdint>
#include <vector>

namespace diverge::cluster {

struct ScoredPair {
  int32_t a;  // item index, a != b; each unordered pair at most once
  int32_t b;
  float score;
  // By (a, b): the order of sorted pair lists (ClusterOptions::scored_out).
  bool operator<(const ScoredPair& o) const { return a != o.a ? a < o.a : b < o.b; }
};

// Clusters items 0..count-1. The linkage of clusters P and Q is the mean score over all
// |P|*|Q| cross pairs, pairs absent from `pairs` counting as `missing_score`. Starting from
// singletons, merges the pair of clusters with the highest linkage (ties: the pair of
// smallest item indices) while it is >= min_linkage. Item indices double as the
// tie-break order, so callers index items by a stable key to make the result independent
// of input order. Returns, per item, the smallest item index of its cluster.
// When missing_score < min_linkage, the connected components of the pairs scoring
// >= min_linkage are agglomerated separately (no cluster spans two: see the .cc), on up
// to `threads` threads; the result is that of one run over all items.
std::vector<int32_t> AverageLinkage(int32_t count, const std::vector<ScoredPair>& pairs,
                                    double missing_score, double min_linkage, int threads = 1);

}  // namespace diverge::cluster

#endif  // DIVERGE_ANALYZER_CLUSTER_AVERAGE_LINKAGE_H_
