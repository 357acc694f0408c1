#include "analyzer/base/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "analyzer/base/exit_codes.h"

namespace diverge {
namespace {

constexpr int kSlots = 32;
constexpr size_t kMaxPath = 4096;

struct Slot {
  std::atomic<bool> claimed{false};  // owned by a registration
  std::atomic<bool> used{false};     // path is complete: the handler may unlink it
  char path[kMaxPath];
};
Slot g_slots[kSlots];

void OnInterrupt(int) {
  // Only async-signal-safe calls here: unlink, rmdir, write, _exit. Files first, then
  // the (now empty) directories registered beside them (output_set.h's generations).
  for (Slot& s : g_slots) {
    if (s.used.load(std::memory_order_acquire)) ::unlink(s.path);
  }
  for (Slot& s : g_slots) {
    if (s.used.load(std::memory_order_acquire)) ::rmdir(s.path);
  }
  static const char kMsg[] = "diverge: interrupted; no output was half-written\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMsg, sizeof(kMsg) - 1);
  (void)ignored;
  ::_exit(kExitInterrupted);
}

sigset_t InterruptSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof(sa));
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int RegisterTemporary(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_slots[i].claimed.compare_exchange_strong(expected, true)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].used.store(true, std::memory_order_release);
    return i;
  }
  return -1;
}

void UnregisterTemporary(int slot) {
  if (slot < 0 || slot >= kSlots) return;
  g_slots[slot].used.store(false, std::memory_order_release);
  g_slots[slot].claimed.store(false, std::memory_order_release);
}

InterruptsBlocked::InterruptsBlocked() {
  static_assert(sizeof(saved_) >= sizeof(sigset_t));
  sigset_t set = InterruptSignals();
  pthread_sigmask(SIG_BLOCK, &set, reinterpret_cast<sigset_t*>(saved_));
}

InterruptsBlocked::~InterruptsBlocked() {
  pthread_sigmask(SIG_SETMASK, reinterpret_cast<sigset_t*>(saved_), nullptr);
}

}  // namespace diverge
