#include "analyzer/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace diverge {

namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Writes `contents` to a new temporary file beside `path`, flushed to disk; its name
// goes to *tmp_out. Nothing is left behind on failure.
Status WriteTemporary(const std::string& path, std::string_view contents, std::string* tmp_out) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return Status::IOError(path + ": cannot create temporary file: " + ErrnoText());
  const char* p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status st = Status::IOError(path + ": write failed: " + ErrnoText());
      close(fd);
      unlink(tmp.c_str());
      return st;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
    Status st = Status::IOError(path + ": flush failed: " + ErrnoText());
    close(fd);
    unlink(tmp.c_str());
    return st;
  }
  if (close(fd) != 0) {
    Status st = Status::IOError(path + ": close failed: " + ErrnoText());
    unlink(tmp.c_str());
    return st;
  }
  *tmp_out = std::move(tmp);
  return Status::Ok();
}

Status RenameInto(const std::string& tmp, const std::string& path) {
  if (rename(tmp.c_str(), path.c_str()) == 0) return Status::Ok();
  Status st = Status::IOError(path + ": rename failed: " + ErrnoText());
  unlink(tmp.c_str());
  return st;
}

}  // namespace

Status WriteFileAtomic(const std::string& path, std::string_view contents) {
  std::string tmp;
  DIVERGE_RETURN_IF_ERROR(WriteTemporary(path, contents, &tmp));
  return RenameInto(tmp, path);
}

Status WriteFilesAtomic(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temps;
  for (const auto& [path, contents] : files) {
    std::string tmp;
    Status st = WriteTemporary(path, contents, &tmp);
    if (!st.ok()) {
      for (const std::string& t : temps) unlink(t.c_str());
      return st;
    }
    temps.push_back(std::move(tmp));
  }
  for (size_t i = 0; i < files.size(); ++i) {
    Status st = RenameInto(temps[i], files[i].first);
    if (!st.ok()) {
      for (size_t j = i + 1; j < temps.size(); ++j) unlink(temps[j].c_str());
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

}  // namespace diverge
