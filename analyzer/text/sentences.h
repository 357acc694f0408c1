// Sentence segmentation for news text.
//
// Rules (all generic, no corpus strings):
// - A sentence ends after ".", "?", "!", "…" or "..." (plus any closing quotes or
//   brackets right after it: `."`, `.”`, `?’`, `.)`) when whitespace follows and the next
//   character can start a sentence (uppercase letter, digit, opening quote or bracket) or
//   the text ends. A lowercase continuation ("Really?" he asked; "e.g. this") is no
//   boundary.
// - No boundary after a title abbreviation (Mr., Mrs., Dr., Gen., Sen., St., ...), after
//   a single capital initial (J. R. R. Tolkien, George W. Bush), or inside numbers (1.5,
//   2,000 have no space after the dot/comma). Other abbreviations (U.S., Inc., Dec., No.,
//   p.m., e.g.) end a sentence only when the next word is a common sentence opener (The,
//   He, It, But, ...), so "the U.S. State Department" and "No. 5" stay whole while
//   "... in the U.S. The next day" splits.
// - Dashes never split: word—word and word – word stay in one sentence.
// - Line breaks: a blank line always ends a sentence. A single line break ends one
//   (headlines and datelines carry no full stop) unless the text is visibly wrapped:
//   the line does not end in sentence punctuation and either the next line starts with
//   a lowercase letter or the line ends with a comma, semicolon, opening bracket,
//   slash, ampersand, hyphen or dash.
// - Spans are trimmed of Unicode whitespace; spans with no letter or digit are dropped.
// - A sentence holds at most kMaxSentenceBytes: longer text without sentence ends is cut
//   after the last space before the limit (at a character boundary when the last half
//   of the window has no space), so every statement, and the work on it, is bounded.
#ifndef DIVERGE_ANALYZER_TEXT_SENTENCES_H_
#define DIVERGE_ANALYZER_TEXT_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace diverge::text {

struct Span {
  size_t begin = 0;  // byte offsets into the segmented text, half-open
  size_t end = 0;
};

inline constexpr size_t kMaxSentenceBytes = 2048;

std::vector<Span> SplitSentences(std::string_view text);

// True when a line break between `line` and `next_line` is a wrap inside a sentence
// (see the rules above). Both are single lines without the break.
bool IsSoftLineBreak(std::string_view line, std::string_view next_line);

}  // namespace diverge::text

#endif  // DIVERGE_ANALYZER_TEXT_SENTENCES_H_
