// Diagnostics: warnings and errors about one input, collected while processing goes
// on with the other inputs. Each names the file and, where known, the line or byte
// offset, in the "file:line: severity: message" form editors understand.
#ifndef DIVERGE_ANALYZER_BASE_DIAGNOSTICS_H_
#define DIVERGE_ANALYZER_BASE_DIAGNOSTICS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace diverge {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string file;     // path as the user gave it (or relative to the corpus root)
  int64_t line = -1;    // 1-based line, -1 if unknown
  int64_t offset = -1;  // 0-based byte offset, -1 if unknown
  std::string message;
  // "corpus/a.txt:12: warning: ..." or "corpus/a.txt@byte 4031: warning: ...", one
  // line: control characters in the file name or message are escaped (terminal_text.h).
  std::string ToString() const;
};

class Diagnostics {
 public:
  void Warn(std::string file, std::string message, int64_t line = -1, int64_t offset = -1);
  void Error(std::string file, std::string message, int64_t line = -1, int64_t offset = -1);
  const std::vector<Diagnostic>& all() const { return items_; }
  bool has_errors() const;
  size_t size() const { return items_.size(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_DIAGNOSTICS_H_
