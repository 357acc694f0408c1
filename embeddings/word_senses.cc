#include "embeddings/word_senses.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace diverge::embeddings {
namespace {

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Intersects(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  // Disjoint ranges (often: synset ids start with their part of speech) share nothing.
  if (a.empty() || b.empty() || a.back() < b.front() || b.back() < a.front()) return false;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j]) ++i;
    else ++j;
  }
  return false;
}

IdFilter Filter(const std::vector<uint32_t>& ids) {
  IdFilter f;
  for (uint32_t id : ids) f.Add(id);
  return f;
}

// Whether sorted lists a and b (with filters fa and fb) share an id.
bool Intersects(const std::vector<uint32_t>& a, const IdFilter& fa, const std::vector<uint32_t>& b,
                const IdFilter& fb) {
  return fa.MayShare(fb) && Intersects(a, b);
}

bool SingleWord(const std::string& lemma) { return lemma.find('_') == std::string::npos; }

}  // namespace

void IdFilter::Add(uint32_t id) {
  const uint32_t h = static_cast<uint32_t>((id * 0x9E3779B97F4A7C15ull) >> 56);  // 0..255
  bits[h >> 6] |= uint64_t{1} << (h & 63);
}

struct WordSenses::Cache {
  std::shared_mutex mutex;
  std::unordered_map<std::string, WordSenseSets> entries;  // node-based: stable addresses
};

WordSenses::WordSenses(std::shared_ptr<const WordNetDb> db)
    : db_(std::move(db)), cache_(std::make_shared<Cache>()) {
  for (const auto& [lemma, synsets] : db_->index()) lemmas_ += SingleWord(lemma) ? 1 : 0;
}

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
  Result<WordNetDb> db = WordNetDb::Load(dir);
  if (!db.ok()) return db.status();
  return WordSenses(std::make_shared<const WordNetDb>(std::move(*db)));
}

const WordSenses* WordSenses::Default() {
  static const std::unique_ptr<WordSenses> instance =
      WordNetDb::Shared() ? std::unique_ptr<WordSenses>(new WordSenses(WordNetDb::Shared()))
                          : nullptr;
  return instance.get();
}

void WordSenses::AddLemma(const std::string& lemma, int pos_mask,
                          std::vector<uint32_t>* out) const {
  if (!SingleWord(lemma)) return;
  auto it = db_->index().find(lemma);
  if (it == db_->index().end()) return;
  int taken[4] = {0, 0, 0, 0};  // the most frequent kMaxSenses per part of speech
  for (uint32_t s : it->second) {
    const int pos = WordNetDb::PosOf(s);
    if (taken[pos]++ < kMaxSenses && (pos_mask & (1 << pos))) out->push_back(s);
  }
}

void WordSenses::AddTargets(uint32_t synset, WordNetPointer::Kind kind,
                            std::vector<uint32_t>* out) const {
  auto it = db_->synsets().find(synset);
  if (it == db_->synsets().end()) return;
  for (const WordNetPointer& p : it->second.pointers) {
    if (p.kind == kind) out->push_back(p.target);
  }
}

WordSenseSets WordSenses::Lookup(std::string_view lower) const {
  WordSenseSets out;
  for (const auto& c : db_->Morphy(lower)) AddLemma(c.lemma, c.pos_mask, &out.synsets);
  SortUnique(&out.synsets);
  for (uint32_t s : out.synsets) {
    AddTargets(s, WordNetPointer::kHypernym, &out.hypernyms);
    AddTargets(s, WordNetPointer::kAntonym, &out.antonyms);
    // An adjective satellite's antonyms are its head's (big -> large -> small).
    std::vector<uint32_t> heads;
    AddTargets(s, WordNetPointer::kSimilar, &heads);
    for (uint32_t head : heads) AddTargets(head, WordNetPointer::kAntonym, &out.antonyms);
  }
  size_t from = 0;
  for (int level = 1; level < kHypernymLevels; ++level) {
    const size_t to = out.hypernyms.size();
    for (size_t k = from; k < to; ++k) {
      AddTargets(out.hypernyms[k], WordNetPointer::kHypernym, &out.hypernyms);
    }
    from = to;
  }
  SortUnique(&out.hypernyms);
  SortUnique(&out.antonyms);
  out.synset_filter = Filter(out.synsets);
  out.hypernym_filter = Filter(out.hypernyms);
  out.antonym_filter = Filter(out.antonyms);
  return out;
}

WordRelation Relate(const WordSenseSets& a, const WordSenseSets& b) {
  if (a.empty() || b.empty()) return WordRelation::kNone;
  if (Intersects(a.synsets, a.synset_filter, b.synsets, b.synset_filter)) {
    return WordRelation::kSynonym;
  }
  if (Intersects(a.synsets, a.synset_filter, b.hypernyms, b.hypernym_filter) ||
      Intersects(a.hypernyms, a.hypernym_filter, b.synsets, b.synset_filter)) {
    return WordRelation::kHypernym;
  }
  if (Intersects(a.antonyms, a.antonym_filter, b.synsets, b.synset_filter) ||
      Intersects(a.synsets, a.synset_filter, b.antonyms, b.antonym_filter)) {
    return WordRelation::kAntonym;
  }
  return WordRelation::kNone;
}

int CoarsePos(const WordSenseSets* senses, std::string_view word) {
  if (senses == nullptr || senses->empty()) return 0;
  bool noun = false, verb = false;
  for (uint32_t syn : senses->synsets) {
    noun = noun || WordNetDb::PosOf(syn) == 0;
    verb = verb || WordNetDb::PosOf(syn) == 1;
  }
  const bool ing = word.size() > 4 && word.substr(word.size() - 3) == "ing";
  if (verb && (ing || !noun)) return 2;
  return noun ? 1 : 0;
}

}  // namespace diverge::embeddings
