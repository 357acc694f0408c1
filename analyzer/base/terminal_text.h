// Terminal-safe text: file names and corpus text are untrusted, and a raw ESC sequence
// or line break in a warning could rewrite the user's terminal or forge a line of
// output. TerminalSafe shows every C0 control character, DEL, C1 control (U+0080 to
// U+009F) and byte of invalid UTF-8 as a visible escape (\n, \t, \r, \e, \xHH, \u0085);
// other text, valid UTF-8 included, is unchanged.
#ifndef DIVERGE_ANALYZER_BASE_TERMINAL_TEXT_H_
#define DIVERGE_ANALYZER_BASE_TERMINAL_TEXT_H_

#include <string>
#include <string_view>

namespace diverge {

// `keep_newlines`: '\n' passes unchanged (for messages that are several lines by design).
std::string TerminalSafe(std::string_view text, bool keep_newlines = false);

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_TERMINAL_TEXT_H_
