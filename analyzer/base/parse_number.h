// ParseDouble: a decimal number (std::from_chars syntax) at the start of `s`, after any
// leading spaces; false when there is none. Locale-independent.
#ifndef DIVERGE_ANALYZER_BASE_PARSE_NUMBER_H_
#define DIVERGE_ANALYZER_BASE_PARSE_NUMBER_H_

#include <string_view>

namespace diverge {

bool ParseDouble(std::string_view s, double* out);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_PARSE_NUMBER_H_
