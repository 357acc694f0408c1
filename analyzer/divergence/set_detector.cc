#include "analyzer/divergence/set_detector.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analyzer/divergence/numeric_detector.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

const char* kNumberNames[] = {"zero",     "one",      "two",      "three",   "four",    "five",
                              "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                              "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                              "eighteen", "nineteen", "twenty"};

std::string CountWord(size_t n) { return n <= 20 ? kNumberNames[n] : std::to_string(n); }

std::string LowerKey(const std::string& s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

// A capitalised item starting at token i: up to 3 capitalised words ("North Macedonia").
// Returns one past its last token, or i when there is none.
size_t ItemEnd(const std::vector<text::Token>& t, size_t i) {
  size_t j = i;
  while (j < t.size() && j - i < 3 && t[j].IsWord() && t[j].cap && t[j].lower != "and" &&
         !text::IsFunctionWord(t[j].lower)) {
    ++j;
  }
  return j;
}

ListItem MakeItem(const Side& s, const DetectorContext& ctx, size_t first, size_t last_excl) {
  ListItem item;
  item.begin = s.tokens[first].begin;
  item.end = s.tokens[last_excl - 1].end;
  item.text = s.text.substr(item.begin, item.end - item.begin);
  // The key ignores word breaks and hyphens: "Al-Haouz" = "Al Haouz".
  std::string key;
  for (size_t k = first; k < last_excl; ++k) {
    for (char c : CanonicalToken(ctx, s.tokens[k].text)) {
      if (c != '-' && c != ' ') key += c;
    }
  }
  item.key = LowerKey(key);
  return item;
}

std::string JoinItems(const std::vector<const ListItem*>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i]->text;
  return out;
}

}  // namespace

std::vector<NameList> FindNameLists(const Side& s, const DetectorContext& ctx) {
  const auto& t = s.tokens;
  std::vector<NameList> out;
  size_t i = 0;
  while (i < t.size()) {
    size_t e = ItemEnd(t, i);
    if (e == i) {
      ++i;
      continue;
    }
    NameList list;
    list.items.push_back(MakeItem(s, ctx, i, e));
    size_t j = e;
    bool closed = false;
    while (j < t.size()) {
      size_t k = j;
      bool conj = false;
      if (t[k].IsPunct(",")) ++k;
      if (k < t.size() && (t[k].lower == "and" || t[k].lower == "or")) {
        ++k;
        conj = true;
      }
      if (k == j) break;
      size_t e2 = ItemEnd(t, k);
      if (e2 == k) break;
      list.items.push_back(MakeItem(s, ctx, k, e2));
      j = e2;
      if (conj) {
        closed = true;
        break;
      }
    }
    if (list.items.size() >= 3 && closed) {
      list.begin = list.items.front().begin;
      list.end = list.items.back().end;
      size_t first_tok = i;
      // "In addition to X," / "besides X," / "along with X," earlier in the sentence
      for (size_t k = 0; k + 1 < first_tok; ++k) {
        size_t start = 0;
        if (k + 2 < first_tok && t[k].lower == "in" && t[k + 1].lower == "addition" &&
            t[k + 2].lower == "to") {
          start = k + 3;
        } else if (t[k].lower == "besides") {
          start = k + 1;
        } else if (k + 1 < first_tok && ((t[k].lower == "along" && t[k + 1].lower == "with") ||
                                         (t[k].lower == "as" && t[k + 1].lower == "well"))) {
          start = k + (t[k].lower == "as" ? 3 : 2);
        }
        if (start == 0 || start >= first_tok) continue;
        size_t e3 = ItemEnd(t, start);
        if (e3 > start) list.items.insert(list.items.begin(), MakeItem(s, ctx, start, e3));
        break;
      }
      // a count right before the list: "six member states: A, B ..."
      for (const Quantity& q : FindQuantities(t)) {
        if (q.referent.empty()) continue;  // a bare figure counts nothing named
        if (q.last_token + 1 < first_tok && q.last_token + 3 >= first_tok &&
            (t[q.last_token + 1].IsPunct(":") || t[q.last_token + 1].IsPunct("(") ||
             t[q.last_token + 1].IsPunct("-"))) {
          list.stated_count = int(std::lround(q.value));
        }
      }
      out.push_back(std::move(list));
      i = j;
    } else {
      i = e;
    }
  }
  return out;
}

std::vector<StatedCount> FindBareCounts(const Side& s, const std::vector<NameList>& lists) {
  std::vector<StatedCount> out;
  for (const Quantity& q : FindQuantities(s.tokens)) {
    if (q.approximate || q.value < 2 || q.value > 1000 || q.value != std::floor(q.value)) continue;
    if (q.referent == "percent" || q.referent.empty()) continue;
    bool attached = false;
    for (const NameList& l : lists) {
      if (l.stated_count >= 0 && q.end <= l.begin && l.begin - q.end < 8) attached = true;
    }
    if (attached) continue;
    out.push_back({int(q.value), q.referent, q.begin, q.end});
  }
  return out;
}

std::vector<Finding> DetectSet(const Side& a, const Side& b, const DetectorContext& ctx) {
  std::vector<NameList> la = FindNameLists(a, ctx), lb = FindNameLists(b, ctx);
  std::vector<Finding> out;
  auto keys = [](const NameList& l) {
    std::set<std::string> k;
    for (const auto& it : l.items) k.insert(it.key);
    return k;
  };
  for (const NameList& x : la) {
    for (const NameList& y : lb) {
      std::set<std::string> kx = keys(x), ky = keys(y);
      size_t inter = 0;
      for (const auto& k : kx) inter += ky.count(k);
      size_t uni = kx.size() + ky.size() - inter;
      if (inter < 2 || double(inter) < 0.5 * double(uni) || inter == uni) continue;
      std::vector<const ListItem*> only_x, only_y;
      for (const auto& it : x.items) {
        if (!ky.count(it.key)) only_x.push_back(&it);
      }
      for (const auto& it : y.items) {
        if (!kx.count(it.key)) only_y.push_back(&it);
      }
      Finding f;
      f.kind = report::DivergenceKind::kSet;
      f.nature = TimeNature::kState;
      f.score = 0.8;
      auto evidence = [](const NameList& l, const std::vector<const ListItem*>& only, size_t* lo,
                         size_t* hi) {
        if (only.size() == 1) {
          *lo = only[0]->begin;
          *hi = only[0]->end;
        } else {
          *lo = l.begin;
          *hi = l.end;
        }
      };
      evidence(x, only_x, &f.a_begin, &f.a_end);
      evidence(y, only_y, &f.b_begin, &f.b_end);
      f.summary = CountWord(kx.size()) + " listed" +
                  (only_x.empty() ? "" : " incl. " + JoinItems(only_x)) + " vs " +
                  CountWord(ky.size()) + (only_y.empty() ? "" : " incl. " + JoinItems(only_y));
      for (const auto* it : only_x) f.changed_items.push_back(it->text);
      for (const auto* it : only_y) f.changed_items.push_back(it->text);
      out.push_back(std::move(f));
    }
  }
  // a list on one side, a bare count of the same referent on the other
  auto list_vs_count = [&](const Side& ls, const std::vector<NameList>& lists, const Side& cs,
                           const std::vector<NameList>& clists, bool list_is_a) {
    if (lists.empty()) return;
    for (const StatedCount& c : FindBareCounts(cs, clists)) {
      std::string want = text::Stem(c.referent);
      bool mentions = false;
      for (const text::Token& tok : ls.tokens) {
        if (tok.IsWord() && text::Stem(tok.lower) == want) mentions = true;
      }
      if (!mentions) continue;
      for (const NameList& l : lists) {
        size_t n = keys(l).size();
        if (int(n) == c.value) continue;
        Finding f;
        f.kind = report::DivergenceKind::kSet;
        f.nature = TimeNature::kState;
        f.score = 0.7;
        size_t lb_ = l.begin, le_ = l.end;
        if (list_is_a) {
          f.a_begin = lb_, f.a_end = le_, f.b_begin = c.begin, f.b_end = c.end;
          f.summary = CountWord(n) + " listed vs " + cs.text.substr(c.begin, c.end - c.begin);
        } else {
          f.a_begin = c.begin, f.a_end = c.end, f.b_begin = lb_, f.b_end = le_;
          f.summary = cs.text.substr(c.begin, c.end - c.begin) + " vs " + CountWord(n) + " listed";
        }
        out.push_back(std::move(f));
        return;
      }
    }
  };
  if (la.empty() || lb.empty()) {
    list_vs_count(a, la, b, lb, true);
    list_vs_count(b, lb, a, la, false);
  }
  return out;
}

}  // namespace diverge::divergence
