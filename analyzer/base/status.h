// Status: the outcome of an operation that can fail for expected reasons (bad file,
// bad model, bad manifest). Modules return Status or Result<T> at their boundaries;
// exceptions of third-party libraries are caught in the adapter that calls them.
//
// Contract: a Status is either ok() or carries a code and a message that names the
// file (and line or byte offset) it is about, so the CLI can print it unchanged.
// Status and Result<T> are [[nodiscard]]: dropping one is a compiler warning.
#ifndef DIVERGE_ANALYZER_BASE_STATUS_H_
#define DIVERGE_ANALYZER_BASE_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace diverge {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (bad flag value, bad string)
  kNotFound,         // a file or id does not exist
  kCorruption,       // a file exists but its content is malformed or truncated
  kIOError,          // reading or writing failed (permissions, full disk)
  kUnsupported,      // a format or feature this build does not handle
  kInternal,         // a broken invariant: a bug in diverge
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status Unsupported(std::string msg) {
    return Status(StatusCode::kUnsupported, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corruption: model.dvec: header says 100 dimensions, file holds 3 bytes"
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

std::string_view StatusCodeName(StatusCode code);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_STATUS_H_
