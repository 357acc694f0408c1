// Dates, the one implementation every module calls: partial calendar dates (year,
// year-month, or full), month names, and date expressions found in tokenized text, resolved against
// a publication date ("last June" in a 2012-11 article is 2012-06; "on Thursday" in a 2017-06-15
// article is 2017-06-15; "this year" is the publication year). Expressions that cannot be resolved
// are dropped, never guessed.
#ifndef DIVERGE_ANALYZER_TEXT_DATES_H_
#define DIVERGE_ANALYZER_TEXT_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/text/tokenizer.h"

namespace diverge::text {

struct PartialDate {
  int year = 0;   // 0 = unknown (then the date is unusable)
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown
  bool ok() const { return year > 0; }
  // "2012", "2012-06", "2012-06-15"; empty when the year is unknown.
  std::string ToString() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (anything after the day is ignored).
std::optional<PartialDate> ParseIsoDate(std::string_view s);

// True for a real calendar date written exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a
// year in [1800, 2200] (2021-02-29 is not one).
bool IsValidPartialDate(std::string_view s);
bool IsValidYear(int year);                     // 1800..2200
bool IsValidDay(int year, int month, int day);  // year 0: Feb 29 allowed

// Compares at the finest granularity both dates have: -1 a earlier, 0 same or
// indistinguishable, +1 a later. 2012 vs 2012-06 -> 0; 2011-08 vs 2012 -> -1.
int CompareDates(const PartialDate& a, const PartialDate& b);

enum class DateRole {
  kPoint,       // "in 2002", "on May 15, 1992", "last June"
  kBound,       // "since 1998", "by late 2011", "until 2020", "before 2010"
  kAttributive  // "the 1992 Collective Security Treaty" (names a thing, dates no event)
};

struct DateMention {
  size_t first_token = 0, last_token = 0;  // inclusive token range
  size_t begin = 0, end = 0;               // byte range in the text
  PartialDate date;
  bool relative = false;  // resolved against the publication date
  DateRole role = DateRole::kPoint;
};

// Finds and resolves the date expressions of a tokenized text. A month and day (or a
// month, or a weekday) written without a year is the latest such date not after
// publication, as news reports past events, except that a month and day up to kAheadDays
// after publication is that one (an article of May 15 naming "May 28" means the coming
// one); when a future marker (IsFutureMarker) comes within kFutureMarkerWindow tokens
// before it ("will be decided by a runoff on May 28", "will take place on Sunday"), it is
// the earliest such date not before publication (a week's slack for a month and day).
std::vector<DateMention> FindDates(const std::vector<Token>& tokens,
                                   const std::optional<PartialDate>& published);

// A word that puts what a sentence says after its publication: "will", "scheduled",
// "planned", "plans", "expected", "due", "upcoming", "postponed", "next".
bool IsFutureMarker(std::string_view lower_word);
inline constexpr size_t kFutureMarkerWindow = 8;
inline constexpr long kAheadDays = 31;

// Month number of a month name or abbreviation ("june", "sept"), 0 otherwise.
int MonthNumber(std::string_view lower);
// Day of the week of a lower-case weekday name ("monday" = 0 .. "sunday" = 6), -1 otherwise.
int Weekday(std::string_view lower);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_DATES_H_
