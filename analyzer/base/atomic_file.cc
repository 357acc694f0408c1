#include "analyzer/base/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "analyzer/base/interrupt.h"

namespace diverge {

namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Temporaries are named "<destination>.tmp-<pid>-XXXXXX".
std::string TemporaryPrefix(const std::string& path) { return path + ".tmp-"; }

}  // namespace

void RemoveStaleTemporaries(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string prefix =
      TemporaryPrefix(slash == std::string::npos ? path : path.substr(slash + 1));
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || end == nullptr || *end != '-' || std::strlen(end) != 7) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    unlink((dir + name).c_str());
  }
  closedir(d);
}

namespace {

// Writes `contents` to a new temporary file beside `path`, flushed to disk; its name
// goes to *tmp_out and its interrupt slot to *slot_out. Nothing is left behind on failure.
Status WriteTemporary(const std::string& path, std::string_view contents, std::string* tmp_out,
                      int* slot_out) {
  RemoveStaleTemporaries(path);
  std::string tmp = TemporaryPrefix(path) + std::to_string(getpid()) + "-XXXXXX";
  int fd;
  int slot;
  {
    // Registered before a signal could leave the new file behind.
    InterruptsBlocked blocked;
    fd = mkstemp(tmp.data());
    if (fd < 0) return Status::IOError(path + ": cannot create temporary file: " + ErrnoText());
    slot = RegisterTemporary(tmp);
  }
  auto fail = [&](Status st) {
    unlink(tmp.c_str());
    UnregisterTemporary(slot);
    return st;
  };
  const char* p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status st = Status::IOError(path + ": write failed: " + ErrnoText());
      close(fd);
      return fail(st);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
    Status st = Status::IOError(path + ": flush failed: " + ErrnoText());
    close(fd);
    return fail(st);
  }
  if (close(fd) != 0) {
    return fail(Status::IOError(path + ": close failed: " + ErrnoText()));
  }
  *tmp_out = std::move(tmp);
  *slot_out = slot;
  return Status::Ok();
}

Status RenameInto(const std::string& tmp, int slot, const std::string& path) {
  Status st;
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::IOError(path + ": rename failed: " + ErrnoText());
    unlink(tmp.c_str());
  }
  UnregisterTemporary(slot);
  return st;
}

void Discard(const std::string& tmp, int slot) {
  unlink(tmp.c_str());
  UnregisterTemporary(slot);
}

}  // namespace

Status WriteFileAtomic(const std::string& path, std::string_view contents) {
  std::string tmp;
  int slot = -1;
  DIVERGE_RETURN_IF_ERROR(WriteTemporary(path, contents, &tmp, &slot));
  InterruptsBlocked blocked;
  return RenameInto(tmp, slot, path);
}

Status WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::pair<std::string, int>> temps;
  for (const auto& [path, contents] : files) {
    std::string tmp;
    int slot = -1;
    Status st = WriteTemporary(path, contents, &tmp, &slot);
    if (!st.ok()) {
      for (const auto& [t, s] : temps) Discard(t, s);
      return st;
    }
    temps.emplace_back(std::move(tmp), slot);
  }
  InterruptsBlocked blocked;  // SIGINT/SIGTERM wait until the whole set is in place
  for (size_t i = 0; i < files.size(); ++i) {
    Status st = RenameInto(temps[i].first, temps[i].second, files[i].first);
    if (!st.ok()) {
      for (size_t j = i + 1; j < temps.size(); ++j) Discard(temps[j].first, temps[j].second);
      return st;
    }
  }
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": cannot open: " + ErrnoText());
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ss.str();
}

std::string FileTypeDescription(unsigned int st_mode) {
  if (S_ISFIFO(st_mode)) return "a FIFO";
  if (S_ISCHR(st_mode)) return "a character device";
  if (S_ISBLK(st_mode)) return "a block device";
  if (S_ISSOCK(st_mode)) return "a socket";
  if (S_ISDIR(st_mode)) return "a directory";
  if (S_ISLNK(st_mode)) return "a symlink";
  return "not a regular file";
}

Result<std::string> ReadRegularFile(const std::string& path, size_t max_bytes) {
  auto too_big = [&](uint64_t size, const char* when) {
    return Status::Unsupported(path + ": file is " + std::string(when) + std::to_string(size) +
                               " bytes, over the limit of " + std::to_string(max_bytes) +
                               " bytes");
  };
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": cannot stat: " + ErrnoText());
  }
  if (!S_ISREG(st.st_mode)) {
    return Status::Unsupported(path + ": not a regular file (" + FileTypeDescription(st.st_mode) +
                               ")");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return too_big(static_cast<uint64_t>(st.st_size), "");
  }
  // O_NONBLOCK: should the path have been swapped for a FIFO since stat(), open()
  // must not wait for a writer; fstat() below then refuses it.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": cannot open: " + ErrnoText());
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  if (fstat(fd, &st) != 0) return Status::IOError(path + ": cannot stat: " + ErrnoText());
  if (!S_ISREG(st.st_mode)) {
    return Status::Unsupported(path + ": not a regular file (" + FileTypeDescription(st.st_mode) +
                               ")");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return too_big(static_cast<uint64_t>(st.st_size), "");
  }
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return Status::IOError(path + ": read failed: " + ErrnoText());
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return too_big(out.size() + static_cast<size_t>(n), "growing while read: at least ");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace diverge
