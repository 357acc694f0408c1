// HTML to plain text with an offset map back into the HTML bytes. Parsed by Debian's
// HTML5 parser gumbo (libgumbo-dev): every character reference of the HTML standard is
// decoded (&amp; &#8217; &#x2019; &Eacute; &atilde; and legacy ones without ';'), and
// unclosed or misnested tags are closed as a browser closes them.
//
// Dropped with their content: <script>, <style>, <noscript>, <template>, <svg>,
// <iframe>, <head> (its <title> and <meta> are read as metadata), <nav>, <header>,
// <footer>, <aside>, <form>, <button>, <select>, <menu>, <object>, <canvas>,
// <textarea>, comments, <!...>, <?...?>.
// Block elements (p, div, br, li, h1-h6, tr, td, th, article, section, blockquote, pre,
// figcaption, dt, dd, hr, table, ul, ol, main, figure, address) end a line where they
// open and close; p, h1-h6, li, blockquote, article, section, div, tr and figcaption end
// a paragraph (blank line). Inline tags vanish. Runs of source whitespace become one
// space (HTML does not break lines on newlines).
//
// Offsets: every text byte maps to the HTML bytes it came from; a decoded reference
// maps to the whole reference ("&amp;" -> 5 bytes). So for a statement with source
// range [start, end), extracting text from those HTML bytes (HtmlToText on the slice) and
// folding whitespace gives the statement text (the offset property holds after
// entity decoding and tag removal). Text the parser moves (foster-parented out of a
// table) keeps its own offsets, out of order.
#ifndef DIVERGE_ANALYZER_INGEST_HTML_TEXT_H_
#define DIVERGE_ANALYZER_INGEST_HTML_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include "analyzer/text/utf8.h"

namespace diverge::ingest {

struct HtmlMetadata {
  std::optional<std::string> title;      // <title> or og:title
  std::optional<std::string> site_name;  // og:site_name
  std::optional<std::string> date;       // article:published_time, date meta, <time datetime>
  std::optional<std::string> url;        // canonical link or og:url
  std::optional<std::string> author;     // meta author
};

struct HtmlText {
  text::SourceText text;  // !identity: maps into the HTML bytes
  HtmlMetadata metadata;
};

// `html` must be valid UTF-8 (repair it first); `source` maps its bytes to the file.
HtmlText HtmlToText(const text::SourceText& source);
// Convenience for an identity-mapped string.
HtmlText HtmlToText(std::string_view html);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_HTML_TEXT_H_
