#include "analyzer/base/parse_number.h"

#include <charconv>

namespace diverge {

bool ParseDouble(std::string_view s, double* out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  while (b < e && *b == ' ') ++b;
  return std::from_chars(b, e, *out).ec == std::errc();
}

}  // namespace diverge
