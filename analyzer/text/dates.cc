#include "analyzer/text/dates.h"

#include <cstdio>
#include <cstdlib>
#include <regex>

#include "analyzer/text/word_lists.h"

namespace diverge::text {
namespace {

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

bool IsYear(const Token& t) {
  if (!t.IsNumber() || t.text.size() != 4) return false;
  int y = ToInt(t.text);
  return y >= 1800 && y <= 2100;
}

int DayNumber(const Token& t) {
  if (!t.IsNumber() || t.text.size() > 2) return 0;
  int d = ToInt(t.text);
  return d >= 1 && d <= 31 ? d : 0;
}


// Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's algorithm.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

PartialDate CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  return PartialDate{int(y + (m <= 2)), int(m), int(d)};
}

}  // namespace

bool IsFutureMarker(std::string_view w) {
  return w == "will" || w == "scheduled" || w == "planned" || w == "plans" || w == "expected" ||
         w == "due" || w == "upcoming" || w == "postponed" || w == "next";
}

namespace {

bool IsBoundWord(std::string_view w) {
  return w == "since" || w == "by" || w == "until" || w == "till" || w == "before" ||
         w == "after" || w == "from" || w == "through";
}

}  // namespace

std::string PartialDate::ToString() const {
  if (year <= 0) return "";
  char buf[32];
  if (day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<PartialDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 4) return std::nullopt;
  PartialDate d;
  d.year = ToInt(s.substr(0, 4));
  if (d.year <= 0) return std::nullopt;
  if (s.size() >= 7 && s[4] == '-') {
    d.month = ToInt(s.substr(5, 2));
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-') {
      d.day = ToInt(s.substr(8, 2));
      if (d.day < 1 || d.day > 31) return std::nullopt;
    }
  }
  return d;
}

bool IsValidYear(int y) { return y >= 1800 && y <= 2200; }

bool IsValidDay(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  if (m == 2 && d == 29 && y != 0) {
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return leap;
  }
  return true;
}

bool IsValidPartialDate(std::string_view s) {
  static const std::regex re("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");
  std::cmatch m;
  if (!std::regex_match(s.begin(), s.end(), m, re)) return false;
  const int y = std::stoi(m[1].str());
  if (!IsValidYear(y)) return false;
  if (!m[2].matched) return true;
  const int mo = std::stoi(m[2].str());
  if (mo < 1 || mo > 12) return false;
  if (!m[3].matched) return true;
  return IsValidDay(y, mo, std::stoi(m[3].str()));
}

int CompareDates(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month == 0 || b.month == 0) return 0;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day == 0 || b.day == 0) return 0;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

int Weekday(std::string_view w) {
  static const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

int MonthNumber(std::string_view w) {
  static const char* kFull[] = {"january",   "february", "march",    "april",
                                "may",       "june",     "july",     "august",
                                "september", "october",  "november", "december"};
  static const char* kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

std::vector<DateMention> FindDates(const std::vector<Token>& t,
                                   const std::optional<PartialDate>& pub) {
  std::vector<DateMention> out;
  const size_t n = t.size();
  auto word = [&](size_t i) -> std::string_view {
    return i < n ? std::string_view(t[i].lower) : std::string_view();
  };
  // "may" is a month only when capitalised and next to a day or year.
  auto month_at = [&](size_t i) -> int {
    if (i >= n || !t[i].IsWord()) return 0;
    int m = MonthNumber(t[i].lower);
    if (m == 0 || !t[i].cap) return 0;
    if (m == 5 || t[i].lower.size() == 3) {
      bool near_num = (i + 1 < n && t[i + 1].IsNumber()) || (i > 0 && DayNumber(t[i - 1]));
      if (!near_num) return 0;
    }
    return m;
  };
  auto add = [&](size_t first, size_t last, PartialDate d, bool relative) {
    if (!d.ok()) return;
    DateMention m;
    m.first_token = first;
    m.last_token = last;
    m.begin = t[first].begin;
    m.end = t[last].end;
    m.date = d;
    m.relative = relative;
    if (first > 0 && IsBoundWord(word(first - 1))) m.role = DateRole::kBound;
    if (first > 1 && word(first - 1) == "late" && IsBoundWord(word(first - 2))) {
      m.role = DateRole::kBound;
    }
    out.push_back(m);
  };
  // Whether a future marker comes within kFutureMarkerWindow tokens before token i.
  auto future_at = [&](size_t i) {
    for (size_t k = i >= kFutureMarkerWindow ? i - kFutureMarkerWindow : 0; k < i; ++k) {
      if (t[k].IsWord() && IsFutureMarker(t[k].lower)) return true;
    }
    return false;
  };
  // Year of a month/day written without one (at token i): the latest such date not after
  // publication, or the earliest not before it after a future marker (a week's slack).
  auto year_for = [&](int month, int day, size_t i) -> int {
    if (!pub || !pub->ok()) return 0;
    if (pub->month == 0) return pub->year;
    if (future_at(i)) {
      if (month > pub->month ||
          (month == pub->month && (day == 0 || pub->day == 0 || day + 7 >= pub->day))) {
        return pub->year;
      }
      return pub->year + 1;
    }
    if (month < pub->month || (month == pub->month && (day == 0 || pub->day == 0))) {
      return pub->year;
    }
    // Up to kAheadDays after publication is this year's: an article dated May 15 that
    // names "May 28" means the coming one, not last year's.
    if (day > 0 && pub->day > 0 &&
        DaysFromCivil(pub->year, month, day) - DaysFromCivil(pub->year, pub->month, pub->day) <=
            kAheadDays) {
      return pub->year;
    }
    return pub->year - 1;
  };

  for (size_t i = 0; i < n; ++i) {
    int m = month_at(i);
    if (m > 0) {
      // Month Day(, Year) | Month Year | Month
      int day = DayNumber(i + 1 < n ? t[i + 1] : t[i]);
      if (i + 1 < n && day) {
        size_t j = i + 1;
        size_t k = j + 1;
        if (k < n && t[k].IsPunct(",")) ++k;
        if (k < n && IsYear(t[k])) {
          add(i, k, {ToInt(t[k].text), m, day}, false);
          i = k;
        } else {
          add(i, j, {year_for(m, day, i), m, day}, true);
          i = j;
        }
        continue;
      }
      if (i + 1 < n && IsYear(t[i + 1])) {
        add(i, i + 1, {ToInt(t[i + 1].text), m, 0}, false);
        ++i;
        continue;
      }
      size_t first = i;
      PartialDate d{0, m, 0};
      bool relative = true;
      if (i > 0 && (word(i - 1) == "last" || word(i - 1) == "this" || word(i - 1) == "next")) {
        first = i - 1;
        if (pub && pub->ok() && pub->month > 0) {
          if (word(i - 1) == "last") {
            d.year = m < pub->month ? pub->year : pub->year - 1;
          } else if (word(i - 1) == "next") {
            d.year = m > pub->month ? pub->year : pub->year + 1;
          } else {
            d.year = pub->year;
          }
        }
      } else if (i > 0 && (word(i - 1) == "in" || word(i - 1) == "since" || word(i - 1) == "by" ||
                           word(i - 1) == "until")) {
        d.year = year_for(m, 0, i);
      }
      add(first, i, d, relative);
      continue;
    }
    // Day Month (Year)
    if (int day = DayNumber(t[i]); day && month_at(i + 1)) {
      int mm = month_at(i + 1);
      if (i + 2 < n && IsYear(t[i + 2])) {
        add(i, i + 2, {ToInt(t[i + 2].text), mm, day}, false);
        i += 2;
      } else {
        add(i, i + 1, {year_for(mm, day, i), mm, day}, true);
        i += 1;
      }
      continue;
    }
    if (IsYear(t[i])) {
      PartialDate d{ToInt(t[i].text), 0, 0};
      size_t before = out.size();
      add(i, i, d, false);
      if (out.size() > before) {
        // "the 1992 Collective Security Treaty", "a 2008 UN-sponsored conference"
        std::string_view prev = word(i - 1 < n ? i - 1 : n);
        bool det = i > 0 && (prev == "the" || prev == "a" || prev == "an" || prev == "its" ||
                             prev == "their" || prev == "his" || prev == "her" || prev == "'s");
        bool noun_next = i + 1 < n && t[i + 1].IsWord() && !IsFunctionWord(t[i + 1].lower) &&
                         !MonthNumber(t[i + 1].lower);
        if (det && noun_next) out.back().role = DateRole::kAttributive;
      }
      continue;
    }
    if (t[i].IsWord() && (word(i) == "year" || word(i) == "month") && i > 0 && pub && pub->ok()) {
      std::string_view q = word(i - 1);
      int delta = q == "this" ? 0 : q == "last" ? -1 : q == "next" ? 1 : 99;
      if (delta == 99) continue;
      PartialDate d = *pub;
      d.day = 0;
      if (word(i) == "year") {
        d.year += delta;
        d.month = 0;
      } else {
        if (d.month == 0) continue;
        d.month += delta;
        if (d.month == 0) {
          d.month = 12;
          --d.year;
        }
        if (d.month == 13) {
          d.month = 1;
          ++d.year;
        }
      }
      add(i - 1, i, d, true);
      continue;
    }
    if (t[i].IsWord() && pub && pub->ok() && pub->day > 0) {
      int wd = Weekday(word(i));
      long pub_days = DaysFromCivil(pub->year, pub->month, pub->day);
      if (wd >= 0) {
        // the latest such weekday on or before publication (news reports past events), or
        // the earliest on or after it after a future marker ("will take place on Sunday")
        long pub_wd = ((pub_days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3)
        if (future_at(i)) {
          add(i, i, CivilFromDays(pub_days + (wd - pub_wd + 7) % 7), true);
          continue;
        }
        long back = (pub_wd - wd + 7) % 7;
        add(i, i, CivilFromDays(pub_days - back), true);
      } else if (word(i) == "yesterday") {
        add(i, i, CivilFromDays(pub_days - 1), true);
      } else if (word(i) == "today") {
        add(i, i, *pub, true);
      }
    }
  }
  return out;
}

}  // namespace diverge::text
