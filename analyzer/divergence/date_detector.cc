#include "analyzer/divergence/date_detector.h"

#include <cstdlib>
#include <map>
#include <set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

// Whether date `d` dates a report rather than an event: a reporting verb within three
// tokens before it or two after it, with no punctuation between ("said this on Monday",
// "which on Tuesday reported 45 casualties", "announced on Monday the second round").
bool DatesReport(const std::vector<text::Token>& t, const text::DateMention& d) {
  for (size_t k = d.first_token, steps = 0; k-- > 0 && steps < 3; ++steps) {
    if (t[k].kind == text::TokenKind::kPunct) break;
    if (IsSpeechVerb(t[k].lower) && t[k].lower != "according") return true;
  }
  for (size_t k = d.last_token + 1; k < t.size() && k <= d.last_token + 2; ++k) {
    if (t[k].kind == text::TokenKind::kPunct) break;
    if (IsSpeechVerb(t[k].lower) && t[k].lower != "according") return true;
  }
  return false;
}

// Words looked at for an instance marker before an event word ("a second round of the
// presidential election") and before a date ("a second round on May 28").
constexpr size_t kInstanceWindow = 5;
constexpr size_t kDateInstanceWindow = 3;

// A word before an event word that makes it another occurrence of its kind: "the last
// presidential election", "a second round of elections", "the next election".
bool IsInstanceMarker(std::string_view w) {
  return w == "last" || w == "previous" || w == "next" || w == "second" || w == "third" ||
         w == "upcoming" || w == "prior" || w == "earlier" || w == "runoff" || w == "run-off";
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
  const std::vector<text::Token>& tokens = s.tokens;
  // An instance marker within `window` words before token `i`, in its clause.
  auto marker_before = [&](size_t i, size_t window) -> std::string {
    for (size_t k = i, steps = 0; k-- > 0 && steps < window; ++steps) {
      if (tokens[k].kind == text::TokenKind::kPunct) break;
      if (IsInstanceMarker(tokens[k].lower)) return tokens[k].lower;
    }
    return {};
  };
  struct Event {
    std::string cls, word;
    size_t token;
  };
  std::vector<Event> events;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (!t.IsWord()) continue;
    std::string c = EventClass(t.lower);
    if (c.empty()) continue;
    // A capitalised event word inside a sentence is part of a name ("the Supreme Election
    // Council"), not an event.
    if (i > 0 && t.cap && tokens[i - 1].kind != text::TokenKind::kPunct) continue;
    events.push_back({c, t.text, i});
  }
  std::set<std::string> classes;
  for (const Event& e : events) classes.insert(e.cls);
  for (const text::DateMention& d : dates) {
    if (d.role != text::DateRole::kPoint || DatesReport(tokens, d)) continue;
    // A date dates every event class of the statement, each through the event word of
    // that class nearest to it (ties: the earlier), so "runoff elections ... following
    // the May 14 polls" dates the polls, not the runoff.
    std::vector<const Event*> dated;
    for (const std::string& cls : classes) {
      const Event* best = nullptr;
      size_t best_gap = 0;
      for (const Event& e : events) {
        if (e.cls != cls) continue;
        const size_t gap =
            e.token < d.first_token ? d.first_token - e.token : e.token - d.last_token;
        if (best == nullptr || gap < best_gap) {
          best = &e;
          best_gap = gap;
        }
      }
      dated.push_back(best);
    }
    for (const Event* e : dated) {
      // Another occurrence of its kind, marked before the event word or before the date
      // ("the last presidential election", "decided by a runoff on May 28"), is a class
      // of its own.
      std::string marker = marker_before(e->token, kInstanceWindow);
      if (marker.empty()) marker = marker_before(d.first_token, kDateInstanceWindow);
      out.push_back({marker.empty() ? e->cls : e->cls + " (" + marker + ")", e->word, d});
    }
  }
  return out;
}

std::vector<Finding> DetectDate(const Side& a, const Side& b, const DetectorContext&) {
  std::vector<DatedEvent> ea = FindDatedEvents(a), eb = FindDatedEvents(b);
  std::map<std::string, std::vector<const DatedEvent*>> by_a, by_b;
  for (const auto& e : ea) by_a[e.event_class].push_back(&e);
  for (const auto& e : eb) by_b[e.event_class].push_back(&e);
  bool future = false;
  for (const text::Token& t : a.tokens) future |= text::IsFutureMarker(t.lower);
  for (const text::Token& t : b.tokens) future |= text::IsFutureMarker(t.lower);
  std::vector<Finding> out;
  for (const auto& [cls, xs] : by_a) {
    // recurring events (meetings, arrests) are often different occurrences: only one-off
    // events (founding, signing, birth, death, election, ...) and membership changes
    const std::string base = cls.substr(0, cls.find(" ("));  // "election (last)"
    if (!IsHistoricalEventClass(base) && base != "membership") continue;
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
    f.score = IsHistoricalEventClass(base) ? 0.85 : 0.65;
    if (x->date.relative || y->date.relative) f.score -= 0.1;
    f.summary = Describe(a, *x) + " vs " + Describe(b, *y);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace diverge::divergence
