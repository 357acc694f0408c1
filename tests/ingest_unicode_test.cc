// Unicode case folding, accent stripping and categories (analyzer/text/unicode.h,
// on utf8proc) for matching names: accents, Turkish and Cyrillic names.
#include <catch2/catch.hpp>

#include "analyzer/text/unicode.h"
#include "analyzer/text/utf8.h"

using namespace diverge;

TEST_CASE("FoldCase folds Latin, Greek and Cyrillic, including ß", "[ingest][unicode]") {
  CHECK(text::FoldCase("Lukashenko LUKASHENKO") == "lukashenko lukashenko");
  CHECK(
      text::FoldCase("\xD0\x9B\xD0\xA3\xD0\x9A\xD0\x90\xD0\xA8\xD0\x95\xD0\x9D\xD0\x9A\xD0\x9E") ==
      "\xD0\xBB\xD1\x83\xD0\xBA\xD0\xB0\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE");  // ЛУКАШЕНКО
  CHECK(text::FoldCase("Stra\xC3\x9F"
                       "e") == "strasse");                          // Straße
  CHECK(text::FoldCase("\xCE\x9F\xCE\xA3") == "\xCE\xBF\xCF\x83");  // ΟΣ -> οσ
  CHECK(text::FoldCase("\xC3\x89"
                       "cole") ==
        "\xC3\xA9"
        "cole");  // École
  // Composed and decomposed forms fold to the same (NFC) text.
  CHECK(text::FoldCase("E\xCC\x81"
                       "cole") == text::FoldCase("\xC3\x89"
                                                 "cole"));
  // Invalid bytes are accepted (as U+FFFD).
  CHECK(text::FoldCase("A\xFF") == "a\xEF\xBF\xBD");
}

TEST_CASE("StripAccents removes combining marks only", "[ingest][unicode]") {
  CHECK(text::StripAccents("\xC3\x89"
                           "cole S\xC3\xA3o Paulo") == "Ecole Sao Paulo");
  CHECK(text::StripAccents("Erdo\xC4\x9F"
                           "an") == "Erdogan");  // Erdoğan
  CHECK(text::StripAccents("\xD0\xA4\xD1\x91\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB2") ==
        "\xD0\xA4\xD0\xB5\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB2");  // Фёдоров -> Федоров
  CHECK(text::StripAccents("\xC5\x81\xC3\xB3"
                           "d\xC5\xBA") ==
        "\xC5\x81"
        "odz");  // Łódź -> Łodz
}

TEST_CASE("NameKey matches Turkish, Cyrillic and accented spellings of a name",
          "[ingest][unicode]") {
  // Turkish: İ (U+0130), ı (U+0131), ş, ğ, ç against ASCII and capitals.
  CHECK(text::NameKey("\xC4\xB0stanbul") == "istanbul");  // İstanbul
  CHECK(text::NameKey("ISTANBUL") == "istanbul");
  CHECK(text::NameKey("Erdo\xC4\x9F"
                      "an") == text::NameKey("ERDOGAN"));
  CHECK(text::NameKey("Erdo\xC4\x9F"
                      "an") == "erdogan");
  CHECK(text::NameKey("Diyarbak\xC4\xB1r") == "diyarbakir");  // Diyarbakır
  CHECK(text::NameKey("\xC5\x9E\xC4\xB0MŞEK") == text::NameKey("Şimşek"));
  CHECK(text::NameKey("\xC5\x9E\xC4\xB0MŞEK") == "simsek");
  CHECK(text::NameKey("\xC3\x87"
                      "avu\xC5\x9F"
                      "o\xC4\x9F"
                      "lu") == "cavusoglu");  // Çavuşoğlu
  // Cyrillic: case and ё/е agree; Cyrillic stays Cyrillic.
  CHECK(text::NameKey("\xD0\xA4\xD0\x81\xD0\x94\xD0\x9E\xD0\xA0\xD0\x9E\xD0\x92") ==
        text::NameKey(
            "\xD0\xA4\xD0\xB5\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB2"));  // ФЁДОРОВ / Федоров
  CHECK(text::NameKey("\xD0\x9B\xD1\x83\xD0\xBA\xD0\xB0\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE") !=
        text::NameKey("Lukashenko"));
  // Accents and spacing.
  CHECK(text::NameKey("  Jos\xC3\xA9   Mar\xC3\xAD"
                      "a  ") == "jose maria");
  CHECK(text::NameKey("M\xC3\xBCller") == "muller");
  CHECK(text::NameKey("Zo\xC3\xAB") == text::NameKey("ZOE"));
}

TEST_CASE("Unicode categories come from the Unicode database", "[ingest][unicode]") {
  CHECK(text::IsUnicodeLetter(U'a'));
  CHECK(text::IsUnicodeLetter(U'\u0416'));        // Ж
  CHECK(text::IsUnicodeLetter(U'\u4E2D'));        // 中
  CHECK_FALSE(text::IsUnicodeLetter(U'\u2014'));  // em dash
  CHECK_FALSE(text::IsUnicodeLetter(U'7'));
  CHECK(text::IsUnicodeUpper(U'\u0130'));  // İ
  CHECK(text::IsUnicodeLower(U'\u0131'));  // ı
  CHECK_FALSE(text::IsUnicodeUpper(U'\u4E2D'));
  CHECK(text::IsUnicodeMark(U'\u0301'));
  CHECK_FALSE(text::IsUnicodeMark(U'e'));
  CHECK_FALSE(text::IsUnicodeLetter(static_cast<char32_t>(0x110000)));
}

TEST_CASE("RepairUtf8 repairs an invalid last byte too", "[ingest][unicode]") {
  std::vector<int64_t> bad;
  text::SourceText t = text::RepairUtf8("A\xFF", &bad);
  CHECK(t.text == "A\xEF\xBF\xBD");
  CHECK(bad == std::vector<int64_t>{1});
  CHECK(t.SourceBegin(1) == 1);
}
