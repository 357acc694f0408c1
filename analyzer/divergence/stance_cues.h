// Word lists for claim/article stance (stance_features.h), beyond the shared lexicon
// (lexicon.h): words that call a story fake, words of denial, "no evidence" phrases,
// contrast and correction markers ("however", "in fact", "turns out"), rumour words
// ("rumour", "viral", "circulating") and support markers ("confirmed", "officially").
// Written by hand for diverge from general knowledge of news style.
#ifndef DIVERGE_ANALYZER_DIVERGENCE_STANCE_CUES_H_
#define DIVERGE_ANALYZER_DIVERGENCE_STANCE_CUES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

// fake, hoax, false, fabricated, bogus, untrue, satire, myth, baseless, debunked, ...
bool IsFakeWord(std::string_view lower);
// deny, denied, refute, disputed, retracted, disproved, ...
bool IsDenyWord(std::string_view lower);
// however, but, actually, although, despite, contrary, instead, (in) fact, turns (out)...
bool IsContrastWord(std::string_view lower);
// rumour, rumor, viral, circulating, speculation, unconfirmed, reports, ...
bool IsRumourWord(std::string_view lower);
// confirmed, confirms, officially, announced, verified, ...
bool IsSupportWord(std::string_view lower);
// "no evidence", "not true", "not real", "no truth", "no proof", "no basis",
// "not the case" starting at tokens[i].
bool IsNoEvidencePhrase(const std::vector<text::Token>& tokens, size_t i);

}  // namespace diverge::divergence

#endif  // DIVERGE_ANALYZER_DIVERGENCE_STANCE_CUES_H_
