#include "analyzer/ingest/metadata_inference.h"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "analyzer/text/dates.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace {

constexpr const char* kMonth =
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

// The month of a name the kMonth pattern matched ("Sept", "March").
int MonthOfName(const std::string& name) { return text::MonthNumber(text::AsciiLower(name)); }

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  char32_t cp = 0;
  text::DecodeUtf8(w, &i, &cp);
  return text::IsUpperLetter(cp) || (cp >= '0' && cp <= '9');
}

bool HasTerminalPunct(std::string_view s) {
  return s.find_first_of(".!?") != std::string_view::npos;
}

// A short capitalised name: 1..max_words words, each capitalised or a lowercase
// particle ("of", "the", "for", "and", "de"), the first capitalised.
bool LooksLikeName(std::string_view s, size_t max_words) {
  const auto words = Words(s);
  if (words.empty() || words.size() > max_words) return false;
  size_t i0 = 0;
  char32_t first = 0;
  text::DecodeUtf8(words[0], &i0, &first);
  if (!text::IsUpperLetter(first)) return false;
  static const char* kParticles[] = {"of", "the", "for", "and", "de", "la", "van", "von",
                                     "al", "bin", "del", "da",  "on", "&",  "-"};
  for (const auto& w : words) {
    if (StartsUpper(w)) continue;
    if (std::find_if(std::begin(kParticles), std::end(kParticles),
                     [&](const char* p) { return w == p; }) == std::end(kParticles)) {
      return false;
    }
  }
  return true;
}

std::string TrimPunct(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',' || s.back() == ';' ||
                        s.back() == ':')) {
    s.pop_back();
  }
  size_t b = 0;
  while (b < s.size() &&
         (s[b] == ' ' || s[b] == ',' || s[b] == '-' || s[b] == ':' || s[b] == '.')) {
    ++b;
  }
  return s.substr(b);
}

}  // namespace

std::vector<DateMatch> FindDates(std::string_view folded) {
  static const std::vector<std::regex> kPatterns = [] {
    const std::string mo = kMonth;
    return std::vector<std::regex>{
        std::regex("\\b(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])"),                   // 0 ISO
        std::regex("\\b(\\d{1,2}) " + mo + ",? (\\d{4})\\b"),                   // 1 DMY
        std::regex("\\b" + mo + " (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b"),   // 2 MDY
        std::regex("\\b" + mo + ",? (\\d{4})\\b"),                              // 3 MY
        std::regex("\\b(\\d{1,2}) " + mo + "(?![A-Za-z])"),                     // 4 DM
        std::regex("\\b" + mo + " (\\d{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z])"),  // 5 MD
    };
  }();
  std::vector<DateMatch> out;
  if (std::none_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return out;  // every pattern needs a digit
  }
  const std::string s(folded);
  for (size_t p = 0; p < kPatterns.size(); ++p) {
    for (auto it = std::sregex_iterator(s.begin(), s.end(), kPatterns[p]);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      const size_t b = static_cast<size_t>(m.position(0));
      const size_t e = b + static_cast<size_t>(m.length(0));
      if (std::any_of(out.begin(), out.end(),
                      [&](const DateMatch& d) { return b < d.end && d.begin < e; })) {
        continue;
      }
      text::PartialDate d;
      switch (p) {
        case 0:
          d = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
          break;
        case 1:
          d = {std::stoi(m[3]), MonthOfName(m[2]), std::stoi(m[1])};
          break;
        case 2:
          d = {std::stoi(m[3]), MonthOfName(m[1]), std::stoi(m[2])};
          break;
        case 3:
          d = {std::stoi(m[2]), MonthOfName(m[1]), 0};
          break;
        case 4:
          d = {0, MonthOfName(m[2]), std::stoi(m[1])};
          break;
        case 5:
          d = {0, MonthOfName(m[1]), std::stoi(m[2])};
          break;
      }
      if (d.year != 0 && !text::IsValidYear(d.year)) continue;
      if (d.day != 0 && !text::IsValidDay(d.year, d.month, d.day)) continue;
      if (d.month < 1 || d.month > 12) continue;
      out.push_back({d, b, e});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DateMatch& a, const DateMatch& b) { return a.begin < b.begin; });
  return out;
}

std::optional<Dateline> ParseDateline(std::string_view folded) {
  // Cheap filters first: every dateline starts with a capital letter or a digit.
  if (folded.size() < 4) return std::nullopt;
  const char c0 = folded[0];
  const bool upper0 = c0 >= 'A' && c0 <= 'Z';
  if (!upper0 && !(c0 >= '0' && c0 <= '9')) return std::nullopt;
  const bool caps = upper0 && folded[1] >= 'A' && folded[1] <= 'Z';
  const std::string s(folded.substr(0, 200));  // a dateline prefix is short
  const auto anchored = std::regex_constants::match_continuous;
  // CITY[, date] (Agency) [-–—:]
  static const std::regex kAgency(
      "^([A-Z][A-Z'.\\-]+(?: [A-Z][A-Z'.\\-]+){0,3})(?:, ([^()]{3,40}?))? \\(([^()]{2,40})\\)"
      "(?: ?(?:-|\xE2\x80\x93|\xE2\x80\x94|:) ?| |$)");
  // CITY — (AP style, no agency)
  static const std::regex kCityDash(
      "^([A-Z][A-Z'.\\-]+(?: [A-Z][A-Z'.\\-]+){0,2}),? (?:-|\xE2\x80\x93|\xE2\x80\x94) ");
  std::smatch m;
  if (caps && std::regex_search(s, m, kAgency, anchored)) {
    const std::string agency = m[3].str();
    if (Words(agency).size() <= 3 && StartsUpper(agency)) {
      Dateline d;
      d.outlet = agency;
      if (m[2].matched) {
        auto dates = FindDates(m[2].str());
        if (!dates.empty()) d.date = dates[0].date;
      }
      d.prefix_len = static_cast<size_t>(m.length(0));
      d.whole_line = d.prefix_len >= folded.size();
      return d;
    }
  }
  if (caps && std::regex_search(s, m, kCityDash, anchored)) {
    Dateline d;
    d.prefix_len = static_cast<size_t>(m.length(0));
    return d;
  }
  // "Aug 16. The Voice of Russia" / "31 March 2021 | Outlet Name": a date then a name.
  if (folded.size() > 100) return std::nullopt;  // "date. Outlet" is a short line
  auto dates = FindDates(folded.substr(0, 40));
  if (!dates.empty() && dates[0].begin == 0) {
    std::string rest = TrimPunct(std::string(folded.substr(dates[0].end)));
    for (const char* sep : {"|", "\xE2\x80\x94", "\xE2\x80\x93", "-", "\xC2\xB7"}) {
      if (rest.rfind(sep, 0) == 0) rest = TrimPunct(rest.substr(std::string(sep).size()));
    }
    if (!rest.empty() && !HasTerminalPunct(rest) && LooksLikeName(rest, 7)) {
      Dateline d;
      d.outlet = rest;
      d.date = dates[0].date;
      d.prefix_len = folded.size();
      d.whole_line = true;
      return d;
    }
  }
  return std::nullopt;
}

std::optional<std::string> ParseByline(std::string_view folded) {
  if (folded.size() > 80) return std::nullopt;
  if (folded.rfind("By ", 0) != 0 && folded.rfind("by ", 0) != 0 && folded.rfind("BY ", 0) != 0) {
    return std::nullopt;
  }
  std::string rest(folded.substr(3));
  // Cut an affiliation after a comma or a second author after " and ".
  std::string name = rest.substr(0, rest.find(','));
  const size_t and_pos = name.find(" and ");
  std::string first = and_pos == std::string::npos ? name : name.substr(0, and_pos);
  first = TrimPunct(first);
  if (first.empty() || !LooksLikeName(first, 5) || Words(first).size() < 2) {
    return std::nullopt;
  }
  return TrimPunct(name);
}

std::optional<Copyright> ParseCopyright(std::string_view folded) {
  if (folded.size() > 200 ||
      !(folded.rfind("Copyright", 0) == 0 || folded.rfind("COPYRIGHT", 0) == 0 ||
        folded.rfind("\xC2\xA9", 0) == 0 || folded.rfind("(c)", 0) == 0 ||
        folded.rfind("(C)", 0) == 0)) {
    return std::nullopt;
  }
  static const std::regex kRe(
      "^(?:Copyright|COPYRIGHT|\xC2\xA9|\\([cC]\\))(?: ?(?:\xC2\xA9|\\([cC]\\)))? ?(\\d{4})"
      "(?: ?(?:-|\xE2\x80\x93) ?\\d{4})?[,.]? ?(.*)$");
  const std::string s(folded);
  std::smatch m;
  if (!std::regex_match(s, m, kRe)) return std::nullopt;
  Copyright c;
  c.year = std::stoi(m[1].str());
  if (!text::IsValidYear(c.year)) return std::nullopt;
  std::string holder = m[2].str();
  const size_t arr = text::AsciiLower(holder).find("all rights reserved");
  if (arr != std::string::npos) holder = holder.substr(0, arr);
  holder = TrimPunct(holder);
  if (!holder.empty() && Words(holder).size() <= 8) c.holder = holder;
  return c;
}

std::optional<std::string> ParseSiteNameLine(std::string_view folded) {
  for (const char* sep : {"-", "|", "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7"}) {
    const std::string p(sep);
    if (folded.rfind(p, 0) != 0) continue;
    std::string rest = TrimPunct(std::string(folded.substr(p.size())));
    if (!rest.empty() && !HasTerminalPunct(rest) && LooksLikeName(rest, 6)) return rest;
  }
  return std::nullopt;
}

bool IsDateOnlyLine(std::string_view folded) {
  if (folded.size() > 80) return false;
  auto dates = FindDates(folded);
  if (dates.empty()) return false;
  std::string rest;
  size_t pos = 0;
  for (const auto& d : dates) {
    rest.append(folded.substr(pos, d.begin - pos));
    rest.push_back(' ');
    pos = d.end;
  }
  rest.append(folded.substr(pos));
  static const std::regex kNoise(
      "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|"
      "Sun|Updated|Published|Posted|UTC|GMT|MSK|EST|EDT|CET|am|pm|AM|PM|at|on)\\b|"
      "\\d{1,2}:\\d{2}(?::\\d{2})?|[^A-Za-z0-9 ]");
  rest = std::regex_replace(rest, kNoise, " ");
  return Words(rest).size() <= 1;
}

InferredMetadata InferMetadata(const std::vector<std::string>& lines, size_t first_body,
                               size_t last_body) {
  InferredMetadata meta;
  const size_t n = lines.size();
  meta.metadata_line.assign(n, false);
  meta.dateline_prefix.assign(n, 0);
  std::optional<std::string> outlet_copyright, outlet_site, outlet_dateline;
  std::optional<Dateline> dateline;
  std::vector<text::PartialDate> date_lines;
  int copyright_year = 0;
  const size_t scan_end = std::min(n, std::min(first_body, n) + 2);
  auto take_copyright = [&](size_t i) {
    if (auto c = ParseCopyright(lines[i])) {
      if (copyright_year == 0) copyright_year = c->year;
      if (!outlet_copyright && c->holder) outlet_copyright = c->holder;
      meta.metadata_line[i] = true;
      return true;
    }
    return false;
  };
  for (size_t i = 0; i < scan_end && i < 80; ++i) {
    const std::string& f = lines[i];
    const bool header = i < first_body;
    if (header) {
      if (auto site = ParseSiteNameLine(f)) {
        if (!outlet_site) outlet_site = site;
        meta.metadata_line[i] = true;
        continue;
      }
    }
    if (take_copyright(i)) continue;
    if (auto by = ParseByline(f)) {
      if (!meta.author) meta.author = by;
      meta.metadata_line[i] = true;
      continue;
    }
    if (auto dl = ParseDateline(f)) {
      if (dl->whole_line) meta.metadata_line[i] = true;
      meta.dateline_prefix[i] = dl->prefix_len;
      if (!dateline && (dl->outlet || dl->date.month != 0)) dateline = dl;
      if (!outlet_dateline && dl->outlet) outlet_dateline = dl->outlet;
      continue;
    }
    if (header && IsDateOnlyLine(f)) {
      for (const auto& d : FindDates(f)) date_lines.push_back(d.date);
      meta.metadata_line[i] = true;
    }
  }
  for (size_t i = last_body + 1; i < n; ++i) take_copyright(i);

  // Date: dateline (completed by a date line with the same day and month), else the
  // date line nearest the body, else the copyright year.
  std::optional<text::PartialDate> date;
  if (dateline && dateline->date.year != 0) {
    date = dateline->date;
  } else if (dateline && dateline->date.month != 0) {
    for (auto it = date_lines.rbegin(); it != date_lines.rend(); ++it) {
      if (it->year != 0 && it->month == dateline->date.month &&
          (it->day == dateline->date.day || dateline->date.day == 0)) {
        date = *it;
        break;
      }
    }
  }
  if (!date) {
    for (auto it = date_lines.rbegin(); it != date_lines.rend(); ++it) {
      if (it->year != 0) {
        date = *it;
        break;
      }
    }
  }
  if (!date && copyright_year != 0) date = text::PartialDate{copyright_year, 0, 0};
  if (date) meta.date = date->ToString();
  if (outlet_copyright) {
    meta.outlet = outlet_copyright;
  } else if (outlet_site) {
    meta.outlet = outlet_site;
  } else if (outlet_dateline) {
    meta.outlet = outlet_dateline;
  }

  // Title: the first header line that reads like a headline.
  for (size_t i = 0; i < std::min(first_body, n); ++i) {
    if (meta.metadata_line[i]) continue;
    const std::string& f = lines[i];
    const auto words = Words(f);
    if (words.size() < 3 || words.size() > 30 || HasTerminalPunct(f.substr(f.size() - 1))) {
      continue;
    }
    if (!StartsUpper(words[0])) continue;
    meta.title = f;
    meta.title_line = static_cast<int>(i);
    break;
  }
  return meta;
}

}  // namespace diverge::ingest
