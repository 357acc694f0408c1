// ParseCsv: the records of RFC 4180 CSV text (fields separated by commas; quoted fields
// may hold commas, doubled quotes and line breaks; CRLF or LF between records). Blank
// lines give no record. Never fails: a missing closing quote runs to the end of the text.
#ifndef DIVERGE_ANALYZER_BASE_CSV_READER_H_
#define DIVERGE_ANALYZER_BASE_CSV_READER_H_

#include <string>
#include <vector>

namespace diverge {

std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_CSV_READER_H_
