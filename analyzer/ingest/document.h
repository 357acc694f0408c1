// The corpus data model shared by every later stage: documents and the statements
// split out of them. Shapes follow ../shared/spec/report-json.md ("documents",
// "statements").
#ifndef DIVERGE_ANALYZER_INGEST_DOCUMENT_H_
#define DIVERGE_ANALYZER_INGEST_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/diagnostics.h"

namespace diverge::ingest {

struct Document {
  std::string id;      // manifest id, JSONL "id", or the file stem; unique in a corpus
  std::string path;    // source file as given on the command line (joined with the corpus dir)
  std::string outlet;  // manifest / JSONL / inferred from the text; file stem as last resort
  std::optional<std::string> date;  // "2017-06-15" | "2017-06" | "2017"
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::string text;  // the document's original bytes (UTF-8 repaired) that offsets index
  // Added by ingest:
  std::optional<std::string> author;  // byline when the text or HTML states one
  std::string format;                 // "txt", "md", "html" or "jsonl"
};
// Notes on `text` and offsets: for .txt/.md it is the file; for .html the HTML source
// (offsets span tags and entities inside a statement); for .jsonl the record's "text"
// value, which the offsets index. When the file held invalid UTF-8, `text` has each bad
// byte replaced by U+FFFD (3 bytes) and offsets still index the ORIGINAL file, so they
// no longer index `text` (a warning names the file and byte).

struct Statement {
  std::string id;     // "s-" + stable hash of (document content, statement text)
  std::string doc;    // Document::id
  std::string text;   // whitespace folded (all Unicode spaces to one ASCII space), for display
  int64_t start = 0;  // byte offset into the source file, inclusive
  int64_t end = 0;    // byte offset, exclusive; folding source[start, end) gives `text`
};

// A line ingest kept out of the statements, with the reason (cleanup.h): "furniture",
// "metadata", "other-language" or "repeated".
struct SetAsideLine {
  std::string doc;
  std::string reason;
  std::string detail;  // the rule that fired, e.g. "web interface phrase"
  std::string text;    // whitespace folded
  int64_t start = 0;   // byte offsets like Statement's
  int64_t end = 0;
};

// A read corpus: documents sorted by id, statements by (doc, start).
struct Corpus {
  std::vector<Document> documents;
  std::vector<Statement> statements;
  Diagnostics diagnostics;  // warnings and skipped files; reading went on past them
  int skipped_files = 0;    // inputs that produced no document (binary, unreadable, ...)
  std::vector<SetAsideLine> set_aside;  // sorted by (doc, start)
};

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_DOCUMENT_H_
