#include "analyzer/divergence/wordnet.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace diverge::divergence {
namespace {

std::string CleanWord(std::string w) {
  size_t paren = w.find('(');
  if (paren != std::string::npos) w.resize(paren);  // "able(a)" adjective markers
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return w;
}

struct Synset {
  std::vector<std::string> words;
  struct Ptr {
    std::string target;  // "pos:offset"
    int src = 0, dst = 0;
  };
  std::vector<Ptr> antonyms;
};

// Parses the synsets of one data file that carry an antonym pointer.
void ParseData(const std::string& path, char pos,
               std::unordered_map<std::string, Synset>* synsets) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ' || line.find(" ! ") == std::string::npos) continue;
    std::istringstream ss(line);
    std::string offset, lex, type, wcnt_hex;
    ss >> offset >> lex >> type >> wcnt_hex;
    int wcnt = int(std::strtol(wcnt_hex.c_str(), nullptr, 16));
    Synset s;
    for (int i = 0; i < wcnt; ++i) {
      std::string word, lexid;
      ss >> word >> lexid;
      s.words.push_back(CleanWord(word));
    }
    int pcnt = 0;
    ss >> pcnt;
    for (int i = 0; i < pcnt; ++i) {
      std::string sym, off, p, srcdst;
      ss >> sym >> off >> p >> srcdst;
      if (sym != "!") continue;
      char tp = p.empty() ? pos : (p[0] == 's' ? 'a' : p[0]);
      Synset::Ptr ptr;
      ptr.target = std::string(1, tp) + ":" + off;
      ptr.src = int(std::strtol(srcdst.substr(0, 2).c_str(), nullptr, 16));
      ptr.dst = int(std::strtol(srcdst.substr(2, 2).c_str(), nullptr, 16));
      s.antonyms.push_back(ptr);
    }
    (*synsets)[std::string(1, pos) + ":" + offset] = std::move(s);
  }
}

// Every synset of a noun/verb data file: its words and direct hypernyms.
void ParseSenses(const std::string& path, char pos,
                 std::map<std::string, std::vector<std::string>>* senses,
                 std::map<std::string, std::vector<std::string>>* hypernyms) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ss(line);
    std::string offset, lex, type, wcnt_hex;
    ss >> offset >> lex >> type >> wcnt_hex;
    std::string key = std::string(1, pos) + ":" + offset;
    int wcnt = int(std::strtol(wcnt_hex.c_str(), nullptr, 16));
    for (int i = 0; i < wcnt; ++i) {
      std::string word, lexid;
      ss >> word >> lexid;
      (*senses)[CleanWord(word)].push_back(key);
    }
    int pcnt = 0;
    ss >> pcnt;
    for (int i = 0; i < pcnt; ++i) {
      std::string sym, off, p, srcdst;
      ss >> sym >> off >> p >> srcdst;
      if (sym == "@") (*hypernyms)[key].push_back(std::string(1, pos) + ":" + off);
    }
  }
}

}  // namespace

Result<WordNet> WordNet::Load(const std::string& dir, bool with_nouns) {
  std::unordered_map<std::string, Synset> synsets;
  std::vector<std::pair<std::string, char>> files = {
      {"data.adj", 'a'}, {"data.verb", 'v'}, {"data.adv", 'r'}};
  if (with_nouns) files.emplace_back("data.noun", 'n');
  bool any = false;
  for (const auto& [name, pos] : files) {
    std::ifstream probe(dir + "/" + name);
    if (!probe) continue;
    any = true;
    ParseData(dir + "/" + name, pos, &synsets);
  }
  if (!any) return Status::NotFound(dir + "/data.adj: WordNet data files not found");
  WordNet wn;
  for (const auto& [key, s] : synsets) {
    for (const auto& p : s.antonyms) {
      auto it = synsets.find(p.target);
      if (it == synsets.end()) continue;
      const auto& tw = it->second.words;
      std::vector<std::string> src, dst;
      if (p.src == 0) {
        src = s.words;
      } else if (p.src - 1 < int(s.words.size())) {
        src.push_back(s.words[p.src - 1]);
      }
      if (p.dst == 0) {
        dst = tw;
      } else if (p.dst - 1 < int(tw.size())) {
        dst.push_back(tw[p.dst - 1]);
      }
      for (const auto& x : src) {
        for (const auto& y : dst) {
          if (x != y) {
            wn.antonyms_[x].insert(y);
            wn.antonyms_[y].insert(x);
          }
        }
      }
    }
  }
  ParseSenses(dir + "/data.verb", 'v', &wn.senses_, &wn.hypernyms_);
  ParseSenses(dir + "/data.noun", 'n', &wn.senses_, &wn.hypernyms_);
  for (const char* exc : {"verb.exc", "adj.exc", "noun.exc", "adv.exc"}) {
    std::ifstream in(dir + "/" + exc);
    std::string form, lemma;
    while (in >> form >> lemma) {
      wn.exceptions_.emplace(form, lemma);
      std::string rest;
      std::getline(in, rest);
    }
  }
  return wn;
}

const WordNet* WordNet::Default() {
  static const WordNet* instance = []() -> const WordNet* {
    const char* env = std::getenv("DIVERGE_WORDNET");
    Result<WordNet> wn = Load(env ? env : "/usr/share/wordnet", false);
    if (!wn.ok()) return nullptr;
    return new WordNet(std::move(*wn));
  }();
  return instance;
}

std::vector<std::string> WordNet::Lemmas(std::string_view lower) const {
  return LemmasIn(lower, antonyms_);
}

std::vector<std::string> WordNet::SenseLemmas(std::string_view lower) const {
  return LemmasIn(lower, senses_);
}

template <typename Map>
std::vector<std::string> WordNet::LemmasIn(std::string_view lower, const Map& known) const {
  std::vector<std::string> out;
  auto try_add = [&](const std::string& cand) {
    if (known.count(cand)) {
      for (const auto& o : out) {
        if (o == cand) return;
      }
      out.push_back(cand);
    }
  };
  std::string w(lower);
  try_add(w);
  auto ex = exceptions_.find(w);
  if (ex != exceptions_.end()) try_add(ex->second);
  static const std::pair<const char*, const char*> kRules[] = {
      {"s", ""},    {"ies", "y"}, {"es", "e"}, {"es", ""},  {"ed", "e"}, {"ed", ""},
      {"ing", "e"}, {"ing", ""},  {"er", ""},  {"est", ""}, {"er", "e"}, {"est", "e"}};
  for (const auto& [suf, rep] : kRules) {
    size_t n = std::string_view(suf).size();
    if (w.size() > n + 2 && w.compare(w.size() - n, n, suf) == 0) {
      std::string base = w.substr(0, w.size() - n) + rep;
      try_add(base);
      // doubled consonant: running -> run, bigger -> big
      if (std::string_view(rep).empty() && base.size() > 2 &&
          base.back() == base[base.size() - 2]) {
        try_add(base.substr(0, base.size() - 1));
      }
    }
  }
  return out;
}

static const bool kHyper = false;
bool WordNet::AreRelated(std::string_view a, std::string_view b) const {
  std::vector<std::string> la = SenseLemmas(a), lb = SenseLemmas(b);
  if (la.empty() || lb.empty()) return false;
  std::set<std::string> sa, sb;
  auto collect = [&](const std::vector<std::string>& lemmas, std::set<std::string>* out,
                     std::set<std::string>* with_hyper) {
    for (const auto& l : lemmas) {
      for (const auto& syn : senses_.at(l)) {
        out->insert(syn);
        with_hyper->insert(syn);
        auto h = hypernyms_.find(syn);
        if (kHyper && h != hypernyms_.end()) with_hyper->insert(h->second.begin(), h->second.end());
      }
    }
  };
  std::set<std::string> ha, hb;
  collect(la, &sa, &ha);
  collect(lb, &sb, &hb);
  for (const auto& x : sa) {
    if (hb.count(x)) return true;  // same synset, or a is b's hypernym
  }
  for (const auto& x : sb) {
    if (ha.count(x)) return true;
  }
  return false;
}

bool WordNet::AreAntonyms(std::string_view a, std::string_view b) const {
  std::vector<std::string> la = Lemmas(a), lb = Lemmas(b);
  for (const auto& x : la) {
    auto it = antonyms_.find(x);
    if (it == antonyms_.end()) continue;
    for (const auto& y : lb) {
      if (it->second.count(y)) return true;
    }
  }
  return false;
}

}  // namespace diverge::divergence
