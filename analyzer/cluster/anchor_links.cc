#include "analyzer/cluster/anchor_links.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "analyzer/base/parallel_for.h"
#include "analyzer/cluster/knn_internal.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::cluster {
namespace {

using knn_internal::KeyOf;

struct Token {
  std::string word;       // as written, possessive 's dropped
  bool space_before;      // only whitespace separates it from the previous token
  bool at_start;          // the first token of the text
  bool after_opener;      // right after an opening quote, bracket or colon: a new
                          // sentence may start there ("“More than two million”")
};

// Opening quotes, brackets and a colon: a new sentence may start after them.
bool IsOpener(std::string_view p) {
  return p == "\"" || p == "(" || p == "[" || p == ":" || p == "\xE2\x80\x98" ||
         p == "\xE2\x80\x9C" || p == "\xC2\xAB";  // « too
}

bool IsJoiner(std::string_view p) { return p == "-" || p == "'" || p == "\xE2\x80\x99"; }

// A piece of a word as written, with the curly apostrophe as '.
std::string Piece(std::string_view written) {
  std::string out;
  for (size_t i = 0; i < written.size(); ++i) {
    if (written.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += written[i];
    }
  }
  return out;
}

// The words of `s` as the name anchors read them, built from the text layer's tokens:
// words and numbers, with pieces that touch joined back into one word ("5th") and across
// a hyphen or apostrophe between two touching pieces ("COVID-19", "don't", "Al-Haouz");
// a possessive "'s" / "’s" ends the word and is dropped.
std::vector<Token> AnchorWords(std::string_view s) {
  const std::vector<text::Token> toks = text::Tokenize(s);
  std::vector<Token> out;
  bool space_only = true;  // nothing but whitespace since the previous word
  bool opener = false;
  bool open_word = false;  // the last word may still grow by a touching piece
  size_t end = 0;          // where the last word's last piece ends
  for (size_t k = 0; k < toks.size(); ++k) {
    const text::Token& t = toks[k];
    if (t.kind == text::TokenKind::kPunct && t.text == "\xC2\xAD") {
      if (open_word && t.begin == end) end = t.end;
      continue;  // a soft hyphen is invisible: "Global\u00ADPost" is one word
    }
    if (t.kind == text::TokenKind::kPunct) {
      const bool joins = open_word && t.begin == end && IsJoiner(t.text) && k + 1 < toks.size() &&
                         toks[k + 1].kind != text::TokenKind::kPunct &&
                         toks[k + 1].begin == t.end && toks[k + 1].lower != "'s";
      const bool possessive = joins && t.text != "-" &&
                              (toks[k + 1].text == "s" || toks[k + 1].text == "S") &&
                              (k + 2 >= toks.size() || toks[k + 2].begin != toks[k + 1].end ||
                               toks[k + 2].kind == text::TokenKind::kPunct);
      if (possessive) {  // "1990's": the text layer splits only a word's "'s"
        open_word = false;
        ++k;
        continue;
      }
      if (joins) {
        out.back().word += t.text == "-" ? '-' : '\'';
        end = t.end;
        continue;
      }
      space_only = false;
      opener = IsOpener(t.text);
      open_word = false;
      continue;
    }
    if (open_word && t.begin == end) {
      if (t.lower == "'s") {  // possessive
        open_word = false;
        continue;
      }
      out.back().word += Piece(t.text);
      end = t.end;
      continue;
    }
    out.push_back({Piece(t.text), space_only && !out.empty(), out.empty(), opener});
    space_only = true;
    opener = false;
    open_word = true;
    end = t.end;
  }
  return out;
}

std::string Fold(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Capitalised(const std::string& w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

// Closed-class words that start a sentence capitalised without being part of a name.
constexpr std::array<std::string_view, 44> kFunctionWords = {
    "a",     "according", "after", "also",  "an",    "and",     "as",    "at",    "before",
    "but",   "by",        "during", "for",  "from",  "he",      "her",   "his",   "however",
    "i",     "if",        "in",    "it",    "its",   "mr",      "mrs",   "ms",    "of",
    "on",    "or",        "our",   "she",   "so",    "that",    "the",   "their", "these",
    "they",  "this",      "those", "to",    "we",    "when",    "while", "with"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Most words capitalised: a headline in title case, where capitals say nothing.
bool TitleCase(const std::vector<Token>& toks) {
  int words = 0, caps = 0;
  for (const Token& t : toks) {
    if (!std::isalpha(static_cast<unsigned char>(t.word[0]))) continue;
    if (In(kFunctionWords, Fold(t.word))) continue;
    ++words;
    caps += Capitalised(t.word);
  }
  return words >= 4 && caps * 100 >= words * 85;
}

struct Run {
  std::vector<std::string> words;  // as written
  bool at_start = false;
};

// Runs of capitalised words joined by whitespace (an "of" between two capitalised words
// stays inside), leading function words dropped.
std::vector<Run> CapitalRuns(const std::vector<Token>& toks) {
  std::vector<Run> runs;
  Run cur;
  auto flush = [&] {
    while (!cur.words.empty() && In(kFunctionWords, Fold(cur.words.front()))) {
      cur.words.erase(cur.words.begin());
    }
    if (!cur.words.empty()) runs.push_back(cur);
    cur = Run{};
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    const bool cap = Capitalised(t.word);
    const bool joins = !cur.words.empty() && t.space_before;
    if (cap && joins) {
      cur.words.push_back(t.word);
    } else if (t.word == "of" && joins && k + 1 < toks.size() && toks[k + 1].space_before &&
               Capitalised(toks[k + 1].word)) {
      cur.words.push_back(t.word);
    } else {
      flush();
      if (cap) {
        cur.words.push_back(t.word);
        cur.at_start = t.at_start;
      }
    }
  }
  flush();
  return runs;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + Fold(w);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DefinedAcronyms(
    std::span<const std::string> texts) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& text : texts) {
    for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
      const size_t close = text.find(')', open);
      if (close == std::string::npos || close - open < 3 || close - open > 9) continue;
      const std::string acr = text.substr(open + 1, close - open - 1);
      if (!std::all_of(acr.begin(), acr.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) {
        continue;
      }
      std::vector<Run> runs = CapitalRuns(AnchorWords(std::string_view(text).substr(0, open)));
      if (runs.empty()) continue;
      // The run must end right before the parenthesis and its initials spell the acronym.
      std::vector<std::string> words = runs.back().words;
      std::string initials;
      for (const std::string& w : words) {
        if (w != "of") initials.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(w[0]))));
      }
      if (initials.size() < acr.size()) continue;
      if (initials.compare(initials.size() - acr.size(), acr.size(), acr) != 0) continue;
      // Only whitespace between the run's last word and the parenthesis.
      std::string_view before = std::string_view(text).substr(0, open);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const std::string& last = words.back();
      if (before.size() < last.size() || before.substr(before.size() - last.size()) != last) continue;
      // Keep the words the acronym spells (drop extra leading capitalised words).
      size_t spelled = 0, first = words.size();
      while (first > 0 && spelled < acr.size()) {
        --first;
        if (words[first] != "of") ++spelled;
      }
      std::vector<std::string> name(words.begin() + static_cast<long>(first), words.end());
      out.emplace_back(Join(name), Fold(acr));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> MidSentenceNames(std::span<const std::string> texts) {
  std::vector<std::string> out;
  for (const std::string& text : texts) {
    std::vector<Token> toks = AnchorWords(text);
    if (TitleCase(toks)) continue;
    for (const Token& t : toks) {
      if (!t.at_start && !t.after_opener && Capitalised(t.word)) out.push_back(Fold(t.word));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> ExtractAnchors(
    std::string_view text, std::span<const std::string> names,
    std::span<const std::pair<std::string, std::string>> acronyms) {
  std::vector<Token> toks = AnchorWords(text);
  std::vector<std::string> out;
  if (TitleCase(toks)) return out;
  for (const Run& run : CapitalRuns(toks)) {
    std::string anchor = Join(run.words);
    if (run.words.size() == 1) {
      if (text::MonthNumber(anchor) > 0 || text::Weekday(anchor) >= 0) continue;
      if (run.at_start && !std::binary_search(names.begin(), names.end(), anchor)) continue;
    }
    auto alias = std::lower_bound(acronyms.begin(), acronyms.end(),
                                  std::pair<std::string, std::string>{anchor, ""});
    if (alias != acronyms.end() && alias->first == anchor) anchor = alias->second;
    out.push_back(std::move(anchor));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::vector<std::string>> CorpusAnchors(std::span<const std::string> texts) {
  const auto acronyms = DefinedAcronyms(texts);
  const auto names = MidSentenceNames(texts);
  std::vector<std::vector<std::string>> out;
  out.reserve(texts.size());
  for (const std::string& t : texts) out.push_back(ExtractAnchors(t, names, acronyms));
  return out;
}

std::map<std::string, std::vector<int32_t>> RareAnchorHolders(
    const std::vector<std::vector<std::string>>& anchors, const std::vector<char>& eligible,
    const AnchorOptions& options, std::span<const int32_t> group_of_row) {
  auto group = [&](size_t i) { return group_of_row.empty() ? 0 : group_of_row[i]; };
  // (anchor, group) -> holders, and eligible rows per group.
  std::map<std::pair<std::string_view, int32_t>, std::vector<int32_t>> holders;
  std::map<int32_t, int64_t> n_eligible;
  for (size_t i = 0; i < anchors.size(); ++i) {
    if (!eligible[i]) continue;
    ++n_eligible[group(i)];
    for (const std::string& a : anchors[i]) {
      holders[{a, group(i)}].push_back(static_cast<int32_t>(i));
    }
  }
  std::map<std::string, std::vector<int32_t>> out;
  for (auto& [key, rows] : holders) {
    if (static_cast<double>(rows.size()) > options.MaxHolders(n_eligible[key.second])) continue;
    std::vector<int32_t>& to = out[std::string(key.first)];
    to.insert(to.end(), rows.begin(), rows.end());
  }
  for (auto& [anchor, rows] : out) std::sort(rows.begin(), rows.end());
  return out;
}

std::vector<std::vector<int32_t>> AttachAnchored(
    std::vector<std::vector<int32_t>> groups,
    std::span<const std::pair<int32_t, int32_t>> candidates, const std::vector<int32_t>& doc_of_row,
    const std::vector<char>& eligible, const PairScore& pair_score,
    std::span<const uint64_t> row_keys, const AnchorOptions& options, int threads) {
  const size_t n = doc_of_row.size();
  if (!pair_score || eligible.size() != n) return groups;
  std::vector<int32_t> owner(n, -1);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (int32_t r : groups[g]) owner[r] = static_cast<int32_t>(g);
  }
  auto ordered = [&](int32_t i, int32_t j) {
    return KeyOf(row_keys, i) < KeyOf(row_keys, j) ? std::make_pair(i, j) : std::make_pair(j, i);
  };
  // Candidates that may link, each once, in a canonical order (smaller key first).
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (const auto& [a, b] : candidates) {
    if (a == b || a < 0 || b < 0 || static_cast<size_t>(a) >= n || static_cast<size_t>(b) >= n) {
      continue;
    }
    if (!eligible[a] || !eligible[b] || doc_of_row[a] == doc_of_row[b]) continue;
    if (owner[a] >= 0 && owner[b] >= 0) continue;
    pairs.push_back(ordered(a, b));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<float> scores(pairs.size());
  ParallelFor(threads, static_cast<int64_t>(pairs.size()),
              [&](int64_t p) { scores[p] = pair_score(pairs[p].first, pairs[p].second); });

  // Best partner of each row in each other document: highest score, ties smaller key.
  struct Best {
    float score;
    int32_t row;
  };
  std::map<std::pair<int32_t, int32_t>, Best> best;  // (row, document) -> partner
  auto offer = [&](int32_t i, int32_t j, float s) {
    auto [it, fresh] = best.try_emplace({i, doc_of_row[j]}, Best{s, j});
    if (fresh) return;
    Best& b = it->second;
    if (s > b.score || (s == b.score && KeyOf(row_keys, j) < KeyOf(row_keys, b.row))) b = {s, j};
  };
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (scores[p] < options.min_score) continue;
    offer(pairs[p].first, pairs[p].second, scores[p]);
    offer(pairs[p].second, pairs[p].first, scores[p]);
  }
  struct Link {
    float score;
    uint64_t key_a, key_b;
    int32_t a, b;
  };
  std::vector<Link> links;
  for (size_t p = 0; p < pairs.size(); ++p) {
    if (scores[p] < options.min_score) continue;
    const auto [i, j] = pairs[p];
    if (best.at({i, doc_of_row[j]}).row != j || best.at({j, doc_of_row[i]}).row != i) continue;
    links.push_back({scores[p], KeyOf(row_keys, i), KeyOf(row_keys, j), i, j});
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    if (x.score != y.score) return x.score > y.score;
    return std::tie(x.key_a, x.key_b) < std::tie(y.key_a, y.key_b);
  });
  // Mean score of free row x to group g (its first kMaxCompared members, in the order they
  // joined), with the already known score of its partner. Links are taken one by one:
  // which group a row joins depends on the joins before it.
  auto mean_to = [&](int32_t x, int32_t partner, float partner_score, int32_t g) {
    const std::vector<int32_t>& members = groups[g];
    const size_t m = std::min(members.size(), kMaxCompared);
    double sum = 0;
    bool partner_seen = false;
    for (size_t k = 0; k < m; ++k) {
      const int32_t y = members[k];
      if (y == partner) {
        sum += partner_score;
        partner_seen = true;
        continue;
      }
      const auto [p, q] = ordered(x, y);
      sum += pair_score(p, q);
    }
    if (!partner_seen) return (sum + partner_score) / static_cast<double>(m + 1);
    return sum / static_cast<double>(m);
  };
  for (const Link& l : links) {
    const bool free_a = owner[l.a] < 0, free_b = owner[l.b] < 0;
    if (free_a && free_b) {
      owner[l.a] = owner[l.b] = static_cast<int32_t>(groups.size());
      groups.push_back({l.a, l.b});
    } else if (free_a || free_b) {
      const int32_t x = free_a ? l.a : l.b, partner = free_a ? l.b : l.a;
      const int32_t g = owner[partner];
      if (mean_to(x, partner, l.score, g) >= options.min_score) {
        owner[x] = g;
        groups[g].push_back(x);
      }
    }
  }
  for (std::vector<int32_t>& g : groups) std::sort(g.begin(), g.end());
  std::sort(groups.begin(), groups.end(),
            [](const std::vector<int32_t>& x, const std::vector<int32_t>& y) {
              return x.front() < y.front();
            });
  return groups;
}

}  // namespace diverge::cluster
