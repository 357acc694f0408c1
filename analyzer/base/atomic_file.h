// Atomic output: write to a temporary file in the destination directory, flush and
// fsync it, then rename() over the destination. A reader sees the old file or the
// new one, never half of one; a failed or interrupted write leaves the old file.
// Temporaries are "<destination>.tmp-<pid>-XXXXXX": removed on error, on SIGINT/SIGTERM
// (interrupt.h), and, after a SIGKILL, by the next write to the same destination once
// process <pid> no longer runs.
#ifndef DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
#define DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_

#include <cstddef>
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

// Removes the temporaries of `path` ("<path>.tmp-<pid>-XXXXXX") whose process no longer
// runs (left by a SIGKILL); those of live processes are left alone.
void RemoveStaleTemporaries(const std::string& path);

// Reads a whole file. kNotFound if it does not exist, kIOError if unreadable.
Result<std::string> ReadFile(const std::string& path);

// Reads a whole regular file of at most `max_bytes` bytes, never blocking on anything
// else: a FIFO, device, socket or directory is refused unread (kUnsupported, "not a
// regular file (a FIFO)"); so is a file over `max_bytes`, checked before reading and
// again while reading (a file may grow meanwhile). kNotFound / kIOError as ReadFile.
Result<std::string> ReadRegularFile(const std::string& path, size_t max_bytes);

// "a FIFO", "a character device", "a block device", "a socket", "a directory",
// "a symlink", "not a regular file" for the st_mode of a non-regular file.
std::string FileTypeDescription(unsigned int st_mode);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_ATOMIC_FILE_H_
