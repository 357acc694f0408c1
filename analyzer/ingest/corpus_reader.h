// ReadCorpus: the entry point of ingest. Reads directories (recursively) and files into
// a Corpus of documents and statements.
//
// Inputs: .txt, .md, .html/.htm (text extracted; scripts, styles, navigation dropped),
// .jsonl (one document a line: "id", "text", optional "outlet", "date", "title", "url").
// A directory may hold manifest.tsv (manifest.h), whose metadata takes precedence;
// otherwise metadata is inferred from the text (metadata_inference.h) and the outlet
// falls back to the file name. Page furniture, repeated paragraphs and other-language
// lines are set aside (cleanup.h); sentences are split by segmenter.h.
//
// Offsets: Statement::start/end are byte offsets into the ORIGINAL FILE such that the
// bytes [start, end), whitespace-folded (utf8.h FoldWhitespace), equal Statement::text.
//   - .html: offsets point into the HTML bytes; the property holds after tags are removed
//     and entities decoded (i.e. FoldWhitespace(HtmlToText(slice).text) == text).
//   - .jsonl: offsets index the record's decoded "text" value, not the .jsonl file.
//   - invalid UTF-8: bad bytes fold to U+FFFD, one per byte; offsets stay in the file.
// Statement ids are MakeId("s", {hash of the document text, statement text, start}):
// content-based, stable across runs and input order, unique within a corpus.
//
// Ordering: documents by id, statements by (doc, start), set-aside lines likewise; the
// result does not depend on directory order or the order of the inputs.
#ifndef DIVERGE_ANALYZER_INGEST_CORPUS_READER_H_
#define DIVERGE_ANALYZER_INGEST_CORPUS_READER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/ingest/document.h"
#include "analyzer/ingest/read_options.h"

namespace diverge::ingest {

// Never throws. Returns an error Status only when there is nothing at all to read:
// no input exists (kNotFound), a manifest is unreadable or has no id/file header
// (kCorruption/kIOError), or no document could be read (kNotFound naming the inputs).
// Per-file problems (binary, empty, unreadable, invalid UTF-8, bad manifest rows,
// duplicate ids, escaping paths, symlink loops) go to corpus.diagnostics, and files
// that produced no document are counted in corpus.skipped_files.
Result<Corpus> ReadCorpus(const std::vector<std::string>& inputs, const ReadOptions& opts = {});

// JSON shapes of ../shared/spec/report-json.md: {"id","path","outlet","date","title",
// "url"} with null for unknown date/title/url, and {"id","doc","text","start","end"}.
nlohmann::json DocumentToJson(const Document& doc);
nlohmann::json StatementToJson(const Statement& statement);
// {"documents": [...], "statements": [...]}.
nlohmann::json CorpusToJson(const Corpus& corpus);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_CORPUS_READER_H_
