#include "analyzer/report/json_text.h"

#include <utility>

namespace diverge::report {

namespace {

using json = nlohmann::json;

// The DOM builder of nlohmann::json, but a parse error is recorded instead of thrown.
class LocatingDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit LocatingDomParser(json& target)
      : nlohmann::detail::json_sax_dom_parser<json>(target, /*allow_exceptions_=*/false) {}

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    error_.byte = position;
    // ex.id: 101-... parse errors, 406 number overflow (json::out_of_range).
    if constexpr (std::is_same_v<Exception, json::out_of_range>) {
      error_.message = "number out of double range: " + Shorten(token);
    } else {
      error_.message = ex.id == 101 && !token.empty() ? "syntax error near '" + Shorten(token) + "'"
                                                      : "syntax error";
    }
    failed_ = true;
    return false;
  }

  bool failed() const { return failed_; }
  JsonTextError error() && { return std::move(error_); }

 private:
  static std::string Shorten(const std::string& token) {
    std::string out;
    for (char c : token.substr(0, 40)) {
      const auto u = static_cast<unsigned char>(c);
      out += u < 0x20 || u >= 0x7f || c == '\'' ? '?' : c;
    }
    return token.size() > 40 ? out + "..." : out;
  }

  JsonTextError error_;
  bool failed_ = false;
};

}  // namespace

std::variant<json, JsonTextError> ParseJsonText(std::string_view text) {
  json root;
  LocatingDomParser sax(root);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &sax);
  } catch (const json::exception&) {  // not expected with allow_exceptions_ = false
    ok = false;
  }
  if (!ok || sax.failed()) {
    JsonTextError e = std::move(sax).error();
    if (e.message.empty()) e.message = "not valid JSON";
    return e;
  }
  return root;
}

}  // namespace diverge::report
