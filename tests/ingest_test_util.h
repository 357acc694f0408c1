// Helpers shared by the ingest tests: temporary corpus directories and file access.
#ifndef DIVERGE_TESTS_INGEST_TEST_UTIL_H_
#define DIVERGE_TESTS_INGEST_TEST_UTIL_H_

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace diverge::testing {

// A fresh directory under the system temp dir, removed with its content on destruction.
class TempDir {
 public:
  // mkdtemp: the name is unique among every process on the machine (several checkouts
  // may run their test suites at once), and the directory is new, never one reused.
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "diverge-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      throw std::runtime_error("mkdtemp " + tmpl + ": " + std::strerror(errno));
    }
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    // Restore permissions changed by tests so removal works.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  // Writes `bytes` to path()/rel (creating parent directories) and returns the full path.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    const auto p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_INGEST_TEST_UTIL_H_
