// A set of output files that switches from the old version to the new one in one atomic
// step, also under SIGKILL: a reader of DIR never sees report.json of one run beside
// report.html of another.
//
// Layout of DIR (the names users open stay where they were):
//   DIR/.gen-<pid>-<XXXXXX>/   one generation: every file of one run
//   DIR/.gen-current           symlink to the current generation's directory
//   DIR/<name>                 symlink to .gen-current/<name> (e.g. report.json)
// A run writes and fsyncs a new generation directory, then renames a new .gen-current
// symlink over the old one: that rename() is the switch. Before it, every name shows the
// old set (or nothing if there was none); after it, the new set. Old generations are
// removed after the switch.
//
// A DIR written by an older diverge holds regular files: they are first hard-linked
// (or copied) into a generation that becomes current, then each replaced by its symlink,
// so they too show the old set at every moment until the switch. The same happens when
// a name was overwritten in place (e.g. by `diverge report --out DIR/report.html`).
//
// Interrupts: the generation being written is registered with interrupt.h (removed on
// SIGINT/SIGTERM), the switch runs with those signals blocked. After a SIGKILL the next
// run removes generations and temporary symlinks whose process is gone (those of a live
// concurrent run are left alone; of two concurrent runs, the later switch wins).
#ifndef DIVERGE_ANALYZER_BASE_OUTPUT_SET_H_
#define DIVERGE_ANALYZER_BASE_OUTPUT_SET_H_

#include <string>
#include <utility>
#include <vector>

#include "analyzer/base/status.h"

namespace diverge {

// Writes `files` (plain file names, no '/', and their contents) as the new set of DIR,
// creating DIR if needed. kIOError naming the file on failure (unwritable directory,
// full disk, a name taken by a directory); the old set is then left as it was and
// nothing of the new generation remains.
Status WriteOutputSet(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files);

// The name under DIR of the current generation's symlink and the generation prefix.
inline constexpr const char* kCurrentGeneration = ".gen-current";
inline constexpr const char* kGenerationPrefix = ".gen-";

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_OUTPUT_SET_H_
