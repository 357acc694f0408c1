// The readers of the input formats (input_format.h): decoded file text to documents and
// their statements. One document per file, metadata from the manifest first, then what
// the format states (HTML meta), then what the page states (metadata_inference.h), then
// the file name; a JSONL file holds one document per line ({"id", "text", "outlet",
// "date", "title", "url"}), bad lines are warned about and skipped.
#ifndef DIVERGE_ANALYZER_INGEST_FORMAT_READERS_H_
#define DIVERGE_ANALYZER_INGEST_FORMAT_READERS_H_

#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/ingest/document_builder.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {

// Each returns false when the file as a whole was skipped; problems go to `diags` naming
// input.path, skipped JSONL lines are counted in *skipped_records.
bool ReadPlainText(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                   std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);
// Headings and list markers at a line start end a block (offsets are kept).
bool ReadMarkdown(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                  std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);
// Text and metadata by html_text.h.
bool ReadHtml(const InputFile& input, text::SourceText src, const ReadOptions& opts,
              std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);
bool ReadJsonLines(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                   std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_FORMAT_READERS_H_
