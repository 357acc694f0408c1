#include "reports/wire_copies.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <tuple>
#include <utility>

#include "analyzer/base/stable_hash.h"

namespace diverge::reports {

namespace {

bool WordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// The body of each document: its outermost statements in offset order, space-joined.
std::map<std::string, std::string, std::less<>> Bodies(const report::Report& report) {
  std::vector<const ingest::Statement*> sts;
  for (const ingest::Statement& s : report.statements) sts.push_back(&s);
  std::sort(sts.begin(), sts.end(), [](const ingest::Statement* x, const ingest::Statement* y) {
    // Outer statements first at a shared start (longer end first).
    return std::make_tuple(x->doc, x->start, -x->end, x->id) <
           std::make_tuple(y->doc, y->start, -y->end, y->id);
  });
  std::map<std::string, std::string, std::less<>> out;
  const std::string* doc = nullptr;
  int64_t covered = 0;  // end of the last outermost statement of `doc`
  for (const ingest::Statement* s : sts) {
    if (doc == nullptr || *doc != s->doc) {
      doc = &s->doc;
      covered = -1;
    }
    if (s->end <= covered) continue;  // nested in the previous statement
    covered = s->end;
    std::string& body = out[s->doc];
    if (!body.empty()) body += ' ';
    body += s->text;
  }
  return out;
}

std::string DateKey(const ingest::Document& d) {
  return d.date && !d.date->empty() ? "0" + *d.date : "1";  // undated last
}

}  // namespace

std::vector<uint64_t> Shingles(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (WordByte(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::vector<uint64_t> out;
  for (size_t i = 0; i + kWireShingleWords <= words.size(); ++i) {
    StableHasher h;
    for (size_t k = 0; k < kWireShingleWords; ++k) h.Add(words[i + k]);
    out.push_back(h.value());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<WireCopy> FindWireCopies(const report::Report& report) {
  std::map<std::string, const ingest::Document*, std::less<>> doc_by_id;
  for (const ingest::Document& d : report.documents) doc_by_id.emplace(d.id, &d);
  std::vector<const ingest::Document*> docs;
  std::vector<std::vector<uint64_t>> shingles;
  for (auto& [id, body] : Bodies(report)) {
    auto it = doc_by_id.find(id);
    if (it == doc_by_id.end() || it->second->outlet.empty()) continue;
    std::vector<uint64_t> s = Shingles(body);
    if (s.size() < kWireMinShingles) continue;
    docs.push_back(it->second);
    shingles.push_back(std::move(s));
  }
  // Inverted index: (shingle, document) pairs sorted by shingle.
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  for (uint32_t d = 0; d < docs.size(); ++d) {
    for (uint64_t h : shingles[d]) postings.emplace_back(h, d);
  }
  std::sort(postings.begin(), postings.end());
  std::unordered_map<uint64_t, size_t> hits;  // (a << 32 | b), a < b
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].first == postings[i].first) ++j;
    if (j - i >= 2 && j - i <= kWireMaxPostings) {
      for (size_t a = i; a < j; ++a) {
        for (size_t b = a + 1; b < j; ++b) {
          if (docs[postings[a].second]->outlet == docs[postings[b].second]->outlet) continue;
          ++hits[uint64_t{postings[a].second} << 32 | postings[b].second];
        }
      }
    }
    i = j;
  }
  std::vector<WireCopy> out;
  for (const auto& [key, n] : hits) {
    const uint32_t a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key);
    const size_t shorter = std::min(shingles[a].size(), shingles[b].size());
    // `n` undercounts only by boilerplate shingles; a pair far below the bar is skipped.
    if (static_cast<double>(n) < kWireMinShare * shorter / 2 || n < kWireMinShingles / 2) continue;
    std::vector<uint64_t> common;
    std::set_intersection(shingles[a].begin(), shingles[a].end(), shingles[b].begin(),
                          shingles[b].end(), std::back_inserter(common));
    const double share = static_cast<double>(common.size()) / static_cast<double>(shorter);
    if (common.size() < kWireMinShingles || share < kWireMinShare) continue;
    const ingest::Document* x = docs[a];
    const ingest::Document* y = docs[b];
    if (std::make_tuple(DateKey(*y), y->id) < std::make_tuple(DateKey(*x), x->id)) std::swap(x, y);
    out.push_back({y->id, x->id, share, common.size()});
  }
  std::sort(out.begin(), out.end(), [](const WireCopy& x, const WireCopy& y) {
    return std::tie(x.copy, x.original) < std::tie(y.copy, y.original);
  });
  return out;
}

}  // namespace diverge::reports
