#include "analyzer/ingest/input_format.h"

#include <algorithm>

#include "analyzer/ingest/format_readers.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {

const std::vector<InputFormat>& InputFormats() {
  static const std::vector<InputFormat> formats = {
      {"txt", {"txt", "text"}, false, ReadPlainText},
      {"md", {"md", "markdown"}, false, ReadMarkdown},
      {"html", {"html", "htm", "xhtml"}, false, ReadHtml},
      {"jsonl", {"jsonl", "ndjson"}, true, ReadJsonLines},
  };
  return formats;
}

const InputFormat* FindInputFormat(std::string_view name) {
  for (const InputFormat& f : InputFormats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string FormatOfPath(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return "";
  const std::string ext = text::AsciiLower(path.substr(dot + 1));
  for (const InputFormat& f : InputFormats()) {
    if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) {
      return std::string(f.name);
    }
  }
  return "";
}

size_t MaxInputBytes(const std::string& format, const ReadOptions& opts) {
  const InputFormat* f = FindInputFormat(format);
  return f != nullptr && f->many_documents ? opts.max_file_bytes
                                           : std::min(opts.max_file_bytes, opts.max_document_bytes);
}

}  // namespace diverge::ingest
