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

namespace diverge {

struct Document {
  std::string id;      // manifest id, JSONL "id", or the file stem; unique in a corpus
  std::string path;    // source file as given on the command line (joined with the corpus dir)
  std::string outlet;  // manifest / JSONL / inferred from the text; file stem as last resort
  std::optional<std::string> date;   // "2017-06-15" | "2017-06" | "2017"
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::string text;    // the document's original bytes (UTF-8 repaired) that offsets index
};

struct Statement {
  std::string id;    // "s-" + stable hash of (document content, statement text)
  std::string doc;   // Document::id
  std::string text;  // whitespace folded (all Unicode spaces to one ASCII space), for display
  int64_t start = 0;  // byte offset into the source file, inclusive
  int64_t end = 0;    // byte offset, exclusive; folding source[start, end) gives `text`
};

// A read corpus: documents sorted by id, statements by (doc, start).
struct Corpus {
  std::vector<Document> documents;
  std::vector<Statement> statements;
  Diagnostics diagnostics;  // warnings and skipped files; reading went on past them
  int skipped_files = 0;    // inputs that produced no document (binary, unreadable, ...)
};

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_INGEST_DOCUMENT_H_
