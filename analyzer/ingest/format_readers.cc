#include "analyzer/ingest/format_readers.h"

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analyzer/ingest/html_text.h"
#include "analyzer/ingest/metadata_inference.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace {

// Markdown: headings and list markers at a line start become a line break plus spaces
// (same length, so offsets are untouched) so each heading/item is its own block.
void StripMarkdownMarkers(std::string* text) {
  size_t pos = 0;
  while (pos < text->size()) {
    size_t i = pos;
    while (i < text->size() && (*text)[i] == ' ') ++i;
    size_t j = i;
    if (j < text->size() && (*text)[j] == '#') {
      while (j < text->size() && (*text)[j] == '#') ++j;
    } else if (j + 1 < text->size() &&
               ((*text)[j] == '-' || (*text)[j] == '*' || (*text)[j] == '+' || (*text)[j] == '>')) {
      ++j;
    } else {
      while (j < text->size() && std::isdigit(static_cast<unsigned char>((*text)[j]))) ++j;
      if (j > i && j < text->size() && ((*text)[j] == '.' || (*text)[j] == ')')) {
        ++j;
      } else {
        j = i;
      }
    }
    if (j > i && j < text->size() && (*text)[j] == ' ') {
      (*text)[i] = '\n';
      for (size_t k = i + 1; k < j; ++k) (*text)[k] = ' ';
    }
    const size_t nl = text->find('\n', j);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
}

std::string FileStem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

void FinishMetadata(const InputFile& input, Document* doc) {
  if (doc->outlet.empty()) doc->outlet = FileStem(input.path);
}

// A document of its own file, with the manifest's metadata.
BuiltDocument StartDocument(const InputFile& input, const text::SourceText& src) {
  BuiltDocument built;
  Document& doc = built.doc;
  doc.id = input.id;
  doc.path = input.path;
  doc.format = input.format;
  doc.text = src.text;
  if (input.manifest) {
    doc.outlet = input.manifest->outlet.value_or("");
    doc.date = input.manifest->date;
    doc.title = input.manifest->title;
    doc.url = input.manifest->url;
  }
  return built;
}

bool FinishDocument(const InputFile& input, BuiltDocument built, std::vector<BuiltDocument>* out,
                    Diagnostics* diags) {
  FinishMetadata(input, &built.doc);
  if (built.statements.empty()) {
    diags->Warn(input.path, "no statements found (all lines were set aside)");
  }
  out->push_back(std::move(built));
  return true;
}

}  // namespace

bool ReadPlainText(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                   std::vector<BuiltDocument>* out, Diagnostics* diags, int*) {
  BuiltDocument built = StartDocument(input, src);
  SegmentPage(src, opts, &built);
  return FinishDocument(input, std::move(built), out, diags);
}

bool ReadMarkdown(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                  std::vector<BuiltDocument>* out, Diagnostics* diags, int*) {
  BuiltDocument built = StartDocument(input, src);  // the text as written
  StripMarkdownMarkers(&src.text);
  SegmentPage(src, opts, &built);
  return FinishDocument(input, std::move(built), out, diags);
}

bool ReadHtml(const InputFile& input, text::SourceText src, const ReadOptions& opts,
              std::vector<BuiltDocument>* out, Diagnostics* diags, int*) {
  BuiltDocument built = StartDocument(input, src);
  Document& doc = built.doc;
  HtmlText html = HtmlToText(src);
  if (doc.outlet.empty() && html.metadata.site_name) doc.outlet = *html.metadata.site_name;
  if (!doc.date && html.metadata.date) doc.date = html.metadata.date;
  if (!doc.title && html.metadata.title) doc.title = html.metadata.title;
  if (!doc.url && html.metadata.url) doc.url = html.metadata.url;
  if (!doc.author && html.metadata.author) doc.author = html.metadata.author;
  SegmentPage(html.text, opts, &built);
  return FinishDocument(input, std::move(built), out, diags);
}

bool ReadJsonLines(const InputFile& input, text::SourceText src, const ReadOptions& opts,
                   std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < src.text.size()) {
    size_t nl = src.text.find('\n', pos);
    if (nl == std::string::npos) nl = src.text.size();
    const std::string line = src.text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    // JSON escapes at most double the text: a longer line cannot hold an acceptable record.
    if (line.size() > 2 * opts.max_document_bytes + 4096) {
      diags->Warn(input.path,
                  "line of " + std::to_string(line.size()) + " bytes is over the limit of " +
                      std::to_string(opts.max_document_bytes) + " bytes of text; line skipped",
                  line_no);
      ++*skipped_records;
      continue;
    }
    if (text::FoldWhitespace(line).empty()) continue;
    nlohmann::json rec;
    try {
      rec = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      diags->Warn(input.path, std::string("invalid JSON, line skipped: ") + e.what(), line_no);
      ++*skipped_records;
      continue;
    }
    auto str = [&](const char* key) -> std::optional<std::string> {
      if (!rec.is_object() || !rec.contains(key)) return std::nullopt;
      const auto& v = rec[key];
      if (v.is_string()) {
        std::string s = v.get<std::string>();
        if (text::FoldWhitespace(s).empty()) return std::nullopt;
        return s;
      }
      if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
      return std::nullopt;
    };
    auto id = str("id");
    auto text = rec.is_object() && rec.contains("text") && rec["text"].is_string()
                    ? std::optional<std::string>(rec["text"].get<std::string>())
                    : std::nullopt;
    if (!id || !text) {
      diags->Warn(input.path, "record without string \"id\" and \"text\", line skipped", line_no);
      ++*skipped_records;
      continue;
    }
    if (text->size() > opts.max_document_bytes) {
      diags->Warn(input.path,
                  "\"text\" of " + std::to_string(text->size()) + " bytes is over the limit of " +
                      std::to_string(opts.max_document_bytes) + " bytes; line skipped",
                  line_no);
      ++*skipped_records;
      continue;
    }
    BuiltDocument built;
    built.doc.id = text::FoldWhitespace(*id);
    built.doc.path = input.path;
    built.doc.format = "jsonl";
    built.doc.text = *text;
    built.doc.outlet = text::FoldWhitespace(str("outlet").value_or(""));
    built.doc.title = str("title");
    built.doc.url = str("url");
    if (auto d = str("date")) {
      if (text::IsValidPartialDate(*d)) {
        built.doc.date = *d;
      } else {
        diags->Warn(input.path,
                    "bad date '" + *d +
                        "' (expected YYYY, YYYY-MM or "
                        "YYYY-MM-DD); date dropped",
                    line_no);
      }
    }
    text::SourceText page;  // offsets index the "text" value
    page.text = *text;
    SegmentPage(page, opts, &built);
    FinishMetadata(input, &built.doc);
    built.doc.path = input.path;
    out->push_back(std::move(built));
  }
  return true;
}

}  // namespace diverge::ingest
