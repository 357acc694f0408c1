// HTML, Markdown and JSONL inputs: text extraction, metadata and offsets.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/ingest/html_text.h"
#include "analyzer/text/utf8.h"
#include "tests/ingest_test_util.h"

using namespace diverge;
using diverge::testing::TempDir;

namespace {

bool HasStatement(const ingest::Corpus& c, const std::string& text) {
  return std::any_of(c.statements.begin(), c.statements.end(),
                     [&](const ingest::Statement& s) { return s.text == text; });
}
bool AnyStatementContains(const ingest::Corpus& c, const std::string& part) {
  return std::any_of(c.statements.begin(), c.statements.end(), [&](const ingest::Statement& s) {
    return s.text.find(part) != std::string::npos;
  });
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
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 1);
  const ingest::Document& d = c->documents[0];
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
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->statements.size() >= 4);
  for (const auto& s : c->statements) {
    INFO(s.text);
    const std::string slice = html.substr(s.start, s.end - s.start);
    // Entities span their reference: the statement is the decoded slice.
    CHECK(text::FoldWhitespace(ingest::HtmlToText(slice).text.text) == s.text);
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
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 2);
  const ingest::Document& d7 = c->documents[0];
  const ingest::Document& n1 = c->documents[1];
  CHECK(d7.id == "7");
  CHECK(n1.id == "n1");
  CHECK(n1.outlet == "Wire");
  CHECK(n1.date == std::optional<std::string>("2020-02"));
  CHECK(n1.title == std::optional<std::string>("Met"));
  CHECK(n1.url == std::optional<std::string>("u"));
  CHECK(d7.outlet == "feed");  // file-name fallback
  CHECK_FALSE(d7.date.has_value());
  for (const auto& s : c->statements) {
    const ingest::Document& d = s.doc == "7" ? d7 : n1;
    CHECK(text::FoldWhitespace(d.text.substr(s.start, s.end - s.start)) == s.text);
  }
  CHECK(HasStatement(*c, "They agreed on a plan."));
}

TEST_CASE("Markdown: headings and list items are their own statements", "[ingest][md]") {
  TempDir dir;
  const std::string md =
      "# Summit Ends In Geneva\n\nThe leaders met on Friday and\ntalked for hours.\n\n"
      "- Russia proposed a plan.\n- Belarus agreed to it.\n";
  dir.Write("note.md", md);
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  CHECK(HasStatement(*c, "Summit Ends In Geneva"));
  CHECK(HasStatement(*c, "The leaders met on Friday and talked for hours."));
  CHECK(HasStatement(*c, "Russia proposed a plan."));
  CHECK(HasStatement(*c, "Belarus agreed to it."));
  for (const auto& s : c->statements) {
    CHECK(text::FoldWhitespace(md.substr(s.start, s.end - s.start)) == s.text);
  }
}

TEST_CASE("HtmlToText maps entities and collapses source whitespace", "[ingest][html]") {
  const std::string html = "<p>A&nbsp;B &amp;\n C</p><p>D&#8217;s</p>";
  ingest::HtmlText t = ingest::HtmlToText(html);
  // Paragraphs end with a blank line; a trailing one after the last </p> is harmless.
  CHECK(t.text.text.rfind("A\xC2\xA0"
                          "B & C\n\nD\xE2\x80\x99s",
                          0) == 0);
  CHECK(text::FoldWhitespace(t.text.text) == "A B & C D\xE2\x80\x99s");
  // '&' of "&amp;" maps to the 5-byte reference.
  const size_t amp = t.text.text.find('&');
  CHECK(t.text.SourceBegin(amp) == static_cast<int64_t>(html.find("&amp;")));
  CHECK(t.text.SourceEnd(amp) == static_cast<int64_t>(html.find("&amp;") + 5));
}

TEST_CASE("HtmlToText decodes every named reference and keeps the reference's bytes",
          "[ingest][html]") {
  const std::string html =
      "<p>&Eacute;cole de S&atilde;o Paulo &mdash; &#x1F600; &notin; AT&T &amp c&copy;2020</p>";
  ingest::HtmlText t = ingest::HtmlToText(html);
  CHECK(text::FoldWhitespace(t.text.text) ==
        "\xC3\x89"
        "cole de S\xC3\xA3o Paulo \xE2\x80\x94 \xF0\x9F\x98\x80 \xE2\x88\x89 AT&T & c\xC2\xA9"
        "2020");
  // Each decoded character maps to its whole reference; plain bytes map one to one.
  const std::string& text = t.text.text;
  const size_t e = text.find("\xC3\x89");
  CHECK(t.text.SourceBegin(e) == static_cast<int64_t>(html.find("&Eacute;")));
  CHECK(t.text.SourceEnd(e) == static_cast<int64_t>(html.find("&Eacute;") + 8));
  const size_t a = text.find("\xC3\xA3");
  CHECK(t.text.SourceBegin(a) == static_cast<int64_t>(html.find("&atilde;")));
  CHECK(t.text.SourceEnd(a + 1) == static_cast<int64_t>(html.find("&atilde;") + 8));
  const size_t o = text.find("o Paulo");
  CHECK(t.text.SourceBegin(o) == static_cast<int64_t>(html.find("o Paulo")));
  const size_t att = text.find("AT&T");
  CHECK(t.text.SourceBegin(att + 2) == static_cast<int64_t>(html.find("AT&T") + 2));
  CHECK(t.text.SourceEnd(att + 2) == static_cast<int64_t>(html.find("AT&T") + 3));
  const size_t legacy = text.find("& c");  // "&amp" without ';'
  CHECK(t.text.SourceBegin(legacy) == static_cast<int64_t>(html.find("&amp c")));
  CHECK(t.text.SourceEnd(legacy) == static_cast<int64_t>(html.find("&amp c") + 4));
  const size_t copy = text.find("\xC2\xA9");
  CHECK(t.text.SourceBegin(copy) == static_cast<int64_t>(html.find("&copy;")));
  CHECK(t.text.SourceEnd(copy) == static_cast<int64_t>(html.find("&copy;") + 6));
  // The offset property: the slice of every character decodes to that character.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == ' ') continue;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    const int64_t b = t.text.SourceBegin(i), en = t.text.SourceEnd(i);
    const std::string slice = html.substr(static_cast<size_t>(b), static_cast<size_t>(en - b));
    INFO(slice);
    CHECK(ingest::HtmlToText(slice).text.text.substr(0, 1) == text.substr(i, 1));
  }
}

TEST_CASE("HtmlToText closes unclosed tags as a browser does and drops furniture",
          "[ingest][html]") {
  const std::string html =
      "<html><head><title>T &eacute;t&eacute;</title><meta property=\"og:site_name\" "
      "content=\"Caf&eacute; News\"></head><body><nav><a href=/>Home</a><p>Menu"
      "<article><p>First paragraph<p>Second <b>bold <i>both</b> italic</i> end"
      "<ul><li>one<li>two</ul><div>Never closed <aside>Related stories";
  ingest::HtmlText t = ingest::HtmlToText(html);
  // The unclosed <nav> holds the rest of the page (a browser shows nothing outside it).
  CHECK(t.text.text.find("Home") == std::string::npos);
  CHECK(t.metadata.title == std::optional<std::string>("T \xC3\xA9t\xC3\xA9"));
  CHECK(t.metadata.site_name == std::optional<std::string>("Caf\xC3\xA9 News"));

  const std::string body =
      "<body><p>First paragraph<p>Second <b>bold <i>both</b> italic</i> end"
      "<ul><li>one<li>two</ul><div>Never closed <aside>Related stories</aside> tail";
  ingest::HtmlText b = ingest::HtmlToText(body);
  CHECK(b.text.text.find("First paragraph\n\nSecond bold both italic end\n\none\n\ntwo\n\n"
                         "Never closed tail") == 0);
  CHECK(b.text.text.find("Related") == std::string::npos);
  // Every non-space byte maps back to the same byte of the HTML.
  for (size_t i = 0; i < b.text.text.size(); ++i) {
    const char c = b.text.text[i];
    if (c == '\n' || c == ' ') continue;
    CHECK(body[static_cast<size_t>(b.text.SourceBegin(i))] == c);
  }
}
