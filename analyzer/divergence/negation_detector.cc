#include "analyzer/divergence/negation_detector.h"

#include <cstdlib>
#include <map>
#include <set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/divergence/wordnet.h"
#include "analyzer/text/stemmer.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/word_lists.h"

namespace diverge::divergence {
namespace {

// Share of a negation scope's content words that must occur on the asserting side.
const double kScopeCoverage = 0.7;

// Everyday synonyms of common nouns, so "no lady" covers "a woman" (stems).
std::string NounClass(const std::string& stem) {
  static const std::map<std::string, std::string> kClass = {
      {"lady", "woman"},      {"guy", "man"},         {"gentleman", "man"},    {"kid", "child"},
      {"youngster", "child"}, {"puppy", "dog"},       {"kitten", "cat"},       {"telephon", "phon"},
      {"someon", "person"},   {"somebody", "person"}, {"individual", "person"}};
  auto it = kClass.find(stem);
  return it == kClass.end() ? stem : it->second;
}

bool IsPersonNoun(const std::string& stem) {
  static const std::set<std::string> kPeople = {
      "man",    "woman",  "lady",    "guy",      "boy",     "girl",     "child",
      "kid",    "person", "people",  "player",   "someon",  "somebody", "chef",
      "cook",   "worker", "officer", "official", "student", "teacher",  "soldier",
      "driver", "rider",  "runner",  "athlet"};
  return kPeople.count(stem) > 0;
}

// Gender (+1 male, -1 female, 0 unknown) and age (+1 adult, -1 child, 0 unknown) of a
// person noun, to tell "a woman is playing" from "a man is not playing" (other people).
struct PersonKind {
  int gender = 0, age = 0;
  bool known() const { return gender != 0 || age != 0; }
};
PersonKind KindOfPerson(const std::string& lower) {
  static const std::map<std::string, PersonKind> kKinds = {
      {"man", {1, 1}},       {"men", {1, 1}},         {"guy", {1, 1}},        {"guys", {1, 1}},
      {"gentleman", {1, 1}}, {"gentlemen", {1, 1}},   {"woman", {-1, 1}},     {"women", {-1, 1}},
      {"lady", {-1, 1}},     {"ladies", {-1, 1}},     {"boy", {1, -1}},       {"boys", {1, -1}},
      {"girl", {-1, -1}},    {"girls", {-1, -1}},     {"child", {0, -1}},     {"children", {0, -1}},
      {"kid", {0, -1}},      {"kids", {0, -1}},       {"baby", {0, -1}},      {"toddler", {0, -1}},
      {"father", {1, 1}},    {"mother", {-1, 1}},     {"husband", {1, 1}},    {"wife", {-1, 1}}};
  auto it = kKinds.find(lower);
  return it == kKinds.end() ? PersonKind{} : it->second;
}

bool IsVerbBoundary(const text::Token& x) {
  static const std::set<std::string> kAux = {"is",  "are",   "was",  "were",  "has",   "have",
                                             "had", "do",    "does", "did",   "will",  "would",
                                             "can", "could", "may",  "might", "must",  "should",
                                             "be",  "been",  "said", "says",  "shall", "to"};
  const std::string& w = x.lower;
  return kAux.count(w) || (w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed")));
}

// The subject's head noun: the last content word of the sentence's opening noun phrase
// (before its first verb-like word or a function word after it: "The man on stage is"
// -> man); null when the sentence does not open with one ("There is no man").
const text::Token* SubjectHead(const std::vector<text::Token>& t) {
  const text::Token* head = nullptr;
  for (const text::Token& x : t) {
    if (!x.IsWord() || IsVerbBoundary(x) || IsNegationCue(x.lower)) break;
    if (text::IsContentWord(x)) {
      head = &x;
    } else if (head) {
      break;
    }
  }
  return head;
}

bool IsGenericPerson(const std::string& stem) {
  return stem == "person" || stem == "people" || stem == "someon" || stem == "somebody" ||
         stem == "one" || stem == "individual";
}

// The two sentences are about different subjects (a woman / a man, a horse / dogs, a
// flute / a man): one negating what the other asserts is then no conflict. People are
// compatible unless their gender or age differs; other nouns must be the same word, a
// listed synonym or WordNet synonyms.
bool SubjectsClash(const Side& a, const Side& b, const DetectorContext& ctx) {
  const text::Token* x = SubjectHead(a.tokens);
  const text::Token* y = SubjectHead(b.tokens);
  if (!x || !y) return false;
  std::string sx = NounClass(text::Stem(text::Singular(x->lower))),
              sy = NounClass(text::Stem(text::Singular(y->lower)));
  if (sx == sy) return false;
  PersonKind px = KindOfPerson(x->lower), py = KindOfPerson(y->lower);
  bool person_x = px.known() || IsPersonNoun(sx) || IsGenericPerson(sx);
  bool person_y = py.known() || IsPersonNoun(sy) || IsGenericPerson(sy);
  if (person_x && person_y) {
    return (px.gender != 0 && py.gender != 0 && px.gender != py.gender) ||
           (px.age != 0 && py.age != 0 && px.age != py.age);
  }
  if (x->cap || y->cap) return false;  // names: left to the name resolver
  return !(ctx.wordnet && ctx.wordnet->AreRelated(x->lower, y->lower));
}

bool IsBoundary(const text::Token& t) {
  if (t.kind == text::TokenKind::kPunct) {
    return t.lower == "," || t.lower == "." || t.lower == ";" || t.lower == ":" || t.lower == "!" ||
           t.lower == "?" || t.lower == "\"" || t.lower == "(" || t.lower == ")" || t.lower == "-";
  }
  return t.lower == "but" || t.lower == "while" || t.lower == "although" || t.lower == "though" ||
         t.lower == "whereas" || t.lower == "because";
}

// Words skipped when looking for the predicate after a cue.
bool IsSkippable(const text::Token& t) {
  return !text::IsContentWord(t) || t.lower == "longer" || t.lower == "yet" || t.lower == "even" ||
         t.lower == "being" || t.lower == "currently" || t.lower == "really";
}

void DetectRefutation(const Side& a, const Side& b, std::vector<Finding>* out) {
  auto run = [&](const Side& claim, const Side& refuter, bool refuter_is_b) {
    std::set<std::string> claim_stems, refuter_stems;
    for (const text::Token& t : claim.tokens) {
      // a claim that already denies or doubts itself is not refuted by a denial
      if (t.IsWord() && (IsRefutation(t.lower) || IsNegationCue(t.lower) || t.lower == "rumor" ||
                         t.lower == "rumour")) {
        return false;
      }
      if (text::IsContentWord(t)) claim_stems.insert(text::Stem(t.lower));
    }
    for (const text::Token& t : refuter.tokens) {
      if (text::IsContentWord(t)) refuter_stems.insert(text::Stem(t.lower));
    }
    size_t shared = 0;
    for (const auto& st : claim_stems) shared += refuter_stems.count(st);
    if (shared < 2 || double(shared) < 0.4 * double(claim_stems.size())) return false;
    for (const text::Token& r : refuter.tokens) {
      if (!r.IsWord() || !IsRefutation(r.lower) || claim_stems.count(text::Stem(r.lower))) continue;
      const text::Token* anchor = nullptr;  // the claim's first content word the refuter repeats
      for (const text::Token& t : claim.tokens) {
        if (text::IsContentWord(t) && refuter_stems.count(text::Stem(t.lower))) {
          anchor = &t;
          break;
        }
      }
      if (!anchor) return false;
      Finding f;
      f.kind = report::DivergenceKind::kNegation;
      f.nature = TimeNature::kState;
      f.score = 0.55;
      if (refuter_is_b) {
        f.a_begin = anchor->begin, f.a_end = anchor->end, f.b_begin = r.begin, f.b_end = r.end;
        f.summary = "B calls the claim \"" + r.text + "\"";
      } else {
        f.a_begin = r.begin, f.a_end = r.end, f.b_begin = anchor->begin, f.b_end = anchor->end;
        f.summary = "A calls the claim \"" + r.text + "\"";
      }
      out->push_back(std::move(f));
      return true;
    }
    return false;
  };
  if (!run(a, b, true)) run(b, a, false);
}

}  // namespace

std::vector<NegationScope> FindNegations(const std::vector<text::Token>& t) {
  std::vector<NegationScope> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].IsWord()) continue;
    bool cue = IsNegationCue(t[i].lower);
    // "no one", "not only ... but" are not negations of what follows
    if (cue && t[i].lower == "not" && i + 1 < t.size() && t[i + 1].lower == "only") continue;
    if (cue && t[i].lower == "no" && i + 1 < t.size() &&
        (t[i + 1].lower == "longer" || t[i + 1].lower == "doubt")) {
      if (t[i + 1].lower == "doubt") continue;
    }
    bool verb = !cue && IsNegatingVerb(t[i].lower);
    if (!cue && !verb) continue;
    size_t j = i + 1;
    if (verb && j < t.size() && (t[j].lower == "to" || t[j].lower == "that")) ++j;
    NegationScope s;
    s.cue = i;
    s.predicate = t.size();
    size_t k = j;
    for (; k < t.size() && k < i + 10; ++k) {
      if (IsBoundary(t[k])) break;
      if (s.predicate == t.size() && !IsSkippable(t[k])) s.predicate = k;
    }
    s.end = k;
    if (s.predicate == t.size()) continue;
    out.push_back(s);
  }
  return out;
}

std::vector<bool> NegatedMask(const std::vector<text::Token>& t) {
  std::vector<bool> mask(t.size(), false);
  for (const NegationScope& s : FindNegations(t)) {
    for (size_t k = s.cue; k < s.end; ++k) mask[k] = true;
  }
  return mask;
}

std::vector<Finding> DetectNegation(const Side& a, const Side& b, const DetectorContext& ctx,
                                    double min_overlap) {
  std::vector<Finding> out;
  if (text::ContentOverlap(a.tokens, b.tokens) < min_overlap) return out;
  if (SubjectsClash(a, b, ctx)) return out;
  // one direction: `neg` negates a predicate that `pos` asserts
  auto run = [&](const Side& neg, const Side& pos, bool neg_is_a) {
    std::vector<bool> pos_mask = NegatedMask(pos.tokens);
    for (const NegationScope& s : FindNegations(neg.tokens)) {
      // every content word of the scope is a candidate, the predicate first
      std::vector<size_t> cands = {s.predicate};
      for (size_t k = s.predicate + 1; k < s.end; ++k) {
        if (text::IsContentWord(neg.tokens[k])) cands.push_back(k);
      }
      // the negated words must be what the other side asserts: most of the scope's
      // content words occur there ("no man playing a piano" does not deny "a man is
      // playing a guitar")
      std::set<std::string> pos_stems;
      for (const text::Token& t : pos.tokens) {
        if (!t.IsWord()) continue;
        std::string st = text::Stem(t.lower);
        pos_stems.insert(NounClass(st));
        if (IsPersonNoun(st)) pos_stems.insert("person");
      }
      size_t scope_words = 0, covered = 0;
      for (size_t k = s.predicate; k < s.end; ++k) {
        if (!text::IsContentWord(neg.tokens[k])) continue;
        ++scope_words;
        if (pos_stems.count(NounClass(text::Stem(neg.tokens[k].lower)))) {
          ++covered;
          continue;
        }
        // a synonym or direct hypernym/hyponym on the other side ("slicing" / "cutting")
        for (const text::Token& t : pos.tokens) {
          if (ctx.wordnet && text::IsContentWord(t) && !t.cap &&
              ctx.wordnet->AreRelated(neg.tokens[k].lower, t.lower)) {
            ++covered;
            break;
          }
        }
      }
      if (double(covered) < kScopeCoverage * double(scope_words)) continue;
      for (size_t c : cands) {
        std::string stem = text::Stem(neg.tokens[c].lower);
        for (size_t m = 0; m < pos.tokens.size(); ++m) {
          if (pos_mask[m] || !pos.tokens[m].IsWord() || text::Stem(pos.tokens[m].lower) != stem) {
            continue;
          }
          Finding f;
          f.kind = report::DivergenceKind::kNegation;
          f.nature = TimeNature::kState;
          f.score = c == s.predicate ? 0.75 : 0.6;
          size_t nb = neg.tokens[s.cue].begin, ne = neg.tokens[c].end;
          size_t pb = pos.tokens[m].begin, pe = pos.tokens[m].end;
          std::string what = "\"" + neg.text.substr(nb, ne - nb) + "\" vs \"" +
                             pos.text.substr(pb, pe - pb) + "\"";
          if (neg_is_a) {
            f.a_begin = nb, f.a_end = ne, f.b_begin = pb, f.b_end = pe;
            f.summary = "A negates what B asserts: " + what;
          } else {
            f.a_begin = pb, f.a_end = pe, f.b_begin = nb, f.b_end = ne;
            f.summary = "B negates what A asserts: " + what;
          }
          out.push_back(std::move(f));
          return;
        }
      }
    }
  };
  run(a, b, true);
  if (out.empty()) run(b, a, false);
  if (out.empty()) DetectRefutation(a, b, &out);
  return out;
}

}  // namespace diverge::divergence
