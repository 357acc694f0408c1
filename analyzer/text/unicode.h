// Unicode properties from Debian's utf8proc (libutf8proc-dev) for matching names across
// outlets: full case folding, accent stripping, and general categories. Everything
// takes and returns UTF-8; invalid bytes become U+FFFD first (as RepairUtf8 does), so
// any input is accepted.
//
//   FoldCase("ŞİMŞEK") == FoldCase("şi̇mşek"); FoldCase("ЛУКАШЕНКО") == "лукашенко"
//   StripAccents("École São Paulo") == "Ecole Sao Paulo"
//   NameKey("Erdoğan") == NameKey("ERDOGAN") == NameKey("Erdogan") == "erdogan"
//
// These change lengths (FoldCase("ß") == "ss"), so they are for comparing names, never
// for text whose byte offsets are kept (keep the offset-preserving UTF-8 repair, utf8.h).
#ifndef DIVERGE_ANALYZER_TEXT_UNICODE_H_
#define DIVERGE_ANALYZER_TEXT_UNICODE_H_

#include <string>
#include <string_view>

namespace diverge::text {

// Unicode full case folding (CaseFolding.txt, C + F), then NFC. Language-neutral: the
// Turkish capital dotted İ folds to "i̇" (i + U+0307) and the dotless ı stays ı; use
// NameKey to compare Turkish names with their ASCII spellings.
std::string FoldCase(std::string_view s);

// NFD, minus the nonspacing combining marks (category Mn), then NFC: "é" -> "e",
// "ã" -> "a", "ё" -> "е", "ğ" -> "g". Letters that are not composed with a mark stay
// ("ø", "ł", "ß", "ı").
std::string StripAccents(std::string_view s);

// The key two spellings of one name share: FoldCase, StripAccents, the dotless ı as i,
// and whitespace folded (FoldWhitespace). Cyrillic й becomes и (its breve is a mark),
// as in common transliteration; Cyrillic is not transliterated to Latin.
std::string NameKey(std::string_view s);

// General category of a code point: letter (L*), uppercase letter (Lu, Lt),
// lowercase letter (Ll), combining mark (M*).
bool IsUnicodeLetter(char32_t cp);
bool IsUnicodeUpper(char32_t cp);
bool IsUnicodeLower(char32_t cp);
bool IsUnicodeMark(char32_t cp);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_UNICODE_H_
