#include "analyzer/ingest/document_builder.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analyzer/base/stable_hash.h"
#include "analyzer/ingest/claim_spans.h"
#include "analyzer/ingest/figure_clauses.h"
#include "analyzer/ingest/cleanup.h"
#include "analyzer/ingest/html_text.h"
#include "analyzer/ingest/metadata_inference.h"
#include "analyzer/ingest/segmenter.h"
#include "analyzer/ingest/utf8.h"

namespace diverge {
namespace {

// Binary: a NUL byte, or many control characters in the first 8 KiB.
bool LooksBinary(std::string_view bytes, int64_t* where) {
  const void* nul = std::memchr(bytes.data(), 0, bytes.size());
  if (nul != nullptr) {
    *where = static_cast<const char*>(nul) - bytes.data();
    return true;
  }
  const size_t n = std::min<size_t>(bytes.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
        c == 0x7F) {
      ++control;
    }
  }
  *where = -1;
  return n > 0 && control * 10 > n;
}

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

}  // namespace

void SegmentPage(const SourceText& page, const ReadOptions& opts, BuiltDocument* built) {
  Document& doc = built->doc;
  const std::string& text = page.text;
  CleanPageResult clean = CleanPage(text, doc.title);
  const InferredMetadata& meta = clean.metadata;
  if (doc.outlet.empty() && meta.outlet) doc.outlet = *meta.outlet;
  if (!doc.date && meta.date) doc.date = meta.date;
  if (!doc.title && meta.title) doc.title = meta.title;
  if (!doc.author && meta.author) doc.author = meta.author;

  const std::string content_hash = StableHasher().Add(doc.text).Hex();
  auto source_range = [&](size_t b, size_t e, int64_t* sb, int64_t* se) {
    *sb = page.SourceBegin(b);
    *se = page.SourceEnd(e - 1);
  };
  const size_t n = clean.lines.size();
  size_t i = 0;
  while (i < n) {
    const LineVerdict& v = clean.verdicts[i];
    if (opts.clean && v.fate != LineFate::kKeep) {
      SetAsideLine s;
      s.doc = doc.id;
      s.reason = std::string(LineFateName(v.fate));
      s.detail = v.reason;
      s.text = clean.lines[i].folded;
      source_range(clean.lines[i].begin, clean.lines[i].end, &s.start, &s.end);
      built->set_aside.push_back(std::move(s));
      ++i;
      continue;
    }
    // A block: this line plus following lines joined by soft (wrap) line breaks.
    const size_t b = opts.clean ? v.begin : clean.lines[i].begin;
    size_t e = opts.clean ? v.end : clean.lines[i].end;
    size_t j = i + 1;
    while (j < n && !clean.lines[j].after_blank &&
           (!opts.clean || (clean.verdicts[j].fate == LineFate::kKeep &&
                            !clean.verdicts[j].narrowed && !clean.verdicts[j - 1].narrowed)) &&
           IsSoftLineBreak(clean.lines[j - 1].folded, clean.lines[j].folded)) {
      e = opts.clean ? clean.verdicts[j].end : clean.lines[j].end;
      ++j;
    }
    const std::string_view block(text.data() + b, e - b);
    auto add_statement = [&](size_t begin, size_t end) {
      Statement st;
      st.doc = doc.id;
      st.text = FoldWhitespace(block.substr(begin, end - begin));
      source_range(b + begin, b + end, &st.start, &st.end);
      st.id = MakeId("s", {content_hash, st.text, std::to_string(st.start)});
      built->statements.push_back(std::move(st));
    };
    for (const Span& sp : SplitSentences(block)) {
      add_statement(sp.begin, sp.end);
      // Lists mentioned in passing are claims of their own (claim_spans.h).
      const std::string_view sentence = block.substr(sp.begin, sp.end - sp.begin);
      for (const Span& list : FindListSpans(sentence)) {
        add_statement(sp.begin + list.begin, sp.begin + list.end);
      }
      // Clauses that carry their own figure are claims of their own (figure_clauses.h).
      for (const Span& clause : FindFigureClauses(sentence)) {
        add_statement(sp.begin + clause.begin, sp.begin + clause.end);
      }
    }
    i = j;
  }
}

bool BuildDocuments(const InputFile& input, std::string_view bytes, const ReadOptions& opts,
                    std::vector<BuiltDocument>* out, Diagnostics* diags, int* skipped_records) {
  int64_t where = -1;
  if (LooksBinary(bytes, &where)) {
    diags->Warn(input.path,
                where >= 0 ? "binary file (NUL byte), skipped"
                           : "binary file (control characters), skipped",
                -1, where);
    return false;
  }
  // UTF-8 byte order mark: not text.
  int64_t base = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") base = 3;
  std::vector<int64_t> bad;
  SourceText src = RepairUtf8(bytes.substr(static_cast<size_t>(base)), &bad);
  if (src.identity) {
    src.base = base;
  } else {
    for (auto& x : src.src_begin) x += base;
    for (auto& x : src.src_end) x += base;
  }
  for (auto& x : bad) x += base;
  if (FoldWhitespace(src.text).empty()) {
    diags->Warn(input.path, "empty file, skipped");
    return false;
  }
  if (!bad.empty()) {
    diags->Warn(input.path,
                "invalid UTF-8 (" + std::to_string(bad.size()) +
                    " byte(s) repaired with U+FFFD, first at byte " + std::to_string(bad[0]) + ")",
                -1, bad[0]);
  }

  if (input.format == "jsonl") {
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
      if (FoldWhitespace(line).empty()) continue;
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
          if (FoldWhitespace(s).empty()) return std::nullopt;
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
      built.doc.id = FoldWhitespace(*id);
      built.doc.path = input.path;
      built.doc.format = "jsonl";
      built.doc.text = *text;
      built.doc.outlet = FoldWhitespace(str("outlet").value_or(""));
      built.doc.title = str("title");
      built.doc.url = str("url");
      if (auto d = str("date")) {
        if (IsValidPartialDate(*d)) {
          built.doc.date = *d;
        } else {
          diags->Warn(input.path,
                      "bad date '" + *d +
                          "' (expected YYYY, YYYY-MM or "
                          "YYYY-MM-DD); date dropped",
                      line_no);
        }
      }
      SourceText page;  // offsets index the "text" value
      page.text = *text;
      SegmentPage(page, opts, &built);
      FinishMetadata(input, &built.doc);
      built.doc.path = input.path;
      out->push_back(std::move(built));
    }
    return true;
  }

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
  if (input.format == "html") {
    HtmlText html = HtmlToText(src);
    if (doc.outlet.empty() && html.metadata.site_name) doc.outlet = *html.metadata.site_name;
    if (!doc.date && html.metadata.date) doc.date = html.metadata.date;
    if (!doc.title && html.metadata.title) doc.title = html.metadata.title;
    if (!doc.url && html.metadata.url) doc.url = html.metadata.url;
    if (!doc.author && html.metadata.author) doc.author = html.metadata.author;
    SegmentPage(html.text, opts, &built);
  } else {
    if (input.format == "md") {
      StripMarkdownMarkers(&src.text);
    }
    SegmentPage(src, opts, &built);
  }
  FinishMetadata(input, &doc);
  if (built.statements.empty()) {
    diags->Warn(input.path, "no statements found (all lines were set aside)");
  }
  out->push_back(std::move(built));
  return true;
}

}  // namespace diverge
