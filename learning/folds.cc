#include "learning/folds.h"

#include <algorithm>
#include <map>
#include <utility>

#include "analyzer/base/stable_hash.h"

namespace diverge::learning {

std::vector<int> InterleavedFolds(size_t n, int k) {
  std::vector<int> fold(n);
  for (size_t i = 0; i < n; ++i) fold[i] = int(i % size_t(k));
  return fold;
}

std::vector<int> GroupedFolds(const std::vector<std::string>& groups, int k) {
  std::map<std::string, int> fold_of;
  for (const std::string& g : groups) fold_of.emplace(g, 0);
  std::vector<std::pair<std::string, std::string>> order;  // (hash key, group)
  for (const auto& [g, fold] : fold_of) order.emplace_back(MakeId("g", {g}), g);
  std::sort(order.begin(), order.end());
  for (size_t i = 0; i < order.size(); ++i) fold_of[order[i].second] = int(i % size_t(k));
  std::vector<int> out;
  out.reserve(groups.size());
  for (const std::string& g : groups) out.push_back(fold_of[g]);
  return out;
}

}  // namespace diverge::learning
