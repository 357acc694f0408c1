// `diverge serve DIR [--port N] [--host H]`: the local review page (analyzer/review).
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/review/review_server.h"

namespace diverge::cli {

void RegisterServe(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<review::ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve a review page for DIR/report.json on this machine: both statements of each "
      "divergence side by side, evidence highlighted, confirm / dismiss / note buttons and "
      "keys (j/k move, c confirm, d dismiss, o reopen, n note). Decisions go to DIR/review.db.");
  cmd->add_option("DIR", opts->dir, "Analysis directory holding report.json")->required();
  cmd->add_option("--db", opts->db_path, "Review database (default: DIR/review.db)");
  cmd->add_option("--port,-p", opts->port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opts->host,
                  "Address to listen on; anything but 127.0.0.1/::1 exposes the page to the "
                  "network")
      ->capture_default_str();
  cmd->add_option("--reviewer", opts->reviewer, "Name recorded with decisions (default: $USER)");
  cmd->footer(
      "Example:\n  diverge serve out/csto            # then open http://127.0.0.1:8765/\n"
      "  diverge serve out/csto --port 0   # any free port; the URL is printed\n"
      "Exit codes: 0 stopped by Ctrl-C/SIGTERM, 4 report.json missing or invalid, "
      "6 cannot listen on the address, 8 review database unusable.");
  cmd->callback([opts, &ctx]() {
    // Block SIGINT/SIGTERM in every thread; one thread waits for them and stops the server.
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
    review::ServeStage stage;
    Result<std::unique_ptr<review::ReviewServer>> server =
        review::ReviewServer::Create(*opts, &stage);
    if (!server.ok()) {
      PrintError(server.status());
      ctx.exit_code = stage == review::ServeStage::kReport  ? kExitNoInput
                      : stage == review::ServeStage::kStore ? kExitReviewDb
                                                            : kExitOutput;
      return;
    }
    review::ReviewServer* s = server->get();
    std::thread waiter([s, sigs] {
      int sig = 0;
      sigwait(&sigs, &sig);
      s->Stop();
    });
    if (opts->host != "127.0.0.1" && opts->host != "::1" && opts->host != "localhost") {
      std::fprintf(stderr, "diverge: warning: listening on %s: other machines can reach the page\n",
                   opts->host.c_str());
    }
    std::printf("serving %s (Ctrl-C to stop)\n", s->url().c_str());
    std::fflush(stdout);
    Status st = s->Run();
    kill(getpid(), SIGTERM);  // wake the waiter if the server stopped on its own
    waiter.join();
    if (!st.ok()) {
      PrintError(st);
      ctx.exit_code = kExitOutput;
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace diverge::cli
