#include "analyzer/ingest/document_builder.h"

#include <algorithm>
#include <cstring>

#include "analyzer/base/stable_hash.h"
#include "analyzer/ingest/claim_spans.h"
#include "analyzer/ingest/cleanup.h"
#include "analyzer/ingest/figure_clauses.h"
#include "analyzer/ingest/input_format.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
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

}  // namespace

void SegmentPage(const text::SourceText& page, const ReadOptions& opts, BuiltDocument* built) {
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
           text::IsSoftLineBreak(clean.lines[j - 1].folded, clean.lines[j].folded)) {
      e = opts.clean ? clean.verdicts[j].end : clean.lines[j].end;
      ++j;
    }
    const std::string_view block(text.data() + b, e - b);
    auto add_statement = [&](size_t begin, size_t end) {
      Statement st;
      st.doc = doc.id;
      st.text = text::FoldWhitespace(block.substr(begin, end - begin));
      source_range(b + begin, b + end, &st.start, &st.end);
      st.id = MakeId("s", {content_hash, st.text, std::to_string(st.start)});
      built->statements.push_back(std::move(st));
    };
    for (const text::Span& sp : text::SplitSentences(block)) {
      add_statement(sp.begin, sp.end);
      // Lists mentioned in passing are claims of their own (claim_spans.h).
      const std::string_view sentence = block.substr(sp.begin, sp.end - sp.begin);
      for (const text::Span& list : FindListSpans(sentence)) {
        add_statement(sp.begin + list.begin, sp.begin + list.end);
      }
      // Clauses that carry their own figure are claims of their own (figure_clauses.h).
      for (const text::Span& clause : FindFigureClauses(sentence)) {
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
  text::SourceText src = text::RepairUtf8(bytes.substr(static_cast<size_t>(base)), &bad);
  if (src.identity) {
    src.base = base;
  } else {
    for (auto& x : src.src_begin) x += base;
    for (auto& x : src.src_end) x += base;
  }
  for (auto& x : bad) x += base;
  if (text::FoldWhitespace(src.text).empty()) {
    diags->Warn(input.path, "empty file, skipped");
    return false;
  }
  if (!bad.empty()) {
    diags->Warn(input.path,
                "invalid UTF-8 (" + std::to_string(bad.size()) +
                    " byte(s) repaired with U+FFFD, first at byte " + std::to_string(bad[0]) + ")",
                -1, bad[0]);
  }

  const InputFormat* format = FindInputFormat(input.format);
  if (format == nullptr) format = FindInputFormat("txt");
  return format->read(input, std::move(src), opts, out, diags, skipped_records);
}

}  // namespace diverge::ingest
