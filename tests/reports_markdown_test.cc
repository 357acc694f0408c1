#include <catch2/catch.hpp>
#include <sstream>

#include "reports/escape.h"
#include "reports/render.h"
#include "tests/reports_fixture.h"

using namespace diverge;
using namespace diverge::testing;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Cells of a Markdown table row: splits on '|' not preceded by a backslash.
size_t UnescapedPipes(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

// True if `needle` occurs with its first character not backslash-escaped.
bool HasUnescaped(const std::string& md, const std::string& needle) {
  for (size_t p = md.find(needle); p != std::string::npos; p = md.find(needle, p + 1)) {
    size_t slashes = 0;
    while (p > slashes && md[p - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Markdown escaping keeps corpus text inert", "[reports]") {
  using reports::MarkdownEscape;
  CHECK(MarkdownEscape("a|b") == "a\\|b");
  CHECK(MarkdownEscape("*x* _y_ [l](u) <b> `c` ~s~ \\") ==
        "\\*x\\* \\_y\\_ \\[l\\](u) \\<b\\> \\`c\\` \\~s\\~ \\\\");
  CHECK(MarkdownEscape("two\nlines\r\n\tand  tabs") == "two lines and tabs");
  CHECK(MarkdownEscape(" edge ") == " edge ");  // ends kept for concatenation
}

TEST_CASE("report.md has the summary, the claim x outlet matrix and sorted divergences",
          "[reports]") {
  report::Report report = SyntheticReport();
  std::string md = reports::Render(report, reports::ReportFormat::kMarkdown);
  auto lines = Lines(md);
  REQUIRE(md.rfind("# Divergence report\n", 0) == 0);
  CHECK(md.find("| Outlets | 5 |") != std::string::npos);
  CHECK(md.find("| Divergences | 8 |") != std::string::npos);
  CHECK(md.find("| Date range | 2015-03-01 to 2018-06-12 |") != std::string::npos);
  CHECK(md.find("contradiction 3 · change_over_time 2 · undetermined 3") != std::string::npos);

  // Matrix: header with every outlet (sorted), one row per claim, 1 + 5 columns.
  auto header = std::find(lines.begin(), lines.end(),
                          "| Claim | Daily Ledger | Harbor Times | Metro Wire | The Courier | "
                          "Valley Post |");
  REQUIRE(header != lines.end());
  CHECK(*(header + 1) == "|---|:-:|:-:|:-:|:-:|:-:|");
  for (int i = 2; i < 2 + 6; ++i) {
    INFO(*(header + i));
    CHECK(UnescapedPipes(*(header + i)) == 7);
  }
  // "Talks" claim: Daily Ledger asserts (no divergence), Harbor/Courier differ, others silent.
  CHECK(md.find("Talks to resume in May | asserts | **differs** | · | **differs** | · |") !=
        std::string::npos);

  // Divergences by score desc, ties by id: d-injured (0.7) before d-members-set (0.7).
  std::vector<std::string> order = {"d-founded",     "d-members-num", "d-summit", "d-injured",
                                    "d-members-set", "d-ministry",    "d-talks",  "d-injured-omit"};
  size_t last = 0;
  for (const std::string& id : order) {
    size_t pos = md.find("id `" + id + "`");
    INFO(id);
    REQUIRE(pos != std::string::npos);
    CHECK(pos > last);
    last = pos;
  }
  CHECK(md.find("### D1 · date · contradiction · score 0.91") != std::string::npos);
  // Evidence in bold on both sides, the silent side of the omission, the review note.
  CHECK(md.find("founded in **1994** in Varna") != std::string::npos);
  CHECK(md.find("founded in **1992**, two years") != std::string::npos);
  CHECK(md.find("| B | The Courier | — | *silent: says nothing on this claim* | |") != std::string::npos);
  CHECK(md.find("**Review:** dismissed — Same announcement;") != std::string::npos);
  // Special characters of corpus text escaped inside table cells.
  CHECK(md.find("(turnout: 40% \\| 55% \\*approx\\*)") != std::string::npos);
  // Source links with offsets, spaces percent-encoded.
  CHECK(md.find("(corpus/synthetic/d04%20valley%20post.txt#0-62)") != std::string::npos);
  // Timeline by date, entities with variants, non-http URL shown as text only.
  size_t t = md.find("## Timeline");
  REQUIRE(t != std::string::npos);
  CHECK(md.find("| 2015-03-01 | Daily Ledger | C2 |", t) < md.find("| 2018-06-10 | Harbor", t));
  CHECK(md.find("| Pavel Orlov | P. Orlov, Pavel Orloff |") != std::string::npos);
  CHECK(md.find("<ftp://") == std::string::npos);
  CHECK(md.find("<https://ledger.example/2015/alliance>") != std::string::npos);
}

TEST_CASE("report.md of hostile text keeps every table row intact", "[reports]") {
  report::Report hostile = HostileReport();
  hostile.documents[2].url = "https://x.example/a|b";  // safe scheme, but a pipe
  std::string md = reports::Render(hostile, reports::ReportFormat::kMarkdown);
  CHECK(md.find("<https://x.example/a%7Cb>") != std::string::npos);
  CHECK(md.find("<script") != std::string::npos);  // the text is there, escaped:
  CHECK_FALSE(HasUnescaped(md, "<script"));
  CHECK_FALSE(HasUnescaped(md, "<img"));
  CHECK_FALSE(HasUnescaped(md, "<svg"));
  CHECK_FALSE(HasUnescaped(md, "](javascript"));
  CHECK_FALSE(HasUnescaped(md, "<javascript"));
  CHECK(md.find("(javascript:alert(2)") == std::string::npos);  // not a link target
  for (const std::string& line : Lines(md)) {
    if (line.rfind("| ", 0) != 0 && line.rfind("|---", 0) != 0) continue;
    // Every row of a table has as many unescaped pipes as its header.
    INFO(line);
    CHECK(UnescapedPipes(line) >= 3);
  }
  auto lines = Lines(md);
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].rfind("|---", 0) != 0) continue;
    size_t want = UnescapedPipes(lines[i]);
    for (size_t j = i + 1; j < lines.size() && lines[j].rfind("|", 0) == 0; ++j) {
      INFO(lines[j]);
      CHECK(UnescapedPipes(lines[j]) == want);
    }
  }
}

TEST_CASE("report.md of an empty report says so", "[reports]") {
  report::Report empty;
  std::string md = reports::Render(empty, reports::ReportFormat::kMarkdown);
  CHECK(md.find("No divergences were found.") != std::string::npos);
  CHECK(md.find("No claim is shared by two documents.") != std::string::npos);
  CHECK(md.find("| Date range | undated |") != std::string::npos);
}
