#include "analyzer/pipeline/claim_slots.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "analyzer/divergence/dates.h"
#include "analyzer/divergence/names.h"
#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/divergence/text.h"
#include "analyzer/ingest/figure_clauses.h"

namespace diverge::pipeline {
namespace {

using divergence::Token;

constexpr std::array<std::string_view, 24> kReporting = {
    "said",      "says",      "say",      "claimed", "claims",    "claim",     "counted", "counts",
    "estimated", "estimates", "reported", "reports", "announced", "announces", "told",    "tells",
    "puts",      "put",       "stated",   "states",  "according", "quoted",    "cited",   "added"};

constexpr std::array<std::string_view, 14> kFunctionWords = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "but", "as", "by", "with"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// A figure in digits, or a count in words ("two soldiers", "Twenty Indian soldiers").
constexpr std::array<std::string_view, 22> kNumberWords = {
    "two",      "three",    "four",      "five",    "six",      "seven", "eight", "nine",
    "ten",      "eleven",   "twelve",    "twenty",  "thirty",   "forty", "fifty", "hundred",
    "hundreds", "thousand", "thousands", "million", "millions", "dozens"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A name run [begin, end) of tokens and its folded words.
struct NameRun {
  size_t begin = 0, end = 0;
  std::vector<std::string> folded;
};

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
  const std::vector<Token> tokens = divergence::Tokenize(text);
  out.figure = HasFigure(text);
  for (const Token& t : tokens) out.figure |= t.IsWord() && In(kNumberWords, t.lower);

  auto is_name = [&](size_t k) {
    const Token& t = tokens[k];
    if (!t.IsWord() || In(kFunctionWords, t.lower) || In(kWeekdays, t.lower) ||
        divergence::MonthNumber(t.lower) != 0) {
      return false;
    }
    if (k == 0) {
      return std::binary_search(mid_sentence_names.begin(), mid_sentence_names.end(), t.lower);
    }
    return t.cap;
  };
  std::vector<NameRun> runs;
  size_t i = 0;
  while (i < tokens.size()) {
    if (!is_name(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tokens.size() && is_name(j)) ++j;
    // A cited source: "according to [the] X", "X said", "..., said X." (a reporting verb
    // before the name only when the clause ends there).
    bool source = false;
    const bool clause_ends = j == tokens.size() || tokens[j].kind == divergence::TokenKind::kPunct;
    // The verb must reach the name without punctuation: "votes counted, Erdogan, ..."
    // is not a citation of Erdogan.
    for (size_t k = (i >= 3 ? i - 3 : 0); k < i; ++k) {
      bool reaches = true;
      for (size_t m = k + 1; m < i; ++m) reaches &= tokens[m].kind != divergence::TokenKind::kPunct;
      source |= reaches && (tokens[k].lower == "according" ||
                            (clause_ends && In(kReporting, tokens[k].lower)));
    }
    for (size_t k = j; k < std::min(tokens.size(), j + 2); ++k) {
      source |= In(kReporting, tokens[k].lower);
    }
    if (!source) {
      NameRun run{i, j, {}};
      for (size_t k = i; k < j; ++k) {
        std::string folded = divergence::FoldName(tokens[k].text);
        if (folded.size() >= 3) run.folded.push_back(std::move(folded));
      }
      if (!run.folded.empty()) runs.push_back(std::move(run));
    }
    i = j;
  }
  std::set<std::string> names;
  for (const NameRun& r : runs) names.insert(r.folded.begin(), r.folded.end());
  out.names.assign(names.begin(), names.end());

  // Each quantity takes the nearest name run within kSlotWindow tokens (ties: before).
  std::set<SlotProfile::Slot> slots;
  for (const divergence::Quantity& q : divergence::FindQuantities(tokens)) {
    const NameRun* best = nullptr;
    size_t best_distance = kSlotWindow + 1;
    for (const NameRun& r : runs) {
      size_t d;
      if (r.end <= q.first_token) {
        d = q.first_token - r.end;
      } else if (r.begin > q.last_token) {
        d = r.begin - q.last_token - 1;
      } else {
        d = 0;  // inside the quantity's words ("20 Indian soldiers")
      }
      if (d < best_distance) {  // strict: an earlier run wins ties
        best_distance = d;
        best = &r;
      }
    }
    if (best == nullptr) continue;
    for (const std::string& name : best->folded) slots.insert({q.referent, name, q.value});
  }
  out.slots.assign(slots.begin(), slots.end());
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

ReferentsAlike WordNetReferents(const WordSenses* senses) {
  if (senses == nullptr) return {};
  return [senses](const std::string& x, const std::string& y) {
    if (x == y) return true;
    if (x.empty() || y.empty() || x == "percent" || y == "percent") return false;
    const WordSenseSets* a = senses->Find(x);
    const WordSenseSets* b = senses->Find(y);
    if (a == nullptr || b == nullptr) return false;
    return Relate(*a, *b) == WordRelation::kSynonym;
  };
}

bool SlotMatch(const SlotProfile& a, const SlotProfile& b, const ReferentsAlike& alike) {
  auto same_kind = [&](const SlotProfile::Slot& x, const SlotProfile::Slot& y) {
    if (x.referent == y.referent) return true;
    if (!x.referent.empty() && !y.referent.empty()) return alike && alike(x.referent, y.referent);
    const SlotProfile::Slot& counted = x.referent.empty() ? y : x;
    if (counted.referent == "percent") return false;
    const double lo = std::min(std::abs(x.value), std::abs(y.value));
    const double hi = std::max(std::abs(x.value), std::abs(y.value));
    return lo > 0 && hi <= 10 * lo;
  };
  for (const SlotProfile::Slot& x : a.slots) {
    for (const SlotProfile::Slot& y : b.slots) {
      if (same_kind(x, y) && NamesMatch(x.name, y.name)) return true;
    }
  }
  return false;
}

std::vector<std::pair<int32_t, int32_t>> SlotMatchPairs(const std::vector<SlotProfile>& profiles,
                                                        const std::vector<int32_t>& story_of_row,
                                                        const std::vector<int32_t>& doc_of_row,
                                                        size_t max_bucket,
                                                        const ReferentsAlike& alike) {
  std::map<std::pair<int32_t, std::string>, std::vector<int32_t>> buckets;
  for (size_t i = 0; i < profiles.size(); ++i) {
    std::set<std::string> keys;
    for (const SlotProfile::Slot& slot : profiles[i].slots) keys.insert(slot.name.substr(0, 4));
    for (const std::string& key : keys) {
      buckets[{story_of_row[i], key}].push_back(static_cast<int32_t>(i));
    }
  }
  std::vector<std::pair<int32_t, int32_t>> out;
  for (const auto& [key, rows] : buckets) {
    if (rows.size() > max_bucket) continue;
    for (size_t x = 0; x < rows.size(); ++x) {
      for (size_t y = x + 1; y < rows.size(); ++y) {
        const int32_t i = rows[x], j = rows[y];
        if (doc_of_row[i] != doc_of_row[j] && SlotMatch(profiles[i], profiles[j], alike)) {
          out.emplace_back(i, j);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace diverge::pipeline
