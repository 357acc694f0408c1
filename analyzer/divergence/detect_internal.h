// Pieces shared by corpus detection (detect.cc) and pairwise mode (compare_pair.cc); not
// part of the module's interface.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_DETECT_INTERNAL_H_
#define DIVERGE_ANALYZER_DIVERGENCE_DETECT_INTERNAL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/divergence/detect.h"
#include "analyzer/divergence/finding.h"
#include "analyzer/divergence/temporal.h"
#include "analyzer/divergence/wordnet.h"
#include "analyzer/text/dates.h"

namespace diverge::divergence::internal {

// The WordNet of `dir` ("" = the default one), loaded once; nullptr when missing.
const WordNet* WordNetFor(const std::string& dir);
std::optional<text::PartialDate> ParseDate(const std::optional<std::string>& s);
// Every pairwise detector on (a, b).
std::vector<Finding> RunPairDetectors(const Side& a, const Side& b, const DetectorContext& ctx,
                                      const DetectOptions& o);
// "outlet (doc, date)" naming a side in explanations.
std::string SideLabel(const Side& s);
// A report divergence from a finding between statements `stmt_a` and `stmt_b`.
report::Divergence MakeDivergence(const Finding& f, const Side& a, const Side& b,
                                  const std::string& stmt_a, const std::string& stmt_b,
                                  const std::string& cluster, const ChangeIndex* changes,
                                  const DetectOptions& o);
// Drops low scores and duplicates, keeps at most `max_flags`, the strongest of each kind
// and claim in turn (detect.cc), counts those cut per kind in *cut, sorts by id.
// `values`: divergence id -> the two numbers a numeric flag compares (detect.cc's
// ValueKey), so that one disagreement between two outlets is one flag however each
// sentence writes the numbers.
std::vector<report::Divergence> Finalize(
    std::vector<report::Divergence> all, const DetectOptions& o,
    const std::map<std::string, std::string>& stmt_doc,
    std::map<std::string, int64_t>* cut = nullptr,
    const std::map<std::string, std::pair<std::string, std::string>>& values = {});
// A compared number as a dedup key for Finalize: equal keys exactly for equal values.
std::string ValueKey(double v);

}  // namespace diverge::divergence::internal

#endif  // DIVERGE_ANALYZER_DIVERGENCE_DETECT_INTERNAL_H_
