#include "analyzer/divergence/wordnet.h"

#include <algorithm>

namespace diverge::divergence {

WordNet::WordNet(std::shared_ptr<const embeddings::WordNetDb> db) : db_(std::move(db)) {
  const auto& synsets = db_->synsets();
  for (const auto& [id, s] : synsets) {
    if (embeddings::WordNetDb::PosOf(id) == 0) continue;  // no noun antonyms
    for (const embeddings::WordNetPointer& p : s.pointers) {
      if (p.kind != embeddings::WordNetPointer::kAntonym ||
          embeddings::WordNetDb::PosOf(p.target) == 0)
        continue;
      auto target = synsets.find(p.target);
      if (target == synsets.end()) continue;
      // A lexical pointer names one word on each side; 0 means every word of the synset.
      auto words = [](const std::vector<std::string>& all, uint8_t k) {
        if (k == 0) return all;
        return k <= all.size() ? std::vector<std::string>{all[k - 1]}
                               : std::vector<std::string>{};
      };
      for (const auto& x : words(s.words, p.source_word)) {
        for (const auto& y : words(target->second.words, p.target_word)) {
          if (x != y) {
            antonyms_[x].insert(y);
            antonyms_[y].insert(x);
          }
        }
      }
    }
  }
}

Result<WordNet> WordNet::Load(const std::string& dir) {
  Result<embeddings::WordNetDb> db = embeddings::WordNetDb::Load(dir);
  if (!db.ok()) return db.status();
  return WordNet(std::make_shared<const embeddings::WordNetDb>(std::move(*db)));
}

const WordNet* WordNet::Default() {
  static const std::unique_ptr<WordNet> instance =
      embeddings::WordNetDb::Shared()
          ? std::unique_ptr<WordNet>(new WordNet(embeddings::WordNetDb::Shared()))
          : nullptr;
  return instance.get();
}

std::vector<std::string> WordNet::Lemmas(std::string_view lower) const {
  std::vector<std::string> out;
  for (auto& c : db_->Morphy(lower)) {
    if (antonyms_.count(c.lemma) && std::find(out.begin(), out.end(), c.lemma) == out.end()) {
      out.push_back(std::move(c.lemma));
    }
  }
  return out;
}

std::set<uint32_t> WordNet::NounVerbSenses(std::string_view lower) const {
  std::set<uint32_t> out;
  for (const auto& c : db_->Morphy(lower)) {
    auto it = db_->index().find(c.lemma);
    if (it == db_->index().end()) continue;
    for (uint32_t s : it->second) {
      if (embeddings::WordNetDb::PosOf(s) <= 1) out.insert(s);
    }
  }
  return out;
}

bool WordNet::AreRelated(std::string_view a, std::string_view b) const {
  const std::set<uint32_t> sa = NounVerbSenses(a);
  if (sa.empty()) return false;
  for (uint32_t s : NounVerbSenses(b)) {
    if (sa.count(s)) return true;
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
