#include "analyzer/evaluation/news_datasets.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"

namespace diverge::evaluation {
namespace {

// The paragraphs of a JSON value (a string, or nested arrays of strings), joined by blank
// lines.
void Paragraphs(const nlohmann::json& v, std::string* out) {
  if (v.is_string()) {
    if (!out->empty()) *out += "\n\n";
    *out += v.get<std::string>();
  } else if (v.is_array()) {
    for (const auto& e : v) Paragraphs(e, out);
  }
}

std::string Text(const nlohmann::json& j, const char* key) {
  std::string out;
  if (j.is_object()) {
    auto it = j.find(key);
    if (it != j.end()) Paragraphs(*it, &out);
  }
  return out;
}

std::string Date(const std::string& s) { return s.size() >= 10 ? s.substr(0, 10) : ""; }

}  // namespace

Result<std::vector<NewsArticle>> ReadBasilArticles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<NewsArticle> out;
  for (const fs::path& f : files) {
    Result<std::string> bytes = ReadFile(f.string());
    if (!bytes.ok()) return bytes.status();
    nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      return Status::InvalidArgument(f.string() + ": not a BASIL article object");
    }
    out.push_back({f.stem().string(), Text(j, "triplet-uuid"), Text(j, "title"),
                   Text(j, "body-paragraphs"), Text(j, "source"), Date(Text(j, "date"))});
  }
  return out;
}

Result<std::vector<NewsArticle>> ReadAllSidesArticles(const std::string& jsonl_path) {
  std::ifstream in(jsonl_path);
  if (!in) return Status::NotFound(jsonl_path + ": cannot open");
  std::vector<NewsArticle> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("news") || !j["news"].is_object()) {
      return Status::InvalidArgument(jsonl_path + ":" + std::to_string(number) +
                                     ": not an AllSides story object");
    }
    const std::string story = j.contains("id") ? j["id"].dump() : std::to_string(number);
    const std::string date = Date(Text(j, "date"));
    for (const auto& [side, v] : j["news"].items()) {
      if (!v.is_object()) continue;
      out.push_back({"as-" + story + "-" + side, story, Text(v, "newsTitle"), Text(v, "newBody"),
                     Text(v, "newsSource"), date});
    }
  }
  return out;
}

Result<std::vector<NewsArticle>> ReadFnc1Bodies(const std::string& bodies_csv) {
  Result<std::string> text = ReadFile(bodies_csv);
  if (!text.ok()) return Status::NotFound(bodies_csv + ": " + text.status().message());
  std::vector<NewsArticle> out;
  const auto rows = ParseCsv(*text);
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() >= 2) out.push_back({rows[i][0], "", "", rows[i][1], "", ""});
  }
  if (out.empty()) return Status::InvalidArgument(bodies_csv + ": no FNC-1 bodies");
  return out;
}

}  // namespace diverge::evaluation
