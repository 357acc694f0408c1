#include "bench/macro/synthetic_corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string_view>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::bench {
namespace {

namespace fs = std::filesystem;
using Words = std::vector<std::string>;

Words SplitWords(const std::string& s) {
  Words out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string Join(const Words& w) {
  std::string out;
  for (const std::string& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

// Adds the 8..40-word, single-line, ASCII-mostly sentences of `text` to `out`.
void AddSentences(const std::string& text, std::set<std::string>& out) {
  for (const text::Span& sp : text::SplitSentences(text)) {
    // Non-breaking and other folded spaces become plain ones, as ingest folds them (a row
    // keeping "criticism\u00a0for" matched no statement of the report).
    std::string s = Join(SplitWords(text::FoldSpaces(text.substr(sp.begin, sp.end - sp.begin))));
    size_t words = std::count(s.begin(), s.end(), ' ') + 1;
    if (words < 8 || words > 40 || s.find("http") != std::string::npos) continue;
    out.insert(s);
  }
}

// Every string under the JSON keys in `keys` (recursively), passed to AddSentences.
void AddJsonTexts(const nlohmann::json& j, const std::set<std::string>& keys, bool take,
                  std::set<std::string>& out) {
  if (j.is_string()) {
    if (take) AddSentences(j.get<std::string>(), out);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      AddJsonTexts(it.value(), keys, take || keys.count(it.key()), out);
    }
  } else if (j.is_array()) {
    for (const auto& x : j) AddJsonTexts(x, keys, take, out);
  }
}

const std::map<std::string, std::string>& Synonyms() {
  static const std::map<std::string, std::string> table = [] {
    const char* pairs[][2] = {
        {"said", "stated"},       {"says", "states"},         {"told", "informed"},
        {"big", "large"},         {"large", "big"},           {"small", "little"},
        {"began", "started"},     {"start", "begin"},         {"started", "began"},
        {"ended", "finished"},    {"rose", "increased"},      {"fell", "dropped"},
        {"increase", "rise"},     {"decrease", "drop"},       {"show", "indicate"},
        {"shows", "indicates"},   {"showed", "indicated"},    {"help", "assist"},
        {"buy", "purchase"},      {"bought", "purchased"},    {"people", "individuals"},
        {"officials", "authorities"}, {"government", "administration"},
        {"country", "nation"},    {"important", "significant"}, {"major", "key"},
        {"quickly", "rapidly"},   {"recent", "latest"},       {"recently", "lately"},
        {"often", "frequently"},  {"about", "roughly"},       {"nearly", "almost"},
        {"more", "additional"},   {"need", "require"},        {"needs", "requires"},
        {"plan", "proposal"},     {"plans", "proposals"},     {"attack", "assault"},
        {"killed", "slain"},      {"died", "perished"},       {"received", "got"},
        {"called", "termed"},     {"claimed", "asserted"},    {"announced", "declared"},
        {"reported", "stated"},   {"added", "noted"},         {"also", "additionally"},
        {"however", "but"},       {"because", "since"},       {"after", "following"},
        {"before", "prior to"},   {"during", "throughout"},   {"against", "versus"},
        {"help", "aid"},          {"law", "legislation"},     {"election", "vote"},
        {"leader", "head"},       {"group", "organization"},  {"company", "firm"},
        {"city", "town"},         {"children", "kids"},       {"house", "home"},
        {"police", "officers"},   {"lawmakers", "legislators"}, {"video", "footage"},
        {"statement", "announcement"}, {"decision", "ruling"}, {"wanted", "sought"},
        {"tried", "attempted"},   {"think", "believe"},       {"thinks", "believes"},
        {"lot", "great deal"},    {"first", "initial"},       {"final", "last"}};
    std::map<std::string, std::string> m;
    for (auto& p : pairs) m.emplace(p[0], p[1]);
    return m;
  }();
  return table;
}

bool IsFiller(const std::string& w) {
  static const std::set<std::string> kFiller = {"the", "a", "an", "that", "also", "very",
                                                "just", "really", "still", "now", "then"};
  return kFiller.count(w) > 0;
}

bool IsNumber(const std::string& w) {
  bool digit = false;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit && std::isdigit(static_cast<unsigned char>(w.front()));
}

std::string StripPunct(const std::string& w, std::string* tail) {
  size_t e = w.size();
  while (e > 0 && std::ispunct(static_cast<unsigned char>(w[e - 1])) && w[e - 1] != '%') --e;
  if (tail) *tail = w.substr(e);
  return w.substr(0, e);
}

bool IsYear(const std::string& core) {
  return core.size() == 4 && IsNumber(core) && core >= "1900" && core <= "2099";
}

// `keep[i]`: what paraphrasing may do to word i of a changed member. kKeepWord: the
// injected words ("not" and its auxiliary, the changed figure or date): never dropped nor
// swapped (dropping "not" would undo the divergence); kKeepInPlace: the words the change
// is about (what a figure counts, the event a date dates): never dropped, a synonym may
// replace them. Empty: nothing kept.
using Keep = std::vector<uint8_t>;
constexpr uint8_t kKeepInPlace = 1, kKeepWord = 2;

bool Kept(const Keep& keep, size_t i, uint8_t level = kKeepInPlace) {
  return i < keep.size() && keep[i] >= level;
}

bool DropWord(Words& w, Keep& keep, std::mt19937_64& rng) {
  if (w.size() < 6) return false;
  std::vector<size_t> filler;
  for (size_t i = 1; i < w.size(); ++i) {
    if (IsFiller(w[i]) && !Kept(keep, i)) filler.push_back(i);
  }
  size_t at = filler.empty() ? 1 + rng() % (w.size() - 2) : filler[rng() % filler.size()];
  if (IsNumber(StripPunct(w[at], nullptr)) || Kept(keep, at)) return false;
  w.erase(w.begin() + static_cast<long>(at));
  if (!keep.empty()) keep.erase(keep.begin() + static_cast<long>(at));
  return true;
}

bool SwapSynonym(Words& w, const Keep& keep, std::mt19937_64& rng) {
  std::vector<size_t> hits;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Synonyms().count(StripPunct(w[i], nullptr)) && !Kept(keep, i, kKeepWord)) {
      hits.push_back(i);
    }
  }
  if (hits.empty()) return false;
  size_t at = hits[rng() % hits.size()];
  std::string tail;
  std::string core = StripPunct(w[at], &tail);
  w[at] = Synonyms().at(core) + tail;
  return true;
}

// Whether a quotation opened in words 0..i is still open after word i: an odd number of
// straight double quotes, or more opening than closing curly ones.
bool InsideQuote(const Words& w, size_t i) {
  int straight = 0, curly = 0;
  for (size_t k = 0; k <= i; ++k) {
    for (size_t at = 0; at < w[k].size(); ++at) {
      straight += w[k][at] == '"';
      if (w[k].compare(at, 3, "\u201c") == 0) ++curly;
      if (w[k].compare(at, 3, "\u201d") == 0) --curly;
    }
  }
  return straight % 2 != 0 || curly > 0;
}

// "A b c, d e f." -> "D e f, a b c."
bool ReorderClauses(Words& w, Keep& keep) {
  for (size_t i = w.size() / 3; i + 3 < w.size(); ++i) {
    if (w[i].size() < 2 || w[i].back() != ',') continue;
    if (IsYear(StripPunct(w[i + 1], nullptr))) continue;  // "April 30, 1933": one date
    if (InsideQuote(w, i)) continue;  // "'Well, I fired ...'" stays one quotation
    Words out(w.begin() + static_cast<long>(i) + 1, w.end());
    std::string tail;
    out.back() = StripPunct(out.back(), &tail) + ",";
    Words head(w.begin(), w.begin() + static_cast<long>(i) + 1);
    head.back() = StripPunct(head.back(), nullptr) + (tail.empty() ? "." : tail);
    if (head.front().size() > 1 && std::isupper(static_cast<unsigned char>(head.front()[0])) &&
        std::islower(static_cast<unsigned char>(head.front()[1]))) {
      head.front()[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(head.front()[0])));
    }
    out.front()[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front()[0])));
    out.insert(out.end(), head.begin(), head.end());
    w = std::move(out);
    if (!keep.empty()) {
      Keep moved(keep.begin() + static_cast<long>(i) + 1, keep.end());
      moved.insert(moved.end(), keep.begin(), keep.begin() + static_cast<long>(i) + 1);
      keep = std::move(moved);
    }
    return true;
  }
  return false;
}

std::string Paraphrase(const std::string& base, std::mt19937_64& rng, Keep keep = {}) {
  Words w = SplitWords(base);
  int applied = 0;
  int order = static_cast<int>(rng() % 3);
  for (int t = 0; t < 3 && applied < 2; ++t) {
    int op = (order + t) % 3;
    bool ok = op == 0   ? DropWord(w, keep, rng)
              : op == 1 ? SwapSynonym(w, keep, rng)
                        : ReorderClauses(w, keep);
    applied += ok;
  }
  std::string out = Join(w);
  if (out == base && w.size() > 3 && !Kept(keep, 1)) {
    w.erase(w.begin() + 1);
    out = Join(w);
  }
  return out;
}

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

// The kinds of injected divergence, in the order the groups take them in turn.
constexpr report::DivergenceKind kInjectedKinds[] = {report::DivergenceKind::kNumeric,
                                                     report::DivergenceKind::kDate,
                                                     report::DivergenceKind::kNegation};

std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A month name or abbreviation, capitalised ("May", "Sept."; never the verb "may").
bool IsMonth(const std::string& core) {
  if (core.empty() || !std::isupper(static_cast<unsigned char>(core[0]))) return false;
  std::string w = Lower(core);
  if (!w.empty() && w.back() == '.') w.pop_back();
  return text::MonthNumber(w) != 0;
}

bool IsPlainWord(const std::string& w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

bool IsLowerWord(const std::string& w) {
  return IsPlainWord(w) && std::islower(static_cast<unsigned char>(w[0]));
}

// Words a count is not followed by when it counts something ("50 of 1,000", "3 to 5",
// "the 70 in the world": a rank, a range, a share): the text layer's function words and
// a few more prepositions and conjunctions.
bool IsFunctionWord(const std::string& w) {
  static const std::set<std::string, std::less<>> kMore = {
      "since", "times",  "throughout", "without", "near",
      "until", "behind", "beyond",     "around",  "nor"};
  return text::IsFunctionWord(w) || kMore.count(w) > 0;
}

// A negation word of the text ("not", "no", "never", "n't", ...): the detectors' cues.
bool IsNegationWord(std::string core) {
  while (!core.empty() && std::ispunct(static_cast<unsigned char>(core[0]))) core.erase(0, 1);
  const std::string w = Lower(core);
  return divergence::IsNegationCue(w) || w.ends_with("n't") || w.ends_with("n\u2019t");
}

// Words that open a subordinate or relative clause: a "not" inserted after them negates
// a side remark, not what the sentence claims.
bool IsSubordinator(std::string core) {
  while (!core.empty() && std::ispunct(static_cast<unsigned char>(core[0]))) core.erase(0, 1);
  static const std::set<std::string> kWords = {
      "that",  "which",   "who",      "whom",    "whose",  "where",    "when",
      "while", "whether", "if",       "because", "since",  "although", "though",
      "as",    "after",   "before",   "until",   "unless", "once",     "how",
      "what",  "why",     "whatever", "whoever", "so",     "than",     "like"};
  return kWords.count(Lower(core)) > 0;
}

// A past participle after "has/have/had" (so "has" is an auxiliary, not "has a plan").
bool IsParticiple(const std::string& w) {
  static const std::set<std::string> kIrregular = {
      "been",   "made",   "said", "told",  "won",    "lost",  "got",     "left",
      "led",    "met",    "paid", "sent",  "spent",  "built", "brought", "bought",
      "caught", "found",  "held", "kept",  "heard",  "felt",  "become",  "come",
      "put",    "set",    "cut",  "hit",   "struck", "sold",  "taught",  "thought",
      "fought", "sought", "run",  "begun", "done",   "gone"};
  return IsLowerWord(w) &&
         (kIrregular.count(w) > 0 || w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn"));
}

// Adverbs between an auxiliary and its verb: "not" before them reads oddly ("has not
// also been"), so such a site is not used.
bool IsAdverbAfterAux(const std::string& w) {
  if (w.size() > 4 && w.ends_with("ly")) return true;  // "was eventually sedated"
  static const std::set<std::string> kWords = {
      "somewhat",   "quite",      "very",      "so",      "too",      "rather",   "almost",
      "nearly",     "about",      "well",      "also",    "already",  "still",    "likely",
      "likewise",   "once",       "even",      "just",    "now",      "then",     "currently",
      "reportedly", "apparently", "allegedly", "always",  "often",    "usually",  "really",
      "only",       "probably",   "perhaps",   "ever",    "again",    "actually", "finally",
      "recently",   "previously", "widely",    "largely", "certainly"};
  return kWords.count(w) > 0;
}

bool HasUpper(const std::string& w) {
  return std::any_of(w.begin(), w.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

bool HasDigit(const std::string& w) {
  return std::any_of(w.begin(), w.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Word i is an end of a range: after "between" / "from", or a number or month within
// three words before or after it joined by "to", "and", "or" or a dash ("16 and 18", "$3
// billion to $4 billion", "June 2011 and July 2012"). One end of a range changed is a
// range no reader compares with the other.
bool InRange(const Words& w, size_t i) {
  static const std::set<std::string> kJoin = {"to", "and", "or", "-", "\u2013", "\u2014"};
  if (i > 0 && (Lower(w[i - 1]) == "between" || Lower(w[i - 1]) == "from")) return true;
  auto figure = [&](size_t k) { return HasDigit(w[k]) || IsMonth(StripPunct(w[k], nullptr)); };
  for (size_t k = i + 1; k < w.size() && k <= i + 3; ++k) {
    if (kJoin.count(w[k]) && k + 1 < w.size() && figure(k + 1)) return true;
  }
  for (size_t k = i; k-- > 0 && k + 3 >= i;) {
    if (kJoin.count(w[k]) && k > 0 && figure(k - 1)) return true;
  }
  return false;
}

std::string WithCommas(long long v) {
  std::string d = std::to_string(v), out;
  for (size_t k = 0; k < d.size(); ++k) {
    if (k > 0 && (d.size() - k) % 3 == 0) out += ',';
    out += d[k];
  }
  return out;
}

// An absolute point date (byte range of the text) and the word of the one-off event it
// dates.
struct EventDate {
  size_t begin = 0, end = 0;              // the date
  size_t event_begin = 0, event_end = 0;  // the event word
};

// The dates of one-off events in `text`: each word of a founding, signing, birth, death,
// election, attack or opening (lexicon.h EventClass) dated by the date mention nearest to
// it (text::FindDates), at most 6 words away, when that date is absolute and a point
// ("killed in 2011", "born on May 5, 1992"; the nearer date wins: "suggested in October
// 2013 that Apple will launch ... in 2014" dates the launch 2014). Changing such a date is
// what a reader calls a divergence; changing "since 2008" (a bound), "the 2012 election"
// (a name), a relative date or a date far from any event word ("X, born in Ohio, said in
// March 2014") is not.
std::vector<EventDate> OneOffEventDates(const std::string& text) {
  text::PartialDate published;
  published.year = 2020;
  published.month = 3;
  published.day = 15;
  const std::vector<text::Token> tokens = text::Tokenize(text);
  const std::vector<text::DateMention> dates = text::FindDates(tokens, published);
  auto words_between = [&](size_t a, size_t b) {  // word tokens strictly between a < b
    int n = 0;
    for (size_t k = a + 1; k < b; ++k) n += tokens[k].IsWord();
    return n;
  };
  std::vector<EventDate> out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].IsWord() ||
        !divergence::IsHistoricalEventClass(divergence::EventClass(tokens[k].lower))) {
      continue;
    }
    // A capitalised event word inside the sentence is part of a name ("The Election
    // Integrity Protection Act of 2021"), no event.
    if (tokens[k].cap && !tokens[k].sentence_start) continue;
    const text::DateMention* best = nullptr;
    int best_distance = 7, ties = 0;
    for (const text::DateMention& d : dates) {
      if (k >= d.first_token && k <= d.last_token) continue;
      const int distance =
          k < d.first_token ? words_between(k, d.first_token) : words_between(d.last_token, k);
      if (distance < best_distance) {
        best = &d;
        best_distance = distance;
        ties = 0;
      } else if (distance == best_distance) {
        ++ties;
      }
    }
    if (best == nullptr || ties > 0 || best->relative || best->role != text::DateRole::kPoint) {
      continue;
    }
    // A year followed by a code is a designation ("asteroid 2014 RC"), no date.
    if (best->last_token + 1 < tokens.size()) {
      const std::string& next = tokens[best->last_token + 1].text;
      if (next.size() >= 2 && std::all_of(next.begin(), next.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) != 0;
          })) {
        continue;
      }
    }
    out.push_back({best->begin, best->end, tokens[k].begin, tokens[k].end});
  }
  return out;
}

// Applies one divergence of `kind` to the words of a real sentence: the first site the
// text offers, or false. `keep` (same length as w afterwards) marks the changed words.
//  * numeric: a count or amount ("3,400 people", "$120,000", "80 percent") becomes
//    2x + 3 (a share over 45 percent: x / 2 - 1). Not a year, a day of a month ("Aug. 7",
//    "September 9"), a number in a name ("Transformers 5", "Flight 370"), a phone number
//    ("03000 999 999"), a rank or range ("the 70 in the world", "50 of 1,000"): a count is
//    an integer followed by the (lower-case) word it counts, or after a currency sign.
//  * date: a month name shifted 5 months, or a year minus 3, inside the point date of a
//    one-off event (OneOffEventDates).
//  * negation: "not" after the auxiliary of the sentence's claim: the first auxiliary,
//    with no subordinator or relative pronoun before it (not a side clause), in a sentence
//    without any negation (no double negation: "don't have not"), "has/have/had" only
//    before a participle ("have not been", never "have not any"), never before an adverb
//    ("has not also been").
bool InjectKind(Words& w, report::DivergenceKind kind, Keep& keep) {
  keep.assign(w.size(), 0);
  if (kind == report::DivergenceKind::kNumeric) {
    for (size_t i = 0; i < w.size(); ++i) {
      std::string tail;
      std::string core = StripPunct(w[i], &tail);
      std::string sign;
      if (!core.empty() && core[0] == '$') {
        sign = "$";
        core = core.substr(1);
      }
      const bool pct_sign = !core.empty() && core.back() == '%';
      if (pct_sign) core.pop_back();
      if (!IsNumber(core) || core.find('.') != std::string::npos || core[0] == '0') continue;
      if (IsYear(core) && sign.empty() && !pct_sign) continue;
      if (i > 0 && (IsMonth(StripPunct(w[i - 1], nullptr)) || w[i - 1] == "No." ||
                    w[i - 1] == "#" || Lower(w[i - 1]) == "number")) {
        continue;
      }
      if (i > 0 && sign.empty() && HasUpper(w[i - 1]) && w[i - 1].back() != '.' &&
          w[i - 1].back() != ',') {
        continue;  // "Transformers 5", "Boeing 737", "iOS 8", "RMB 70,000"
      }
      if (InRange(w, i)) continue;  // "between 16 and 18", "$3 billion to $4 billion"
      const std::string next = i + 1 < w.size() ? StripPunct(w[i + 1], nullptr) : "";
      const bool per_cent = next == "per" && i + 2 < w.size() && w[i + 2].rfind("cent", 0) == 0;
      if (IsMonth(next)) continue;  // "9 September"
      if (!pct_sign && sign.empty() && !per_cent &&
          (!tail.empty() || !IsLowerWord(next) || IsFunctionWord(next))) {
        continue;
      }
      const bool share = pct_sign || per_cent || next == "percent";
      std::string digits;
      for (char c : core) {
        if (c != ',') digits += c;
      }
      if (digits.size() > 9) continue;
      const long long x = std::stoll(digits);
      const long long y = share && x > 45 ? x / 2 - 1 : 2 * x + 3;
      w[i] = sign + (core.find(',') != std::string::npos ? WithCommas(y) : std::to_string(y)) +
             (pct_sign ? "%" : "") + tail;
      keep[i] = kKeepWord;
      if (i + 1 < w.size()) keep[i + 1] = kKeepInPlace;  // "$601 billion", never "$601"
      return true;
    }
    return false;
  }
  if (kind == report::DivergenceKind::kDate) {
    bool any = false;
    for (const std::string& x : w) {
      const std::string core = StripPunct(x, nullptr);
      any |= IsYear(core) || IsMonth(core);
    }
    if (!any) return false;  // dates parsed only in sentences with a month or a year
    const std::string text = Join(w);
    const std::vector<EventDate> dates = OneOffEventDates(text);
    size_t begin = 0;
    for (size_t i = 0; i < w.size(); begin += w[i].size() + 1, ++i) {
      std::string tail;
      const std::string core = StripPunct(w[i], &tail);
      const bool year = IsYear(core);
      const auto month = std::find(std::begin(kMonths), std::end(kMonths), core);
      if (!year && month == std::end(kMonths)) continue;
      const EventDate* span = nullptr;
      for (const EventDate& d : dates) {
        if (begin >= d.begin && begin < d.end) span = &d;
      }
      if (span == nullptr) continue;
      // The date's first and last words: not one end of a range ("between June 2011 and
      // July 2012", "from 1974 to 2001").
      size_t first = w.size(), last = 0, at = 0;
      for (size_t k = 0; k < w.size(); at += w[k].size() + 1, ++k) {
        if (at + w[k].size() > span->begin && at < span->end) {
          first = std::min(first, k);
          last = k;
        }
      }
      if (InRange(w, first) || InRange(w, last)) continue;
      // The whole date is kept ("on May 5, 1992" never loses its day or year), and its
      // event word is never dropped (a synonym may replace it: "killed" / "slain").
      at = 0;
      for (size_t k = 0; k < w.size(); at += w[k].size() + 1, ++k) {
        if (at >= span->begin && at < span->end) keep[k] = kKeepWord;
        if (at + w[k].size() > span->event_begin && at < span->event_end) {
          keep[k] = std::max(keep[k], kKeepInPlace);
        }
      }
      w[i] = (year ? std::to_string(std::stoi(core) - 3)
                   : std::string(kMonths[(month - std::begin(kMonths) + 5) % 12])) +
             tail;
      keep[i] = kKeepWord;
      return true;
    }
    return false;
  }
  static const std::set<std::string> kAux = {"is",    "was",    "are",  "were", "will",
                                             "has",   "have",   "had",  "can",  "would",
                                             "could", "should", "must", "might"};
  for (const std::string& x : w) {
    if (IsNegationWord(StripPunct(x, nullptr))) return false;
  }
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    std::string tail;
    const std::string core = StripPunct(w[i], &tail);
    if (IsSubordinator(core)) return false;
    if (!kAux.count(core)) continue;
    const std::string& next = w[i + 1];
    if (!tail.empty() || !IsLowerWord(StripPunct(next, nullptr)) || IsAdverbAfterAux(next) ||
        IsSubordinator(next)) {
      return false;  // "is not that ...", "was not eventually"
    }
    if ((core == "has" || core == "have" || core == "had") && !IsParticiple(next)) return false;
    w.insert(w.begin() + static_cast<long>(i) + 1, "not");
    keep.insert(keep.begin() + static_cast<long>(i) + 1, kKeepWord);
    keep[i] = kKeepWord;         // the auxiliary too: "has not expanded", never "not expanded"
    keep[i + 2] = kKeepInPlace;  // and what it negates: "was not revised", never "was not"
    return true;
  }
  return false;
}

}  // namespace

Result<std::vector<std::string>> LoadSourceSentences(const std::string& data_dir) {
  std::set<std::string> found;
  bool any = false;
  if (Result<std::string> csv = ReadFile(data_dir + "/fnc1/train_bodies.csv"); csv.ok()) {
    any = true;
    auto rows = ParseCsv(*csv);
    for (size_t r = 1; r < rows.size(); ++r) {
      if (rows[r].size() >= 2) AddSentences(rows[r][1], found);
    }
  }
  std::error_code ec;
  const std::set<std::string> kBasilKeys = {"body-paragraphs"};
  if (fs::is_directory(data_dir + "/basil/articles", ec)) {
    any = true;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(data_dir + "/basil/articles", ec)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    for (const fs::path& p : files) {
      Result<std::string> t = ReadFile(p.string());
      if (!t.ok()) continue;
      auto j = nlohmann::json::parse(*t, nullptr, false);
      if (!j.is_discarded()) AddJsonTexts(j, kBasilKeys, false, found);
    }
  }
  const std::set<std::string> kAllSidesKeys = {"roundup", "newBody"};
  if (fs::is_directory(data_dir + "/allsides_neus", ec)) {
    for (const auto& e : fs::directory_iterator(data_dir + "/allsides_neus", ec)) {
      if (e.path().extension() != ".jsonl") continue;
      any = true;
      std::ifstream in(e.path());
      for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded()) AddJsonTexts(j, kAllSidesKeys, false, found);
      }
    }
  }
  if (!any || found.empty()) {
    return Status::NotFound("no source sentences under " + data_dir +
                            " (fnc1, basil or allsides_neus)");
  }
  std::vector<std::pair<uint64_t, std::string>> keyed;
  for (const std::string& s : found) keyed.emplace_back(StableHash(s), s);
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [k, s] : keyed) out.push_back(std::move(s));
  return out;
}

SyntheticCorpus MakeSyntheticCorpus(const std::vector<std::string>& sentences,
                                    const CorpusSpec& spec) {
  SyntheticCorpus c;
  std::mt19937_64 rng(spec.seed);
  const int64_t n = spec.statements;
  c.documents = static_cast<int32_t>(std::max<int64_t>(spec.max_group * 2,
                                                       n / spec.statements_per_document));
  // Plan groups: sizes 2..max_group until grouped_fraction of n is used.
  std::vector<int> sizes;
  int64_t grouped = 0, target = static_cast<int64_t>(spec.grouped_fraction * n);
  while (grouped + 2 <= target) {
    int s = 2 + static_cast<int>(rng() % (spec.max_group - 1));
    s = static_cast<int>(std::min<int64_t>(s, target - grouped));
    sizes.push_back(s);
    grouped += s;
  }
  const int64_t bases = static_cast<int64_t>(sizes.size()) + (n - grouped);
  const int64_t S = static_cast<int64_t>(sentences.size());
  auto base_text = [&](int64_t k) -> std::string {
    if (k < S) return sentences[k];
    int64_t a = k % S, r = k / S;
    int64_t b = (a + 1 + (r * 7919) % (S - 1)) % S;
    Words wa = SplitWords(sentences[a]), wb = SplitWords(sentences[b]);
    Words out(wa.begin(), wa.begin() + static_cast<long>(wa.size() / 2));
    out.insert(out.end(), wb.begin() + static_cast<long>(wb.size() / 2), wb.end());
    return Join(out);
  };
  // Base indices, shuffled: every real sentence is a candidate even when fewer bases are
  // needed (the divergence groups pick theirs among them, below).
  std::vector<int64_t> order(static_cast<size_t>(std::max(bases, S)));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int64_t>(i);
  std::shuffle(order.begin(), order.end(), rng);

  struct Row {
    std::string text;
    int32_t doc;
    int64_t group;
  };
  std::vector<Row> rows;
  rows.reserve(static_cast<size_t>(n));
  std::vector<std::pair<int64_t, std::pair<int64_t, report::DivergenceKind>>>
      inj;  // rows pre-shuffle
  // Stories: runs of story_documents consecutive documents (the outlets covering one
  // event); a group's members sit in distinct documents of one story.
  const int32_t per_story = std::max(spec.max_group, spec.story_documents);
  const int32_t stories = std::max<int32_t>(1, c.documents / per_story);
  // Bases are taken in `order`, each position once (`taken`). A divergence group takes
  // the kind whose turn it is and, as its base, the next untaken sentence in `order` that
  // offers a site for that kind (each kind has its own cursor, which only moves forward;
  // the next kind when a cursor is exhausted): sentences dating a one-off event are rare
  // (181 of the 38,185 source sentences offer a date site, 2,693 a numeric one, 10,212 a
  // negation one), and a kind riding on whatever base came next was injected a handful of
  // times (3 dates at 10k statements before).
  std::vector<bool> taken(order.size(), false);
  int64_t cursor = 0, diverging = 0;
  int64_t kind_cursor[std::size(kInjectedKinds)] = {};
  auto take_at = [&](int64_t pos) {
    taken[pos] = true;
    c.spliced_bases += order[pos] >= S;
    return base_text(order[pos]);
  };
  auto take_base = [&]() {
    while (taken[cursor]) ++cursor;
    return take_at(cursor);
  };
  for (size_t g = 0; g < sizes.size(); ++g) {
    report::DivergenceKind kind = report::DivergenceKind::kOther;
    Words changed;
    Keep keep;
    std::string base;
    if (std::uniform_real_distribution<double>(0, 1)(rng) < spec.divergence_fraction) {
      const int kinds = static_cast<int>(std::size(kInjectedKinds));
      for (int t = 0; t < kinds && kind == report::DivergenceKind::kOther; ++t) {
        const int k = static_cast<int>((diverging + t) % kinds);
        for (int64_t& pos = kind_cursor[k]; pos < static_cast<int64_t>(order.size()); ++pos) {
          if (taken[pos]) continue;
          Words w = SplitWords(base_text(order[pos]));
          if (InjectKind(w, kInjectedKinds[k], keep)) {
            base = take_at(pos++);
            changed = std::move(w);
            kind = kInjectedKinds[k];
            break;
          }
        }
      }
      ++diverging;
    }
    if (kind == report::DivergenceKind::kOther) base = take_base();
    std::set<int32_t> used;
    int64_t first = static_cast<int64_t>(rows.size());
    const int32_t story = static_cast<int32_t>(rng() % stories);
    const int32_t story_docs =
        story + 1 < stories ? per_story : c.documents - story * per_story;
    for (int m = 0; m < sizes[g]; ++m) {
      int32_t d;
      do d = story * per_story + static_cast<int32_t>(rng() % story_docs);
      while (!used.insert(d).second);
      // The last member of a divergence group paraphrases the changed text, never
      // dropping or swapping the changed words.
      const bool is_changed = kind != report::DivergenceKind::kOther && m + 1 == sizes[g];
      rows.push_back({m == 0       ? base
                      : is_changed ? Paraphrase(Join(changed), rng, keep)
                                   : Paraphrase(base, rng),
                      d, static_cast<int64_t>(g)});
    }
    if (kind != report::DivergenceKind::kOther) {
      inj.push_back({first, {static_cast<int64_t>(rows.size()) - 1, kind}});
    }
  }
  for (int64_t g = static_cast<int64_t>(sizes.size()); g < bases; ++g) {
    rows.push_back({take_base(), static_cast<int32_t>(rng() % c.documents), g});
  }
  // Shuffle rows; keep the injected pairs pointing at their rows.
  std::vector<int64_t> perm(rows.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<int64_t>(i);
  std::shuffle(perm.begin(), perm.end(), rng);
  std::vector<int32_t> where(rows.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    Row& r = rows[perm[i]];
    where[perm[i]] = static_cast<int32_t>(i);
    c.text.push_back(std::move(r.text));
    c.doc.push_back(r.doc);
    c.group.push_back(r.group);
  }
  for (auto& [a, bk] : inj) c.injected.push_back({where[a], where[bk.first], bk.second});
  return c;
}

}  // namespace diverge::bench
