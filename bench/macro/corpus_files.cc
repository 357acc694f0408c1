#include "bench/macro/corpus_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "analyzer/base/atomic_file.h"
#include "analyzer/evaluation/news_datasets.h"

namespace diverge::bench {
namespace {

namespace fs = std::filesystem;

Status WriteText(const std::string& path, const std::string& text, WrittenCorpus* w) {
  DIVERGE_RETURN_IF_ERROR(WriteFileAtomic(path, text));
  w->bytes += static_cast<int64_t>(text.size());
  return Status::Ok();
}

// One .jsonl line per article with a body: its id, text, outlet, date and title.
Status WriteArticles(const std::vector<evaluation::NewsArticle>& articles, const std::string& path,
                     WrittenCorpus* w) {
  std::string lines;
  for (const evaluation::NewsArticle& a : articles) {
    if (a.body.empty()) continue;
    nlohmann::json rec = {{"id", a.id}, {"text", a.body}, {"outlet", a.outlet}};
    if (!a.date.empty()) rec["date"] = a.date;
    if (!a.title.empty()) rec["title"] = a.title;
    lines += rec.dump() + "\n";
    ++w->documents;
  }
  if (w->documents == 0) return Status::NotFound("no article with a body for " + path);
  return WriteText(path, lines, w);
}

}  // namespace

std::string SyntheticDocId(int32_t d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "d-%06d", d);
  return buf;
}

Result<WrittenCorpus> WriteFnc1Corpus(const std::string& data_dir, const std::string& dir) {
  auto bodies = evaluation::ReadFnc1Bodies(data_dir + "/fnc1/train_bodies.csv");
  if (!bodies.ok()) return bodies.status();
  WrittenCorpus w;
  for (const evaluation::NewsArticle& a : *bodies) {
    char name[64];
    std::snprintf(name, sizeof name, "/body-%05d.txt", std::atoi(a.id.c_str()));
    DIVERGE_RETURN_IF_ERROR(WriteText(dir + name, a.body, &w));
    ++w.documents;
  }
  return w;
}

Result<WrittenCorpus> WriteBasilCorpus(const std::string& data_dir, const std::string& dir) {
  auto articles = evaluation::ReadBasilArticles(data_dir + "/basil/articles");
  if (!articles.ok()) return articles.status();
  WrittenCorpus w;
  DIVERGE_RETURN_IF_ERROR(WriteArticles(*articles, dir + "/basil.jsonl", &w));
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
  std::vector<evaluation::NewsArticle> all;
  for (const fs::path& p : files) {
    auto articles = evaluation::ReadAllSidesArticles(p.string());
    if (!articles.ok()) return articles.status();
    all.insert(all.end(), articles->begin(), articles->end());
  }
  WrittenCorpus w;
  DIVERGE_RETURN_IF_ERROR(WriteArticles(all, dir + "/allsides.jsonl", &w));
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
  if (auto bodies = evaluation::ReadFnc1Bodies(data_dir + "/fnc1/train_bodies.csv"); bodies.ok()) {
    ordinary = bodies->front().body;
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
