#include "bench/macro/corpus_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"

namespace diverge::bench {
namespace {

namespace fs = std::filesystem;

Status WriteText(const std::string& path, const std::string& text, WrittenCorpus* w) {
  DIVERGE_RETURN_IF_ERROR(WriteFileAtomic(path, text));
  w->bytes += static_cast<int64_t>(text.size());
  return Status::Ok();
}

// Strings of a JSON value (a string or nested arrays of strings) joined as paragraphs.
void Paragraphs(const nlohmann::json& j, std::string* out) {
  if (j.is_string()) {
    if (!out->empty()) *out += "\n\n";
    *out += j.get<std::string>();
  } else if (j.is_array()) {
    for (const auto& x : j) Paragraphs(x, out);
  }
}

std::string Str(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

std::string SyntheticDocId(int32_t d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "d-%06d", d);
  return buf;
}

Result<WrittenCorpus> WriteFnc1Corpus(const std::string& data_dir, const std::string& dir) {
  Result<std::string> csv = ReadFile(data_dir + "/fnc1/train_bodies.csv");
  if (!csv.ok()) return Status::NotFound("no " + data_dir + "/fnc1/train_bodies.csv");
  WrittenCorpus w;
  const auto rows = ParseCsv(*csv);
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() < 2) continue;
    char name[64];
    std::snprintf(name, sizeof name, "/body-%05d.txt", std::atoi(rows[r][0].c_str()));
    DIVERGE_RETURN_IF_ERROR(WriteText(dir + name, rows[r][1], &w));
    ++w.documents;
  }
  return w;
}

Result<WrittenCorpus> WriteBasilCorpus(const std::string& data_dir, const std::string& dir) {
  std::error_code ec;
  const std::string root = data_dir + "/basil/articles";
  if (!fs::is_directory(root, ec)) return Status::NotFound("no " + root);
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  WrittenCorpus w;
  std::string lines;
  for (const fs::path& p : files) {
    Result<std::string> t = ReadFile(p.string());
    if (!t.ok()) continue;
    auto j = nlohmann::json::parse(*t, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    std::string text;
    if (j.contains("body-paragraphs")) Paragraphs(j["body-paragraphs"], &text);
    if (text.empty()) continue;
    nlohmann::json rec = {{"id", p.stem().string()}, {"text", text}, {"outlet", Str(j, "source")}};
    if (const std::string d = Str(j, "date"); d.size() >= 10) rec["date"] = d.substr(0, 10);
    if (const std::string t2 = Str(j, "title"); !t2.empty()) rec["title"] = t2;
    lines += rec.dump() + "\n";
    ++w.documents;
  }
  if (w.documents == 0) return Status::NotFound("no BASIL article under " + root);
  DIVERGE_RETURN_IF_ERROR(WriteText(dir + "/basil.jsonl", lines, &w));
  return w;
}

Result<WrittenCorpus> WriteAllSidesCorpus(const std::string& data_dir, const std::string& dir) {
  std::error_code ec;
  const std::string root = data_dir + "/allsides_neus";
  if (!fs::is_directory(root, ec)) return Status::NotFound("no " + root);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  WrittenCorpus w;
  std::string lines;
  for (const fs::path& p : files) {
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("news") || !j["news"].is_object()) {
        continue;
      }
      const std::string story = j.contains("id") ? j["id"].dump() : std::to_string(w.documents);
      const std::string date = Str(j, "date");
      for (const char* side : {"left", "center", "right"}) {
        if (!j["news"].contains(side)) continue;
        const auto& v = j["news"][side];
        std::string text;
        if (v.is_object() && v.contains("newBody")) Paragraphs(v["newBody"], &text);
        if (text.empty()) continue;
        nlohmann::json rec = {{"id", "as-" + story + "-" + side},
                              {"text", text},
                              {"outlet", Str(v, "newsSource")}};
        if (date.size() >= 10) rec["date"] = date.substr(0, 10);
        if (const std::string t = Str(v, "newsTitle"); !t.empty()) rec["title"] = t;
        lines += rec.dump() + "\n";
        ++w.documents;
      }
    }
  }
  if (w.documents == 0) return Status::NotFound("no AllSides story under " + root);
  DIVERGE_RETURN_IF_ERROR(WriteText(dir + "/allsides.jsonl", lines, &w));
  return w;
}

Result<WrittenCorpus> WriteHostileCorpus(const std::string& data_dir, const std::string& dir) {
  WrittenCorpus w;
  std::string tiny;
  tiny.reserve(2000000);
  for (int i = 0; i < 400000; ++i) tiny += "A b. ";
  DIVERGE_RETURN_IF_ERROR(WriteText(dir + "/tiny.txt", tiny, &w));
  std::string ordinary =
      "A small meteorite crashed into a wooded area in Nicaragua's capital of Managua "
      "overnight, the government said Sunday. Residents reported hearing a mysterious boom "
      "that left a 16-foot deep crater near the city's airport.";
  if (Result<std::string> csv = ReadFile(data_dir + "/fnc1/train_bodies.csv"); csv.ok()) {
    const auto rows = ParseCsv(*csv);
    if (rows.size() > 1 && rows[1].size() >= 2) ordinary = rows[1][1];
  }
  DIVERGE_RETURN_IF_ERROR(WriteText(dir + "/ordinary.txt", ordinary, &w));
  w.documents = 2;
  return w;
}

Result<WrittenCorpus> WriteSyntheticCorpus(const SyntheticCorpus& c, const std::string& dir) {
  std::vector<std::vector<int32_t>> rows_of(static_cast<size_t>(c.documents));
  for (size_t i = 0; i < c.doc.size(); ++i) rows_of[c.doc[i]].push_back(static_cast<int32_t>(i));
  WrittenCorpus w;
  std::string lines;
  // Files of 2,000 documents (~6 MB): far below ReadOptions::max_file_bytes at any size.
  constexpr int32_t kDocsPerFile = 2000;
  for (int32_t d = 0; d < c.documents; ++d) {
    if (d % kDocsPerFile == 0 && !lines.empty()) {
      char name[64];
      std::snprintf(name, sizeof name, "/synthetic-%04d.jsonl", d / kDocsPerFile - 1);
      DIVERGE_RETURN_IF_ERROR(WriteText(dir + name, lines, &w));
      lines.clear();
    }
    if (rows_of[d].empty()) continue;
    std::string text;
    for (int32_t r : rows_of[d]) {
      if (!text.empty()) text += "\n\n";
      text += c.text[r];
    }
    nlohmann::json rec = {{"id", SyntheticDocId(d)},
                          {"text", text},
                          {"outlet", "outlet " + std::to_string(d % 40)},
                          {"date", "2020-03-15"}};
    lines += rec.dump() + "\n";
    ++w.documents;
  }
  char name[64];
  std::snprintf(name, sizeof name, "/synthetic-%04d.jsonl", (c.documents - 1) / kDocsPerFile);
  DIVERGE_RETURN_IF_ERROR(WriteText(dir + name, lines, &w));
  return w;
}

}  // namespace diverge::bench
