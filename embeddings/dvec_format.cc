#include "embeddings/dvec_format.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "analyzer/base/stable_hash.h"

namespace diverge::embeddings {
namespace {

uint64_t Align64(uint64_t x) { return (x + 63) & ~uint64_t{63}; }

uint64_t HeaderHash(const DvecHeader& h) {
  return StableHash(
      std::string_view(reinterpret_cast<const char*>(&h), offsetof(DvecHeader, header_hash)));
}

template <typename T>
void Put(std::string& out, uint64_t offset, const T* src, size_t n) {
  std::memcpy(out.data() + offset, src, n * sizeof(T));
}

}  // namespace

Result<std::string> BuildDvec(const RawVectors& raw, const std::vector<float>& common) {
  const uint64_t count = raw.words.size();
  const uint64_t dims = static_cast<uint64_t>(raw.dims);
  if (dims == 0 || dims > 100000) {
    return Status::InvalidArgument("dvec: bad dimension " + std::to_string(raw.dims));
  }
  if (raw.data.size() != count * dims) {
    return Status::InvalidArgument("dvec: " + std::to_string(count) + " words but " +
                                   std::to_string(raw.data.size()) + " floats");
  }
  if (!raw.ranks.empty() && raw.ranks.size() != count) {
    return Status::InvalidArgument("dvec: ranks and words differ in length");
  }
  if (!common.empty() && common.size() != dims) {
    return Status::InvalidArgument("dvec: common component has the wrong dimension");
  }
  if (count >= UINT32_MAX / 2) return Status::InvalidArgument("dvec: too many words");

  DvecHeader h{};
  std::memcpy(h.magic, kDvecMagic, 8);
  h.version = kDvecVersion;
  h.dims = static_cast<uint32_t>(dims);
  h.count = count;
  uint64_t strings_size = 0;
  for (const auto& w : raw.words) strings_size += w.size();
  uint64_t slots = 16;
  while (slots < 2 * count) slots *= 2;
  uint64_t at = sizeof(DvecHeader);
  h.scales_offset = at = Align64(at);
  h.norms_offset = at = Align64(at + 4 * count);
  h.ranks_offset = at = Align64(at + 4 * count);
  h.vectors_offset = at = Align64(at + 4 * count);
  h.offsets_offset = at = Align64(at + count * dims);
  h.strings_offset = at = Align64(at + 8 * (count + 1));
  h.strings_size = strings_size;
  h.hash_offset = at = Align64(at + strings_size);
  h.hash_slots = slots;
  h.common_offset = at = Align64(at + 4 * slots);
  h.file_size = Align64(at + 4 * dims);

  std::string out(h.file_size, '\0');
  std::vector<float> scales(count), norms(count);
  std::vector<int8_t> q(dims);
  for (uint64_t i = 0; i < count; ++i) {
    const float* row = raw.data.data() + i * dims;
    float mx = 0;
    for (uint64_t d = 0; d < dims; ++d) {
      if (!std::isfinite(row[d])) {
        return Status::InvalidArgument("dvec: word '" + raw.words[i] + "' has a non-finite value");
      }
      mx = std::max(mx, std::fabs(row[d]));
    }
    float scale = mx > 0 ? mx / 127.0f : 1.0f;
    double norm2 = 0;
    for (uint64_t d = 0; d < dims; ++d) {
      long v = std::lround(row[d] / scale);
      q[d] = static_cast<int8_t>(std::clamp(v, -127L, 127L));
      double x = q[d] * static_cast<double>(scale);
      norm2 += x * x;
    }
    scales[i] = scale;
    norms[i] = static_cast<float>(std::sqrt(norm2));
    Put(out, h.vectors_offset + i * dims, q.data(), dims);
  }
  Put(out, h.scales_offset, scales.data(), count);
  Put(out, h.norms_offset, norms.data(), count);
  std::vector<uint32_t> ranks(count);
  for (uint64_t i = 0; i < count; ++i) {
    ranks[i] = raw.ranks.empty() ? static_cast<uint32_t>(i) : raw.ranks[i];
  }
  Put(out, h.ranks_offset, ranks.data(), count);

  std::vector<uint64_t> offsets(count + 1);
  std::vector<uint32_t> table(slots, 0);
  uint64_t pos = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const std::string& w = raw.words[i];
    if (w.empty()) return Status::InvalidArgument("dvec: word " + std::to_string(i) + " is empty");
    offsets[i] = pos;
    std::memcpy(out.data() + h.strings_offset + pos, w.data(), w.size());
    pos += w.size();
    uint64_t s = StableHash(w) & (slots - 1);
    while (table[s] != 0) {
      if (raw.words[table[s] - 1] == w) {
        return Status::InvalidArgument("dvec: duplicate word '" + w + "'");
      }
      s = (s + 1) & (slots - 1);
    }
    table[s] = static_cast<uint32_t>(i + 1);
  }
  offsets[count] = pos;
  Put(out, h.offsets_offset, offsets.data(), count + 1);
  Put(out, h.hash_offset, table.data(), slots);
  if (!common.empty()) Put(out, h.common_offset, common.data(), dims);
  h.header_hash = HeaderHash(h);
  std::memcpy(out.data(), &h, sizeof h);
  return out;
}

Result<DvecHeader> ValidateDvec(const unsigned char* data, uint64_t size, const std::string& name) {
  if (size < sizeof(DvecHeader)) {
    return Status::Corruption(name + ": " + std::to_string(size) +
                              " bytes, shorter than the 128-byte .dvec header");
  }
  DvecHeader h;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kDvecMagic, 8) != 0) {
    return Status::Corruption(name + ": not a .dvec file (bad magic at byte 0)");
  }
  if (h.version != kDvecVersion) {
    return Status::Unsupported(name + ": .dvec version " + std::to_string(h.version) +
                               ", this build reads version " + std::to_string(kDvecVersion));
  }
  if (HeaderHash(h) != h.header_hash) {
    return Status::Corruption(name + ": .dvec header checksum mismatch (bytes 0-127)");
  }
  if (h.file_size != size) {
    return Status::Corruption(name + ": header says " + std::to_string(h.file_size) +
                              " bytes, file holds " + std::to_string(size) + " (truncated?)");
  }
  const uint64_t n = h.count, d = h.dims;
  if (d == 0 || d > 100000 || n >= UINT32_MAX / 2 || h.hash_slots < 2 * n ||
      (h.hash_slots & (h.hash_slots - 1)) != 0 || h.hash_slots > (uint64_t{1} << 33)) {
    return Status::Corruption(name + ": implausible .dvec header (dims " + std::to_string(d) +
                              ", count " + std::to_string(n) + ")");
  }
  struct Section {
    const char* what;
    uint64_t offset, bytes;
  } sections[] = {
      {"scales", h.scales_offset, 4 * n},         {"norms", h.norms_offset, 4 * n},
      {"ranks", h.ranks_offset, 4 * n},           {"vectors", h.vectors_offset, n * d},
      {"offsets", h.offsets_offset, 8 * (n + 1)}, {"strings", h.strings_offset, h.strings_size},
      {"hash", h.hash_offset, 4 * h.hash_slots},  {"common", h.common_offset, 4 * d}};
  for (const auto& s : sections) {
    if (s.offset < sizeof(DvecHeader) || s.offset % 8 != 0 || s.offset > size ||
        s.bytes > size - s.offset) {
      return Status::Corruption(name + ": .dvec section '" + s.what + "' at byte " +
                                std::to_string(s.offset) + " lies outside the file");
    }
  }
  const auto* offsets = reinterpret_cast<const uint64_t*>(data + h.offsets_offset);
  if (offsets[0] != 0 || offsets[n] != h.strings_size) {
    return Status::Corruption(name + ": .dvec word offsets table is inconsistent");
  }
  for (uint64_t i = 0; i < n; ++i) {
    if (offsets[i + 1] <= offsets[i]) {
      return Status::Corruption(name + ": .dvec word offset " + std::to_string(i) +
                                " is not increasing (byte " +
                                std::to_string(h.offsets_offset + 8 * i) + ")");
    }
  }
  return h;
}

}  // namespace diverge::embeddings
