#include "analyzer/divergence/framing_detector.h"

#include <algorithm>
#include <array>
#include <set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

struct Cue {
  size_t token = 0;
  size_t begin = 0, end = 0;  // evidence: the word plus a lowercase modifier before it
};

// A modifier worth showing with the word it modifies ("political provocateurs").
bool LooksAdjective(const std::string& w) {
  for (const char* suf : {"al", "ic", "ive", "ous", "ful", "ent", "ant", "ist", "ary", "less"}) {
    std::string_view x(suf);
    if (w.size() > x.size() + 2 && w.compare(w.size() - x.size(), x.size(), x) == 0) return true;
  }
  return false;
}

std::set<std::string> Stems(const Side& s) {
  std::set<std::string> out;
  for (const text::Token& t : s.tokens) {
    if (t.IsWord()) out.insert(text::Stem(t.lower));
  }
  return out;
}

// Words of `s` accepted by `pred` whose stem does not occur in `other`.
std::vector<Cue> Unshared(const Side& s, const std::set<std::string>& other,
                          bool (*pred)(std::string_view)) {
  std::vector<Cue> out;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const text::Token& t = s.tokens[i];
    if (!t.IsWord() || !pred(t.lower) || other.count(text::Stem(t.lower))) continue;
    Cue c{i, t.begin, t.end};
    if (i > 0 && text::IsContentWord(s.tokens[i - 1]) && !s.tokens[i - 1].cap &&
        !IsEvaluative(s.tokens[i - 1].lower) && LooksAdjective(s.tokens[i - 1].lower)) {
      c.begin = s.tokens[i - 1].begin;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<Finding> DetectFraming(const Side& a, const Side& b, const DetectorContext&,
                                   double min_overlap) {
  std::vector<Finding> out;
  if (text::ContentOverlap(a.tokens, b.tokens) < min_overlap) return out;
  std::set<std::string> sa = Stems(a), sb = Stems(b);
  auto make = [&](const Cue& x, const Cue& y, double score, std::string what) {
    Finding f;
    f.kind = report::DivergenceKind::kFraming;
    f.nature = TimeNature::kTimeless;
    f.score = score;
    f.a_begin = x.begin;
    f.a_end = x.end;
    f.b_begin = y.begin;
    f.b_end = y.end;
    f.summary = what + ": \"" + a.text.substr(x.begin, x.end - x.begin) + "\" vs \"" +
                b.text.substr(y.begin, y.end - y.begin) + "\"";
    out.push_back(std::move(f));
  };
  std::vector<Cue> ea = Unshared(a, sb, IsEvaluative), eb = Unshared(b, sa, IsEvaluative);
  if (!ea.empty() && !eb.empty()) {
    make(ea.front(), eb.front(), 0.55, "different characterisations");
    return out;
  }
  std::vector<Cue> ha = Unshared(a, sb, IsHedge), hb = Unshared(b, sa, IsHedge);
  std::vector<Cue> fa = Unshared(a, sb, IsFactive), fb = Unshared(b, sa, IsFactive);
  // A factive word that is also the event a figure counts reports the event, not a fact
  // shown: "1.12 million people demonstrated in France" (lexicon.h CountedEvent).
  auto drop_counted_events = [](const Side& s, std::vector<Cue>* cues) {
    if (std::none_of(s.tokens.begin(), s.tokens.end(),
                     [](const text::Token& t) { return t.IsNumber(); })) {
      return;
    }
    std::erase_if(*cues,
                  [&](const Cue& c) { return !CountedEvent(s.tokens[c.token].lower).empty(); });
  };
  drop_counted_events(a, &fa);
  drop_counted_events(b, &fb);
  // "reported" and "estimated" hedge as an adjective or a passive ("the reported
  // attack", "is estimated"); after their subject they report ("police headquarters
  // reported 44 arrests"), which is attribution, not hedging.
  auto drop_reporting = [](const Side& s, std::vector<Cue>* cues) {
    static constexpr std::array<std::string_view, 12> kBefore = {
        "the", "a", "an", "its", "their", "is", "was", "are", "were", "be", "been", "being"};
    std::erase_if(*cues, [&](const Cue& c) {
      const std::string& w = s.tokens[c.token].lower;
      if (w != "reported" && w != "estimated") return false;
      return c.token == 0 || std::find(kBefore.begin(), kBefore.end(),
                                       s.tokens[c.token - 1].lower) == kBefore.end();
    });
  };
  drop_reporting(a, &ha);
  drop_reporting(b, &hb);
  if (!ha.empty() && hb.empty() && !fb.empty()) {
    make(ha.front(), fb.front(), 0.5, "A hedges what B presents as fact");
  } else if (!hb.empty() && ha.empty() && !fa.empty()) {
    make(fa.front(), hb.front(), 0.5, "B hedges what A presents as fact");
  }
  return out;
}

}  // namespace diverge::divergence
