// Hand-written word lists used by the detectors (written for this project from general
// knowledge of English news style; no third-party lexicon is copied). Lookups take
// ASCII-lowercased words; lists of stems take Stem() output (see text.h).
// analyzer/divergence/lexicons/README.md describes each list and how to extend it.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_LEXICON_H_
#define DIVERGE_ANALYZER_DIVERGENCE_LEXICON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diverge::divergence {

// Negation cues: not, n't (lowered to "not"), no, never, without, nobody, none, ...
bool IsNegationCue(std::string_view lower);
// Verbs that negate their complement: failed (to), denied, refused (to), ...
bool IsNegatingVerb(std::string_view lower);

// Words that call a claim false: hoax, fake, false, debunked, denied, fabricated, ...
bool IsRefutation(std::string_view lower);

// Event class of an event verb/noun stem ("found", "establish", "form" -> "founding"),
// "" when the word is not an event word. Historical classes date a past fact that cannot
// change later (founding, birth, death, signing, election, ...).
std::string EventClass(std::string_view lower);
bool IsHistoricalEventClass(std::string_view event_class);

// What happened to what a count counts, from a verb or counted noun of its clause
// (numeric_detector.h Quantity::event): "killed" (killed, died, dead, toll, casualties,
// fatalities, lost, ...), "injured", "arrested", "missing", "displaced", "rescued",
// "demonstrated" (marched, protesters, participants, ...); "" for other words.
std::string_view CountedEvent(std::string_view lower);
// A unit of time, singular ("day", "hour", "year"): a count of it is a span of time,
// never a count of an event's dead or marchers ("rises from the dead five days after").
bool IsTimeUnit(std::string_view singular);
// Whether counts of `event` run: the dead, injured, arrested, missing, displaced or
// rescued of one event only grow as reports come in; a demonstration's count is of its
// day.
bool IsRunningEvent(std::string_view event);

// Words that say a member/participant entered or left a group ("quit", "left",
// "withdrew", "suspension", "joined", "expelled", ...): +1 entering, -1 leaving, 0 none.
int MembershipChange(std::string_view lower);

// Framing lists.
bool IsHedge(std::string_view lower);       // allegedly, reportedly, claimed, may, ...
bool IsFactive(std::string_view lower);     // confirmed, revealed, admitted, proved, ...
bool IsEvaluative(std::string_view lower);  // loaded labels and evaluative adjectives

// Speech/attribution verbs (said, told, declared, according (to), ...).
bool IsSpeechVerb(std::string_view lower);

// Approximators that make a number a bound or an estimate (about, over, at least, ...).
bool IsApproximator(std::string_view lower);

// Pairs of opposites common in news that WordNet does not link (new / long-standing,
// increase / decrease, confirmed / denied, joined / quit) and opposite compass directions
// (north / south, northeast / southwest; adjacent ones such as west / south-west are not).
// Both directions are listed.
const std::vector<std::pair<std::string, std::string>>& NewsOpposites();

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_LEXICON_H_
