// Atomic output: write to a temporary file in the destination directory, flush and
// fsync it, then rename() over the destination. A reader sees the old file or the
// new one, never half of one; a failed or interrupted write leaves the old file.
#ifndef DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
#define DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "analyzer/base/result.h"

namespace diverge {

// Writes `contents` to `path` atomically. Errors (unwritable directory, full disk)
// come back as kIOError naming `path`; the temporary file is removed.
Status WriteFileAtomic(const std::string& path, std::string_view contents);

// Reads a whole file. kNotFound if it does not exist, kIOError if unreadable.
Result<std::string> ReadFile(const std::string& path);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
