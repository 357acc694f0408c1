#include "analyzer/divergence/quantity_names.h"

#include <algorithm>
#include <array>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/names.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

constexpr std::array<std::string_view, 24> kReporting = {
    "said",      "says",      "say",      "claimed", "claims",    "claim",     "counted", "counts",
    "estimated", "estimates", "reported", "reports", "announced", "announces", "told",    "tells",
    "puts",      "put",       "stated",   "states",  "according", "quoted",    "cited",   "added"};

constexpr std::array<std::string_view, 14> kFunctionWords = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "but", "as", "by", "with"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// The token at `k` is a possessive ending ('s, ’s, or an apostrophe alone).
bool Possessive(const std::vector<text::Token>& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  const std::string& w = tokens[k].lower;
  return w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99";
}

}  // namespace

std::vector<NameRun> FindNameRuns(const std::vector<text::Token>& tokens,
                                  const std::vector<std::string>& mid_sentence_names) {
  auto is_name = [&](size_t k) {
    const text::Token& t = tokens[k];
    // Words that open a figure, capitalised when they start a sentence ("More than 2
    // million people demonstrated", "Twenty soldiers"), are never part of a name.
    if (!t.IsWord() || In(kFunctionWords, t.lower) || IsApproximator(t.lower) ||
        IsNumberWord(t.lower) || In(kWeekdays, t.lower) || text::MonthNumber(t.lower) != 0) {
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
    // before the name only when it reaches the name without punctuation and the clause
    // ends there: "votes counted, Erdogan, ..." is not a citation of Erdogan).
    bool source = false;
    const bool clause_ends = j == tokens.size() || tokens[j].kind == text::TokenKind::kPunct;
    for (size_t k = (i >= 3 ? i - 3 : 0); k < i; ++k) {
      bool reaches = true;
      for (size_t m = k + 1; m < i; ++m) reaches &= tokens[m].kind != text::TokenKind::kPunct;
      source |= reaches && (tokens[k].lower == "according" ||
                            (clause_ends && In(kReporting, tokens[k].lower)));
    }
    // After the name: a reporting verb it reaches without punctuation ("the Interior
    // Ministry counted", "the CGT has said"); "X, according to Y" cites Y, not X.
    for (size_t k = j; k < std::min(tokens.size(), j + 2); ++k) {
      if (tokens[k].kind == text::TokenKind::kPunct) break;
      source |= tokens[k].lower != "according" && In(kReporting, tokens[k].lower);
    }
    if (!source) {
      NameRun run{i, j, {}};
      for (size_t k = i; k < j; ++k) {
        std::string folded = FoldName(tokens[k].text);
        if (folded.size() >= 3) run.folded.push_back(std::move(folded));
      }
      if (!run.folded.empty()) runs.push_back(std::move(run));
    }
    i = j;
  }
  return runs;
}

namespace {

// "Sinan Ogan from the Ata Alliance, secured 5.17 percent", "Muharrem Ince of the
// Homeland Party got 0.44 percent": a name attached by "from" / "of" belongs to the name
// before it, which heads the phrase.
const NameRun* Head(const std::vector<NameRun>& runs, const NameRun* run,
                    const std::vector<text::Token>& tokens) {
  for (const NameRun& r : runs) {
    if (&r == run || r.end >= run->begin || run->begin - r.end > 2) continue;
    const bool the = run->begin - r.end == 2;
    const std::string& link = tokens[r.end].lower;
    if ((link == "from" || link == "of") && (!the || tokens[r.end + 1].lower == "the")) {
      return &r;
    }
  }
  return run;
}

}  // namespace

const NameRun* NearestNameRun(const std::vector<NameRun>& runs, const Quantity& q,
                              const std::vector<text::Token>& tokens) {
  const NameRun* best = nullptr;
  size_t best_distance = kSlotWindow + 1;
  for (const NameRun& r : runs) {
    size_t d;
    if (r.end <= q.first_token) {
      d = q.first_token - r.end;
    } else if (r.begin > q.last_token) {
      // A possessive name is about what follows it: "49.52% of the votes against
      // Kılıçdaroğlu's 44.88%" ties 44.88 to Kılıçdaroğlu, never 49.52. "four of its
      // soldiers were killed in a clash with Indian forces": the soldiers are the
      // subject's, not the name's after them.
      if (Possessive(tokens, r.end) || q.possessed) continue;
      // A name past punctuation after the figure opens the next clause: "received 5.17
      // percent, while Muharrem Ince ... got 0.44 percent".
      bool punct = false;
      for (size_t k = q.last_token + 1; k < r.begin && !punct; ++k) {
        punct = tokens[k].kind == text::TokenKind::kPunct;
      }
      if (punct) continue;
      d = r.begin - q.last_token - 1;
    } else {
      d = 0;  // inside the quantity's words ("20 Indian soldiers")
    }
    // Strict: an earlier run wins ties, except for a figure whose counted noun is elided,
    // which a name right after it places ("17 airstrikes in Syria and 12 in Iraq": 12 is
    // Iraq's).
    if (d < best_distance || (d == best_distance && q.elided && r.begin > q.last_token)) {
      best_distance = d;
      best = &r;
    }
  }
  if (best != nullptr) return Head(runs, best, tokens);
  // The clause's subject: the nearest run before the figure with no punctuation between,
  // past a relative clause set off by commas or dashes ("Muharrem Ince of the Homeland
  // Party – who withdrew from the race ... – got 0.44 percent"), within 2 * kSlotWindow
  // tokens outside it.
  for (auto r = runs.rbegin(); r != runs.rend(); ++r) {
    if (r->end > q.first_token || q.first_token - r->end > 6 * kSlotWindow) continue;
    bool same_clause = true;
    size_t outside = 0;
    for (size_t k = r->end; k < q.first_token && same_clause; ++k) {
      if (tokens[k].kind != text::TokenKind::kPunct) {
        ++outside;
        continue;
      }
      // A relative clause: a comma or dash, a relative pronoun, up to the same mark.
      static constexpr std::array<std::string_view, 4> kRelative = {"who", "which", "whose",
                                                                    "whom"};
      size_t close = k + 1;
      if (close < q.first_token &&
          std::find(kRelative.begin(), kRelative.end(), tokens[close].lower) != kRelative.end()) {
        while (close < q.first_token && tokens[close].text != tokens[k].text) ++close;
      } else {
        close = q.first_token;
      }
      if (close >= q.first_token) {
        same_clause = false;
      } else {
        k = close;
      }
    }
    if (!same_clause || outside > 2 * kSlotWindow) return nullptr;
    return Head(runs, &*r, tokens);
  }
  return nullptr;
}

bool NamesMatch(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t p = 0;
  while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
  const size_t shorter = std::min(a.size(), b.size());
  return p >= 4 && static_cast<double>(p) >= 0.6 * static_cast<double>(shorter);
}

bool AnyNameMatches(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (NamesMatch(x, y)) return true;
    }
  }
  return false;
}

}  // namespace diverge::divergence
