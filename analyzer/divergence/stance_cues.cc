#include "analyzer/divergence/stance_cues.h"

#include <unordered_set>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

using WordSet = std::unordered_set<std::string_view>;

}  // namespace

bool IsFakeWord(std::string_view w) {
  static const WordSet kWords = {"fake",      "faked",      "hoax",     "hoaxes",      "false",
                                 "falsely",   "fabricated", "fabrication", "bogus",    "untrue",
                                 "satire",    "satirical",  "myth",     "baseless",    "unfounded",
                                 "debunked",  "debunk",     "debunks",  "prank",       "staged",
                                 "photoshopped", "doctored", "spoof",   "parody",      "misleading"};
  return kWords.count(w) > 0;
}

bool IsDenyWord(std::string_view w) {
  static const WordSet kWords = {"deny",      "denied",     "denies",   "denial",  "denials",
                                 "refute",    "refuted",    "refutes",  "disputed", "disputes",
                                 "retracted", "retraction", "disproved", "dismissed", "rejected",
                                 "rebuffed",  "contradicted", "contradicts"};
  return kWords.count(w) > 0;
}

bool IsContrastWord(std::string_view w) {
  static const WordSet kWords = {"however", "but",     "actually", "although", "despite",
                                 "contrary", "instead", "fact",    "turns",    "turned",
                                 "nevertheless", "yet", "though",   "rather"};
  return kWords.count(w) > 0;
}

bool IsRumourWord(std::string_view w) {
  static const WordSet kWords = {"rumour",     "rumours",  "rumor",   "rumors",     "rumoured",
                                 "rumored",    "viral",    "circulating", "circulated",
                                 "speculation", "speculated", "unconfirmed", "unverified",
                                 "reports",    "reported", "reportedly", "allegedly", "claims",
                                 "claimed",    "purportedly", "supposedly", "internet", "twitter",
                                 "social"};
  return kWords.count(w) > 0;
}

bool IsSupportWord(std::string_view w) {
  static const WordSet kWords = {"confirmed", "confirms",  "confirm",   "officially", "announced",
                                 "verified",  "confirming", "admitted", "acknowledged", "revealed",
                                 "proved",    "proven",    "indeed"};
  return kWords.count(w) > 0;
}

bool IsNoEvidencePhrase(const std::vector<text::Token>& t, size_t i) {
  if (i + 1 >= t.size() || !IsNegationCue(t[i].lower)) return false;
  const std::string& n = t[i + 1].lower;
  return n == "evidence" || n == "true" || n == "real" || n == "truth" || n == "proof" ||
         n == "basis" || (n == "the" && i + 2 < t.size() && t[i + 2].lower == "case");
}

}  // namespace diverge::divergence
