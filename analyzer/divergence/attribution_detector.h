// Attribution detector: who says or does the act. Agents are capitalised names in
// "according to X", "X said/told/declared/...", "said X", and "<verb>ed by X"; titles
// are stripped and names compared by their canonical last token (so "Nikolai Bordyuzha"
// and "Bordyuzha" are one agent, and transliteration variants too). Two statements
// about the same thing (content overlap) with agents on both sides and none in common
// diverge. Pronouns and common nouns ("the official") are not agents, nor is the
// statement's own outlet ("..., NDTV has learned" in an NDTV article).
#ifndef DIVERGE_ANALYZER_DIVERGENCE_ATTRIBUTION_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_ATTRIBUTION_DETECTOR_H_

#include <string>
#include <vector>

#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

struct Agent {
  std::string key;  // canonical last token, lowercased
  size_t begin = 0, end = 0;
};

// The key agents are compared by (Agent::key): the name resolver's canonical form of a
// name token, lowercased. Affiliations (affiliations.h) are recorded under the same keys.
std::string AgentKey(const DetectorContext& ctx, std::string_view word);

std::vector<Agent> FindAgents(const Side& side, const DetectorContext& ctx);

std::vector<Finding> DetectAttribution(const Side& a, const Side& b, const DetectorContext& ctx,
                                       double min_overlap);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_ATTRIBUTION_DETECTOR_H_
