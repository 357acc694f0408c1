// Correlation statistics for evaluation.
#ifndef DIVERGE_EMBEDDINGS_STATS_H_
#define DIVERGE_EMBEDDINGS_STATS_H_

#include <vector>

namespace diverge {

// Pearson's r; 0 if fewer than 2 points or a constant input. Sizes must match.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);
// Ranks with ties given their average rank (1-based).
std::vector<double> AverageRanks(const std::vector<double>& x);
// Spearman's rho = Pearson of the average ranks.
double Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace diverge

#endif  // DIVERGE_EMBEDDINGS_STATS_H_
