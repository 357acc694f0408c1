// The input formats, in one table: a format's name (Document::format), the file name
// endings that select it, whether one file holds many documents, and its reader
// (format_readers.h). The collector (file_collector.cc), the size limits
// (MaxInputBytes) and the document builder (document_builder.cc) all read this table;
// adding a format is its reader plus one row in input_format.cc.
#ifndef DIVERGE_ANALYZER_INGEST_INPUT_FORMAT_H_
#define DIVERGE_ANALYZER_INGEST_INPUT_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/ingest/document_builder.h"
#include "analyzer/ingest/read_options.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {

struct InputFormat {
  std::string_view name;                     // "txt", "md", "html", "jsonl"
  std::vector<std::string_view> extensions;  // lower case, without the dot
  // One file holds many documents (JSONL): only max_file_bytes limits the file, each
  // document is held to max_document_bytes by the reader.
  bool many_documents = false;
  // Decoded text (UTF-8, offsets mapped to the file's bytes) to documents; false when the
  // whole file was skipped (document_builder.h BuildDocuments).
  bool (*read)(const InputFile& input, text::SourceText src, const ReadOptions& opts,
               std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records);
};

// Every format, in table order.
const std::vector<InputFormat>& InputFormats();
// The format named `name`; nullptr when there is none.
const InputFormat* FindInputFormat(std::string_view name);
// The format of a path by its ending, case-insensitive ("" when none matches).
std::string FormatOfPath(const std::string& path);
// The size limit of an input file of `format`.
size_t MaxInputBytes(const std::string& format, const ReadOptions& opts);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_INPUT_FORMAT_H_
