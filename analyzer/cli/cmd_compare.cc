// diverge compare A B: the divergences between two texts (pairwise mode).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/divergence/detect.h"
#include "analyzer/text/dates.h"

namespace diverge::cli {
namespace {

// Each of `a` and `b` is read as a file when a regular file of that name exists, else
// taken as the literal text. Dates are "YYYY[-MM[-DD]]" (kInvalidArgument otherwise).
// Then ComparePair.
Result<std::vector<report::Divergence>> CompareArguments(const std::string& a, const std::string& b,
                                                         const std::optional<std::string>& date_a,
                                                         const std::optional<std::string>& date_b,
                                                         const divergence::DetectOptions& options) {
  for (const auto* d : {&date_a, &date_b}) {
    if (*d && !text::ParseIsoDate(**d)) {
      return Status::InvalidArgument("date '" + **d + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  auto text_of = [](const std::string& arg) -> Result<std::string> {
    std::error_code ec;
    if (arg.size() < 4096 && std::filesystem::is_regular_file(arg, ec)) return ReadFile(arg);
    return arg;
  };
  Result<std::string> ta = text_of(a);
  if (!ta.ok()) return ta.status();
  Result<std::string> tb = text_of(b);
  if (!tb.ok()) return tb.status();
  return divergence::ComparePair(*ta, *tb, date_a, date_b, options);
}

}  // namespace

void RegisterCompare(CLI::App& app, CommandContext& ctx) {
  auto* cmd = app.add_subcommand(
      "compare",
      "Compare two texts (file paths or literal strings) and print where they diverge: "
      "numbers, dates, member lists, negations, antonyms, attributions, framings; each "
      "labelled contradiction, change_over_time or undetermined");
  struct Opts {
    std::string a, b, date_a, date_b;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("A", o->a, "First text: a file if one exists at this path, else the text")
      ->required();
  cmd->add_option("B", o->b, "Second text: a file if one exists at this path, else the text")
      ->required();
  cmd->add_option("--date-a", o->date_a, "Publication date of A (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--date-b", o->date_b, "Publication date of B");
  cmd->add_flag("--json", o->json, "Print the divergences as a JSON array (report.json shape)");
  cmd->footer(
      "Example:\n  diverge compare \"The alliance has six members.\" "
      "\"The alliance has seven members.\" --date-a 2017-06 --date-b 2011-08\n"
      "Exit codes: 0 ok (with or without divergences), 2 bad arguments (e.g. a bad date), "
      "4 a file argument cannot be read.");
  cmd->callback([&ctx, o] {
    auto opt = [](const std::string& s) {
      return s.empty() ? std::nullopt : std::optional<std::string>(s);
    };
    auto ds =
        CompareArguments(o->a, o->b, opt(o->date_a), opt(o->date_b), divergence::DetectOptions{});
    if (!ds.ok()) {
      PrintError(ds.status());
      ctx.exit_code =
          ds.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitNoInput;
      return;
    }
    if (o->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const report::Divergence& d : *ds) arr.push_back(report::ToJson(d));
      std::printf("%s\n", arr.dump(2).c_str());
      return;
    }
    if (ds->empty()) {
      std::printf("no divergences found\n");
      return;
    }
    for (const report::Divergence& d : *ds) {
      std::printf("%s  %s  %s  score %.2f\n  A: %s\n  B: %s\n  %s\n", d.id.c_str(),
                  std::string(report::KindName(d.kind)).c_str(),
                  std::string(report::TemporalName(d.temporal)).c_str(), d.score,
                  d.a.evidence.c_str(), d.b.evidence.c_str(), d.explanation.c_str());
    }
  });
}

}  // namespace diverge::cli
