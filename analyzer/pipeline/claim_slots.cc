#include "analyzer/pipeline/claim_slots.h"

#include <algorithm>
#include <array>

#include "analyzer/divergence/names.h"
#include "analyzer/ingest/figure_clauses.h"
#include "embeddings/tokenizer.h"

namespace diverge::pipeline {
namespace {

constexpr std::array<std::string_view, 24> kReporting = {
    "said",      "says",      "say",      "claimed", "claims",    "claim",     "counted", "counts",
    "estimated", "estimates", "reported", "reports", "announced", "announces", "told",    "tells",
    "puts",      "put",       "stated",   "states",  "according", "quoted",    "cited",   "added"};

constexpr std::array<std::string_view, 14> kFunctionWords = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "but", "as", "by", "with"};

bool IsReporting(const std::string& w) {
  return std::find(kReporting.begin(), kReporting.end(), w) != kReporting.end();
}

}  // namespace

bool NamesMatch(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  const size_t shorter = std::min(a.size(), b.size());
  return p >= 4 && static_cast<double>(p) >= 0.6 * static_cast<double>(shorter);
}

SlotProfile MakeSlotProfile(std::string_view text,
                            const std::vector<std::string>& mid_sentence_names) {
  SlotProfile out;
  const std::vector<Token> tokens = Tokenize(text);
  // A figure in digits, or a count in words ("two soldiers", "Twenty Indian soldiers").
  static constexpr std::array<std::string_view, 22> kNumberWords = {
      "two",      "three",    "four",      "five",    "six",      "seven", "eight", "nine",
      "ten",      "eleven",   "twelve",    "twenty",  "thirty",   "forty", "fifty", "hundred",
      "hundreds", "thousand", "thousands", "million", "millions", "dozens"};
  out.figure = HasFigure(text);
  for (const Token& t : tokens) {
    out.figure |= std::find(kNumberWords.begin(), kNumberWords.end(), t.text) != kNumberWords.end();
  }
  std::set<std::string> names;
  size_t i = 0;
  while (i < tokens.size()) {
    auto is_name = [&](size_t k) {
      const Token& t = tokens[k];
      if (t.kind != TokenKind::kWord) return false;
      if (std::find(kFunctionWords.begin(), kFunctionWords.end(), t.text) != kFunctionWords.end())
        return false;
      if (t.capitalized) return true;
      return k == 0 &&
             std::binary_search(mid_sentence_names.begin(), mid_sentence_names.end(), t.text);
    };
    if (!is_name(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tokens.size() && is_name(j)) ++j;
    // A cited source: "according to [the] X", "X said", "..., said X." (a reporting verb before the
    // name only when the clause ends there).
    bool source = false;
    const bool clause_ends = j == tokens.size() || tokens[j].kind == TokenKind::kPunct;
    for (size_t k = (i >= 3 ? i - 3 : 0); k < i; ++k) {
      source |= tokens[k].text == "according" || (clause_ends && IsReporting(tokens[k].text));
    }
    for (size_t k = j; k < std::min(tokens.size(), j + 2); ++k) {
      source |= IsReporting(tokens[k].text);
    }
    if (!source) {
      for (size_t k = i; k < j; ++k) {
        std::string folded = divergence::FoldName(tokens[k].text);
        if (folded.size() >= 3) names.insert(std::move(folded));
      }
    }
    i = j;
  }
  out.names.assign(names.begin(), names.end());
  return out;
}

bool SlotConflict(const SlotProfile& a, const SlotProfile& b) {
  if (!a.figure || !b.figure || a.names.empty() || b.names.empty()) return false;
  for (const std::string& x : a.names) {
    for (const std::string& y : b.names) {
      if (NamesMatch(x, y)) return false;
    }
  }
  return true;
}

}  // namespace diverge::pipeline
