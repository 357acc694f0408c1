// Metadata a news page states about itself, recognised line by line with generic
// patterns (no outlet names are built in):
//   dateline   "MOSCOW, 31 March (BelTA) - ..."  -> agency outlet "BelTA", date 31 March
//              "MINSK (Reuters) ..."             -> outlet "Reuters"
//              "Aug 16. The Voice of Russia"     -> date Aug 16, outlet "The Voice of Russia"
//   byline     "By Maria Domnitskaya"            -> author
//   copyright  "Copyright © 2012 Potomac Institute for Policy Studies" -> year, outlet
//   site name  "- Sputnik International" / "| The Daily Planet" alone on a line -> outlet
//   date line  "31 March 2021, 10:38", "Saturday, 20 April 2024" (a line that is
//              essentially a date) -> candidate publication dates
// Dates are returned as "YYYY", "YYYY-MM" or "YYYY-MM-DD". A dateline without a year
// takes the year of a date line with the same day and month; failing that the date is
// left unknown rather than guessed.
#ifndef DIVERGE_ANALYZER_INGEST_METADATA_INFERENCE_H_
#define DIVERGE_ANALYZER_INGEST_METADATA_INFERENCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/text/dates.h"

namespace diverge::ingest {

struct DateMatch {
  text::PartialDate date;
  size_t begin = 0;  // byte range in the searched string
  size_t end = 0;
};
// Dates written in words or ISO form in a folded line: "31 March 2021", "March 31,
// 2021", "Mar. 31", "Aug 16", "June 2017", "2021-03-31".
std::vector<DateMatch> FindDates(std::string_view folded);

struct Dateline {
  std::optional<std::string> outlet;
  text::PartialDate date;
  size_t prefix_len = 0;  // bytes of the folded line the dateline occupies
  bool whole_line = false;
};
std::optional<Dateline> ParseDateline(std::string_view folded);
// "By Name Name" -> "Name Name".
std::optional<std::string> ParseByline(std::string_view folded);
struct Copyright {
  int year = 0;
  std::optional<std::string> holder;
};
std::optional<Copyright> ParseCopyright(std::string_view folded);
// "- Site Name" / "| Site Name" / "— Site Name" alone on a line.
std::optional<std::string> ParseSiteNameLine(std::string_view folded);
// A line that is a date plus at most a weekday, a time and one stray word.
bool IsDateOnlyLine(std::string_view folded);

struct InferredMetadata {
  std::optional<std::string> outlet;
  std::optional<std::string> date;
  std::optional<std::string> title;
  std::optional<std::string> author;
  int title_line = -1;                  // index into the lines passed in
  std::vector<bool> metadata_line;      // lines that carry only metadata (not statements)
  std::vector<size_t> dateline_prefix;  // per line: folded bytes of a leading dateline
};

// `lines` are folded non-blank lines in page order; body lines are those in
// [first_body, last_body] (see cleanup.h). Header metadata is looked for before
// first_body (and in the first body line, for a dateline); copyright also in the footer.
InferredMetadata InferMetadata(const std::vector<std::string>& lines, size_t first_body,
                               size_t last_body);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_METADATA_INFERENCE_H_
