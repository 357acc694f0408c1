#include "analyzer/text/stemmer.h"

namespace diverge::text {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool HasVowel(std::string_view s) {
  for (char c : s) {
    if (IsVowel(c) || c == 'y') return true;
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// After removing -ing / -ed: undouble a final double consonant (runn -> run) except
// ll / ss / zz, which are usually part of the base (fall, kiss, buzz).
std::string Undouble(std::string s) {
  const size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !IsVowel(s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's' &&
      s[n - 1] != 'z') {
    s.pop_back();
  }
  return s;
}

}  // namespace

std::string InflectionStem(std::string_view w) {
  if (w.size() <= 3) return std::string(w);
  for (char c : w) {
    if (c < 'a' || c > 'z') return std::string(w);
  }
  std::string s(w);
  if (EndsWith(s, "ies") && s.size() > 4) {
    s.replace(s.size() - 3, 3, "y");
  } else if (EndsWith(s, "ied") && s.size() > 4) {
    s.replace(s.size() - 3, 3, "y");
  } else if (EndsWith(s, "sses")) {
    s.resize(s.size() - 2);
  } else if (EndsWith(s, "ches") || EndsWith(s, "shes") || EndsWith(s, "xes") ||
             EndsWith(s, "zes")) {
    s.resize(s.size() - 2);
  } else if (EndsWith(s, "s") && !EndsWith(s, "ss") && !EndsWith(s, "us") && !EndsWith(s, "is")) {
    s.pop_back();
  } else if (EndsWith(s, "ing") && s.size() >= 6 &&
             HasVowel(std::string_view(s).substr(0, s.size() - 3))) {
    s = Undouble(s.substr(0, s.size() - 3));
  } else if (EndsWith(s, "ed") && s.size() >= 5 &&
             HasVowel(std::string_view(s).substr(0, s.size() - 2))) {
    s = Undouble(s.substr(0, s.size() - 2));
  }
  // A final silent e is dropped so that dance / dancing / danced meet at "danc".
  if (s.size() > 3 && s.back() == 'e' && !IsVowel(s[s.size() - 2])) s.pop_back();
  return s;
}

std::string Singular(std::string_view w) {
  std::string s(w);
  if (s.size() > 3 && s.compare(s.size() - 3, 3, "men") == 0)
    return s.substr(0, s.size() - 2) + "an";
  if (s == "people") return "person";
  if (s == "children") return "child";
  if (s.size() > 4 && s.compare(s.size() - 3, 3, "ies") == 0)
    return s.substr(0, s.size() - 3) + "y";
  if (s.size() > 4 &&
      (s.compare(s.size() - 4, 4, "sses") == 0 || s.compare(s.size() - 4, 4, "ches") == 0 ||
       s.compare(s.size() - 4, 4, "shes") == 0 || s.compare(s.size() - 3, 3, "xes") == 0)) {
    return s.substr(0, s.size() - 2);
  }
  if (s.size() > 3 && s.back() == 's' && s[s.size() - 2] != 's' && s[s.size() - 2] != 'u' &&
      s[s.size() - 2] != 'i') {
    return s.substr(0, s.size() - 1);
  }
  return s;
}

std::string Stem(std::string_view w) {
  std::string s = Singular(w);
  auto ends = [&](std::string_view suf) {
    return s.size() > suf.size() + 2 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("ing")) {
    s.resize(s.size() - 3);
  } else if (ends("ied")) {
    s.resize(s.size() - 3);
    s += 'y';
  } else if (ends("ed")) {
    s.resize(s.size() - 2);
  } else if (ends("es") && s.size() > 5) {
    s.resize(s.size() - 1);
  }
  if (s.size() > 3 && s.back() == 'e') s.pop_back();
  if (s.size() > 3 && s.back() == s[s.size() - 2] && s.back() != 's' && s.back() != 'l') {
    s.pop_back();
  }
  return s;
}

}  // namespace diverge::text
