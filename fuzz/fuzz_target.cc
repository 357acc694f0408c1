// One libFuzzer target; DIVERGE_FUZZ_HARNESS names the harness (fuzz/harness.h).
// Built once per harness by fuzz/CMakeLists.txt; run with scripts/fuzz.sh.
#include <cstdio>
#include <cstdlib>

#include "fuzz/harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem = diverge::fuzz::DIVERGE_FUZZ_HARNESS(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "diverge fuzz: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
