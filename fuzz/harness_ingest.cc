// Harnesses of the ingest parsers: documents (txt, html, jsonl), manifest, segmenter.
#include <algorithm>
#include <exception>
#include <set>

#include "analyzer/base/diagnostics.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/ingest/document_builder.h"
#include "analyzer/ingest/manifest.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/utf8.h"
#include "fuzz/harness.h"

namespace diverge::fuzz {
namespace {

std::string At(const ingest::Statement& s) {
  return "statement [" + std::to_string(s.start) + ", " + std::to_string(s.end) + ")";
}

std::string CheckDocuments(std::string_view bytes, const std::string& format) {
  ingest::InputFile input{"fuzz." + format, "fuzz", format, std::nullopt};
  std::vector<ingest::BuiltDocument> built;
  Diagnostics diags;
  int skipped = 0;
  try {
    ingest::BuildDocuments(input, bytes, ingest::ReadOptions{}, &built, &diags, &skipped);
    for (const ingest::BuiltDocument& b : built) {
      // Offsets index the file (txt, html) or the record's decoded text (jsonl).
      const int64_t limit = format == "jsonl" ? static_cast<int64_t>(b.doc.text.size())
                                              : static_cast<int64_t>(bytes.size());
      int64_t previous = 0;
      for (const ingest::Statement& s : b.statements) {
        if (s.start < 0 || s.end < s.start || s.end > limit) return At(s) + " out of bounds";
        if (s.start < previous) return At(s) + " not sorted";
        previous = s.start;
        if (s.text.empty()) return At(s) + " is empty";
        if (format == "txt" &&
            text::FoldWhitespace(bytes.substr(static_cast<size_t>(s.start),
                                              static_cast<size_t>(s.end - s.start))) != s.text) {
          return At(s) + ": folded source bytes differ from the statement text";
        }
      }
      // Everything ingest produces must serialise (strict UTF-8 in nlohmann::json).
      (void)ingest::DocumentToJson(b.doc).dump();
      for (const ingest::Statement& s : b.statements) (void)ingest::StatementToJson(s).dump();
    }
    for (const Diagnostic& d : diags.all()) {
      if (d.file != input.path) return "diagnostic names '" + d.file + "', not the input";
    }
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
  return "";
}

bool Escapes(const std::string& path) {
  if (path.empty() || path[0] == '/' || path[0] == '\\') return true;
  if (path == ".." || path.rfind("../", 0) == 0 || path.rfind("..\\", 0) == 0) return true;
  return path.find("/../") != std::string::npos || path.find("\\..\\") != std::string::npos ||
         path.find("/..\\") != std::string::npos || path.find("\\../") != std::string::npos ||
         (path.size() >= 3 && (path.ends_with("/..") || path.ends_with("\\..")));
}

}  // namespace

std::string CorpusTxt(std::string_view bytes) { return CheckDocuments(bytes, "txt"); }
std::string CorpusHtml(std::string_view bytes) { return CheckDocuments(bytes, "html"); }
std::string CorpusJsonl(std::string_view bytes) { return CheckDocuments(bytes, "jsonl"); }

std::string Manifest(std::string_view bytes) {
  Diagnostics diags;
  try {
    auto rows = ingest::ParseManifest(bytes, "manifest.tsv", &diags);
    if (!rows.ok()) return "";
    std::set<std::string> ids;
    for (const ingest::ManifestRow& r : *rows) {
      if (r.rejected) continue;
      if (r.id.empty() || r.file.empty()) return "accepted a row without id or file";
      if (Escapes(r.file)) return "accepted the escaping path '" + r.file + "'";
      if (!ids.insert(r.id).second) return "accepted the duplicate id '" + r.id + "'";
    }
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
  return "";
}

std::string Segmenter(std::string_view bytes) {
  try {
    const std::vector<text::Span> spans = text::SplitSentences(bytes);
    size_t previous_end = 0;
    for (const text::Span& s : spans) {
      if (s.begin >= s.end || s.end > bytes.size() || s.begin < previous_end) {
        return "span [" + std::to_string(s.begin) + ", " + std::to_string(s.end) +
               ") empty, overlapping or out of bounds";
      }
      previous_end = s.end;
    }
    const size_t nl = bytes.find('\n');
    if (nl != std::string_view::npos)
      (void)text::IsSoftLineBreak(bytes.substr(0, nl), bytes.substr(nl + 1));
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
  return "";
}

}  // namespace diverge::fuzz
