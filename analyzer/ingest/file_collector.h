// Turns the command-line inputs (directories and files) into the sorted list of files
// to read, with their manifest rows. Directory walks are recursive and sorted by path,
// so the result does not depend on directory order. Read: .txt, .md, .markdown, .html,
// .htm, .jsonl; hidden files and other extensions in a directory are ignored (a file
// of another type named explicitly is read as text).
//
// Safety: a manifest row or a symlink resolving outside its corpus directory is refused
// (unless ReadOptions::follow_symlinks), symlink loops and dangling links are reported,
// never followed forever. Only regular files are read: a FIFO, device or socket (also
// behind a symlink, or named by the manifest or the command line) is skipped unread.
// Each refusal is a warning naming the file (and manifest line)
// and counts as a skipped file.
#ifndef DIVERGE_ANALYZER_INGEST_FILE_COLLECTOR_H_
#define DIVERGE_ANALYZER_INGEST_FILE_COLLECTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/base/result.h"
#include "analyzer/ingest/manifest.h"
#include "analyzer/ingest/read_options.h"

namespace diverge::ingest {

struct InputFile {
  std::string path;    // display path: the input joined with the relative path
  std::string id;      // manifest id, else the path relative to the input without extension
  std::string format;  // "txt", "md", "html", "jsonl"
  std::optional<ManifestRow> manifest;
};

struct CollectedInputs {
  std::vector<InputFile> files;
  int skipped = 0;  // inputs refused or missing (already reported in diagnostics)
};

// Error only when no input exists at all, or a manifest is unreadable / has no header.
Result<CollectedInputs> CollectInputs(const std::vector<std::string>& inputs,
                                      const ReadOptions& opts, Diagnostics* diags);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_FILE_COLLECTOR_H_
