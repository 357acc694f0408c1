// Cross-validation folds: which of k folds each item is held out in. Deterministic: the
// folds depend only on the items (their order or their group names), never on a seed.
#ifndef DIVERGE_LEARNING_FOLDS_H_
#define DIVERGE_LEARNING_FOLDS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace diverge::learning {

// Item i in fold i % k.
std::vector<int> InterleavedFolds(size_t n, int k);
// Grouped: every item of a group in one fold. Groups are ordered by a stable hash of
// their name (so neither input order nor name order decides) and dealt round robin.
std::vector<int> GroupedFolds(const std::vector<std::string>& groups, int k);

}  // namespace diverge::learning

#endif  // DIVERGE_LEARNING_FOLDS_H_
