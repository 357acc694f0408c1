// manifest.tsv: optional per-corpus metadata that takes precedence over inference.
//
//   id<TAB>file<TAB>outlet<TAB>date<TAB>title<TAB>url      (header row; any column order;
//   000<TAB>000_a.txt<TAB>BelTA<TAB>2021-03-31<TAB>...      id and file are required)
//
// Row problems are warnings naming manifest:line and the row (or field) is dropped:
// wrong field count, empty id or file, duplicate id (later row dropped), a file path
// that is absolute or climbs out with "..", a bad date ("2021-13-01", "March 2021": the
// date is dropped, the row kept). A missing header column id/file is fatal.
// Whether the named file exists (and stays inside the corpus once symlinks are
// resolved) is checked by the reader.
#ifndef DIVERGE_ANALYZER_INGEST_MANIFEST_H_
#define DIVERGE_ANALYZER_INGEST_MANIFEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/diagnostics.h"
#include "analyzer/base/result.h"

namespace diverge::ingest {

struct ManifestRow {
  int line = 0;  // 1-based line in manifest.tsv
  std::string id;
  std::string file;  // relative to the manifest's directory
  std::optional<std::string> outlet, date, title, url;
  bool rejected = false;  // refused (escaping path, duplicate id): warned, not to be read
};

// Parses manifest text. Rows refused after the id/file check are returned with
// rejected = true so the reader can count them and not read their file as unlisted.
// `name` is used in diagnostics ("corpus/manifest.tsv").
Result<std::vector<ManifestRow>> ParseManifest(std::string_view text, const std::string& name,
                                               Diagnostics* diags);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_MANIFEST_H_
