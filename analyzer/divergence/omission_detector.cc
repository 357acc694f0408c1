#include "analyzer/divergence/omission_detector.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzer/base/stable_hash.h"
#include "analyzer/divergence/detect_internal.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {

std::vector<Omission> DetectOmissions(const std::vector<const Side*>& cluster,
                                      const std::vector<StoryDocument>& documents,
                                      const OmissionOptions& options) {
  std::vector<Omission> out;
  std::set<std::string> outlets, docs;
  for (const Side* s : cluster) {
    outlets.insert(s->outlet);
    docs.insert(s->doc);
  }
  if (int(outlets.size()) < options.min_outlets) return out;
  // term -> documents of the cluster that use it
  std::map<std::string, std::set<std::string>> used;
  for (const Side* s : cluster) {
    for (const text::Token& t : s->tokens) {
      if (text::IsContentWord(t)) used[text::Stem(t.lower)].insert(s->doc);
    }
  }
  std::vector<std::string> keys;
  for (const auto& [term, ds] : used) {
    if (3 * ds.size() >= 2 * docs.size() && ds.size() >= 2) keys.push_back(term);
  }
  if (keys.size() < 3) return out;
  std::optional<text::PartialDate> lo, hi;
  for (const Side* s : cluster) {
    if (!s->published || !s->published->ok()) continue;
    if (!lo || text::CompareDates(*s->published, *lo) < 0) lo = s->published;
    if (!hi || text::CompareDates(*s->published, *hi) > 0) hi = s->published;
  }
  // the statement holding most key terms is shown as the claim the outlet omits
  size_t best = 0, best_hits = 0;
  for (size_t i = 0; i < cluster.size(); ++i) {
    std::set<std::string> hits;
    for (const text::Token& t : cluster[i]->tokens) {
      if (text::IsContentWord(t) &&
          std::binary_search(keys.begin(), keys.end(), text::Stem(t.lower))) {
        hits.insert(text::Stem(t.lower));
      }
    }
    if (hits.size() > best_hits) {
      best_hits = hits.size();
      best = i;
    }
  }
  std::set<std::string> reported;
  for (const StoryDocument& d : documents) {
    if (outlets.count(d.outlet) || reported.count(d.outlet)) continue;
    if (d.published && d.published->ok() && lo && hi &&
        (text::CompareDates(*d.published, *lo) < 0 || text::CompareDates(*d.published, *hi) > 0)) {
      continue;
    }
    std::set<std::string> present;
    for (const text::Token& t : d.tokens) {
      if (text::IsContentWord(t)) present.insert(text::Stem(t.lower));
    }
    size_t hits = 0;
    for (const auto& k : keys) hits += present.count(k);
    if (double(hits) < options.min_coverage * double(keys.size())) continue;
    Omission o;
    o.statement = best;
    o.silent_doc = d.id;
    o.silent_outlet = d.outlet;
    o.key_terms = keys;
    // evidence: the first key term of the statement
    for (const text::Token& t : cluster[best]->tokens) {
      if (text::IsContentWord(t) &&
          std::binary_search(keys.begin(), keys.end(), text::Stem(t.lower))) {
        o.a_begin = t.begin;
        o.a_end = t.end;
        break;
      }
    }
    o.score = 0.3 + 0.2 * double(hits) / double(keys.size());
    reported.insert(d.outlet);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<report::Divergence> DetectClaimOmissions(const ClaimInput& claim,
                                                     const DetectOptions& o) {
  std::vector<report::Divergence> out;
  if (!o.omissions || claim.sides.empty()) return out;
  std::vector<const Side*> ptrs;
  for (const auto& [sid, s] : claim.sides) ptrs.push_back(&s);
  OmissionOptions oo{o.omission_min_outlets, o.omission_min_coverage};
  for (const Omission& om : DetectOmissions(ptrs, claim.story_documents, oo)) {
    const auto& [sid, s] = claim.sides[om.statement];
    report::Divergence d;
    d.cluster = claim.cluster.id;
    d.kind = report::DivergenceKind::kOmission;
    d.temporal = report::Temporal::kUndetermined;
    d.score = om.score;
    d.a.statement = sid;
    d.a.evidence = s.text.substr(om.a_begin, om.a_end - om.a_begin);
    d.b.statement = std::nullopt;
    d.b.evidence = "";
    d.b.outlet = om.silent_outlet;
    std::string terms;
    for (size_t k = 0; k < om.key_terms.size() && k < 6; ++k) {
      terms += (k ? ", " : "") + om.key_terms[k];
    }
    d.explanation = om.silent_outlet + " (" + om.silent_doc +
                    ") covers the story (its text uses the cluster's key terms " + terms +
                    ") but has no statement on this claim, which " + internal::SideLabel(s) +
                    " makes.";
    d.id = MakeId("d", {report::KindName(d.kind), sid, om.silent_outlet, d.a.evidence, ""});
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace diverge::divergence
