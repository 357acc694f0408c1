#include "analyzer/base/output_set.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/interrupt.h"

namespace diverge {

namespace {

std::string ErrnoText() { return std::strerror(errno); }

std::string Join(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string LinkTarget(const std::string& name) {
  return std::string(kCurrentGeneration) + "/" + name;
}

// The target of symlink `path`, or "" when it is not a symlink.
std::string ReadLink(const std::string& path) {
  char buf[4096];
  const ssize_t n = readlink(path.c_str(), buf, sizeof buf);
  return n > 0 && static_cast<size_t>(n) < sizeof buf ? std::string(buf, static_cast<size_t>(n))
                                                      : std::string();
}

// Six random characters for temporary names.
std::string RandomSuffix() {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[6] = {};
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(std::rand());
  }
  std::string out;
  for (unsigned char b : bytes) out += kChars[b % (sizeof kChars - 1)];
  return out;
}

Status FsyncPath(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": cannot open directory: " + ErrnoText());
  const int rc = fsync(fd);
  const int saved = errno;
  close(fd);
  errno = saved;
  if (rc != 0) return Status::IOError(path + ": flush failed: " + ErrnoText());
  return Status::Ok();
}

// Points DIR/name at `target` with one rename() of a new symlink over it.
Status SwitchLink(const std::string& dir, const std::string& name, const std::string& target) {
  const std::string path = Join(dir, name);
  std::string tmp;
  int slot = -1;
  {
    InterruptsBlocked blocked;
    for (int attempt = 0;; ++attempt) {
      tmp = path + ".tmp-" + std::to_string(getpid()) + "-" + RandomSuffix();
      if (symlink(target.c_str(), tmp.c_str()) == 0) break;
      if (errno != EEXIST || attempt > 16) {
        return Status::IOError(path + ": cannot create symlink: " + ErrnoText());
      }
    }
    slot = RegisterTemporary(tmp);
  }
  Status st;
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::IOError(path + ": rename failed: " + ErrnoText());
    unlink(tmp.c_str());
  }
  UnregisterTemporary(slot);
  return st;
}

// A generation being built: its directory and files are registered with interrupt.h
// until Commit() or the destructor (which removes what is left).
class Generation {
 public:
  explicit Generation(std::string dir) : dir_(std::move(dir)) {}
  ~Generation() {
    if (committed_) return;
    for (const auto& [path, slot] : files_) {
      unlink(path.c_str());
      UnregisterTemporary(slot);
    }
    if (!path_.empty()) {
      rmdir(path_.c_str());
      UnregisterTemporary(dir_slot_);
    }
  }
  Generation(const Generation&) = delete;
  Generation& operator=(const Generation&) = delete;

  Status Create() {
    InterruptsBlocked blocked;
    std::string templ =
        Join(dir_, std::string(kGenerationPrefix) + std::to_string(getpid()) + "-XXXXXX");
    if (mkdtemp(templ.data()) == nullptr) {
      return Status::IOError(dir_ + ": cannot create a directory for the outputs: " + ErrnoText());
    }
    path_ = templ;
    name_ = path_.substr(path_.rfind('/') + 1);
    dir_slot_ = RegisterTemporary(path_);
    // mkdtemp makes it 0700: readable like the files it replaces (0644 each).
    if (chmod(path_.c_str(), 0755) != 0) {
      return Status::IOError(path_ + ": cannot set permissions: " + ErrnoText());
    }
    return Status::Ok();
  }

  const std::string& name() const { return name_; }
  const std::string& path() const { return path_; }

  // Writes file `name`; errors name the user-facing path DIR/name.
  Status Write(const std::string& name, std::string_view contents) {
    const std::string shown = Join(dir_, name);
    const std::string path = Join(path_, name);
    int fd;
    {
      InterruptsBlocked blocked;
      fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0) return Status::IOError(shown + ": cannot create: " + ErrnoText());
      files_.emplace_back(path, RegisterTemporary(path));
    }
    const char* p = contents.data();
    size_t left = contents.size();
    while (left > 0) {
      const ssize_t n = write(fd, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        Status st = Status::IOError(shown + ": write failed: " + ErrnoText());
        close(fd);
        return st;
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
      Status st = Status::IOError(shown + ": flush failed: " + ErrnoText());
      close(fd);
      return st;
    }
    if (close(fd) != 0) return Status::IOError(shown + ": close failed: " + ErrnoText());
    return Status::Ok();
  }

  // Adds DIR/name's current contents (following symlinks) without copying when possible.
  Status Adopt(const std::string& name) {
    const std::string from = Join(dir_, name);
    struct stat st {};
    if (stat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return Status::Ok();  // nothing
    const std::string path = Join(path_, name);
    {
      InterruptsBlocked blocked;
      if (linkat(AT_FDCWD, from.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        files_.emplace_back(path, RegisterTemporary(path));
        return Status::Ok();
      }
    }
    Result<std::string> text = ReadFile(from);  // another file system, or links refused
    if (!text.ok()) return text.status();
    return Write(name, *text);
  }

  Status Sync() { return FsyncPath(path_); }

  // The generation is now referenced by .gen-current: stop guarding it.
  void Commit() {
    committed_ = true;
    for (const auto& [path, slot] : files_) UnregisterTemporary(slot);
    UnregisterTemporary(dir_slot_);
  }

 private:
  std::string dir_, path_, name_;
  int dir_slot_ = -1;
  std::vector<std::pair<std::string, int>> files_;
  bool committed_ = false;
};

// Makes `gen` the current generation: one rename(), with SIGINT/SIGTERM held back so
// the process does not exit between the switch and forgetting the generation.
Status Switch(const std::string& dir, Generation& gen) {
  InterruptsBlocked blocked;
  DIVERGE_RETURN_IF_ERROR(SwitchLink(dir, kCurrentGeneration, gen.name()));
  gen.Commit();
  return Status::Ok();
}

bool ProcessGone(long pid) {
  return pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Removes generation directories that are not current and belong to this process or
// to one that no longer runs.
void RemoveOldGenerations(const std::string& dir) {
  const std::string current = ReadLink(Join(dir, kCurrentGeneration));
  const std::string prefix = kGenerationPrefix;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> doomed;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0 || name == current) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || end == nullptr || *end != '-' || std::strlen(end) != 7) continue;
    struct stat st {};
    if (lstat(Join(dir, name).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    if (pid == getpid() || ProcessGone(pid)) doomed.push_back(name);
  }
  closedir(d);
  for (const std::string& name : doomed) {
    std::error_code ec;
    std::filesystem::remove_all(Join(dir, name), ec);
  }
}

}  // namespace

Status WriteOutputSet(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create output directory: " + ec.message());
  RemoveStaleTemporaries(Join(dir, kCurrentGeneration));
  for (const auto& [name, contents] : files) RemoveStaleTemporaries(Join(dir, name));
  RemoveOldGenerations(dir);

  // What each user-facing name is now: our symlink, absent, or something else.
  bool migrate = false;
  std::vector<bool> absent(files.size(), false);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string path = Join(dir, files[i].first);
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) {
      if (errno != ENOENT) return Status::IOError(path + ": " + ErrnoText());
      absent[i] = true;
      continue;
    }
    if (S_ISDIR(st.st_mode)) return Status::IOError(path + ": is a directory");
    if (ReadLink(path) != LinkTarget(files[i].first)) migrate = true;
  }
  if (migrate) {
    // The old set (regular files, or some names overwritten in place) becomes a
    // generation of its own; then each name is replaced by its symlink, which shows the
    // same bytes. At every moment each name shows the old set.
    Generation old(dir);
    DIVERGE_RETURN_IF_ERROR(old.Create());
    for (size_t i = 0; i < files.size(); ++i) {
      if (!absent[i]) DIVERGE_RETURN_IF_ERROR(old.Adopt(files[i].first));
    }
    DIVERGE_RETURN_IF_ERROR(old.Sync());
    DIVERGE_RETURN_IF_ERROR(Switch(dir, old));
    for (size_t i = 0; i < files.size(); ++i) {
      const std::string& name = files[i].first;
      if (!absent[i] && ReadLink(Join(dir, name)) != LinkTarget(name)) {
        DIVERGE_RETURN_IF_ERROR(SwitchLink(dir, name, LinkTarget(name)));
      }
    }
  }
  Generation gen(dir);
  DIVERGE_RETURN_IF_ERROR(gen.Create());
  for (const auto& [name, contents] : files) DIVERGE_RETURN_IF_ERROR(gen.Write(name, contents));
  DIVERGE_RETURN_IF_ERROR(gen.Sync());
  // Names that do not exist yet now point at the current generation: they dangle until
  // the switch, so they appear together with the rest of the new set.
  for (size_t i = 0; i < files.size(); ++i) {
    if (absent[i]) {
      DIVERGE_RETURN_IF_ERROR(SwitchLink(dir, files[i].first, LinkTarget(files[i].first)));
    }
  }
  DIVERGE_RETURN_IF_ERROR(Switch(dir, gen));  // the one atomic step
  (void)FsyncPath(dir);
  RemoveOldGenerations(dir);
  return Status::Ok();
}

}  // namespace diverge
