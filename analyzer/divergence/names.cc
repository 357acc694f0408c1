#include "analyzer/divergence/names.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "analyzer/base/stable_hash.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/unicode.h"

namespace diverge::divergence {
namespace {

bool IsTitleWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kTitles = {
      "president",   "secretary",    "general",    "minister", "prime",   "deputy",
      "chairman",    "chairwoman",   "director",   "chief",    "head",    "spokesman",
      "spokeswoman", "spokesperson", "mr",         "mrs",      "ms",      "dr",
      "sir",         "king",         "queen",      "prince",   "senator", "governor",
      "mayor",       "ambassador",   "commander",  "colonel",  "gen",     "foreign",
      "defense",     "defence",      "security",   "council",  "the",     "former",
      "vice",        "leader",       "chancellor", "judge",    "justice", "professor",
      "prof",        "lt",           "sgt",        "captain",  "major",   "admiral"};
  return kTitles.count(lower) > 0;
}

bool AllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int Find(int x) { return p[x] == x ? x : p[x] = Find(p[x]); }
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::string FoldName(std::string_view token) {
  std::string s;
  for (char c : text::NameKey(token)) {
    if (c != '-' && c != '\'') s += c;
  }
  auto replace = [&](std::string_view from, std::string_view to) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
      s.replace(pos, from.size(), to);
      pos += to.size();
    }
  };
  replace("kh", "h");
  replace("tz", "ts");
  replace("ph", "f");
  replace("ck", "k");
  replace("w", "v");
  replace("ou", "u");
  replace("y", "i");
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = int(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = int(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

void NameResolver::AddText(std::string_view text) { AddTokens(text::Tokenize(text)); }

void NameResolver::AddTokens(std::span<const text::Token> tokens) {
  size_t i = 0;
  while (i < tokens.size()) {
    if (!tokens[i].IsWord() || !tokens[i].cap) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tokens.size() && tokens[j].IsWord() && tokens[j].cap) ++j;
    // run [i, j)
    for (size_t k = i; k < j; ++k) {
      ++token_count_[tokens[k].text];
      if (k > i) neighbours_[tokens[k].text].insert("<" + FoldName(tokens[k - 1].text));
      if (k + 1 < j) neighbours_[tokens[k].text].insert(">" + FoldName(tokens[k + 1].text));
    }
    size_t b = i;
    while (b < j && (IsTitleWord(tokens[b].lower) || AllCaps(tokens[b].text))) ++b;
    if (j - b >= 2 && j - b <= 3) {
      std::string name;
      for (size_t k = b; k < j; ++k) name += (k > b ? " " : "") + tokens[k].text;
      ++name_count_[name];
    }
    i = j;
  }
}

void NameResolver::Build() {
  std::vector<std::string> tokens;
  for (const auto& [tok, count] : token_count_) tokens.push_back(tok);
  std::vector<std::string> folded;
  for (const auto& t : tokens) folded.push_back(FoldName(t));
  UnionFind uf(tokens.size());
  for (size_t a = 0; a < tokens.size(); ++a) {
    if (tokens[a].size() < 4 || AllCaps(tokens[a])) continue;
    for (size_t b = a + 1; b < tokens.size(); ++b) {
      if (tokens[b].size() < 4 || AllCaps(tokens[b])) continue;
      if (folded[a].empty() || folded[b].empty() || folded[a][0] != folded[b][0]) continue;
      if (folded[a] == folded[b]) {
        uf.Join(int(a), int(b));
        continue;
      }
      if (std::min(folded[a].size(), folded[b].size()) < 6) continue;
      if (EditDistance(folded[a], folded[b]) > 1) continue;
      const auto& na = neighbours_[tokens[a]];
      const auto& nb = neighbours_[tokens[b]];
      bool shared =
          std::any_of(na.begin(), na.end(), [&](const std::string& x) { return nb.count(x) > 0; });
      if (shared) uf.Join(int(a), int(b));
    }
  }
  std::map<int, std::string> best;
  for (size_t a = 0; a < tokens.size(); ++a) {
    int root = uf.Find(int(a));
    auto it = best.find(root);
    if (it == best.end() || token_count_[tokens[a]] > token_count_[it->second] ||
        (token_count_[tokens[a]] == token_count_[it->second] && tokens[a] < it->second)) {
      best[root] = tokens[a];
    }
  }
  canonical_.clear();
  for (size_t a = 0; a < tokens.size(); ++a) {
    const std::string& c = best[uf.Find(int(a))];
    if (c != tokens[a]) canonical_[tokens[a]] = c;
  }
}

std::string NameResolver::Canonical(std::string_view token) const {
  auto it = canonical_.find(std::string(token));
  return it == canonical_.end() ? std::string(token) : it->second;
}

std::vector<report::Entity> NameResolver::Entities() const {
  std::map<std::string, std::vector<std::pair<std::string, int>>> groups;
  for (const auto& [name, count] : name_count_) {
    std::string key;
    size_t start = 0;
    while (start <= name.size()) {
      size_t sp = name.find(' ', start);
      if (sp == std::string::npos) sp = name.size();
      key += Canonical(name.substr(start, sp - start)) + " ";
      start = sp + 1;
    }
    groups[key].emplace_back(name, count);
  }
  std::vector<report::Entity> out;
  for (auto& [key, spellings] : groups) {
    if (spellings.size() < 2) continue;
    std::sort(spellings.begin(), spellings.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    report::Entity e;
    e.canonical = spellings[0].first;
    for (size_t i = 1; i < spellings.size(); ++i) e.variants.push_back(spellings[i].first);
    std::sort(e.variants.begin(), e.variants.end());
    e.id = MakeId("e", {e.canonical});
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const report::Entity& x, const report::Entity& y) { return x.id < y.id; });
  return out;
}

}  // namespace diverge::divergence
