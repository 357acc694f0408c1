// Helpers for the detector unit tests.
#ifndef DIVERGE_TESTS_DETECTOR_TEST_UTIL_H_
#define DIVERGE_TESTS_DETECTOR_TEST_UTIL_H_

#include <optional>
#include <string>

#include "analyzer/divergence/finding.h"
#include "analyzer/text/dates.h"

namespace diverge::testing {

inline divergence::Side S(const std::string& text, const char* date = nullptr,
                          const std::string& doc = "d") {
  std::optional<text::PartialDate> d;
  if (date) d = text::ParseIsoDate(date);
  return divergence::MakeSide(text, d, doc, "outlet-" + doc);
}

inline std::string EvidenceA(const divergence::Side& a, const divergence::Finding& f) {
  return a.text.substr(f.a_begin, f.a_end - f.a_begin);
}
inline std::string EvidenceB(const divergence::Side& b, const divergence::Finding& f) {
  return b.text.substr(f.b_begin, f.b_end - f.b_begin);
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_DETECTOR_TEST_UTIL_H_
