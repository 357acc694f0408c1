// `diverge eval stories [--allsides FILE] [--basil DIR] [--fnc1 FILE]`: how the story
// threshold of `analyze` (--story-min-similarity) is chosen, on AllSides, BASIL and FNC-1
// (story_eval.h).
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/base/exit_codes.h"
#include "analyzer/cli/command.h"
#include "analyzer/cli/model_loading.h"
#include "analyzer/evaluation/story_eval.h"

namespace diverge::cli {

void RegisterEvalStories(CLI::App& eval, CommandContext& ctx) {
  struct Opts {
    std::string allsides, basil, fnc1, model;
    double from = 0.05, to = 0.60, step = 0.025;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand(
      "stories",
      "F1 of same-story document pairs on AllSides, BASIL and FNC-1, by threshold, grouping "
      "documents exactly as analyze does; prints the threshold with the best mean F1 (how "
      "--story-min-similarity is chosen)");
  cmd->add_option("--allsides", o->allsides,
                  "AllSides NeuS JSONL (allsides_neus/headline_*_crawled_all.jsonl)");
  cmd->add_option("--basil", o->basil, "BASIL articles directory (basil/articles)");
  cmd->add_option("--from", o->from, "Lowest threshold")->capture_default_str();
  cmd->add_option("--to", o->to, "Highest threshold")->capture_default_str();
  cmd->add_option("--step", o->step, "Threshold step")->capture_default_str();
  cmd->add_option("--fnc1", o->fnc1,
                  "FNC-1 train bodies (fnc1/train_bodies.csv; train_stances.csv beside it)");
  cmd->add_option("--model", o->model, "Embedding model (default: $DIVERGE_MODEL or built-in)");
  cmd->footer(
      "Example:\n  diverge eval stories --allsides "
      "../shared/data/allsides_neus/headline_11_2021-10-19_crawled_all.jsonl "
      "--basil ../shared/data/basil/articles --fnc1 ../shared/data/fnc1/train_bodies.csv\n"
      "Exit codes: 0 printed, 2 bad command line, 4 a dataset is missing or malformed, 5 model "
      "missing or corrupt");
  cmd->callback([o, &ctx] {
    struct Set {
      std::string name;
      std::vector<evaluation::StoryDoc> docs;
    };
    std::vector<Set> sets;
    using Reader = Result<std::vector<evaluation::StoryDoc>> (*)(const std::string&);
    const struct {
      const char* name;
      const std::string& path;
      Reader read;
    } datasets[] = {{"AllSides", o->allsides, evaluation::ReadAllSides},
                    {"BASIL", o->basil, evaluation::ReadBasil},
                    {"FNC-1", o->fnc1, evaluation::ReadFnc1Stories}};
    for (const auto& d : datasets) {
      if (d.path.empty()) continue;
      auto docs = d.read(d.path);
      if (!docs.ok()) {
        PrintError(docs.status());
        ctx.exit_code = kExitNoInput;
        return;
      }
      sets.push_back({d.name, std::move(*docs)});
    }
    if (sets.empty() || o->step <= 0 || o->to < o->from) {
      std::fprintf(stderr,
                   "diverge eval stories: give --allsides, --basil and/or --fnc1 and a sweep\n");
      ctx.exit_code = kExitUsage;
      return;
    }
    std::unique_ptr<embeddings::EmbeddingModel> model = LoadModelOrReport(o->model, ctx);
    if (!model) return;
    std::unique_ptr<embeddings::SentenceEncoder> encoder = MakeEncoderOrReport(*model, ctx);
    if (!encoder) return;
    std::vector<std::vector<evaluation::StoryScoreRow>> rows;
    for (const Set& s : sets) {
      rows.push_back(evaluation::EvaluateStories(s.docs, *encoder, cluster::StoryOptions{}, o->from,
                                                 o->to, o->step));
      std::printf("%s: %zu documents\n", s.name.c_str(), s.docs.size());
    }
    std::printf("threshold");
    for (const Set& s : sets) std::printf("  %s P / R / F1 (stories)", s.name.c_str());
    std::printf("  mean F1\n");
    double best = -1, best_t = 0;
    for (size_t i = 0; i < rows[0].size(); ++i) {
      double mean = 0;
      std::printf("%9.3f", rows[0][i].threshold);
      for (const auto& r : rows) {
        std::printf("  %.3f / %.3f / %.3f (%d)", r[i].precision(), r[i].recall(), r[i].f1(),
                    r[i].stories);
        mean += r[i].f1() / static_cast<double>(rows.size());
      }
      std::printf("  %.3f\n", mean);
      if (mean > best + 1e-12) best = mean, best_t = rows[0][i].threshold;
    }
    std::printf("best mean F1 %.3f at threshold %.3f (analyze default %.3f)\n", best, best_t,
                cluster::StoryOptions{}.min_similarity);
    // Families (stories.h): single linkage at the threshold; slot matches may cross
    // stories inside one.
    std::printf("\nfamilies (single linkage)\nthreshold");
    for (const Set& s : sets) std::printf("  %s P / R (families)", s.name.c_str());
    std::printf("\n");
    for (size_t i = 0; i < rows[0].size(); ++i) {
      std::printf("%9.3f", rows[0][i].threshold);
      for (const auto& r : rows) {
        std::printf("  %.3f / %.3f (%d)", r[i].family_precision(), r[i].family_recall(),
                    r[i].families);
      }
      std::printf("\n");
    }
  });
}

}  // namespace diverge::cli
