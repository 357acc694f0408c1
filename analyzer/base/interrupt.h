// Interrupted runs leave no half-written output. WriteFileAtomic registers each
// temporary file it creates; on SIGINT or SIGTERM the handler installed here removes
// the registered temporaries and exits with kExitInterrupted (130). Renaming a set of
// finished temporaries into place runs with these signals blocked, so the set lands
// whole or not at all. A SIGKILL cannot be handled: its leftover temporaries are
// removed by the next write to the same destination (atomic_file.h).
#ifndef DIVERGE_ANALYZER_BASE_INTERRUPT_H_
#define DIVERGE_ANALYZER_BASE_INTERRUPT_H_

#include <string>

namespace diverge {

// Installs the SIGINT/SIGTERM handler (the CLI calls this once at start-up).
void InstallInterruptHandlers();

// Registers a temporary to delete if the process is interrupted (a file, or a directory
// that is empty once its registered files are gone); returns a slot for
// UnregisterTemporary (-1 when all slots are busy: the file is then not protected).
int RegisterTemporary(const std::string& path);
void UnregisterTemporary(int slot);

// Blocks SIGINT and SIGTERM for its lifetime (a pending signal is delivered after).
class InterruptsBlocked {
 public:
  InterruptsBlocked();
  ~InterruptsBlocked();
  InterruptsBlocked(const InterruptsBlocked&) = delete;
  InterruptsBlocked& operator=(const InterruptsBlocked&) = delete;

 private:
  unsigned long saved_[128 / sizeof(unsigned long)];  // sigset_t storage
};

}  // namespace diverge

#endif  // DIVERGE_ANALYZER_BASE_INTERRUPT_H_
