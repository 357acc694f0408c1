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
}  // namespace

Status WriteFileAtomic(const std::string& path, std::string_view contents) {
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
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = Status::IOError(path + ": rename failed: " + ErrnoText());
    unlink(tmp.c_str());
    return st;
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
