#include "embeddings/word_senses.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <shared_mutex>

#include "analyzer/base/split_fields.h"

namespace diverge {
namespace {

// Part of speech code in the top bits of a synset number; satellites count as adjectives.
int PosCode(char pos) {
  switch (pos) {
    case 'n': return 0;
    case 'v': return 1;
    case 'a':
    case 's': return 2;
    case 'r': return 3;
    default: return -1;
  }
}

uint32_t SynsetId(int pos_code, uint32_t offset) {
  return (static_cast<uint32_t>(pos_code) << 28) | (offset & 0x0fffffffu);
}


bool ParseUint(std::string_view s, int base, uint32_t* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Intersects(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j]) ++i;
    else ++j;
  }
  return false;
}

}  // namespace

struct WordSenses::Cache {
  std::shared_mutex mutex;
  std::unordered_map<std::string, WordSenseSets> entries;  // node-based: stable addresses
};

const WordSenseSets* WordSenses::Find(std::string_view lower) const {
  std::string key(lower);
  {
    std::shared_lock lock(cache_->mutex);
    auto it = cache_->entries.find(key);
    if (it != cache_->entries.end()) return &it->second;
  }
  WordSenseSets senses = Lookup(lower);
  std::unique_lock lock(cache_->mutex);
  return &cache_->entries.emplace(std::move(key), std::move(senses)).first->second;
}

Result<WordSenses> WordSenses::Load(const std::string& dir) {
  WordSenses ws;
  ws.cache_ = std::make_shared<Cache>();
  static const char* kPos[] = {"noun", "verb", "adj", "adv"};
  for (const char* pos : kPos) {
    const std::string path = dir + "/index." + pos;
    std::ifstream in(path);
    if (!in) return Status::NotFound(path + ": WordNet index file not found");
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == ' ') continue;  // licence header
      auto f = SplitFields(line);
      // lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...
      uint32_t synset_cnt = 0, p_cnt = 0;
      if (f.size() < 4 || !ParseUint(f[2], 10, &synset_cnt) || !ParseUint(f[3], 10, &p_cnt) ||
          f.size() < 6 + p_cnt + synset_cnt || PosCode(f[1][0]) < 0) {
        return Status::Corruption(path + ":" + std::to_string(line_no) + ": malformed index line");
      }
      if (f[0].find('_') != std::string_view::npos) continue;  // multi-word lemmas
      auto& list = ws.senses_[std::string(f[0])];
      const size_t first = 6 + p_cnt;
      for (uint32_t k = 0; k < synset_cnt && k < static_cast<uint32_t>(kMaxSenses); ++k) {
        uint32_t offset = 0;
        if (!ParseUint(f[first + k], 10, &offset)) {
          return Status::Corruption(path + ":" + std::to_string(line_no) + ": bad synset offset");
        }
        list.push_back(SynsetId(PosCode(f[1][0]), offset));
      }
    }
  }
  for (const char* pos : kPos) {
    const std::string path = dir + "/data." + pos;
    std::ifstream in(path);
    if (!in) return Status::NotFound(path + ": WordNet data file not found");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      auto f = SplitFields(line);
      // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (sym offset pos src/dst)...
      uint32_t offset = 0, w_cnt = 0, p_cnt = 0;
      if (f.size() < 4 || !ParseUint(f[0], 10, &offset) || !ParseUint(f[3], 16, &w_cnt) ||
          f.size() < 5 + 2 * w_cnt || !ParseUint(f[4 + 2 * w_cnt], 10, &p_cnt)) {
        continue;  // tolerated: relations are optional evidence
      }
      const int code = PosCode(f[2][0]);
      if (code < 0) continue;
      const uint32_t id = SynsetId(code, offset);
      size_t at = 5 + 2 * w_cnt;
      for (uint32_t k = 0; k < p_cnt && at + 3 < f.size(); ++k, at += 4) {
        std::string_view sym = f[at];
        uint32_t target = 0;
        if (!ParseUint(f[at + 1], 10, &target) || PosCode(f[at + 2][0]) < 0) continue;
        const uint32_t tid = SynsetId(PosCode(f[at + 2][0]), target);
        if (sym == "@" || sym == "@i") ws.hypernyms_[id].push_back(tid);
        else if (sym == "!") ws.antonyms_[id].push_back(tid);
        else if (sym == "&") ws.similar_[id].push_back(tid);
      }
    }
  }
  for (const char* pos : kPos) {
    std::ifstream in(dir + "/" + pos + ".exc");
    std::string line;
    while (std::getline(in, line)) {
      auto f = SplitFields(line);
      for (size_t k = 1; k < f.size(); ++k) ws.exceptions_[std::string(f[0])].emplace_back(f[k]);
    }
  }
  return ws;
}

std::string WordSenses::DefaultDir() {
  const char* env = std::getenv("DIVERGE_WORDNET");
  return env && *env ? env : "/usr/share/wordnet";
}

const WordSenses* WordSenses::Default() {
  static const std::unique_ptr<WordSenses> instance = []() -> std::unique_ptr<WordSenses> {
    Result<WordSenses> ws = Load(DefaultDir());
    if (!ws.ok()) return nullptr;
    return std::make_unique<WordSenses>(std::move(*ws));
  }();
  return instance.get();
}

WordSenseSets WordSenses::Lookup(std::string_view lower) const {
  WordSenseSets out;
  std::string w(lower);
  auto add = [&](const std::string& lemma, int pos_mask) {
    auto it = senses_.find(lemma);
    if (it == senses_.end()) return;
    for (uint32_t s : it->second) {
      if (pos_mask & (1 << (s >> 28))) out.synsets.push_back(s);
    }
  };
  add(w, 0xf);
  auto ex = exceptions_.find(w);
  if (ex != exceptions_.end()) {
    for (const auto& lemma : ex->second) add(lemma, 0xf);
  }
  // morphy's detachment rules; the mask says which parts of speech a rule may reach
  // (1 noun, 2 verb, 4 adjective), so "player" does not become the verb "play".
  struct Rule {
    std::string_view suffix, replacement;
    int pos_mask;
  };
  static const Rule kRules[] = {
      {"ses", "s", 1}, {"xes", "x", 1},  {"zes", "z", 1},   {"ches", "ch", 1}, {"shes", "sh", 1},
      {"men", "man", 1}, {"ies", "y", 3}, {"s", "", 3},     {"es", "e", 2},    {"es", "", 2},
      {"ed", "e", 2},  {"ed", "", 2},    {"ing", "e", 2},  {"ing", "", 2},    {"er", "", 4},
      {"est", "", 4},  {"er", "e", 4},   {"est", "e", 4}};
  for (const auto& r : kRules) {
    if (w.size() >= r.suffix.size() + 3 &&
        w.compare(w.size() - r.suffix.size(), r.suffix.size(), r.suffix) == 0) {
      std::string base = w.substr(0, w.size() - r.suffix.size()) + std::string(r.replacement);
      add(base, r.pos_mask);
      if (r.replacement.empty() && base.size() > 2 && base.back() == base[base.size() - 2]) {
        add(base.substr(0, base.size() - 1), r.pos_mask);  // running -> run
      }
    }
  }
  SortUnique(&out.synsets);
  auto append = [](const auto& map, uint32_t key, std::vector<uint32_t>* to) {
    auto it = map.find(key);
    if (it != map.end()) to->insert(to->end(), it->second.begin(), it->second.end());
  };
  for (uint32_t s : out.synsets) {
    append(hypernyms_, s, &out.hypernyms);
    append(antonyms_, s, &out.antonyms);
    // An adjective satellite's antonyms are its head's (big -> large -> small).
    auto sim = similar_.find(s);
    if (sim != similar_.end()) {
      for (uint32_t head : sim->second) append(antonyms_, head, &out.antonyms);
    }
  }
  size_t from = 0;
  for (int level = 1; level < kHypernymLevels; ++level) {
    const size_t to = out.hypernyms.size();
    for (size_t k = from; k < to; ++k) append(hypernyms_, out.hypernyms[k], &out.hypernyms);
    from = to;
  }
  SortUnique(&out.hypernyms);
  SortUnique(&out.antonyms);
  return out;
}

WordRelation Relate(const WordSenseSets& a, const WordSenseSets& b) {
  if (a.empty() || b.empty()) return WordRelation::kNone;
  if (Intersects(a.synsets, b.synsets)) return WordRelation::kSynonym;
  if (Intersects(a.synsets, b.hypernyms) || Intersects(a.hypernyms, b.synsets)) {
    return WordRelation::kHypernym;
  }
  if (Intersects(a.antonyms, b.synsets) || Intersects(a.synsets, b.antonyms)) {
    return WordRelation::kAntonym;
  }
  return WordRelation::kNone;
}

}  // namespace diverge
