#include "bench/macro/synthetic_corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string_view>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/divergence/date_detector.h"
#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::bench {
namespace {

namespace fs = std::filesystem;
using Words = std::vector<std::string>;

Words SplitWords(const std::string& s) {
  Words out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string Join(const Words& w) {
  std::string out;
  for (const std::string& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

// Adds the 8..40-word, single-line, ASCII-mostly sentences of `text` to `out`.
void AddSentences(const std::string& text, std::set<std::string>& out) {
  for (const text::Span& sp : text::SplitSentences(text)) {
    std::string s = Join(SplitWords(text.substr(sp.begin, sp.end - sp.begin)));
    size_t words = std::count(s.begin(), s.end(), ' ') + 1;
    if (words < 8 || words > 40 || s.find("http") != std::string::npos) continue;
    out.insert(s);
  }
}

// Every string under the JSON keys in `keys` (recursively), passed to AddSentences.
void AddJsonTexts(const nlohmann::json& j, const std::set<std::string>& keys, bool take,
                  std::set<std::string>& out) {
  if (j.is_string()) {
    if (take) AddSentences(j.get<std::string>(), out);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      AddJsonTexts(it.value(), keys, take || keys.count(it.key()), out);
    }
  } else if (j.is_array()) {
    for (const auto& x : j) AddJsonTexts(x, keys, take, out);
  }
}

const std::map<std::string, std::string>& Synonyms() {
  static const std::map<std::string, std::string> table = [] {
    const char* pairs[][2] = {
        {"said", "stated"},       {"says", "states"},         {"told", "informed"},
        {"big", "large"},         {"large", "big"},           {"small", "little"},
        {"began", "started"},     {"start", "begin"},         {"started", "began"},
        {"ended", "finished"},    {"rose", "increased"},      {"fell", "dropped"},
        {"increase", "rise"},     {"decrease", "drop"},       {"show", "indicate"},
        {"shows", "indicates"},   {"showed", "indicated"},    {"help", "assist"},
        {"buy", "purchase"},      {"bought", "purchased"},    {"people", "individuals"},
        {"officials", "authorities"}, {"government", "administration"},
        {"country", "nation"},    {"important", "significant"}, {"major", "key"},
        {"quickly", "rapidly"},   {"recent", "latest"},       {"recently", "lately"},
        {"often", "frequently"},  {"about", "roughly"},       {"nearly", "almost"},
        {"more", "additional"},   {"need", "require"},        {"needs", "requires"},
        {"plan", "proposal"},     {"plans", "proposals"},     {"attack", "assault"},
        {"killed", "slain"},      {"died", "perished"},       {"received", "got"},
        {"called", "termed"},     {"claimed", "asserted"},    {"announced", "declared"},
        {"reported", "stated"},   {"added", "noted"},         {"also", "additionally"},
        {"however", "but"},       {"because", "since"},       {"after", "following"},
        {"before", "prior to"},   {"during", "throughout"},   {"against", "versus"},
        {"help", "aid"},          {"law", "legislation"},     {"election", "vote"},
        {"leader", "head"},       {"group", "organization"},  {"company", "firm"},
        {"city", "town"},         {"children", "kids"},       {"house", "home"},
        {"police", "officers"},   {"lawmakers", "legislators"}, {"video", "footage"},
        {"statement", "announcement"}, {"decision", "ruling"}, {"wanted", "sought"},
        {"tried", "attempted"},   {"think", "believe"},       {"thinks", "believes"},
        {"lot", "great deal"},    {"first", "initial"},       {"final", "last"}};
    std::map<std::string, std::string> m;
    for (auto& p : pairs) m.emplace(p[0], p[1]);
    return m;
  }();
  return table;
}

bool IsFiller(const std::string& w) {
  static const std::set<std::string> kFiller = {"the", "a", "an", "that", "also", "very",
                                                "just", "really", "still", "now", "then"};
  return kFiller.count(w) > 0;
}

bool IsNumber(const std::string& w) {
  bool digit = false;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit && std::isdigit(static_cast<unsigned char>(w.front()));
}

std::string StripPunct(const std::string& w, std::string* tail) {
  size_t e = w.size();
  while (e > 0 && std::ispunct(static_cast<unsigned char>(w[e - 1])) && w[e - 1] != '%') --e;
  if (tail) *tail = w.substr(e);
  return w.substr(0, e);
}

bool DropWord(Words& w, std::mt19937_64& rng) {
  if (w.size() < 6) return false;
  std::vector<size_t> filler;
  for (size_t i = 1; i < w.size(); ++i) {
    if (IsFiller(w[i])) filler.push_back(i);
  }
  size_t at = filler.empty() ? 1 + rng() % (w.size() - 2) : filler[rng() % filler.size()];
  if (IsNumber(StripPunct(w[at], nullptr))) return false;
  w.erase(w.begin() + static_cast<long>(at));
  return true;
}

bool SwapSynonym(Words& w, std::mt19937_64& rng) {
  std::vector<size_t> hits;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Synonyms().count(StripPunct(w[i], nullptr))) hits.push_back(i);
  }
  if (hits.empty()) return false;
  size_t at = hits[rng() % hits.size()];
  std::string tail;
  std::string core = StripPunct(w[at], &tail);
  w[at] = Synonyms().at(core) + tail;
  return true;
}

// "A b c, d e f." -> "D e f, a b c."
bool ReorderClauses(Words& w) {
  for (size_t i = w.size() / 3; i + 3 < w.size(); ++i) {
    if (w[i].size() < 2 || w[i].back() != ',') continue;
    Words out(w.begin() + static_cast<long>(i) + 1, w.end());
    std::string tail;
    out.back() = StripPunct(out.back(), &tail) + ",";
    Words head(w.begin(), w.begin() + static_cast<long>(i) + 1);
    head.back() = StripPunct(head.back(), nullptr) + (tail.empty() ? "." : tail);
    if (head.front().size() > 1 && std::isupper(static_cast<unsigned char>(head.front()[0])) &&
        std::islower(static_cast<unsigned char>(head.front()[1]))) {
      head.front()[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(head.front()[0])));
    }
    out.front()[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front()[0])));
    out.insert(out.end(), head.begin(), head.end());
    w = std::move(out);
    return true;
  }
  return false;
}

std::string Paraphrase(const std::string& base, std::mt19937_64& rng) {
  Words w = SplitWords(base);
  int applied = 0;
  int order = static_cast<int>(rng() % 3);
  for (int t = 0; t < 3 && applied < 2; ++t) {
    int op = (order + t) % 3;
    bool ok = op == 0 ? DropWord(w, rng) : op == 1 ? SwapSynonym(w, rng) : ReorderClauses(w);
    applied += ok;
  }
  std::string out = Join(w);
  if (out == base && w.size() > 3) {
    w.erase(w.begin() + 1);
    out = Join(w);
  }
  return out;
}

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

// True when word `word` of `text` (words split on spaces) lies in the point date of a
// one-off event: an absolute date ("in March 2014", "on May 5, 1992") bound to a historical
// event word (founded, signed, born, died, elected, attacked, opened; lexicon.h). Changing
// such a date is what a reader calls a divergence; changing "since 2008", "the 2012
// election" or a month in a recurring context is not (issue 19: 0.09 date recall came from
// injecting those).
bool DatesOneOffEvent(const std::string& text, size_t word) {
  size_t begin = 0;
  for (size_t w = 0; w < word; ++w) begin = text.find(' ', begin) + 1;
  text::PartialDate published;
  published.year = 2020;
  published.month = 3;
  published.day = 15;
  const divergence::Side side = divergence::MakeSide(text, published, "", "");
  for (const divergence::DatedEvent& e : divergence::FindDatedEvents(side)) {
    if (e.date.relative || e.date.role != text::DateRole::kPoint) continue;
    if (!divergence::IsHistoricalEventClass(e.event_class)) continue;
    if (begin >= e.date.begin && begin < e.date.end) return true;
  }
  return false;
}

// Applies one divergence of a kind the text allows (tried from `first`), or kOther.
report::DivergenceKind InjectDivergence(std::string& text, int first) {
  static const std::set<std::string> kAux = {"is",  "was",   "are",   "were",   "will",
                                             "has", "have",  "had",   "can",    "would",
                                             "could", "should", "did", "does"};
  Words w = SplitWords(text);
  for (int t = 0; t < 3; ++t) {
    int kind = (first + t) % 3;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string tail;
      std::string core = StripPunct(w[i], &tail);
      bool year = core.size() == 4 && IsNumber(core) && core >= "1900" && core <= "2099";
      if (kind == 0 && IsNumber(core) && !year && core.find('.') == std::string::npos) {
        std::string digits;
        for (char c : core) if (c != ',') digits += c;
        if (digits.size() > 9) continue;
        w[i] = std::to_string(std::stoll(digits) * 2 + 3) + tail;
        text = Join(w);
        return report::DivergenceKind::kNumeric;
      }
      if (kind == 1 && (year || std::find(std::begin(kMonths), std::end(kMonths), core) !=
                                    std::end(kMonths)) &&
          DatesOneOffEvent(text, i)) {
        if (year) {
          w[i] = std::to_string(std::stoi(core) - 3) + tail;
        } else {
          int m = static_cast<int>(std::find(std::begin(kMonths), std::end(kMonths), core) -
                                   std::begin(kMonths));
          w[i] = std::string(kMonths[(m + 5) % 12]) + tail;
        }
        text = Join(w);
        return report::DivergenceKind::kDate;
      }
      if (kind == 2 && tail.empty() && kAux.count(core) && i + 1 < w.size() &&
          w[i + 1] != "not" && w[i + 1] != "no" && w[i + 1] != "never") {
        w.insert(w.begin() + static_cast<long>(i) + 1, "not");
        text = Join(w);
        return report::DivergenceKind::kNegation;
      }
    }
  }
  return report::DivergenceKind::kOther;
}

}  // namespace

Result<std::vector<std::string>> LoadSourceSentences(const std::string& data_dir) {
  std::set<std::string> found;
  bool any = false;
  if (Result<std::string> csv = ReadFile(data_dir + "/fnc1/train_bodies.csv"); csv.ok()) {
    any = true;
    auto rows = ParseCsv(*csv);
    for (size_t r = 1; r < rows.size(); ++r) {
      if (rows[r].size() >= 2) AddSentences(rows[r][1], found);
    }
  }
  std::error_code ec;
  const std::set<std::string> kBasilKeys = {"body-paragraphs"};
  if (fs::is_directory(data_dir + "/basil/articles", ec)) {
    any = true;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(data_dir + "/basil/articles", ec)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    for (const fs::path& p : files) {
      Result<std::string> t = ReadFile(p.string());
      if (!t.ok()) continue;
      auto j = nlohmann::json::parse(*t, nullptr, false);
      if (!j.is_discarded()) AddJsonTexts(j, kBasilKeys, false, found);
    }
  }
  const std::set<std::string> kAllSidesKeys = {"roundup", "newBody"};
  if (fs::is_directory(data_dir + "/allsides_neus", ec)) {
    for (const auto& e : fs::directory_iterator(data_dir + "/allsides_neus", ec)) {
      if (e.path().extension() != ".jsonl") continue;
      any = true;
      std::ifstream in(e.path());
      for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_discarded()) AddJsonTexts(j, kAllSidesKeys, false, found);
      }
    }
  }
  if (!any || found.empty()) {
    return Status::NotFound("no source sentences under " + data_dir +
                            " (fnc1, basil or allsides_neus)");
  }
  std::vector<std::pair<uint64_t, std::string>> keyed;
  for (const std::string& s : found) keyed.emplace_back(StableHash(s), s);
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [k, s] : keyed) out.push_back(std::move(s));
  return out;
}

SyntheticCorpus MakeSyntheticCorpus(const std::vector<std::string>& sentences,
                                    const CorpusSpec& spec) {
  SyntheticCorpus c;
  std::mt19937_64 rng(spec.seed);
  const int64_t n = spec.statements;
  c.documents = static_cast<int32_t>(std::max<int64_t>(spec.max_group * 2,
                                                       n / spec.statements_per_document));
  // Plan groups: sizes 2..max_group until grouped_fraction of n is used.
  std::vector<int> sizes;
  int64_t grouped = 0, target = static_cast<int64_t>(spec.grouped_fraction * n);
  while (grouped + 2 <= target) {
    int s = 2 + static_cast<int>(rng() % (spec.max_group - 1));
    s = static_cast<int>(std::min<int64_t>(s, target - grouped));
    sizes.push_back(s);
    grouped += s;
  }
  const int64_t bases = static_cast<int64_t>(sizes.size()) + (n - grouped);
  const int64_t S = static_cast<int64_t>(sentences.size());
  auto base_text = [&](int64_t k) -> std::string {
    if (k < S) return sentences[k];
    ++c.spliced_bases;
    int64_t a = k % S, r = k / S;
    int64_t b = (a + 1 + (r * 7919) % (S - 1)) % S;
    Words wa = SplitWords(sentences[a]), wb = SplitWords(sentences[b]);
    Words out(wa.begin(), wa.begin() + static_cast<long>(wa.size() / 2));
    out.insert(out.end(), wb.begin() + static_cast<long>(wb.size() / 2), wb.end());
    return Join(out);
  };
  std::vector<int64_t> order(static_cast<size_t>(bases));
  for (int64_t i = 0; i < bases; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);

  struct Row {
    std::string text;
    int32_t doc;
    int64_t group;
  };
  std::vector<Row> rows;
  rows.reserve(static_cast<size_t>(n));
  std::vector<std::pair<int64_t, std::pair<int64_t, report::DivergenceKind>>>
      inj;  // rows pre-shuffle
  int64_t next_base = 0;
  // Stories: runs of story_documents consecutive documents (the outlets covering one
  // event); a group's members sit in distinct documents of one story.
  const int32_t per_story = std::max(spec.max_group, spec.story_documents);
  const int32_t stories = std::max<int32_t>(1, c.documents / per_story);
  for (size_t g = 0; g < sizes.size(); ++g) {
    std::string base = base_text(order[next_base++]);
    std::set<int32_t> used;
    int64_t first = static_cast<int64_t>(rows.size());
    const int32_t story = static_cast<int32_t>(rng() % stories);
    const int32_t story_docs =
        story + 1 < stories ? per_story : c.documents - story * per_story;
    for (int m = 0; m < sizes[g]; ++m) {
      int32_t d;
      do d = story * per_story + static_cast<int32_t>(rng() % story_docs);
      while (!used.insert(d).second);
      rows.push_back({m == 0 ? base : Paraphrase(base, rng), d, static_cast<int64_t>(g)});
    }
    if (std::uniform_real_distribution<double>(0, 1)(rng) < spec.divergence_fraction) {
      report::DivergenceKind k = InjectDivergence(rows.back().text, static_cast<int>(rng() % 3));
      if (k != report::DivergenceKind::kOther) {
        inj.push_back({first, {static_cast<int64_t>(rows.size()) - 1, k}});
      }
    }
  }
  for (int64_t g = static_cast<int64_t>(sizes.size()); next_base < bases; ++g) {
    rows.push_back({base_text(order[next_base++]), static_cast<int32_t>(rng() % c.documents), g});
  }
  // Shuffle rows; keep the injected pairs pointing at their rows.
  std::vector<int64_t> perm(rows.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = static_cast<int64_t>(i);
  std::shuffle(perm.begin(), perm.end(), rng);
  std::vector<int32_t> where(rows.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    Row& r = rows[perm[i]];
    where[perm[i]] = static_cast<int32_t>(i);
    c.text.push_back(std::move(r.text));
    c.doc.push_back(r.doc);
    c.group.push_back(r.group);
  }
  for (auto& [a, bk] : inj) c.injected.push_back({where[a], where[bk.first], bk.second});
  return c;
}

}  // namespace diverge::bench
