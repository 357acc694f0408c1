#include <catch2/catch.hpp>

#include "reports/escape.h"
#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        REQUIRE(i < text.size());  // an unterminated quote is malformed
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
      REQUIRE((i == text.size() || text[i] == ',' || text[i] == '\r'));
    }
    if (i < text.size() && text[i] == ',') {
      row.push_back(field);
      field.clear();
      ++i;
    } else if (i < text.size() && text[i] == '\r') {
      REQUIRE(i + 1 < text.size());
      REQUIRE(text[i + 1] == '\n');
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      i += 2;
    } else if (i < text.size()) {
      REQUIRE(text[i] != '"');
      REQUIRE(text[i] != '\n');  // bare LF only inside quotes
      field.push_back(text[i++]);
    }
  }
  REQUIRE(row.empty());
  REQUIRE(field.empty());  // the file ends with CRLF
  return rows;
}

}  // namespace

TEST_CASE("CSV fields are quoted per RFC 4180 and guarded against formulas", "[reports]") {
  using reports::CsvField;
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("=SUM(A1)") == "'=SUM(A1)");
  CHECK(CsvField("+1") == "'+1");
  CHECK(CsvField("-2") == "'-2");
  CHECK(CsvField("@cmd") == "'@cmd");
  CHECK(CsvField("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  CHECK(CsvField("") == "");
}

TEST_CASE("divergences.csv has a header and one row of 16 fields per divergence by score",
          "[reports]") {
  std::string csv = reports::Render(SyntheticReport(), reports::ReportFormat::kCsv);
  auto rows = ParseCsv(csv);
  REQUIRE(rows.size() == 1 + 8);
  std::vector<std::string> header(std::begin(reports::kCsvColumns), std::end(reports::kCsvColumns));
  CHECK(rows[0] == header);
  CHECK(rows[0].size() == 16);
  for (const auto& row : rows) CHECK(row.size() == 16);
  CHECK(rows[1][0] == "d-founded");
  CHECK(rows[1][2] == "date");
  CHECK(rows[1][3] == "contradiction");
  CHECK(rows[1][4] == "0.9100");
  CHECK(rows[1][5] == "Daily Ledger");
  CHECK(rows[1][6] == "2015-03-01");
  CHECK(rows[1][7] == "The alliance was founded in 1994 in Varna.");
  CHECK(rows[1][8] == "1994");
  CHECK(rows[1][12] == "1992");
  for (size_t i = 2; i < rows.size(); ++i)
    CHECK(std::stod(rows[i - 1][4]) >= std::stod(rows[i][4]));
  // The omission: silent side b names only its outlet; the dismissed review carries its note.
  const auto& omission = rows.back();
  CHECK(omission[0] == "d-injured-omit");
  CHECK(omission[9] == "The Courier");
  CHECK(omission[11] == "");
  CHECK(omission[12] == "");
  CHECK(rows[7][14] == "dismissed");
  CHECK(rows[7][15] == "Same announcement; the spokesman spoke for the minister.");
}

TEST_CASE("divergences.csv of hostile text parses back with embedded quotes and newlines",
          "[reports]") {
  std::string csv = reports::Render(HostileReport(), reports::ReportFormat::kCsv);
  auto rows = ParseCsv(csv);
  REQUIRE(rows.size() == 3);
  for (const auto& row : rows) CHECK(row.size() == 16);
  CHECK(rows[1][11] == std::string("The toll was 15, ") + kScriptAttack +
                           " \"quoted, with comma\"\nand a newline.");
  CHECK(rows[1][15] == std::string("'=cmd|' /C calc'!A0 ") + kScriptAttack);
  CHECK(rows[2][7] == "'-2+3 =SUM(A1:A9) @cmd the toll ](javascript:alert(4)) was 12.");
  CHECK(rows[2][8] == "'@cmd");
  CHECK(rows[2][13] == "'+silent outlet, \"quoted\"");
  CHECK(rows[1][5] == std::string("Evil <b onmouseover=\"alert(1)\">Outlet</b> | ") + kImgAttack);
  // No cell of any row starts with a formula character.
  for (const auto& row : rows) {
    for (const std::string& cell : row) {
      INFO(cell);
      CHECK((cell.empty() || std::string("=+-@").find(cell[0]) == std::string::npos));
    }
  }
}
