// Result<T>: a value or the Status that explains why there is none.
//
//   Result<Model> m = LoadModel(path);
//   if (!m.ok()) return m.status();
//   Use(*m);
//
// Accessing the value of a failed Result is a bug and aborts.
#ifndef DIVERGE_ANALYZER_BASE_RESULT_H_
#define DIVERGE_ANALYZER_BASE_RESULT_H_

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include "analyzer/base/status.h"

namespace diverge {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = Status::Internal("Result constructed from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    Check();
    return *value_;
  }
  const T& value() const& {
    Check();
    return *value_;
  }
  T&& value() && {
    Check();
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!value_) {
      std::fprintf(stderr, "diverge: value of a failed Result accessed: %s\n",
                   status_.ToString().c_str());
      std::abort();
    }
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace diverge

#define DIVERGE_RETURN_IF_ERROR(expr) \
  do {                                \
    ::diverge::Status _st = (expr);   \
    if (!_st.ok()) return _st;        \
  } while (0)

#endif  // DIVERGE_ANALYZER_BASE_RESULT_H_
