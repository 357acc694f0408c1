#include "analyzer/text/utf8.h"

namespace diverge::text {

bool DecodeUtf8(std::string_view s, size_t* i, char32_t* cp) {
  const size_t n = s.size();
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    *cp = b0;
    ++*i;
    return true;
  }
  int len = 0;
  char32_t v = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, v = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, v = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, v = b0 & 0x07, min = 0x10000;
  }
  if (len == 0 || *i + len > n) {
    *cp = 0xFFFD;
    ++*i;
    return false;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      ++*i;
      return false;
    }
    v = (v << 6) | (b & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    ++*i;
    return false;
  }
  *cp = v;
  *i += len;
  return true;
}

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsUnicodeSpace(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, ...
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFFFF) return false;  // specials, forms, U+FFFD
  if (cp >= 0x1F000) return false;                 // emoji and symbols
  return true;
}

bool IsUpperLetter(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A: mostly pairs
  if (cp >= 0x391 && cp <= 0x3AB) return true;         // Greek capitals
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic capitals
  return false;
}

bool IsLowerLetter(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

void SourceText::Append(std::string_view bytes, int64_t sb, int64_t se) {
  text.append(bytes);
  src_begin.insert(src_begin.end(), bytes.size(), sb);
  src_end.insert(src_end.end(), bytes.size(), se);
}

SourceText RepairUtf8(std::string_view bytes, std::vector<int64_t>* bad_offsets) {
  SourceText out;
  size_t i = 0;
  char32_t cp = 0;
  // Fast path: scan for the first invalid byte; valid files stay identity-mapped. (An
  // invalid last byte also ends the scan at the end: whether all was valid is `valid`.)
  bool valid = true;
  while (i < bytes.size() && valid) valid = DecodeUtf8(bytes, &i, &cp);
  if (valid) {
    out.text.assign(bytes);
    return out;
  }
  out.identity = false;
  out.text.reserve(bytes.size() + 16);
  out.src_begin.reserve(bytes.size() + 16);
  out.src_end.reserve(bytes.size() + 16);
  i = 0;
  while (i < bytes.size()) {
    const size_t at = i;
    if (DecodeUtf8(bytes, &i, &cp)) {
      for (size_t k = at; k < i; ++k) {
        out.text.push_back(bytes[k]);
        out.src_begin.push_back(static_cast<int64_t>(at));
        out.src_end.push_back(static_cast<int64_t>(i));
      }
    } else {
      if (bad_offsets) bad_offsets->push_back(static_cast<int64_t>(at));
      out.Append("\xEF\xBF\xBD", static_cast<int64_t>(at), static_cast<int64_t>(i));
    }
  }
  return out;
}

std::string FoldWithMap(std::string_view s, std::vector<size_t>* raw_pos) {
  std::string out;
  out.reserve(s.size());
  if (raw_pos) raw_pos->clear();
  size_t i = 0;
  bool pending_space = false;
  size_t last_end = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const size_t at = i;
    DecodeUtf8(s, &i, &cp);
    if (IsUnicodeSpace(cp)) {
      if (!out.empty()) pending_space = true;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      if (raw_pos) raw_pos->push_back(at);  // the space maps to the next word's start
      pending_space = false;
    }
    const size_t before = out.size();
    AppendUtf8(&out, cp);
    if (raw_pos) raw_pos->insert(raw_pos->end(), out.size() - before, at);
    last_end = i;
  }
  if (raw_pos) raw_pos->push_back(last_end);
  return out;
}

std::string FoldWhitespace(std::string_view s) { return FoldWithMap(s, nullptr); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace diverge::text
