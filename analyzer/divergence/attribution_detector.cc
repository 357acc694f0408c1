#include "analyzer/divergence/attribution_detector.h"

#include <algorithm>
#include <set>

#include "analyzer/divergence/affiliations.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/utf8.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

bool IsTitle(std::string_view w) {
  static const std::set<std::string_view> kTitles = {
      "president", "secretary",  "general",   "minister", "prime",     "deputy",
      "chairman",  "director",   "chief",     "head",     "spokesman", "spokeswoman",
      "mr",        "mrs",        "ms",        "dr",       "senator",   "governor",
      "mayor",     "ambassador", "commander", "the",      "former",    "vice"};
  return kTitles.count(w) > 0;
}

// Capitalised run [b, e) around token i going in direction dir (+1 right, -1 left).
bool NameRun(const std::vector<text::Token>& t, size_t i, int dir, size_t* b, size_t* e) {
  if (i >= t.size() || !t[i].IsWord() || !t[i].cap || text::IsFunctionWord(t[i].lower))
    return false;
  size_t lo = i, hi = i + 1;
  if (dir > 0) {
    while (hi < t.size() && t[hi].IsWord() && t[hi].cap) ++hi;
  } else {
    while (lo > 0 && t[lo - 1].IsWord() && t[lo - 1].cap && !t[lo - 1].sentence_start) --lo;
    if (lo > 0 && t[lo - 1].IsWord() && t[lo - 1].cap) --lo;
  }
  while (lo < hi && IsTitle(t[lo].lower)) ++lo;
  if (lo == hi) return false;
  *b = lo;
  *e = hi;
  return true;
}

}  // namespace

std::string AgentKey(const DetectorContext& ctx, std::string_view word) {
  return text::AsciiLower(CanonicalToken(ctx, word));
}

std::vector<Agent> FindAgents(const Side& s, const DetectorContext& ctx) {
  const auto& t = s.tokens;
  std::vector<Agent> out;
  // The words of the statement's own outlet: an outlet citing itself ("..., NDTV has
  // learned", "NDTV reported") names no source.
  std::vector<std::string> own;
  for (const text::Token& w : text::Tokenize(s.outlet)) {
    if (w.IsWord()) own.push_back(w.lower);
  }
  auto add = [&](size_t b, size_t e) {
    Agent a;
    std::string last = AgentKey(ctx, t[e - 1].text);
    if (std::find(own.begin(), own.end(), last) != own.end()) return;
    a.key = last;
    a.begin = t[b].begin;
    a.end = t[e - 1].end;
    out.push_back(a);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t b = 0, e = 0;
    if (t[i].lower == "according" && i + 2 < t.size() && t[i + 1].lower == "to") {
      if (NameRun(t, i + 2, +1, &b, &e)) add(b, e);
      continue;
    }
    if (IsSpeechVerb(t[i].lower) && t[i].lower != "according") {
      if (i > 0 && NameRun(t, i - 1, -1, &b, &e)) {
        add(b, e);
      } else if (NameRun(t, i + 1, +1, &b, &e)) {
        add(b, e);
      }
      continue;
    }
    if (t[i].lower == "by" && i > 0 && t[i - 1].lower.size() > 3 &&
        t[i - 1].lower.compare(t[i - 1].lower.size() - 2, 2, "ed") == 0) {
      if (NameRun(t, i + 1, +1, &b, &e)) add(b, e);
    }
  }
  return out;
}

std::vector<Finding> DetectAttribution(const Side& a, const Side& b, const DetectorContext& ctx,
                                       double min_overlap) {
  std::vector<Finding> out;
  if (text::ContentOverlap(a.tokens, b.tokens) < min_overlap) return out;
  std::vector<Agent> xa = FindAgents(a, ctx), xb = FindAgents(b, ctx);
  if (xa.empty() || xb.empty()) return out;
  for (const Agent& x : xa) {
    for (const Agent& y : xb) {
      if (x.key == y.key) return out;
      // a person and the body the corpus names them with are one source
      if (ctx.affiliations != nullptr && ctx.affiliations->Linked(x.key, y.key)) return out;
    }
  }
  // an agent of one side named anywhere in the other is not a different agent
  for (const Agent& x : xa) {
    if (b.text.find(a.text.substr(x.begin, x.end - x.begin)) != std::string::npos) return out;
  }
  for (const Agent& y : xb) {
    if (a.text.find(b.text.substr(y.begin, y.end - y.begin)) != std::string::npos) return out;
  }
  Finding f;
  f.kind = report::DivergenceKind::kAttribution;
  f.nature = TimeNature::kHistorical;
  f.score = 0.5;
  f.a_begin = xa[0].begin;
  f.a_end = xa[0].end;
  f.b_begin = xb[0].begin;
  f.b_end = xb[0].end;
  f.summary = "attributed to " + a.text.substr(f.a_begin, f.a_end - f.a_begin) + " vs " +
              b.text.substr(f.b_begin, f.b_end - f.b_begin);
  out.push_back(std::move(f));
  return out;
}

}  // namespace diverge::divergence
