// HTML, Markdown and JSONL inputs: text extraction, metadata and offsets.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/ingest/html_text.h"
#include "analyzer/ingest/utf8.h"
#include "tests/ingest_test_util.h"

using namespace diverge;
using diverge::testing::TempDir;

namespace {

bool HasStatement(const Corpus& c, const std::string& text) {
  return std::any_of(c.statements.begin(), c.statements.end(),
                     [&](const Statement& s) { return s.text == text; });
}
bool AnyStatementContains(const Corpus& c, const std::string& part) {
  return std::any_of(c.statements.begin(), c.statements.end(),
                     [&](const Statement& s) { return s.text.find(part) != std::string::npos; });
}

const char* kHtml = R"(<!DOCTYPE html>
<html><head><title>Summit Ends - The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2019-05-04T10:00:00Z">
<link rel="canonical" href="https://planet.example/summit">
<style>p { color: red; }</style>
<script>var x = "Do not read this. Ever.";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World news and more stories today</a></nav>
<header>Top menu with many links to other sections of the site</header>
<article>
<h1>Leaders End Summit Without Deal</h1>
<p>The leaders met in   Geneva on Friday.
They failed to agree &mdash; again.</p>
<p>&ldquo;We will try later,&rdquo; the host said. Profits &amp; losses were not discussed.</p>
</article>
<footer>Copyright 2019 The Daily Planet. All rights reserved.</footer>
<script>document.write("Nor this.")</script>
</body></html>
)";

}  // namespace

TEST_CASE("HTML: text extracted, scripts/styles/navigation dropped, metadata read",
          "[ingest][html]") {
  TempDir dir;
  const std::string path = dir.Write("page.html", kHtml);
  Result<Corpus> c = ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  const Document& d = c->documents[0];
  CHECK(d.outlet == "The Daily Planet");
  CHECK(d.date == std::optional<std::string>("2019-05-04"));
  CHECK(d.url == std::optional<std::string>("https://planet.example/summit"));
  CHECK(d.format == "html");
  CHECK(HasStatement(*c, "Leaders End Summit Without Deal"));
  CHECK(HasStatement(*c, "The leaders met in Geneva on Friday."));
  CHECK(HasStatement(*c, "They failed to agree \xE2\x80\x94 again."));
  CHECK(HasStatement(*c, "\xE2\x80\x9CWe will try later,\xE2\x80\x9D the host said."));
  CHECK(HasStatement(*c, "Profits & losses were not discussed."));
  CHECK_FALSE(AnyStatementContains(*c, "Do not read"));
  CHECK_FALSE(AnyStatementContains(*c, "Nor this"));
  CHECK_FALSE(AnyStatementContains(*c, "color"));
  CHECK_FALSE(AnyStatementContains(*c, "menu"));
  CHECK_FALSE(AnyStatementContains(*c, "World news"));
}

TEST_CASE("HTML: offsets point into the HTML bytes, the property holds after decoding",
          "[ingest][html]") {
  TempDir dir;
  const std::string html = kHtml;
  dir.Write("page.html", html);
  Result<Corpus> c = ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->statements.size() >= 4);
  for (const auto& s : c->statements) {
    INFO(s.text);
    const std::string slice = html.substr(s.start, s.end - s.start);
    // Entities span their reference: the statement is the decoded slice.
    CHECK(FoldWhitespace(HtmlToText(slice).text.text) == s.text);
  }
  // An entity at a statement edge: the span includes the whole reference.
  for (const auto& s : c->statements) {
    if (s.text.rfind("\xE2\x80\x9CWe will", 0) == 0) {
      CHECK(html.compare(s.start, 7, "&ldquo;") == 0);
    }
  }
}

TEST_CASE("JSONL: one document a line, offsets into the text value", "[ingest][jsonl]") {
  TempDir dir;
  dir.Write("feed.jsonl",
            "{\"id\": \"n1\", \"text\": \"Ministers met.\\nThey agreed\\u00a0on a plan.\", "
            "\"outlet\": \"Wire\", \"date\": \"2020-02\", \"title\": \"Met\", \"url\": \"u\"}\n"
            "\n"
            "{\"id\": 7, \"text\": \"Numbers are ids too. Fine.\"}\n");
  Result<Corpus> c = ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 2);
  const Document& d7 = c->documents[0];
  const Document& n1 = c->documents[1];
  CHECK(d7.id == "7");
  CHECK(n1.id == "n1");
  CHECK(n1.outlet == "Wire");
  CHECK(n1.date == std::optional<std::string>("2020-02"));
  CHECK(n1.title == std::optional<std::string>("Met"));
  CHECK(n1.url == std::optional<std::string>("u"));
  CHECK(d7.outlet == "feed");  // file-name fallback
  CHECK_FALSE(d7.date.has_value());
  for (const auto& s : c->statements) {
    const Document& d = s.doc == "7" ? d7 : n1;
    CHECK(FoldWhitespace(d.text.substr(s.start, s.end - s.start)) == s.text);
  }
  CHECK(HasStatement(*c, "They agreed on a plan."));
}

TEST_CASE("Markdown: headings and list items are their own statements", "[ingest][md]") {
  TempDir dir;
  const std::string md =
      "# Summit Ends In Geneva\n\nThe leaders met on Friday and\ntalked for hours.\n\n"
      "- Russia proposed a plan.\n- Belarus agreed to it.\n";
  dir.Write("note.md", md);
  Result<Corpus> c = ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(HasStatement(*c, "Summit Ends In Geneva"));
  CHECK(HasStatement(*c, "The leaders met on Friday and talked for hours."));
  CHECK(HasStatement(*c, "Russia proposed a plan."));
  CHECK(HasStatement(*c, "Belarus agreed to it."));
  for (const auto& s : c->statements) {
    CHECK(FoldWhitespace(md.substr(s.start, s.end - s.start)) == s.text);
  }
}

TEST_CASE("HtmlToText maps entities and collapses source whitespace", "[ingest][html]") {
  const std::string html = "<p>A&nbsp;B &amp;\n C</p><p>D&#8217;s</p>";
  HtmlText t = HtmlToText(html);
  // Paragraphs end with a blank line; a trailing one after the last </p> is harmless.
  CHECK(t.text.text.rfind("A\xC2\xA0"
                          "B & C\n\nD\xE2\x80\x99s",
                          0) == 0);
  CHECK(FoldWhitespace(t.text.text) == "A B & C D\xE2\x80\x99s");
  // '&' of "&amp;" maps to the 5-byte reference.
  const size_t amp = t.text.text.find('&');
  CHECK(t.text.SourceBegin(amp) == static_cast<int64_t>(html.find("&amp;")));
  CHECK(t.text.SourceEnd(amp) == static_cast<int64_t>(html.find("&amp;") + 5));
}
