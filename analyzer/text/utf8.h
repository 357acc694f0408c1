// UTF-8 helpers for ingest: validation and repair that keep track of where each output
// byte came from, Unicode whitespace, and whitespace folding.
//
// Folding is the normal form of statement text: every Unicode whitespace code point
// (ASCII spaces and controls \t\n\v\f\r, U+0085, U+00A0, U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000) becomes one ASCII space, runs collapse and
// the result is trimmed. Invalid UTF-8 bytes fold to U+FFFD, one per byte.
#ifndef DIVERGE_ANALYZER_TEXT_UTF8_H_
#define DIVERGE_ANALYZER_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diverge::text {

// Decodes the code point at s[*i] and advances *i. On an invalid or truncated
// sequence returns false, sets *cp = U+FFFD and advances *i by exactly one byte.
bool DecodeUtf8(std::string_view s, size_t* i, char32_t* cp);
void AppendUtf8(std::string* out, char32_t cp);

bool IsUnicodeSpace(char32_t cp);
// Letters: ASCII letters and any code point >= U+00C0 that is not space or punctuation
// from the General Punctuation / symbol blocks (a cheap approximation, enough for
// script detection and capitalisation checks).
bool IsLetter(char32_t cp);
bool IsUpperLetter(char32_t cp);
bool IsLowerLetter(char32_t cp);

// Text plus, for every byte of it, the half-open byte range of the source it came
// from. `identity` (no arrays) means byte i came from [base + i, base + i + 1).
struct SourceText {
  std::string text;
  bool identity = true;
  int64_t base = 0;
  std::vector<int64_t> src_begin;  // used when !identity; one entry per text byte
  std::vector<int64_t> src_end;

  int64_t SourceBegin(size_t i) const { return identity ? base + int64_t(i) : src_begin[i]; }
  int64_t SourceEnd(size_t i) const { return identity ? base + int64_t(i) + 1 : src_end[i]; }
  // Appends `bytes`, all of them mapped to source range [sb, se). Requires !identity.
  void Append(std::string_view bytes, int64_t sb, int64_t se);
};

// Validates `bytes`; each invalid byte becomes U+FFFD (mapped to that one source
// byte). `bad_offsets` receives the source offset of every invalid byte.
SourceText RepairUtf8(std::string_view bytes, std::vector<int64_t>* bad_offsets);

// The folded form of `s` (see the file comment).
std::string FoldWhitespace(std::string_view s);
// Folded form plus, for each folded byte i, the offset in `s` of the byte it came from;
// raw_pos has folded.size() + 1 entries, the last one is the end of the consumed input
// (the offset just past the last non-space code point).
std::string FoldWithMap(std::string_view s, std::vector<size_t>* raw_pos);

// Lowercases ASCII letters only.
std::string AsciiLower(std::string_view s);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_UTF8_H_
