#include "analyzer/divergence/affiliations.h"

#include <algorithm>
#include <array>

#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

bool IsTitleWord(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kTitles = {
      "head",           "chairman",   "chairwoman",  "chair",        "chief",
      "president",      "spokesman",  "spokeswoman", "spokesperson", "director",
      "secretary",      "minister",   "leader",      "commander",    "member",
      "representative", "ambassador", "envoy",       "general",      "deputy"};
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

bool IsNameWord(const text::Token& t) {
  return t.IsWord() && t.cap && !text::IsFunctionWord(t.lower);
}

}  // namespace

void Affiliations::Link(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return;
  links_.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
}

void Affiliations::Add(const std::vector<text::Token>& t, const Canonicalizer& canonical) {
  // Runs of capitalised words, as [begin, end) token ranges.
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t i = 0; i < t.size();) {
    if (!IsNameWord(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && IsNameWord(t[j])) ++j;
    runs.emplace_back(i, j);
    i = j;
  }
  // Keys of the run words, computed once each.
  std::vector<std::string> keys(t.size());
  for (const auto& [b, e] : runs) {
    for (size_t k = b; k < e; ++k) keys[k] = canonical(t[k].text);
  }
  for (const auto& [b, e] : runs) {
    for (size_t x = b; x < e; ++x) {
      for (size_t y = x + 1; y < e; ++y) Link(keys[x], keys[y]);
    }
  }
  // "<name>, [the] <title> of [the] <name>"
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    size_t k = runs[r].second;
    if (k >= t.size() || !t[k].IsPunct(",")) continue;
    ++k;
    if (k < t.size() && t[k].lower == "the") ++k;
    if (k >= t.size() || !IsTitleWord(t[k].lower)) continue;
    ++k;
    if (k >= t.size() || t[k].lower != "of") continue;
    ++k;
    if (k < t.size() && t[k].lower == "the") ++k;
    // the body's run (a capitalised title is a run of its own before it)
    auto body = std::find_if(runs.begin() + static_cast<std::ptrdiff_t>(r) + 1, runs.end(),
                             [&](const auto& run) { return run.first == k; });
    if (body == runs.end()) continue;
    const std::string& person = keys[runs[r].second - 1];
    for (size_t y = body->first; y < body->second; ++y) Link(person, keys[y]);
  }
}

bool Affiliations::Linked(std::string_view a, std::string_view b) const {
  if (a > b) std::swap(a, b);
  return links_.count(std::make_pair(std::string(a), std::string(b))) > 0;
}

}  // namespace diverge::divergence
