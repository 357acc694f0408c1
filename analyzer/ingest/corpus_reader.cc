#include "analyzer/ingest/corpus_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "analyzer/base/atomic_file.h"
#include "analyzer/ingest/document_builder.h"
#include "analyzer/ingest/file_collector.h"
#include "analyzer/ingest/input_format.h"

namespace diverge::ingest {
namespace fs = std::filesystem;
namespace {

nlohmann::json OptionalJson(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

Result<Corpus> ReadCorpusImpl(const std::vector<std::string>& inputs, const ReadOptions& opts) {
  Corpus corpus;
  Result<CollectedInputs> collected = CollectInputs(inputs, opts, &corpus.diagnostics);
  if (!collected.ok()) return collected.status();
  corpus.skipped_files = collected->skipped;

  std::vector<BuiltDocument> built;
  for (const InputFile& input : collected->files) {
    std::error_code ec;
    const auto size = fs::file_size(input.path, ec);
    if (!ec && size > MaxInputBytes(input.format, opts)) {
      corpus.diagnostics.Warn(input.path, "file is " + std::to_string(size) +
                                              " bytes, over the limit of " +
                                              std::to_string(MaxInputBytes(input.format, opts)) +
                                              " bytes; skipped unread");
      ++corpus.skipped_files;
      continue;
    }
    if (fs::is_directory(input.path, ec)) {
      corpus.diagnostics.Warn(input.path, "is a directory, not a file; skipped");
      ++corpus.skipped_files;
      continue;
    }
    // Only regular files, and the size bounded while reading too: a FIFO or a device
    // (reached through a symlink, say) is never opened for a blocking read.
    Result<std::string> bytes = ReadRegularFile(input.path, MaxInputBytes(input.format, opts));
    if (!bytes.ok()) {
      std::string why = bytes.status().message();
      if (why.rfind(input.path + ": ", 0) == 0) why.erase(0, input.path.size() + 2);
      corpus.diagnostics.Warn(input.path, bytes.status().code() == StatusCode::kUnsupported
                                              ? why + "; skipped unread"
                                              : "unreadable, skipped: " + why);
      ++corpus.skipped_files;
      continue;
    }
    int skipped_records = 0;
    if (!BuildDocuments(input, *bytes, opts, &built, &corpus.diagnostics, &skipped_records)) {
      ++corpus.skipped_files;
    }
    corpus.skipped_files += skipped_records;
  }

  // Duplicate ids: the first in (path, id) order wins; later ones are reported.
  std::stable_sort(built.begin(), built.end(), [](const BuiltDocument& a, const BuiltDocument& b) {
    return a.doc.id < b.doc.id;
  });
  std::set<std::string> ids;
  std::map<std::string, std::string> first_path;
  const size_t budget =
      opts.memory_budget_bytes > 0 ? opts.memory_budget_bytes : DefaultMemoryBudget();
  size_t admitted = 0;  // EstimatedMemory of the documents admitted so far
  for (BuiltDocument& b : built) {
    if (!ids.insert(b.doc.id).second) {
      corpus.diagnostics.Warn(b.doc.path, "duplicate document id '" + b.doc.id +
                                              "' (already used by " + first_path[b.doc.id] +
                                              "); skipped");
      ++corpus.skipped_files;
      continue;
    }
    first_path[b.doc.id] = b.doc.path;
    size_t text = 0;
    for (const Statement& s : b.statements) text += s.text.size();
    const size_t need = EstimatedMemory(b.statements.size(), text);
    if (admitted + need > budget) {
      auto mib = [](size_t bytes) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
        return std::string(buf);
      };
      corpus.diagnostics.Warn(
          b.doc.path, "document '" + b.doc.id + "' (" + std::to_string(b.statements.size()) +
                          " statements, " + std::to_string(text) + " bytes of text, " + mib(need) +
                          " estimated) would take the run over its memory budget of " +
                          mib(budget) + " (" + mib(admitted) +
                          " for the documents before it); skipped");
      ++corpus.skipped_files;
      continue;
    }
    admitted += need;
    corpus.statements.insert(corpus.statements.end(), b.statements.begin(), b.statements.end());
    corpus.set_aside.insert(corpus.set_aside.end(), b.set_aside.begin(), b.set_aside.end());
    corpus.documents.push_back(std::move(b.doc));
  }
  auto by_doc_start = [](const auto& a, const auto& b) {
    if (a.doc != b.doc) return a.doc < b.doc;
    if (a.start != b.start) return a.start < b.start;
    return a.end < b.end;
  };
  std::stable_sort(corpus.statements.begin(), corpus.statements.end(), by_doc_start);
  std::stable_sort(corpus.set_aside.begin(), corpus.set_aside.end(), by_doc_start);
  if (corpus.documents.empty()) {
    std::string list;
    for (const auto& i : inputs) list += (list.empty() ? "" : ", ") + i;
    std::string why;
    for (const auto& d : corpus.diagnostics.all()) why += "\n  " + d.ToString();
    return Status::NotFound(list + ": no readable document" + why);
  }
  return corpus;
}

}  // namespace

size_t DefaultMemoryBudget() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return size_t{4} << 30;
  return static_cast<size_t>(pages) * static_cast<size_t>(page) / 2;
}

Result<Corpus> ReadCorpus(const std::vector<std::string>& inputs, const ReadOptions& opts) {
  try {
    return ReadCorpusImpl(inputs, opts);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("reading the corpus failed: ") + e.what());
  }
}

nlohmann::json DocumentToJson(const Document& doc) {
  return {{"id", doc.id},
          {"path", doc.path},
          {"outlet", doc.outlet},
          {"date", OptionalJson(doc.date)},
          {"title", OptionalJson(doc.title)},
          {"url", OptionalJson(doc.url)}};
}

nlohmann::json StatementToJson(const Statement& s) {
  return {{"id", s.id}, {"doc", s.doc}, {"text", s.text}, {"start", s.start}, {"end", s.end}};
}

nlohmann::json CorpusToJson(const Corpus& corpus) {
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& d : corpus.documents) docs.push_back(DocumentToJson(d));
  nlohmann::json sts = nlohmann::json::array();
  for (const auto& s : corpus.statements) sts.push_back(StatementToJson(s));
  return {{"documents", std::move(docs)}, {"statements", std::move(sts)}};
}

}  // namespace diverge::ingest
