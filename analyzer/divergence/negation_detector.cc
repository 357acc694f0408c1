#include "analyzer/divergence/negation_detector.h"

#include "analyzer/divergence/lexicon.h"

namespace diverge::divergence {
namespace {

bool IsBoundary(const Token& t) {
  if (t.kind == TokenKind::kPunct) {
    return t.lower == "," || t.lower == "." || t.lower == ";" || t.lower == ":" || t.lower == "!" ||
           t.lower == "?" || t.lower == "\"" || t.lower == "(" || t.lower == ")" || t.lower == "-";
  }
  return t.lower == "but" || t.lower == "while" || t.lower == "although" || t.lower == "though" ||
         t.lower == "whereas" || t.lower == "because";
}

// Words skipped when looking for the predicate after a cue.
bool IsSkippable(const Token& t) {
  return !IsContentWord(t) || t.lower == "longer" || t.lower == "yet" || t.lower == "even" ||
         t.lower == "being" || t.lower == "currently" || t.lower == "really";
}

}  // namespace

std::vector<NegationScope> FindNegations(const std::vector<Token>& t) {
  std::vector<NegationScope> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].IsWord()) continue;
    bool cue = IsNegationCue(t[i].lower);
    // "no one", "not only ... but" are not negations of what follows
    if (cue && t[i].lower == "not" && i + 1 < t.size() && t[i + 1].lower == "only") continue;
    if (cue && t[i].lower == "no" && i + 1 < t.size() &&
        (t[i + 1].lower == "longer" || t[i + 1].lower == "doubt")) {
      if (t[i + 1].lower == "doubt") continue;
    }
    bool verb = !cue && IsNegatingVerb(t[i].lower);
    if (!cue && !verb) continue;
    size_t j = i + 1;
    if (verb && j < t.size() && (t[j].lower == "to" || t[j].lower == "that")) ++j;
    NegationScope s;
    s.cue = i;
    s.predicate = t.size();
    size_t k = j;
    for (; k < t.size() && k < i + 10; ++k) {
      if (IsBoundary(t[k])) break;
      if (s.predicate == t.size() && !IsSkippable(t[k])) s.predicate = k;
    }
    s.end = k;
    if (s.predicate == t.size()) continue;
    out.push_back(s);
  }
  return out;
}

std::vector<bool> NegatedMask(const std::vector<Token>& t) {
  std::vector<bool> mask(t.size(), false);
  for (const NegationScope& s : FindNegations(t)) {
    for (size_t k = s.cue; k < s.end; ++k) mask[k] = true;
  }
  return mask;
}

std::vector<Finding> DetectNegation(const Side& a, const Side& b, const DetectorContext&,
                                    double min_overlap) {
  std::vector<Finding> out;
  if (ContentOverlap(a.tokens, b.tokens) < min_overlap) return out;
  // one direction: `neg` negates a predicate that `pos` asserts
  auto run = [&](const Side& neg, const Side& pos, bool neg_is_a) {
    std::vector<bool> pos_mask = NegatedMask(pos.tokens);
    for (const NegationScope& s : FindNegations(neg.tokens)) {
      // every content word of the scope is a candidate, the predicate first
      std::vector<size_t> cands = {s.predicate};
      for (size_t k = s.predicate + 1; k < s.end; ++k) {
        if (IsContentWord(neg.tokens[k])) cands.push_back(k);
      }
      for (size_t c : cands) {
        std::string stem = Stem(neg.tokens[c].lower);
        for (size_t m = 0; m < pos.tokens.size(); ++m) {
          if (pos_mask[m] || !pos.tokens[m].IsWord() || Stem(pos.tokens[m].lower) != stem) {
            continue;
          }
          Finding f;
          f.kind = DivergenceKind::kNegation;
          f.nature = TimeNature::kState;
          f.score = c == s.predicate ? 0.75 : 0.6;
          size_t nb = neg.tokens[s.cue].begin, ne = neg.tokens[c].end;
          size_t pb = pos.tokens[m].begin, pe = pos.tokens[m].end;
          std::string what = "\"" + neg.text.substr(nb, ne - nb) + "\" vs \"" +
                             pos.text.substr(pb, pe - pb) + "\"";
          if (neg_is_a) {
            f.a_begin = nb, f.a_end = ne, f.b_begin = pb, f.b_end = pe;
            f.summary = "A negates what B asserts: " + what;
          } else {
            f.a_begin = pb, f.a_end = pe, f.b_begin = nb, f.b_end = ne;
            f.summary = "B negates what A asserts: " + what;
          }
          out.push_back(std::move(f));
          return;
        }
      }
    }
  };
  run(a, b, true);
  if (out.empty()) run(b, a, false);
  return out;
}

}  // namespace diverge::divergence
