#include "analyzer/base/diagnostics.h"

#include <algorithm>
#include <utility>

#include "analyzer/base/terminal_text.h"

namespace diverge {

std::string Diagnostic::ToString() const {
  std::string out = TerminalSafe(file);
  if (line >= 0) {
    out += ":" + std::to_string(line);
  } else if (offset >= 0) {
    out += "@byte " + std::to_string(offset);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += TerminalSafe(message);
  return out;
}

void Diagnostics::Warn(std::string file, std::string message, int64_t line, int64_t offset) {
  items_.push_back({Severity::kWarning, std::move(file), line, offset, std::move(message)});
}

void Diagnostics::Error(std::string file, std::string message, int64_t line, int64_t offset) {
  items_.push_back({Severity::kError, std::move(file), line, offset, std::move(message)});
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace diverge
