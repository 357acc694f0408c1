// Stable content hashes for ids ("s-…", "c-…", "d-…"). The value depends only on the
// bytes hashed, never on run order, platform or pointer values, so ids (and the review
// decisions keyed by them) survive re-runs. 64-bit FNV-1a: at a million statements the
// chance of any collision is about 3e-8.
#ifndef DIVERGE_ANALYZER_BASE_STABLE_HASH_H_
#define DIVERGE_ANALYZER_BASE_STABLE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace diverge {

class StableHasher {
 public:
  // Adds the bytes of `part` followed by a separator, so ("ab","c") != ("a","bc").
  StableHasher& Add(std::string_view part);
  StableHasher& Add(uint64_t value);
  uint64_t value() const { return h_; }
  // 16 lowercase hex digits.
  std::string Hex() const;

 private:
  uint64_t h_ = 14695981039346656037ull;
};

uint64_t StableHash(std::string_view bytes);
// prefix + "-" + 16 hex digits of the hash of the parts, e.g. MakeId("s", {doc, text}).
std::string MakeId(std::string_view prefix, std::initializer_list<std::string_view> parts);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_STABLE_HASH_H_
