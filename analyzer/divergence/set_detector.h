// Set detector: lists of names ("Russia, Armenia, Belarus and Kazakhstan": three or more
// capitalised items joined by commas and a final "and"/"or") compared as sets, and
// against stated counts ("six member states"). "In addition to X, ... A, B and C" (also
// "besides X", "along with X", "as well as X") adds X to the list. A count directly
// followed by a list (": A, B ...") is that list's count. Two lists are about the same
// set when they share at least half of their items; they diverge when they differ.
// A list and a bare count diverge when the list's statement names the count's referent
// ("member states") and the sizes differ. Names are compared through the NameResolver.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_SET_DETECTOR_H_
#define DIVERGE_ANALYZER_DIVERGENCE_SET_DETECTOR_H_

#include <string>
#include <vector>

#include "analyzer/divergence/finding.h"

namespace diverge::divergence {

struct ListItem {
  std::string text;  // as written ("Kyrgyzstan")
  std::string key;   // canonical, lowercased, without spaces and hyphens (Al-Haouz = Al Haouz)
  size_t begin = 0, end = 0;
};

struct NameList {
  std::vector<ListItem> items;  // in order, including an "in addition to" item
  size_t begin = 0, end = 0;    // byte range of the written list
  int stated_count = -1;        // count attached to the list, -1 if none
};

struct StatedCount {
  int value = 0;
  std::string referent;  // singular head noun
  size_t begin = 0, end = 0;
};

std::vector<NameList> FindNameLists(const Side& side, const DetectorContext& ctx);
// Integer counts >= 2 not attached to a list.
std::vector<StatedCount> FindBareCounts(const Side& side, const std::vector<NameList>& lists);

std::vector<Finding> DetectSet(const Side& a, const Side& b, const DetectorContext& ctx);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_SET_DETECTOR_H_
