#include "reports/escape.h"

#include <cctype>
#include <cstdint>

namespace diverge::reports {

namespace {
bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}
}  // namespace

std::string StripControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    out.push_back(IsControl(c) && c != '\n' && c != '\t' ? ' ' : ch);
  }
  return out;
}

std::string FoldSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsSpace(c) || IsControl(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(ch);
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(IsControl(c) && c != '\n' && c != '\t' ? ' ' : ch);
    }
  }
  return out;
}

std::string HtmlAttrEscape(std::string_view text) {
  std::string out;
  for (char c : HtmlEscape(text)) {
    if (c == '=') {
      out += "&#61;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool in_space = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsSpace(c) || IsControl(c)) {
      if (!in_space) out.push_back(' ');
      in_space = true;
      continue;
    }
    in_space = false;
    switch (ch) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
        out.push_back('\\');
        out.push_back(ch);
        break;
      default:
        out.push_back(ch);
    }
  }
  return out;
}

std::string CsvField(std::string_view text) {
  std::string value(text);
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    value.insert(value.begin(), '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
  return out;
}

bool IsSafeHttpUrl(std::string_view url) {
  auto starts_with_ci = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  if (!starts_with_ci("http://") && !starts_with_ci("https://")) return false;
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsControl(c) || c == ' ' || ch == '"' || ch == '\'' || ch == '<' || ch == '>' ||
        ch == '`' || ch == '\\') {
      return false;
    }
  }
  return true;
}

bool IsLinkablePath(std::string_view path) {
  if (path.empty()) return false;
  size_t colon = path.find(':');
  size_t slash = path.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
    return false;
  }
  for (char ch : path) {
    if (IsControl(static_cast<unsigned char>(ch))) return false;
  }
  return true;
}

std::string PercentEncodePath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string XmlChars(std::string_view raw) {
  const std::string text = StripControls(raw);
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = byte(i);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      cp = c & 0x07;
    }
    bool ok = n > 0 && i + n <= text.size();
    for (size_t k = 1; ok && k < n; ++k) {
      ok = (byte(i + k) & 0xC0) == 0x80;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (!ok) {  // invalid lead or truncated sequence: drop one byte, resync
      ++i;
      continue;
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    const bool forbidden = overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
                           cp == 0xFFFE || cp == 0xFFFF;
    if (!forbidden) out.append(text, i, n);
    i += n;
  }
  return out;
}

std::string TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Step back over continuation bytes (10xxxxxx) so we cut before a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
}

}  // namespace diverge::reports
