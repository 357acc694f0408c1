#include "analyzer/divergence/date_detector.h"

#include <cstdlib>
#include <map>
#include <set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

bool IsFutureMarker(std::string_view w) {
  return w == "will" || w == "scheduled" || w == "planned" || w == "plans" || w == "expected" ||
         w == "due" || w == "upcoming" || w == "postponed" || w == "next";
}

std::string Describe(const Side& s, const DatedEvent& e) {
  std::string written = s.text.substr(e.date.begin, e.date.end - e.date.begin);
  std::string resolved = e.date.date.ToString();
  std::string out = e.event_word + " " + resolved;
  if (e.date.relative) out += " (\"" + written + "\")";
  return out;
}

}  // namespace

std::vector<DatedEvent> FindDatedEvents(const Side& s) {
  std::vector<DatedEvent> out;
  std::vector<text::DateMention> dates = text::FindDates(s.tokens, s.published);
  std::vector<std::pair<std::string, std::string>> events;  // class, word
  std::set<std::string> seen;
  for (const text::Token& t : s.tokens) {
    if (!t.IsWord()) continue;
    std::string c = EventClass(t.lower);
    if (c.empty() || seen.count(c)) continue;
    // "summit" as a modifier of nothing in particular still names a meeting; keep it
    seen.insert(c);
    events.emplace_back(c, t.text);
  }
  for (const text::DateMention& d : dates) {
    if (d.role != text::DateRole::kPoint) continue;
    for (const auto& [c, w] : events) out.push_back({c, w, d});
  }
  return out;
}

std::vector<Finding> DetectDate(const Side& a, const Side& b, const DetectorContext&) {
  std::vector<DatedEvent> ea = FindDatedEvents(a), eb = FindDatedEvents(b);
  std::map<std::string, std::vector<const DatedEvent*>> by_a, by_b;
  for (const auto& e : ea) by_a[e.event_class].push_back(&e);
  for (const auto& e : eb) by_b[e.event_class].push_back(&e);
  bool future = false;
  for (const text::Token& t : a.tokens) future |= IsFutureMarker(t.lower);
  for (const text::Token& t : b.tokens) future |= IsFutureMarker(t.lower);
  std::vector<Finding> out;
  for (const auto& [cls, xs] : by_a) {
    // recurring events (meetings, arrests) are often different occurrences: only one-off
    // events (founding, signing, birth, death, election, ...) and membership changes
    if (!IsHistoricalEventClass(cls) && cls != "membership") continue;
    auto it = by_b.find(cls);
    if (it == by_b.end()) continue;
    bool agree = false;
    for (const DatedEvent* x : xs) {
      for (const DatedEvent* y : it->second)
        agree |= text::CompareDates(x->date.date, y->date.date) == 0;
    }
    if (agree) continue;
    // report the pair of dates closest in the text to their event words: the first ones
    const DatedEvent* x = xs.front();
    const DatedEvent* y = it->second.front();
    Finding f;
    f.kind = report::DivergenceKind::kDate;
    f.a_begin = x->date.begin;
    f.a_end = x->date.end;
    f.b_begin = y->date.begin;
    f.b_end = y->date.end;
    f.nature = future ? TimeNature::kState : TimeNature::kHistorical;
    f.score = IsHistoricalEventClass(cls) ? 0.85 : 0.65;
    if (x->date.relative || y->date.relative) f.score -= 0.1;
    f.summary = Describe(a, *x) + " vs " + Describe(b, *y);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace diverge::divergence
