// Options of ReadCorpus (corpus_reader.h).
#ifndef DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_
#define DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_

#include <cstddef>

namespace diverge {

struct ReadOptions {
  // Follow symlinked directories while walking a corpus directory (loops are detected
  // and reported). Symlinked files are read either way when they resolve inside the
  // corpus directory; a symlink resolving outside it is refused unless this is set.
  bool follow_symlinks = false;
  // Larger files are skipped with a warning.
  size_t max_file_bytes = size_t{256} << 20;
  // Drop page furniture, repeated paragraphs and other-language lines (cleanup.h).
  bool clean = true;
};

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_
