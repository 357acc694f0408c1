// SplitFields: the non-empty fields of a line separated by one character (runs of the
// separator give no empty fields). Views into `line`; they live as long as it does.
#ifndef DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_
#define DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_

#include <string_view>
#include <vector>

namespace diverge {

std::vector<std::string_view> SplitFields(std::string_view line, char separator = ' ');

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_SPLIT_FIELDS_H_
