// Process exit codes of the `diverge` binary. Documented in README.md ("Exit codes");
// keep the two in step.
#ifndef DIVERGE_ANALYZER_BASE_EXIT_CODES_H_
#define DIVERGE_ANALYZER_BASE_EXIT_CODES_H_

namespace diverge {

enum ExitCode : int {
  kExitOk = 0,             // everything read and written
  kExitInternal = 1,       // a bug: an unexpected exception or broken invariant
  kExitUsage = 2,          // bad command line (unknown flag, missing argument)
  kExitPartialInput = 3,   // outputs written, but some input files were skipped (see stderr)
  kExitNoInput = 4,        // no usable input: missing/empty corpus, fatal manifest error
  kExitModel = 5,          // the embedding model is missing, truncated or corrupt
  kExitOutput = 6,         // an output could not be written (permissions, full disk)
  kExitNoSuchId = 7,       // review: a divergence id that neither report nor store holds
  kExitReviewDb = 8,       // review: database corrupt, of a newer schema, or locked too long
  kExitInterrupted = 130,  // SIGINT/SIGTERM: no half-written output is left behind
};

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_EXIT_CODES_H_
