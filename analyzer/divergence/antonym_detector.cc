#include "analyzer/divergence/antonym_detector.h"

#include <set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/wordnet.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {

namespace {

bool EndsWith(const std::string& w, std::string_view suf) {
  return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
}

// An adjective directly modifying a noun ("white dog"): not a verb form, followed by a
// content word that is not an adverb.
bool Attributive(const std::vector<text::Token>& t, size_t i) {
  const std::string& w = t[i].lower;
  if (EndsWith(w, "ed") || EndsWith(w, "ing") || EndsWith(w, "s")) return false;
  return i + 1 < t.size() && text::IsContentWord(t[i + 1]) && !EndsWith(t[i + 1].lower, "ly");
}

}  // namespace

bool AreOpposites(const DetectorContext& ctx, std::string_view a, std::string_view b) {
  for (const auto& [x, y] : NewsOpposites()) {
    if (x == a && y == b) return true;
  }
  return ctx.wordnet != nullptr && ctx.wordnet->AreAntonyms(a, b);
}

std::vector<Finding> DetectAntonym(const Side& a, const Side& b, const DetectorContext& ctx,
                                   double min_overlap) {
  std::vector<Finding> out;
  if (text::ContentOverlap(a.tokens, b.tokens) < min_overlap) return out;
  std::set<std::string> stems_a, stems_b;
  for (const text::Token& t : a.tokens) {
    if (t.IsWord()) stems_a.insert(text::Stem(t.lower));
  }
  for (const text::Token& t : b.tokens) {
    if (t.IsWord()) stems_b.insert(text::Stem(t.lower));
  }
  std::vector<bool> neg_a = NegatedMask(a.tokens), neg_b = NegatedMask(b.tokens);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const text::Token& x = a.tokens[i];
    if (!text::IsContentWord(x) || x.cap || neg_a[i] || stems_b.count(text::Stem(x.lower)))
      continue;
    for (size_t j = 0; j < b.tokens.size(); ++j) {
      const text::Token& y = b.tokens[j];
      if (!text::IsContentWord(y) || y.cap || neg_b[j] || stems_a.count(text::Stem(y.lower)))
        continue;
      // "a white dog" / "a black dog": opposite modifiers of a noun usually name
      // different things, not conflicting claims about one
      if (Attributive(a.tokens, i) && Attributive(b.tokens, j)) continue;
      if (!AreOpposites(ctx, x.lower, y.lower)) continue;
      Finding f;
      f.kind = report::DivergenceKind::kAntonym;
      f.nature = TimeNature::kState;
      f.score = 0.6;
      f.a_begin = x.begin;
      f.a_end = x.end;
      f.b_begin = y.begin;
      f.b_end = y.end;
      f.summary = "\"" + x.text + "\" vs its opposite \"" + y.text + "\"";
      out.push_back(std::move(f));
      return out;
    }
  }
  return out;
}

}  // namespace diverge::divergence
