#include "embeddings/model_readers.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "analyzer/base/split_fields.h"
#include "embeddings/fasttext_adapter.h"

namespace diverge::embeddings {

Result<ModelFormat> DetectModelFormat(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound(path + ": model file not found or unreadable");
  unsigned char buf[8] = {};
  size_t n = std::fread(buf, 1, 8, f);
  std::fclose(f);
  if (n == 0) return Status::Corruption(path + ": model file is empty");
  if (n == 8 && std::memcmp(buf, kDvecMagic, 8) == 0) return ModelFormat::kDvec;
  if (n >= 4) {
    int32_t magic;
    std::memcpy(&magic, buf, 4);
    if (magic == kFastTextMagic) return ModelFormat::kFastTextBin;
  }
  size_t i = 0;
  while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')) ++i;
  if (i < n && buf[i] == '{') return ModelFormat::kWinkJson;
  if (n >= 4 && std::memcmp(buf, "DVEC", 4) == 0) {
    return Status::Corruption(path + ": damaged .dvec magic at byte 0");
  }
  return ModelFormat::kVecText;
}

Result<RawVectors> ReadVecText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": model file not found or unreadable");
  RawVectors raw;
  std::string line;
  int64_t expected_rows = -1;
  int64_t line_no = 0;
  std::vector<float> row;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string_view> parts = SplitFields(line);
    if (line_no == 1 && parts.size() == 2) {
      int64_t a = 0, b = 0;
      auto r1 = std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), a);
      auto r2 = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), b);
      if (r1.ec == std::errc() && r2.ec == std::errc() && a >= 0 && b > 0) {
        expected_rows = a;
        raw.dims = static_cast<int>(b);
        continue;
      }
    }
    if (parts.size() < 2) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected a word and " +
                                "its vector");
    }
    int d = static_cast<int>(parts.size()) - 1;
    if (raw.dims == 0) raw.dims = d;
    if (d != raw.dims) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": " + std::to_string(d) +
                                " values, expected " + std::to_string(raw.dims));
    }
    for (int k = 1; k <= d; ++k) {
      float v = 0;
      auto r = std::from_chars(parts[k].data(), parts[k].data() + parts[k].size(), v);
      if (r.ec != std::errc() || r.ptr != parts[k].data() + parts[k].size()) {
        return Status::Corruption(path + ":" + std::to_string(line_no) + ": bad number '" +
                                  std::string(parts[k]) + "'");
      }
      raw.data.push_back(v);
    }
    raw.words.emplace_back(parts[0]);
  }
  if (raw.words.empty()) return Status::Corruption(path + ": no vectors in the file");
  if (expected_rows >= 0 && expected_rows != static_cast<int64_t>(raw.words.size())) {
    return Status::Corruption(path + ": header announces " + std::to_string(expected_rows) +
                              " vectors, file holds " + std::to_string(raw.words.size()) +
                              " (truncated?)");
  }
  return raw;
}

namespace {

// SAX handler for the wink JSON. Tracks depth and the current top-level key.
class WinkSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  int dims = 0;
  int64_t size = -1;
  int64_t l2_index = -1, word_index = -1;
  std::vector<std::string> words;
  std::vector<std::string> vec_words;
  std::vector<float> vec_data;  // one row of (dims + 2) values per vec_words entry
  std::string error;
  int64_t row_len = -1;

  bool null() override { return Scalar(0.0, false); }
  bool boolean(bool) override { return Scalar(0.0, false); }
  bool number_integer(number_integer_t v) override { return Scalar(double(v), true); }
  bool number_unsigned(number_unsigned_t v) override { return Scalar(double(v), true); }
  bool number_float(number_float_t v, const string_t&) override { return Scalar(v, true); }
  bool string(string_t& v) override {
    if (depth_ == 2 && top_ == "words") {
      words.push_back(v);
      return true;
    }
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 3 && top_ == "vectors") {
      vec_words.push_back(key_);
      row_start_ = vec_data.size();
    }
    return true;
  }
  bool end_array() override {
    if (depth_ == 3 && top_ == "vectors") {
      int64_t len = static_cast<int64_t>(vec_data.size() - row_start_);
      if (row_len < 0) row_len = len;
      if (len != row_len) {
        error = "vector of '" + key_ + "' has " + std::to_string(len) + " values, expected " +
                std::to_string(row_len);
        return false;
      }
    }
    --depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1) top_ = k;
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error = "byte " + std::to_string(position) + ": " + ex.what();
    return false;
  }

 private:
  bool Scalar(double v, bool numeric) {
    if (depth_ == 1) {
      if (!numeric) return true;
      if (top_ == "dimensions") dims = static_cast<int>(v);
      if (top_ == "size") size = static_cast<int64_t>(v);
      if (top_ == "l2NormIndex") l2_index = static_cast<int64_t>(v);
      if (top_ == "wordIndex") word_index = static_cast<int64_t>(v);
    } else if (depth_ == 3 && top_ == "vectors") {
      vec_data.push_back(static_cast<float>(v));
    }
    return true;
  }
  int depth_ = 0;
  std::string top_, key_;
  size_t row_start_ = 0;
};

}  // namespace

Result<RawVectors> ReadWinkJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": model file not found or unreadable");
  WinkSax sax;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(in, &sax);
  } catch (const std::exception& e) {
    return Status::Corruption(path + ": " + e.what());
  }
  if (!ok) return Status::Corruption(path + ": " + (sax.error.empty() ? "bad JSON" : sax.error));
  const int d = sax.dims;
  if (d <= 0) return Status::Corruption(path + ": no positive \"dimensions\"");
  const int64_t n = static_cast<int64_t>(sax.vec_words.size());
  if (n == 0) return Status::Corruption(path + ": no \"vectors\"");
  if (sax.row_len < d) {
    return Status::Corruption(path + ": vectors have " + std::to_string(sax.row_len) +
                              " values, \"dimensions\" says " + std::to_string(d));
  }
  if (sax.size >= 0 && sax.size != n) {
    return Status::Corruption(path + ": \"size\" is " + std::to_string(sax.size) + " but " +
                              std::to_string(n) + " vectors were read (truncated?)");
  }
  const int64_t wi = sax.word_index >= 0 ? sax.word_index : d + 1;
  RawVectors raw;
  raw.dims = d;
  raw.words.resize(n);
  raw.data.resize(n * d);
  std::vector<char> seen(n, 0);
  for (int64_t r = 0; r < n; ++r) {
    const float* row = sax.vec_data.data() + r * sax.row_len;
    int64_t idx = r;
    if (wi < sax.row_len) idx = static_cast<int64_t>(row[wi]);
    if (idx < 0 || idx >= n || seen[idx]) {
      return Status::Corruption(path + ": vector of '" + sax.vec_words[r] +
                                "' has a bad or repeated word index " + std::to_string(idx));
    }
    seen[idx] = 1;
    raw.words[idx] = sax.vec_words[r];
    std::copy(row, row + d, raw.data.begin() + idx * d);
  }
  return raw;
}

}  // namespace diverge::embeddings
