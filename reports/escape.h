// Escaping for every output format of the renderers. All corpus and manifest text is
// untrusted: it goes through one of these functions before it reaches an output.
#ifndef DIVERGE_REPORTS_ESCAPE_H_
#define DIVERGE_REPORTS_ESCAPE_H_

#include <string>
#include <string_view>

namespace diverge::reports {

// Replaces C0 control characters (except \n and \t) and DEL with a space, so no output
// carries bytes that XML 1.0 forbids or terminals interpret.
std::string StripControls(std::string_view text);

// Folds every run of whitespace (incl. \n, \r, \t) into one space and trims both ends.
std::string FoldSpace(std::string_view text);

// HTML/XML text and attribute escape: & < > " ' become entities; controls are stripped.
std::string HtmlEscape(std::string_view text);
// HtmlEscape for an attribute value that holds corpus text (a title tooltip): also
// '=' as &#61;, so no escaped text reads like an attribute assignment ("onerror=") to
// a scanner of the markup.
std::string HtmlAttrEscape(std::string_view text);

// Markdown inline escape for text in paragraphs, list items and table cells (never at
// the start of a line): folds each whitespace run to one space (ends kept, so pieces
// can be concatenated) and backslash-escapes \ ` * _ [ ] < > | ~ &, so corpus text can
// neither close a table cell nor open emphasis, links, code or raw HTML.
std::string MarkdownEscape(std::string_view text);

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
// Spreadsheet formula injection guard: a field starting with = + - @ TAB or CR gets a
// leading apostrophe (OWASP "CSV injection"), so Excel/LibreOffice show it as text.
std::string CsvField(std::string_view text);

// True if `url` is an absolute http:// or https:// URL (case-insensitive scheme) with no
// whitespace, control characters, quotes or angle brackets. Only such URLs become links.
bool IsSafeHttpUrl(std::string_view url);

// True if `path` can be used as a relative link target: no URL scheme (no ':' before
// the first '/'), no control characters. Used for source-file links (path#start-end).
bool IsLinkablePath(std::string_view path);

// Percent-encodes bytes outside the RFC 3986 unreserved set and '/', for link targets.
std::string PercentEncodePath(std::string_view path);

// Text that XML 1.0 can hold (its Char production): StripControls, then every byte or
// code point XML 1.0 forbids is dropped: U+FFFE, U+FFFF, surrogate code points (lone
// or paired, as CESU-8 writes them), bytes of invalid UTF-8 (overlong forms, stray
// continuation bytes, code points above U+10FFFF). Used for claims.graphml.
std::string XmlChars(std::string_view text);

// Cuts `text` to at most `max_bytes` bytes on a UTF-8 character boundary, appending
// "…" when something was cut.
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_ESCAPE_H_
