#include "analyzer/base/split_fields.h"

namespace diverge {

std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (p < line.size()) {
    size_t q = line.find(separator, p);
    if (q == std::string_view::npos) q = line.size();
    if (q > p) out.push_back(line.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

std::vector<std::string_view> SplitAll(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  size_t p = 0;
  while (true) {
    const size_t q = line.find(separator, p);
    out.push_back(line.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
    if (q == std::string_view::npos) break;
    p = q + 1;
  }
  return out;
}

}  // namespace diverge
