// One input file to documents and statements: format detection results (binary, empty,
// invalid UTF-8), text extraction by the file's format (input_format.h), clean-up
// (cleanup.h), metadata (manifest > JSONL fields / HTML meta > inferred from the text >
// file name) and sentence segmentation (segmenter.h).
#ifndef DIVERGE_ANALYZER_INGEST_DOCUMENT_BUILDER_H_
#define DIVERGE_ANALYZER_INGEST_DOCUMENT_BUILDER_H_

#include <string_view>
#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/ingest/document.h"
#include "analyzer/ingest/file_collector.h"
#include "analyzer/ingest/read_options.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {

struct BuiltDocument {
  Document doc;
  std::vector<Statement> statements;  // sorted by start
  std::vector<SetAsideLine> set_aside;
};

// Builds the documents of one file from its bytes (one document, or one per JSONL
// line). Problems are reported in `diags` naming input.path; returns false when the
// file as a whole was skipped (binary, empty). `skipped_records` counts JSONL lines
// that were dropped.
bool BuildDocuments(const InputFile& input, std::string_view bytes, const ReadOptions& opts,
                    std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);

// Segments an already extracted page (plain text with a map to the source bytes) into
// statements of `doc`, filling metadata the document lacks from what the page states.
// Exposed for tests.
void SegmentPage(const text::SourceText& page, const ReadOptions& opts, BuiltDocument* built);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_DOCUMENT_BUILDER_H_
