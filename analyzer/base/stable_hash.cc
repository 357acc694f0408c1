#include "analyzer/base/stable_hash.h"

#include <cstdio>

namespace diverge {

namespace {
constexpr uint64_t kPrime = 1099511628211ull;
}

StableHasher& StableHasher::Add(std::string_view part) {
  for (unsigned char c : part) {
    h_ ^= c;
    h_ *= kPrime;
  }
  h_ ^= 0xffu;  // separator byte that never occurs in UTF-8 text
  h_ *= kPrime;
  return *this;
}

StableHasher& StableHasher::Add(uint64_t value) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xffu);
  return Add(std::string_view(bytes, 8));
}

std::string StableHasher::Hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
  return buf;
}

uint64_t StableHash(std::string_view bytes) { return StableHasher().Add(bytes).value(); }

std::string MakeId(std::string_view prefix, std::initializer_list<std::string_view> parts) {
  StableHasher h;
  for (std::string_view p : parts) h.Add(p);
  std::string id(prefix);
  id += "-";
  id += h.Hex();
  return id;
}

}  // namespace diverge
