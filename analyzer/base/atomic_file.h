// Atomic output: write to a temporary file in the destination directory, flush and
// fsync it, then rename() over the destination. A reader sees the old file or the
// new one, never half of one; a failed or interrupted write leaves the old file.
// Temporaries are "<destination>.tmp-<pid>-XXXXXX": removed on error, on SIGINT/SIGTERM
// (interrupt.h), and, after a SIGKILL, by the next write to the same destination once
// process <pid> no longer runs.
#ifndef DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
#define DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge {

// Writes `contents` to `path` atomically. Errors (unwritable directory, full disk)
// come back as kIOError naming `path`; the temporary file is removed.
Status WriteFileAtomic(const std::string& path, std::string_view contents);

// Writes several files as one unit: every file goes to a temporary beside its
// destination first; only when all were written and flushed are they renamed into place.
// On failure no destination is touched and every temporary is removed.
Status WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files);

// Reads a whole file. kNotFound if it does not exist, kIOError if unreadable.
Result<std::string> ReadFile(const std::string& path);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
