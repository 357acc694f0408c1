// Splitting a line at one separator character. Views into `line`; they live as long as
// it does.
//   SplitFields: the non-empty fields (runs of the separator give no empty fields).
//   SplitAll: every field, empty ones too (n separators give n + 1 fields), as in TSV.
#ifndef DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_
#define DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_

#include <string_view>
#include <vector>

namespace diverge {

std::vector<std::string_view> SplitFields(std::string_view line, char separator = ' ');
std::vector<std::string_view> SplitAll(std::string_view line, char separator = '\t');

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_
