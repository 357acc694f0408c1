// The word lists themselves. Written by hand for diverge; keep each list short and
// general (no corpus-specific names).
#include "analyzer/divergence/lexicon.h"

#include <unordered_map>
#include <unordered_set>

#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool In(const WordSet& set, std::string_view w) { return set.count(w) > 0; }

}  // namespace

bool IsNegationCue(std::string_view w) {
  static const WordSet kCues = {"not",     "no",      "never", "without", "nobody", "none",
                                "nothing", "neither", "nor",   "nowhere", "cannot", "noone"};
  return In(kCues, w);
}

bool IsNegatingVerb(std::string_view w) {
  static const WordSet kVerbs = {"failed",  "fails",     "fail",     "denied",  "denies",
                                 "deny",    "refused",   "refuses",  "refuse",  "rejected",
                                 "rejects", "dismissed", "declined", "declines"};
  return In(kVerbs, w);
}

bool IsRefutation(std::string_view w) {
  static const WordSet kWords = {
      "hoax",        "hoaxes",    "fake",     "faked",    "false",     "falsely",
      "untrue",      "debunked",  "debunk",   "debunks",  "denied",    "denies",
      "deny",        "denial",    "refuted",  "refutes",  "refute",    "fabricated",
      "fabrication", "baseless",  "bogus",    "myth",     "satire",    "satirical",
      "unfounded",   "disproved", "disputed", "disputes", "retracted", "retraction"};
  return In(kWords, w);
}

std::string EventClass(std::string_view w) {
  static const std::unordered_map<std::string, std::string> kStems = [] {
    std::unordered_map<std::string, std::string> m;
    auto add = [&](const char* cls, std::initializer_list<const char*> words) {
      for (const char* x : words) m[text::Stem(x)] = cls;
    };
    add("founding", {"founded", "established", "formed", "created", "launched", "inaugurated",
                     "founding", "establishment", "formation", "creation", "incorporated"});
    add("signing", {"signed", "ratified", "signing", "ratification"});
    add("birth", {"born", "birth"});
    add("death",
        {"died", "death", "killed", "assassinated", "executed", "slain", "perished", "murdered"});
    add("election", {"elected", "election", "re-elected", "appointed", "appointment", "polls"});
    add("membership", {"joined", "quit", "withdrew", "withdrawn", "withdrawal", "expelled",
                       "admitted", "accession", "suspension", "suspended", "left"});
    add("meeting", {"met", "meeting", "summit", "convened", "conference"});
    add("attack",
        {"attacked", "attack", "bombed", "bombing", "invaded", "invasion", "assault", "assaulted"});
    add("arrest", {"arrested", "detained", "arrest", "detention", "released", "freed"});
    add("opening", {"opened", "closed", "completed", "built", "constructed"});
    return m;
  }();
  auto it = kStems.find(text::Stem(w));
  return it == kStems.end() ? std::string() : it->second;
}

std::string_view CountedEvent(std::string_view w) {
  // A count of demonstrations is not a count of demonstrators: "demonstrations" is not
  // listed.
  static const std::unordered_map<std::string_view, std::string_view> kWords = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kEvents = {
        {"killed",
         {"killed", "died", "dead", "deaths", "death", "toll", "perished", "fatalities",
          "casualties", "lives", "slain", "killing", "dying", "lost"}},
        {"injured", {"injured", "wounded", "hurt", "injuries", "injuring"}},
        {"arrested", {"arrested", "detained", "arrests"}},
        {"missing", {"missing"}},
        {"displaced", {"evacuated", "displaced", "homeless", "evacuees"}},
        {"rescued", {"rescued"}},
        {"demonstrated",
         {"demonstrated", "demonstrating", "demonstrators", "demonstrator", "marched", "marching",
          "marchers", "protested", "protesting", "protesters", "protestors", "rallied",
          "participants", "participated"}},
    };
    for (const auto& [event, words] : kEvents) {
      for (std::string_view x : words) m.emplace(x, event);
    }
    return m;
  }();
  auto it = kWords.find(w);
  return it == kWords.end() ? std::string_view() : it->second;
}

bool IsTimeUnit(std::string_view w) {
  static const WordSet kUnits = {"second", "minute", "hour", "day",    "night",
                                 "week",   "month",  "year", "decade", "century"};
  return In(kUnits, w);
}

bool IsRunningEvent(std::string_view event) { return !event.empty() && event != "demonstrated"; }

bool IsHistoricalEventClass(std::string_view c) {
  return c == "founding" || c == "signing" || c == "birth" || c == "death" || c == "election" ||
         c == "attack" || c == "opening";
}

int MembershipChange(std::string_view w) {
  static const WordSet kLeave = {"quit",       "quits",     "left",     "leave",     "leaves",
                                 "withdrew",   "withdrawn", "withdraw", "withdraws", "withdrawal",
                                 "suspension", "suspended", "suspends", "expelled",  "expulsion",
                                 "exit",       "exited",    "former",   "departure", "ceased"};
  static const WordSet kEnter = {"joined",   "joins",      "join",    "admitted", "accession",
                                 "rejoined", "readmitted", "entered", "new"};
  if (In(kLeave, w)) return -1;
  if (In(kEnter, w)) return 1;
  return 0;
}

bool IsHedge(std::string_view w) {
  static const WordSet kHedges = {
      "allegedly", "reportedly", "purportedly", "supposedly", "apparently", "claimed",
      "claims",    "claim",      "alleged",     "alleges",    "suggests",   "suggested",
      "possibly",  "perhaps",    "likely",      "unlikely",   "probably",   "might",
      "may",       "could",      "seems",       "seemed",     "appears",    "appeared",
      "rumored",   "rumoured",   "unconfirmed", "unverified", "believed",   "thought",
      "estimated", "presumably", "so-called",   "reported"};
  return In(kHedges, w);
}

bool IsFactive(std::string_view w) {
  static const WordSet kFactives = {
      "confirmed",    "confirms",     "revealed",    "reveals",    "admitted", "admits",
      "acknowledged", "acknowledges", "proved",      "proves",     "proven",   "showed",
      "shows",        "demonstrated", "established", "discovered", "learned",  "realized",
      "noted",        "exposed",      "verified",    "indeed",     "clearly",  "undeniably",
      "certainly",    "fact"};
  return In(kFactives, w);
}

bool IsEvaluative(std::string_view w) {
  static const WordSet kEvaluative = {
      // loaded labels for people and groups
      "provocateur", "provocateurs", "agitator", "agitators", "regime", "thug", "thugs", "puppet",
      "puppets", "mob", "mobs", "zealot", "zealots", "fanatic", "fanatics", "radical", "radicals",
      "hardliner", "hardliners", "henchmen", "cronies", "junta", "propagandist", "propagandists",
      "collaborator", "collaborators", "dissident", "dissidents", "opponents", "rioters", "looters",
      "separatists", "insurgents", "freedom", "crackdown", "repression", "persecution",
      "propaganda", "censorship", "aggression", "occupation", "invasion", "liberation", "massacre",
      "slaughter",
      // evaluative adjectives and adverbs
      "dishonest", "disastrous", "shameful", "outrageous", "brutal", "heroic", "reckless",
      "draconian", "illegitimate", "legitimate", "sham", "notorious", "infamous", "corrupt",
      "regrettably", "unfortunately", "fortunately", "great", "terrible", "controversial",
      "so-called", "warmed-over", "baseless", "false", "fake", "misleading", "alarming",
      "successful", "successfully", "failed", "effective", "efficient", "vulnerable"};
  return In(kEvaluative, w);
}

bool IsSpeechVerb(std::string_view w) {
  static const WordSet kSpeech = {
      "said",      "says",      "say",       "told",      "tells",     "declared",   "declares",
      "stated",    "states",    "announced", "announces", "noted",     "notes",      "added",
      "adds",      "claimed",   "claims",    "argued",    "argues",    "warned",     "warns",
      "explained", "reported",  "reports",   "insisted",  "mentioned", "emphasized", "stressed",
      "commented", "according", "recalled",  "admitted"};
  return In(kSpeech, w);
}

bool IsApproximator(std::string_view w) {
  static const WordSet kApprox = {
      "about", "around", "approximately", "nearly",    "almost", "roughly", "some",      "over",
      "more",  "less",   "fewer",         "least",     "most",   "up",      "estimated", "an",
      "under", "above",  "below",         "exceeding", "than",   "circa",   "about"};
  return In(kApprox, w);
}

const std::vector<std::pair<std::string, std::string>>& NewsOpposites() {
  static const std::vector<std::pair<std::string, std::string>> kPairs = [] {
    std::vector<std::pair<std::string, std::string>> base = {
        {"new", "long-standing"},
        {"new", "old"},
        {"increase", "decrease"},
        {"increased", "decreased"},
        {"rise", "fall"},
        {"rose", "fell"},
        {"raised", "lowered"},
        {"confirmed", "denied"},
        {"confirm", "deny"},
        {"joined", "quit"},
        {"joined", "left"},
        {"join", "leave"},
        {"win", "lose"},
        {"won", "lost"},
        {"accepted", "rejected"},
        {"approved", "rejected"},
        {"support", "oppose"},
        {"supported", "opposed"},
        {"supports", "opposes"},
        {"allowed", "banned"},
        {"allow", "ban"},
        {"legal", "illegal"},
        {"success", "failure"},
        {"succeeded", "failed"},
        {"guilty", "innocent"},
        {"convicted", "acquitted"},
        {"opened", "closed"},
        {"open", "closed"},
        {"started", "ended"},
        {"began", "ended"},
        {"expanded", "reduced"},
        {"growth", "decline"},
        {"grew", "shrank"},
        {"gain", "loss"},
        {"peaceful", "violent"},
        {"ally", "enemy"},
        {"allies", "enemies"},
        {"strengthen", "weaken"},
        {"strengthened", "weakened"},
        {"lifted", "imposed"},
        {"ally", "adversary"},
        {"victory", "defeat"},
        {"agree", "disagree"},
        {"agreed", "disagreed"},
        {"true", "false"},
        {"alive", "dead"},
        {"present", "absent"},
        {"added", "removed"},
        {"add", "remove"},
        // Opposite compass directions ("71 km southwest of Marrakech" / "northeast of").
        {"north", "south"},
        {"east", "west"},
        {"northern", "southern"},
        {"eastern", "western"},
        {"northeast", "southwest"},
        {"northwest", "southeast"},
        {"north-east", "south-west"},
        {"north-west", "south-east"},
        {"northeastern", "southwestern"},
        {"northwestern", "southeastern"},
    };
    std::vector<std::pair<std::string, std::string>> both;
    for (auto& [x, y] : base) {
      both.emplace_back(x, y);
      both.emplace_back(y, x);
    }
    return both;
  }();
  return kPairs;
}

}  // namespace diverge::divergence
