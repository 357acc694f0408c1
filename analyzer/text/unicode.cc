#include "analyzer/text/unicode.h"

#include <utf8proc.h>

#include <cstdlib>

#include "analyzer/text/utf8.h"

namespace diverge::text {
namespace {

// Valid UTF-8 (invalid bytes as U+FFFD) for utf8proc, which refuses invalid input.
std::string Valid(std::string_view s) {
  std::vector<int64_t> bad;
  return RepairUtf8(s, &bad).text;
}

std::string Map(std::string_view s, int options) {
  const std::string in = Valid(s);
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                          static_cast<utf8proc_ssize_t>(in.size()), &out,
                                          static_cast<utf8proc_option_t>(options));
  if (n < 0 || out == nullptr) return in;  // cannot happen on valid UTF-8
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

utf8proc_category_t Category(char32_t cp) {
  if (cp > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

}  // namespace

std::string FoldCase(std::string_view s) {
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string StripAccents(std::string_view s) {
  return Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
}

std::string NameKey(std::string_view s) {
  std::string folded =
      Map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size();) {
    if (folded.compare(i, 2, "\xC4\xB1") == 0) {  // U+0131 dotless i
      out += 'i';
      i += 2;
    } else {
      out += folded[i++];
    }
  }
  return FoldWhitespace(out);
}

bool IsUnicodeLetter(char32_t cp) {
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}

bool IsUnicodeUpper(char32_t cp) {
  const utf8proc_category_t c = Category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsUnicodeLower(char32_t cp) { return Category(cp) == UTF8PROC_CATEGORY_LL; }

bool IsUnicodeMark(char32_t cp) {
  const utf8proc_category_t c = Category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

}  // namespace diverge::text
