#include "analyzer/text/word_lists.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "analyzer/text/stemmer.h"
#include "analyzer/text/unicode.h"

namespace diverge::text {

bool IsFunctionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "a",       "an",        "the",   "this",    "that",    "these",  "those",    "some",
      "any",     "each",      "every", "all",     "both",    "either", "neither",  "other",
      "another", "such",      "its",   "it",      "it's",    "his",    "her",      "hers",
      "their",   "theirs",    "our",   "ours",    "my",      "your",   "he",       "she",
      "they",    "them",      "we",    "us",      "i",       "you",    "him",      "me",
      "who",     "whom",      "whose", "which",   "what",    "where",  "when",     "why",
      "how",     "is",        "are",   "was",     "were",    "be",     "been",     "being",
      "am",      "do",        "does",  "did",     "have",    "has",    "had",      "having",
      "will",    "would",     "shall", "should",  "can",     "could",  "may",      "might",
      "must",    "of",        "in",    "on",      "at",      "to",     "for",      "from",
      "by",      "with",      "about", "as",      "into",    "onto",   "upon",     "over",
      "under",   "between",   "among", "through", "during",  "before", "after",    "above",
      "below",   "up",        "down",  "out",     "off",     "than",   "then",     "and",
      "or",      "but",       "if",    "so",      "because", "while",  "although", "though",
      "also",    "too",       "very",  "there",   "here",    "'s",     "not",      "no",
      "yet",     "just",      "only",  "more",    "most",    "much",   "many",     "own",
      "same",    "s",         "per",   "via",     "within",  "across", "against",  "toward",
      "towards", "including", "said",  "says",    "say",     "told",   "one"};
  return kWords.count(w) > 0;
}

bool IsContentWord(const Token& t) {
  return t.kind == TokenKind::kWord && t.lower.size() > 1 && !IsFunctionWord(t.lower);
}

double ContentOverlap(const std::vector<Token>& a, const std::vector<Token>& b) {
  // Accents and the dotless i folded (NameKey) in words that have them: "Erdoğan" and
  // "Erdogan" are one word.
  auto key = [](const Token& t) {
    const bool ascii = std::all_of(t.lower.begin(), t.lower.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return Stem(ascii ? t.lower : NameKey(t.lower));
  };
  std::set<std::string> sa, sb;
  for (const Token& t : a) {
    if (IsContentWord(t)) sa.insert(key(t));
  }
  for (const Token& t : b) {
    if (IsContentWord(t)) sb.insert(key(t));
  }
  if (sa.empty() || sb.empty()) return 0;
  size_t inter = 0;
  for (const auto& s : sa) inter += sb.count(s);
  return double(inter) / double(sa.size() + sb.size() - inter);
}

}  // namespace diverge::text
