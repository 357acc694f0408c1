// Parsing JSON text without exceptions escaping: every way the text can be malformed,
// including a number out of double range (1e400, which nlohmann::json reports as an
// out_of_range exception, not a parse error), comes back as a JsonTextError with the
// byte offset where parsing stopped and a short message written by diverge (no library
// exception text), so callers can name the file and byte or answer an HTTP 400.
#ifndef DIVERGE_ANALYZER_REPORT_JSON_TEXT_H_
#define DIVERGE_ANALYZER_REPORT_JSON_TEXT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace diverge::report {

struct JsonTextError {
  size_t byte = 0;      // 0-based offset where parsing stopped
  std::string message;  // e.g. "number out of double range: 1e400"
};

// The parsed value, or where and why the text is not valid JSON.
std::variant<nlohmann::json, JsonTextError> ParseJsonText(std::string_view text);

}  // namespace diverge::report

#endif  // DIVERGE_ANALYZER_REPORT_JSON_TEXT_H_
