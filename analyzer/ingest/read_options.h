// Options of ReadCorpus (corpus_reader.h).
#ifndef DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_
#define DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_

#include <algorithm>
#include <cstddef>
#include <string>

namespace diverge::ingest {

struct ReadOptions {
  // Follow symlinked directories while walking a corpus directory (loops are detected
  // and reported). Symlinked files are read either way when they resolve inside the
  // corpus directory; a symlink resolving outside it is refused unless this is set.
  bool follow_symlinks = false;
  // Larger files are skipped with a warning, before they are read.
  size_t max_file_bytes = size_t{256} << 20;
  // Larger documents (a .txt/.md/.html file, or the "text" of one JSONL record) are
  // skipped with a warning: no news article comes near it, and segmenting a single
  // 200 MB line would take minutes and gigabytes for nothing.
  size_t max_document_bytes = size_t{16} << 20;
  // Drop page furniture, repeated paragraphs and other-language lines (cleanup.h).
  bool clean = true;
  // Corpus-wide memory budget, in bytes of what analyze will need (EstimatedMemory).
  // Documents are admitted in id order while the estimate of all admitted documents
  // fits; the others are skipped with a warning naming each (exit 3), so several huge
  // legal files cannot exhaust the machine. 0: DefaultMemoryBudget().
  size_t memory_budget_bytes = 0;
};

// What analyze needs per statement and per byte of statement text, from two measured
// runs (peak RSS: 400,000 two-word statements in 2 MB take 1.63 GiB; a 15 MB file of
// long unpunctuated text 1.15 GB): about 4 KiB a statement (vector, tokens, graph and
// report rows) plus 80 bytes a byte of text (encodings, pair features, outputs).
inline constexpr size_t kMemoryPerStatement = 4096;
inline constexpr size_t kMemoryPerTextByte = 80;

inline size_t EstimatedMemory(size_t statements, size_t text_bytes) {
  return statements * kMemoryPerStatement + text_bytes * kMemoryPerTextByte;
}

// Half the machine's physical memory (sysconf); 4 GiB when it cannot be read.
size_t DefaultMemoryBudget();

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_READ_OPTIONS_H_
