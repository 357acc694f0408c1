#include "embeddings/wordnet_db.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string_view>

#include "analyzer/base/split_fields.h"

namespace diverge::embeddings {
namespace {

bool ParseUint(std::string_view s, int base, uint32_t* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// A data-file word as a lemma: lowercased, without an adjective marker ("able(a)").
std::string CleanWord(std::string_view w) {
  w = w.substr(0, w.find('('));
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

constexpr const char* kPosNames[] = {"noun", "verb", "adj", "adv"};

}  // namespace

int WordNetDb::PosCode(char pos) {
  switch (pos) {
    case 'n': return 0;
    case 'v': return 1;
    case 'a':
    case 's': return 2;
    case 'r': return 3;
    default: return -1;
  }
}

uint32_t WordNetDb::SynsetId(int pos_code, uint32_t offset) {
  return (static_cast<uint32_t>(pos_code) << 28) | (offset & 0x0fffffffu);
}

Result<WordNetDb> WordNetDb::Load(const std::string& dir) {
  WordNetDb db;
  for (const char* pos : kPosNames) {
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
      auto& list = db.index_[std::string(f[0])];
      const size_t first = 6 + p_cnt;
      for (uint32_t k = 0; k < synset_cnt; ++k) {
        uint32_t offset = 0;
        if (!ParseUint(f[first + k], 10, &offset)) {
          return Status::Corruption(path + ":" + std::to_string(line_no) + ": bad synset offset");
        }
        list.push_back(SynsetId(PosCode(f[1][0]), offset));
      }
    }
  }
  for (const char* pos : kPosNames) {
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
          f.size() < 5 + 2 * w_cnt || !ParseUint(f[4 + 2 * w_cnt], 10, &p_cnt) ||
          PosCode(f[2][0]) < 0) {
        continue;
      }
      WordNetSynset& s = db.synsets_[SynsetId(PosCode(f[2][0]), offset)];
      for (uint32_t k = 0; k < w_cnt; ++k) s.words.push_back(CleanWord(f[4 + 2 * k]));
      size_t at = 5 + 2 * w_cnt;
      for (uint32_t k = 0; k < p_cnt && at + 3 < f.size(); ++k, at += 4) {
        const std::string_view sym = f[at];
        WordNetPointer p;
        if (sym == "@" || sym == "@i") p.kind = WordNetPointer::kHypernym;
        else if (sym == "!") p.kind = WordNetPointer::kAntonym;
        else if (sym == "&") p.kind = WordNetPointer::kSimilar;
        else continue;
        uint32_t target = 0, source_target = 0;
        if (!ParseUint(f[at + 1], 10, &target) || PosCode(f[at + 2][0]) < 0 ||
            !ParseUint(f[at + 3], 16, &source_target)) {
          continue;
        }
        p.target = SynsetId(PosCode(f[at + 2][0]), target);
        p.source_word = static_cast<uint8_t>(source_target >> 8);
        p.target_word = static_cast<uint8_t>(source_target & 0xff);
        s.pointers.push_back(p);
      }
    }
  }
  for (const char* pos : {"verb", "adj", "noun", "adv"}) {
    std::ifstream in(dir + "/" + pos + ".exc");
    std::string line;
    while (std::getline(in, line)) {
      auto f = SplitFields(line);
      for (size_t k = 1; k < f.size(); ++k) db.exceptions_[std::string(f[0])].emplace_back(f[k]);
    }
  }
  return db;
}

std::vector<WordNetDb::Candidate> WordNetDb::Morphy(std::string_view lower) const {
  std::vector<Candidate> out;
  const std::string w(lower);
  out.push_back({w, 0xf});
  auto ex = exceptions_.find(w);
  if (ex != exceptions_.end()) {
    for (const auto& lemma : ex->second) out.push_back({lemma, 0xf});
  }
  // morphy's detachment rules; the mask says which parts of speech a rule may reach
  // (1 noun, 2 verb, 4 adjective).
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
      // doubled consonant: running -> run, bigger -> big
      const bool doubled =
          r.replacement.empty() && base.size() > 2 && base.back() == base[base.size() - 2];
      std::string undoubled = doubled ? base.substr(0, base.size() - 1) : std::string();
      out.push_back({std::move(base), r.pos_mask});
      if (doubled) out.push_back({std::move(undoubled), r.pos_mask});
    }
  }
  return out;
}

std::string WordNetDb::DefaultDir() {
  const char* env = std::getenv("DIVERGE_WORDNET");
  return env && *env ? env : "/usr/share/wordnet";
}

std::shared_ptr<const WordNetDb> WordNetDb::Shared() {
  static const std::shared_ptr<const WordNetDb> instance = [] {
    Result<WordNetDb> db = Load(DefaultDir());
    return db.ok() ? std::make_shared<const WordNetDb>(std::move(*db)) : nullptr;
  }();
  return instance;
}

const WordNetDb* WordNetDb::Default() { return Shared().get(); }

}  // namespace diverge::embeddings
