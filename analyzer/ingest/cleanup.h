// Page clean-up: decides, line by line, what of a captured web page is article text.
// Works on any outlet: the rules look at the shape of lines and their place on the
// page, plus a small list of generic web-interface words; no outlet strings.
//
// Zones. A body line has >= 8 words and ends in sentence punctuation. The body starts
// at the first body line followed by another body line (or the first body line when
// there is only one) and ends at the last body line. Lines before are the header,
// lines after the footer.
//
// A line is dropped (with a reason, reported as set aside) when it is:
//   - without any letter: counters ("0"), separators;
//   - in another script than the page's dominant one (e.g. a Cyrillic line on an
//     English page): "other-language";
//   - metadata: dateline-only, byline, copyright, site-name ("- Site Name") or a line
//     that is only a date (metadata_inference.h); the information goes to Document;
//   - web furniture: a generic interface phrase ("Subscribe", "log in or register",
//     "Share", "Read more", "All news", ...) on a short line without sentence
//     punctuation; an image credit ("© Agency / Photographer / ..."); a short line
//     (<= 3 words) without sentence punctuation anywhere (menus, section labels);
//     in the header, anything before the headline (when a headline is known and is
//     near the top); in the footer, any line without sentence punctuation (related
//     article teasers, widget labels); in the body, a headline-like line right after
//     a section label (a related-article teaser);
//   - repeated: a paragraph whose folded text the page already showed (a caption
//     printed twice), including the headline glued again to the first paragraph.
// Kept lines may be narrowed: a leading dateline ("MOSCOW, 31 March (BelTA) - "), a
// leading image credit glued to its caption, a trailing attribution tag
// (". - Site Name") and a headline glued without space to the first sentence are cut.
// Headlines are kept: a headline is a legitimate statement, a menu word is not.
#ifndef DIVERGE_ANALYZER_INGEST_CLEANUP_H_
#define DIVERGE_ANALYZER_INGEST_CLEANUP_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ingest/metadata_inference.h"

namespace diverge::ingest {

enum class LineFate { kKeep, kFurniture, kMetadata, kOtherLanguage, kRepeated };
std::string_view LineFateName(LineFate fate);

struct PageLine {
  size_t begin = 0;  // byte range in the page text, trimmed of whitespace
  size_t end = 0;
  bool after_blank = true;  // a blank line (or the page start) precedes it
  std::string folded;
};

struct LineVerdict {
  LineFate fate = LineFate::kKeep;
  size_t begin = 0;  // kept byte range in the page text (a sub-range of the line)
  size_t end = 0;
  bool narrowed = false;  // something other than whitespace was cut
  std::string reason;     // why it was dropped or narrowed
};

struct CleanPageResult {
  std::vector<PageLine> lines;        // the page's non-blank lines
  std::vector<LineVerdict> verdicts;  // one per line
  InferredMetadata metadata;          // what the page says about itself
};

// Non-blank lines of `text` (split at '\n').
std::vector<PageLine> SplitPageLines(std::string_view text);

// Cleans a page. `known_title` (e.g. from the manifest) helps to find the headline.
CleanPageResult CleanPage(std::string_view text, const std::optional<std::string>& known_title);

}  // namespace diverge::ingest

#endif  // DIVERGE_ANALYZER_INGEST_CLEANUP_H_
