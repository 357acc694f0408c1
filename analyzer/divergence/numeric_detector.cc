#include "analyzer/divergence/numeric_detector.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>
#include <set>
#include <unordered_map>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/quantity_names.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

const std::unordered_map<std::string, double>& SmallNumbers() {
  static const std::unordered_map<std::string, double> kMap = {
      {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
      {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"dozen", 12}};
  return kMap;
}

double Scale(std::string_view w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  if (w == "trillion") return 1e12;
  return 0;
}

// Value and the step of its last written digit ("49.51" -> 0.01, "40,000" -> 1); a
// single comma followed by one or two digits is a decimal comma ("49,51").
double ParseDigits(std::string_view s, double* step = nullptr) {
  std::string clean;
  const size_t comma = s.find(',');
  const bool decimal_comma = comma != std::string_view::npos &&
                             s.find(',', comma + 1) == std::string_view::npos &&
                             s.find('.') == std::string_view::npos &&
                             (s.size() - comma - 1 == 1 || s.size() - comma - 1 == 2);
  for (char c : s) {
    if (c == ',' && decimal_comma) {
      clean += '.';
    } else if (c != ',') {
      clean += c;
    }
  }
  if (step) {
    const size_t dot = clean.find('.');
    *step = dot == std::string::npos ? 1.0
                                     : std::pow(10.0, -static_cast<double>(clean.size() - dot - 1));
  }
  return std::atof(clean.c_str());
}

// Words before a figure that bound it from below ("more than 43") or above ("nearly
// 300"), or make it approximate both ways ("about").
enum class Bound { kNone, kAtLeast, kAtMost, kAbout };
Bound BoundBefore(const std::vector<text::Token>& t, size_t i) {
  Bound b = Bound::kNone;
  for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
    const std::string& w = t[k].lower;
    if (w == "over" || w == "more" || w == "least" || w == "above" || w == "exceeding" ||
        w == "exceed" || w == "exceeds" || w == "upwards") {
      b = Bound::kAtLeast;
    } else if (w == "nearly" || w == "almost" || w == "less" || w == "fewer" || w == "under" ||
               w == "below" || w == "up" || w == "most") {
      b = Bound::kAtMost;
    } else if (w == "about" || w == "around" || w == "approximately" || w == "roughly" ||
               w == "some" || w == "circa" || w == "estimated" || w == "nearby") {
      b = Bound::kAbout;
    }
  }
  return b;
}

// The ranges share more than a boundary point (49.52 [49.515, 49.525] and 49.51
// [49.505, 49.515] only touch: two different readings).
bool Overlap(const Quantity& x, const Quantity& y) {
  const double eps = 1e-9 * std::max({1.0, std::fabs(x.high), std::fabs(y.high)});
  if (x.measure && y.measure && !x.approximate && !y.approximate) {
    // Both read to the finer of the two precisions (numeric_detector.h Quantity::measure).
    return std::fabs(x.value - y.value) < std::min(x.step, y.step) - eps;
  }
  return x.low < y.high - eps && y.low < x.high - eps;
}

// The canonical unit a word names, or "" ("kilometres" -> "km").
std::string UnitOf(const std::string& w) {
  static const std::pair<const char*, const char*> kUnits[] = {
      {"km", "km"},         {"kms", "km"},          {"kilometre", "km"},
      {"kilometres", "km"}, {"kilometer", "km"},    {"kilometers", "km"},
      {"mile", "mile"},     {"miles", "mile"},      {"metre", "metre"},
      {"metres", "metre"},  {"meter", "metre"},     {"meters", "metre"},
      {"cm", "cm"},         {"mm", "mm"},           {"ft", "foot"},
      {"feet", "foot"},     {"foot", "foot"},       {"kg", "kg"},
      {"kilogram", "kg"},   {"kilograms", "kg"},    {"tonne", "tonne"},
      {"tonnes", "tonne"},  {"ton", "ton"},         {"tons", "ton"},
      {"degree", "degree"}, {"degrees", "degree"},  {"mph", "mph"},
      {"kmh", "kmh"},       {"hectare", "hectare"}, {"hectares", "hectare"},
      {"acre", "acre"},     {"acres", "acre"}};
  for (const auto& [word, unit] : kUnits) {
    if (w == word) return unit;
  }
  return "";
}

// A year-like number is a year unless a counted noun follows and no preposition, article
// or possessive precedes it ("in 2012", "the 2019 strike", "their 1967 clashes" are
// years; "2012 people" is a count).
bool ReadsAsYear(const std::vector<text::Token>& t, size_t i) {
  if (i > 0 && t[i - 1].IsWord()) {
    static const char* const kBefore[] = {
        "in",     "since", "of",     "by",     "from",   "until", "till",    "before", "after",
        "during", "the",   "early",  "late",   "mid",    "year",  "between", "and",    "to",
        "around", "circa", "spring", "summer", "autumn", "fall",  "winter",  "for",    "than",
        "a",      "its",   "their",  "his",    "her",    "our",   "whose"};
    for (const char* w : kBefore) {
      if (t[i - 1].lower == w) return true;
    }
  }
  if (i + 1 >= t.size() || !t[i + 1].IsWord()) return true;
  const std::string& next = t[i + 1].lower;
  return text::IsFunctionWord(next) || text::MonthNumber(next) || Scale(next) > 0 ||
         next.size() <= 2;
}

bool IsYearToken(const text::Token& t) {
  if (!t.IsNumber() || t.text.size() != 4) return false;
  int y = std::atoi(t.text.c_str());
  return y >= 1800 && y <= 2100;
}

std::string FormatValue(double v) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

}  // namespace

bool IsNumberWord(std::string_view w) {
  if (Scale(w) > 0) return true;
  std::string s(w);
  size_t dash = s.find('-');
  if (dash != std::string::npos) {
    return SmallNumbers().count(s.substr(0, dash)) && SmallNumbers().count(s.substr(dash + 1));
  }
  return SmallNumbers().count(s) > 0;
}

bool ParseNumberWords(const std::vector<std::string>& words, double* value) {
  double total = 0, current = 0;
  bool any = false;
  for (const std::string& w : words) {
    if (w == "and") continue;
    if (double s = Scale(w); s > 0) {
      if (current == 0) current = 1;
      if (s == 100) {
        current *= s;
      } else {
        total += current * s;
        current = 0;
      }
      any = true;
      continue;
    }
    size_t dash = w.find('-');
    if (dash != std::string::npos) {
      auto& m = SmallNumbers();
      auto x = m.find(w.substr(0, dash)), y = m.find(w.substr(dash + 1));
      if (x == m.end() || y == m.end()) return false;
      current += x->second + y->second;
      any = true;
      continue;
    }
    auto it = SmallNumbers().find(w);
    if (it == SmallNumbers().end()) return false;
    current += it->second;
    any = true;
  }
  *value = total + current;
  return any;
}

namespace {

// "counted" for a word saying how far a count of ballots has got ("with 98% of votes
// counted", "after counting 99 percent of the votes"), else "" (ClauseEvent's classify).
std::string_view CountProgress(std::string_view w) {
  return w == "counted" || w == "counting" || w == "tallied" || w == "tallying" || w == "tally" ||
                 w == "opened" || w == "reporting"
             ? std::string_view("counted")
             : std::string_view();
}

// The event of the clause around tokens [first, last]: the counted noun's own
// ("casualties"), else the nearest event word after the count, up to the clause's end,
// an infinitive "to" or 6 words, else the nearest before it ("the death toll rose to 820"), up to
// the clause's start, a preposition or 6 words. "20 soldiers were killed and four injured": 20
// killed, four injured.
// `classify` names the event a word says (CountedEvent by default).
std::string ClauseEvent(const std::vector<text::Token>& t, size_t first, size_t last,
                        std::string_view (*classify)(std::string_view) = CountedEvent) {
  if (const std::string_view e = classify(t[last].lower); !e.empty()) return std::string(e);
  for (size_t k = last + 1, words = 0; k < t.size() && words < 6; ++k) {
    if (t[k].kind == text::TokenKind::kPunct) break;
    if (t[k].kind == text::TokenKind::kNumber || IsNumberWord(t[k].lower)) break;
    // "to" starts another predicate: "people of the two countries to compare the
    // casualties" does not count casualties.
    if (t[k].lower == "to") break;
    if (const std::string_view e = classify(t[k].lower); !e.empty()) return std::string(e);
    ++words;
  }
  // Before the count, a verb takes it as its object ("killed 20 soldiers", "rose to
  // 820"); after a preposition the verb is another subject's ("people demonstrated in
  // more than 200 processions").
  static constexpr std::array<std::string_view, 10> kPrepositions = {
      "in", "at", "on", "during", "across", "from", "with", "by", "for", "of"};
  for (size_t k = first, words = 0; k-- > 0 && words < 6;) {
    if (t[k].kind == text::TokenKind::kPunct) break;
    if (t[k].kind == text::TokenKind::kNumber) break;
    if (std::find(kPrepositions.begin(), kPrepositions.end(), t[k].lower) != kPrepositions.end()) {
      break;
    }
    if (const std::string_view e = classify(t[k].lower); !e.empty()) return std::string(e);
    ++words;
  }
  return {};
}

// A small whole number set off by commas right after a capitalised word: a person's
// age ("Hamidou, 43, a garbage collector"), not a count.
bool IsAgeApposition(const std::vector<text::Token>& t, size_t i, double value, double step) {
  return step == 1 && value >= 1 && value < 120 && i >= 2 && t[i - 1].IsPunct(",") &&
         t[i - 2].IsWord() && t[i - 2].cap && i + 1 < t.size() && t[i + 1].IsPunct(",");
}

// Whether the count starting at token `i` is the object of a preposition, past its bound
// words ("demonstrated in more than 200 processions"): such a count is not what a later
// figure with an elided noun counts ("..., including 400,000 in Paris" counts people).
bool AfterPreposition(const std::vector<text::Token>& t, size_t i) {
  static constexpr std::array<std::string_view, 19> kBoundWords = {
      "more",   "than",          "less",    "fewer", "over",  "under", "nearly",
      "almost", "about",         "around",  "some",  "least", "at",    "up",
      "to",     "approximately", "roughly", "just",  "only"};
  static constexpr std::array<std::string_view, 11> kPrepositions = {
      "in", "on", "during", "across", "from", "with", "by", "for", "of", "into", "among"};
  size_t k = i;
  while (k > 0 && t[k - 1].IsWord() &&
         std::find(kBoundWords.begin(), kBoundWords.end(), t[k - 1].lower) != kBoundWords.end()) {
    --k;
  }
  return k > 0 && std::find(kPrepositions.begin(), kPrepositions.end(), t[k - 1].lower) !=
                      kPrepositions.end();
}

// Whether a later figure with an elided noun may count what `q` counts: a count of a
// named thing (not a share, a measurement, an age, a span of time such as "6 days",
// or a count of two kinds), not itself elided and not a preposition's object.
bool IsAntecedent(const Quantity& q, const std::vector<text::Token>& t) {
  return !q.elided && !q.referent.empty() && !q.measure && q.referent != "percent" &&
         q.referent != "age" && q.also.empty() && !IsTimeUnit(q.referent) &&
         !AfterPreposition(t, q.first_token);
}

// The year of the date mention nearest to `q` (within kPastDateWindow tokens; not a bound
// such as "since 1975") when it is before `now`, else 0: the figure counts something of
// that past year.
constexpr size_t kPastDateWindow = 24;
// `offset`: tokens before `q`'s own in the text `dates` were found in (a clause
// statement's lead).
int PastYear(const std::vector<text::DateMention>& dates, const Quantity& q, size_t offset,
             int now) {
  const size_t first = q.first_token + offset, last = q.last_token + offset;
  const text::DateMention* nearest = nullptr;
  size_t best = kPastDateWindow + 1;
  for (const text::DateMention& d : dates) {
    if (d.role == text::DateRole::kBound || !d.date.ok()) continue;
    // a mention overlapping the figure is the figure ("over 2003 islands")
    if (d.last_token >= first && d.first_token <= last) continue;
    const size_t gap = d.last_token < first ? first - d.last_token : d.first_token - last;
    if (gap < best) {
      best = gap;
      nearest = &d;
    }
  }
  return nearest != nullptr && nearest->date.year < now ? nearest->date.year : 0;
}

// Whether the words after a bare figure (token `j` on) leave its counted noun elided:
// the clause goes on with a place, a time or a source, or ends ("80,000 in Paris",
// "87,000, and", "55,000."), not with a verb ("Flight 370 was").
bool ElidedHead(const std::vector<text::Token>& t, size_t j) {
  if (j >= t.size() || t[j].kind == text::TokenKind::kPunct) return true;
  static constexpr std::array<std::string_view, 10> kAfter = {
      "in", "at", "on", "for", "across", "from", "and", "or", "according", "alone"};
  return std::find(kAfter.begin(), kAfter.end(), t[j].lower) != kAfter.end();
}

}  // namespace

std::vector<Quantity> FindQuantities(const std::vector<text::Token>& t,
                                     const Quantity* antecedent) {
  std::vector<Quantity> out;
  // The counts read so far (a deque: `antecedent` points into it), the last one the
  // antecedent of a figure whose counted noun is elided.
  std::deque<Quantity> counts;
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    double value = 0, step = 1;
    size_t j = i;  // one past the number
    if (t[i].IsNumber()) {
      if (IsYearToken(t[i]) && ReadsAsYear(t, i)) continue;
      // parts of dates and times: "May 15", "15 May", "10:38", "3-14"
      if (i > 0 &&
          (text::MonthNumber(t[i - 1].lower) || t[i - 1].IsPunct(":") || t[i - 1].IsPunct("-"))) {
        continue;
      }
      if (i + 1 < n && (text::MonthNumber(t[i + 1].lower) || t[i + 1].IsPunct(":"))) continue;
      value = ParseDigits(t[i].text, &step);
      j = i + 1;
      while (j < n && t[j].IsWord() && Scale(t[j].lower) > 0) {
        value *= Scale(t[j].lower);
        step *= Scale(t[j++].lower);
      }
    } else if (t[i].IsWord() && IsNumberWord(t[i].lower)) {
      std::vector<std::string> words;
      j = i;
      while (j < n && t[j].IsWord() &&
             (IsNumberWord(t[j].lower) ||
              (t[j].lower == "and" && j + 1 < n && IsNumberWord(t[j + 1].lower) &&
               Scale(t[j - 1].lower) > 0))) {
        words.push_back(t[j].lower);
        ++j;
      }
      // a lone "one" is mostly a pronoun ("one of the problems")
      if (words.size() == 1 && (words[0] == "one" || Scale(words[0]) > 0)) continue;
      if (!ParseNumberWords(words, &value)) continue;
      step = value >= 1000 ? std::pow(10.0, std::floor(std::log10(value))) : 1.0;
    } else {
      continue;
    }
    Quantity q;
    q.value = value;
    q.first_token = i;
    for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
      if (t[k].IsWord() && IsApproximator(t[k].lower) && t[k].lower != "an") q.approximate = true;
    }
    q.low = value - step / 2;
    q.high = value + step / 2;
    switch (BoundBefore(t, i)) {
      case Bound::kAtLeast:
        q.low = value;
        q.high = value * 1.5;
        break;
      case Bound::kAtMost:
        q.low = value * 0.75;
        q.high = value;
        break;
      case Bound::kAbout:
        q.low = std::min(q.low, value * 0.9);
        q.high = std::max(q.high, value * 1.1);
        break;
      case Bound::kNone:
        break;
    }
    q.step = step;
    size_t k = j;
    // A measurement: a unit right after the figure, or an earthquake's magnitude before or
    // after it ("magnitude 7", "a magnitude of 6.8", "6.8-magnitude", "7.0 magnitude").
    const std::string unit = k < n && t[k].IsWord() ? UnitOf(t[k].lower) : "";
    size_t magnitude_end = 0;  // one past the word "magnitude" after the figure, if any
    if (k < n && t[k].lower == "magnitude") {
      magnitude_end = k + 1;
    } else if (k + 1 < n && t[k].IsPunct("-") && t[k + 1].lower == "magnitude") {
      magnitude_end = k + 2;
    }
    const bool magnitude_before =
        (i >= 1 && t[i - 1].lower == "magnitude") ||
        (i >= 2 && t[i - 1].lower == "of" && t[i - 2].lower == "magnitude");
    // A share hedged with "about" is about a point either way, not a tenth of itself:
    // "about 52 per cent" is not 50.83 percent.
    const Bound bound = BoundBefore(t, i);
    auto share = [&] {
      q.referent = "percent";
      if (bound == Bound::kAbout) {
        q.low = std::min(value - step / 2, value - 1.0);
        q.high = std::max(value + step / 2, value + 1.0);
      }
    };
    if (!unit.empty()) {
      q.referent = unit;
      q.measure = true;
      q.last_token = k;
    } else if (magnitude_end > 0 || magnitude_before) {
      q.referent = "magnitude";
      q.measure = true;
      q.last_token = magnitude_end > 0 ? magnitude_end - 1 : j - 1;
    } else if (k < n && (t[k].IsPunct("%") || t[k].lower == "percent")) {
      share();
      q.last_token = k;
    } else if (k + 1 < n && t[k].lower == "per" && t[k + 1].lower == "cent") {  // British
      share();
      q.last_token = k + 1;
    } else {
      if (k + 1 < n && t[k].lower == "of" && Scale(t[j - 1].lower) > 0) ++k;  // millions of
      // A part of a group: "four of its soldiers", "43 of the troops" count the soldiers.
      static constexpr std::array<std::string_view, 6> kPossessive = {"its", "their", "the",
                                                                      "his", "her",   "our"};
      if (k + 2 < n && t[k].lower == "of" &&
          std::find(kPossessive.begin(), kPossessive.end(), t[k + 1].lower) != kPossessive.end()) {
        q.possessed = t[k + 1].lower != "the";
        k += 2;
      }
      size_t last = 0;
      size_t count = 0;
      // The head noun ends the run: a word after it ending in -ed or -ing is the verb
      // ("2 million people demonstrated" -> person, "35 Chinese troops died" -> troop);
      // before any noun it is an adjective ("injured people").
      auto verb_form = [&](const std::string& w) {
        return w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
      };
      while (k < n && count < 3 && t[k].IsWord() && !text::IsFunctionWord(t[k].lower) &&
             !IsNumberWord(t[k].lower) && !(IsSpeechVerb(t[k].lower) && t[k].lower.back() != 's') &&
             !(count > 0 && (verb_form(t[k].lower) || t[k].lower == "died"))) {
        last = k;
        ++k;
        ++count;
      }
      if (count == 0) {
        // A bare figure in digits ("the toll rose to 820."): a quantity of no stated
        // referent, compared only as the one figure of its side.
        if (!t[i].IsNumber()) {
          i = j - 1;
          continue;
        }
        last = j - 1;
      }
      q.referent = count == 0 ? "" : text::Singular(t[last].lower);
      q.last_token = last;
      if (count == 0) {
        // The counted noun before "numbering" / "totalling": "Chinese troops numbering
        // over 350" counts troops.
        static constexpr std::array<std::string_view, 6> kNumbering = {
            "numbering", "numbered", "totalling", "totaling", "totalled", "totaled"};
        size_t b = i;
        while (b > 0 && t[b - 1].IsWord() && IsApproximator(t[b - 1].lower)) --b;
        if (b >= 2 &&
            std::find(kNumbering.begin(), kNumbering.end(), t[b - 1].lower) != kNumbering.end() &&
            t[b - 2].IsWord() && !text::IsFunctionWord(t[b - 2].lower)) {
          q.referent = text::Singular(t[b - 2].lower);
        }
      }
      if (count == 0 && q.referent.empty()) {
        if (IsAgeApposition(t, i, value, step)) {
          q.referent = "age";
        } else if (antecedent != nullptr && ElidedHead(t, j)) {
          // "1.12 million people demonstrated, including 80,000 in Paris": the figure
          // counts what the sentence's previous count counts.
          q.referent = antecedent->referent;
          q.event = antecedent->event;
          q.elided = true;
        }
      }
      // "five officers and soldiers": a count of two kinds together.
      if (count > 0 && last + 2 < n && t[last + 1].lower == "and" && t[last + 2].IsWord() &&
          !text::IsFunctionWord(t[last + 2].lower) && !IsNumberWord(t[last + 2].lower)) {
        q.also = text::Singular(t[last + 2].lower);
      }
    }
    if (q.referent != "percent" && !q.measure && q.also.empty() && !IsTimeUnit(q.referent)) {
      // an elided figure keeps its antecedent's event unless its own clause names one
      std::string event = ClauseEvent(t, q.first_token, q.last_token);
      if (!event.empty() || !q.elided) q.event = std::move(event);
    }
    q.begin = t[q.first_token].begin;
    q.end = t[q.last_token].end;
    out.push_back(q);
    if (IsAntecedent(q, t)) {
      counts.push_back(q);
      antecedent = &counts.back();
    }
    i = j - 1;
  }
  return out;
}

std::optional<Quantity> LastCount(const std::vector<text::Token>& tokens) {
  std::optional<Quantity> last;
  for (Quantity& q : FindQuantities(tokens)) {
    if (IsAntecedent(q, tokens)) {
      last = std::move(q);
    }
  }
  return last;
}

std::vector<Finding> DetectNumeric(const Side& a, const Side& b, const DetectorContext& ctx,
                                   double min_overlap) {
  std::vector<Finding> out;
  // Counts of one event on both sides say what they are about themselves ("The quake
  // killed 820 people" / "the death toll had risen to 2,012"); other figures need the
  // two statements to share some content. (Event words are looked for first: finding
  // the quantities costs more.)
  auto has_event_word = [](const std::vector<text::Token>& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
      return t.IsWord() && !CountedEvent(t.lower).empty();
    });
  };
  const bool gated = min_overlap > 0 && text::ContentOverlap(a.tokens, b.tokens) < min_overlap;
  auto side_event_word = [&](const Side& s) {
    return has_event_word(s.tokens) || has_event_word(s.lead);
  };
  if (gated && (!side_event_word(a) || !side_event_word(b))) return out;
  // A clause statement's elided counted noun is the one its sentence counts before it.
  auto quantities = [](const Side& s) {
    const std::optional<Quantity> antecedent = s.lead.empty() ? std::nullopt : LastCount(s.lead);
    return FindQuantities(s.tokens, antecedent ? &*antecedent : nullptr);
  };
  std::vector<Quantity> qa = quantities(a), qb = quantities(b);
  const bool shared_event = std::any_of(qa.begin(), qa.end(), [&](const Quantity& x) {
    return !x.event.empty() && std::any_of(qb.begin(), qb.end(), [&](const Quantity& y) {
      return y.event == x.event;
    });
  });
  if (gated && !shared_event) return out;
  std::unordered_map<std::string, bool> done;
  // Counts of an event both sides give are compared by the event (see the header); a
  // noun counted for two different events is two kinds ("20 soldiers killed" / "four
  // soldiers injured").
  for (std::vector<Quantity>* side : {&qa, &qb}) {
    const std::vector<Quantity>& other = side == &qa ? qb : qa;
    for (Quantity& q : *side) {
      if (q.event.empty()) continue;
      const bool other_event = std::any_of(other.begin(), other.end(), [&](const Quantity& y) {
        return !y.event.empty() && y.event != q.event && y.referent == q.referent;
      });
      if (other_event) q.referent += " " + q.event;
    }
  }
  for (Quantity& x : qa) {
    if (x.event.empty()) continue;
    const bool both =
        std::any_of(qb.begin(), qb.end(), [&](const Quantity& y) { return y.event == x.event; });
    if (!both) continue;
    for (std::vector<Quantity>* side : {&qa, &qb}) {
      for (Quantity& q : *side) {
        if (q.event == x.event) q.referent = q.event;
      }
    }
  }
  // A count of what happened to a group ("four PLA soldiers died") is not the size of a
  // group that the other side counts with no event ("attacked by nearly 300 PLA
  // soldiers"): the two are different slots.
  for (std::vector<Quantity>* side : {&qa, &qb}) {
    const std::vector<Quantity>& other = side == &qa ? qb : qa;
    for (Quantity& q : *side) {
      if (q.event.empty() || q.referent == q.event) continue;
      const bool eventless = std::any_of(other.begin(), other.end(), [&](const Quantity& y) {
        return y.event.empty() && y.referent == q.referent;
      });
      if (eventless) q.referent += " " + q.event;
    }
  }
  // How far a count has got ("with 98% of votes counted") is compared only with how far
  // the other side's count has got, never with a result ("Erdogan won 49.5%").
  for (std::vector<Quantity>* side : {&qa, &qb}) {
    for (Quantity& q : *side) {
      if (q.event == "counted") q.referent = q.event;
    }
  }
  // The share of ballots counted so far ("with 98% of votes counted") is compared only
  // with the other side's share counted, never with a result ("Erdogan won 49.5%"). Only
  // shares: "the ministry counted 1.12 million demonstrators" counts marchers.
  for (auto [side, tokens] : {std::pair{&qa, &a.tokens}, std::pair{&qb, &b.tokens}}) {
    for (Quantity& q : *side) {
      if (q.referent == "percent" &&
          !ClauseEvent(*tokens, q.first_token, q.last_token, CountProgress).empty()) {
        q.referent = "percent counted";
      }
    }
  }
  // One figure a side, of the same kind: the claim's slot (see the header). Not for a
  // clause statement's bare figure: its sentence says what it counts, and the sentence
  // left it unread ("put the number of protesters ... at 1.2 million, including 80,000
  // in Paris"), so it is not free to take the other side's referent.
  const bool clause_bare = (qa.size() == 1 && qa[0].referent.empty() && !a.lead.empty()) ||
                           (qb.size() == 1 && qb[0].referent.empty() && !b.lead.empty());
  if (!clause_bare && qa.size() == 1 && qb.size() == 1 && qa[0].referent != qb[0].referent &&
      (qa[0].referent.empty() || qb[0].referent.empty()) &&
      (qa[0].referent == "percent") == (qb[0].referent == "percent")) {
    const std::string common = !qa[0].referent.empty() ? qa[0].referent : qb[0].referent;
    qa[0].referent = qb[0].referent = common;
  } else if (!clause_bare && qa.size() == 1 && qb.size() == 1 && qa[0].referent.empty()) {
    qa[0].referent = qb[0].referent = "figure";
  } else if (!clause_bare) {
    // Several figures a side, each side's others counting the same things ("$299 billion
    // over five years" / "$601 billion over five years"): the one figure a side that
    // counts nothing named fills the same slot, as a lone figure does.
    // The index of the one figure without a referent (-1: none or several); the
    // referents of the others into `named`.
    auto unnamed = [](const std::vector<Quantity>& qs, std::multiset<std::string>* named) {
      int only = -1, count = 0;
      for (size_t k = 0; k < qs.size(); ++k) {
        if (!qs[k].referent.empty()) {
          named->insert(qs[k].referent);
        } else if (++count == 1) {
          only = static_cast<int>(k);
        }
      }
      return count == 1 ? only : -1;
    };
    std::multiset<std::string> named_a, named_b;
    const int ua = unnamed(qa, &named_a), ub = unnamed(qb, &named_b);
    if (ua >= 0 && ub >= 0 && !named_a.empty() && named_a == named_b &&
        qa[ua].measure == qb[ub].measure) {
      qa[ua].referent = qb[ub].referent = "figure";
    }
  }
  // A figure of a past event its sentence dates is compared only with figures of the
  // same year: "their 1967 clashes, when India lost around 80 soldiers" is not the toll
  // of the clash both articles report (see the header).
  int now = 0;  // the earlier publication year of the two, 0 when neither is known
  for (const Side* s : {&a, &b}) {
    if (s->published && s->published->ok() && (now == 0 || s->published->year < now)) {
      now = s->published->year;
    }
  }
  if (now > 0) {
    for (auto [side, s] : {std::pair{&qa, &a}, std::pair{&qb, &b}}) {
      if (std::none_of(side->begin(), side->end(),
                       [](const Quantity& q) { return !q.referent.empty(); })) {
        continue;
      }
      // A clause statement is dated by its sentence too: the lead's tokens come first
      // (copied only for a clause).
      std::vector<text::Token> sentence;
      if (!s->lead.empty()) {
        sentence = s->lead;
        sentence.insert(sentence.end(), s->tokens.begin(), s->tokens.end());
      }
      const std::vector<text::DateMention> dates =
          text::FindDates(s->lead.empty() ? s->tokens : sentence, s->published);
      for (Quantity& q : *side) {
        if (!q.referent.empty()) q.past_year = PastYear(dates, q, s->lead.size(), now);
      }
    }
  }
  // A count of two kinds together that the other side gives in parts ("the five officers
  // and soldiers" / "two officers and three soldiers") agrees when the parts add up: the
  // two kinds are then not compared figure by figure.
  std::set<std::string> summed;
  auto sum_parts = [&](const std::vector<Quantity>& whole, const std::vector<Quantity>& parts) {
    for (const Quantity& w : whole) {
      if (w.also.empty()) continue;
      const Quantity* x = nullptr;
      const Quantity* y = nullptr;
      for (const Quantity& p : parts) {
        if (p.referent == w.referent && x == nullptr) x = &p;
        if (p.referent == w.also && y == nullptr) y = &p;
      }
      if (x == nullptr || y == nullptr) continue;
      Quantity total = *x;
      total.value = x->value + y->value;
      total.low = x->low + y->low;
      total.high = x->high + y->high;
      total.measure = false;
      if (Overlap(w, total)) summed.insert({w.referent, w.also});
    }
  };
  sum_parts(qa, qb);
  sum_parts(qb, qa);
  // The name each figure is about (quantity_names.h), so that two statements that each
  // give several figures of one kind compare the figures of the same name: "about 52 per
  // cent ... 43 per cent for Kilicdaroglu" vs "Erdogan ... 50.83 percent, compared to
  // 43.36 percent for Kilicdaroglu" compares 52 with 50.83, not 43 with 43.36.
  static const std::vector<std::string> kNoNames;
  const std::vector<std::string>& mid_names =
      ctx.mid_sentence_names ? *ctx.mid_sentence_names : kNoNames;
  const std::vector<NameRun> runs_a = FindNameRuns(a.tokens, mid_names);
  const std::vector<NameRun> runs_b = FindNameRuns(b.tokens, mid_names);
  // Two figures of one claim are about different names only when no word of their names
  // matches ("Indian Army" / "Indian" may be the same side; joining claims is stricter,
  // claim_slots.h uses the heads).
  auto name_of = [](const std::vector<NameRun>& runs, const std::vector<text::Token>& tokens,
                    const Quantity& q) {
    const NameRun* r = NearestNameRun(runs, q, tokens);
    return r != nullptr ? &r->folded : nullptr;
  };
  auto emit = [&](const Quantity& x, const Quantity& y, const std::string& referent) {
    Finding f;
    f.kind = report::DivergenceKind::kNumeric;
    f.a_begin = x.begin;
    f.a_end = x.end;
    f.b_begin = y.begin;
    f.b_end = y.end;
    // Hedged figures are weaker evidence; a larger relative difference ranks higher
    // (35 vs 43 before 49.51 vs 49.52), by at most 0.1.
    const double hi = std::max(std::fabs(x.value), std::fabs(y.value));
    const double gap = hi == 0 ? 0 : std::min(1.0, std::fabs(x.value - y.value) / hi);
    f.score = ((x.approximate || y.approximate) ? 0.5 : 0.7) + 0.1 * gap;
    f.summary = FormatValue(x.value) + " vs " + FormatValue(y.value) + " " + referent +
                (referent.starts_with("percent") || x.measure || referent == x.event ? "" : "(s)") +
                (x.past_year > 0 ? " in " + std::to_string(x.past_year) : "");
    // A figure of a past year is a dated past fact.
    f.nature = x.past_year > 0 ? TimeNature::kHistorical : TimeNature::kState;
    // Counts of what happened to people in one event only grow as reports come in; a
    // demonstration's count is of one day.
    f.running_count = referent == x.event && IsRunningEvent(x.event);
    f.a_value = x.value;
    f.b_value = y.value;
    out.push_back(std::move(f));
  };
  // Among candidate pairs: none when any pair agrees (the figures may be listed for
  // several things), else the closest pair.
  using Pair = std::pair<const Quantity*, const Quantity*>;
  auto judge = [&](const std::vector<Pair>& pairs, const std::string& referent) {
    const Quantity *best_x = nullptr, *best_y = nullptr;
    double best_gap = 1e300;
    for (const auto& [p, q] : pairs) {
      if (Overlap(*p, *q)) return;
      const double hi = std::max(std::fabs(p->value), std::fabs(q->value));
      const double gap = hi == 0 ? 0 : std::fabs(p->value - q->value) / hi;
      if (gap < best_gap) {
        best_gap = gap;
        best_x = p;
        best_y = q;
      }
    }
    if (best_x != nullptr) emit(*best_x, *best_y, referent);
  };
  // Figures are compared by what they count and the past year they are of.
  auto same_slot = [](const Quantity& p, const Quantity& q) {
    return p.referent == q.referent && p.past_year == q.past_year;
  };
  for (const Quantity& x : qa) {
    const std::string key = x.referent + "\x1f" + std::to_string(x.past_year);
    if (x.referent.empty() || done.count(key) || summed.count(x.referent)) continue;
    // How far a count had got when each outlet reported ("with 74.47 percent of ballot
    // boxes counted" / "91.55% of the ballot boxes opened") differs by the hour of the
    // report: no disagreement to review.
    if (x.referent == "counted" || x.referent == "percent counted") continue;
    done[key] = true;
    std::vector<const Quantity*> xs, ys;
    for (const Quantity& q : qa) {
      if (same_slot(q, x)) xs.push_back(&q);
    }
    for (const Quantity& q : qb) {
      if (same_slot(q, x)) ys.push_back(&q);
    }
    if (ys.empty()) continue;
    // Figures about matching names on both sides: the figures of `a` about one name
    // against the figures of `b` about a matching name, judged as one list. Those
    // figures are taken; the rest (a figure about no name, or about a name the other
    // side does not give) are judged together, as one list, but never a pair about two
    // different names.
    std::vector<char> taken_b(ys.size(), 0);
    std::vector<const Quantity*> rest_a;
    std::vector<std::pair<const NameRun*, std::vector<Pair>>> by_name;  // a's name run
    for (const Quantity* p : xs) {
      const NameRun* run = NearestNameRun(runs_a, *p, a.tokens);
      std::vector<Pair> pairs;
      for (size_t k = 0; k < ys.size() && run != nullptr; ++k) {
        const std::vector<std::string>* nq = name_of(runs_b, b.tokens, *ys[k]);
        if (nq != nullptr && AnyNameMatches(run->folded, *nq)) {
          pairs.push_back({p, ys[k]});
          taken_b[k] = 1;
        }
      }
      if (pairs.empty()) {
        rest_a.push_back(p);
        continue;
      }
      auto it = std::find_if(by_name.begin(), by_name.end(),
                             [&](const auto& g) { return g.first == run; });
      if (it == by_name.end()) {
        by_name.push_back({run, std::move(pairs)});
      } else {
        it->second.insert(it->second.end(), pairs.begin(), pairs.end());
      }
    }
    for (const auto& [run, pairs] : by_name) judge(pairs, x.referent);
    std::vector<Pair> pairs;
    // A part of an unnamed subject's own group ("the neighbouring country has lost 43 of
    // its soldiers") is about someone, so not about a name the other side gives.
    for (const Quantity* p : rest_a) {
      const bool p_named = name_of(runs_a, a.tokens, *p) != nullptr;
      for (size_t k = 0; k < ys.size(); ++k) {
        const bool y_named = name_of(runs_b, b.tokens, *ys[k]) != nullptr;
        if (taken_b[k] || ((p_named || p->possessed) && y_named) || (ys[k]->possessed && p_named)) {
          continue;
        }
        pairs.push_back({p, ys[k]});
      }
    }
    judge(pairs, x.referent);
  }
  return out;
}

}  // namespace diverge::divergence
