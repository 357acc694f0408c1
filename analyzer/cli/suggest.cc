#include "analyzer/cli/suggest.h"

#include <algorithm>

namespace diverge::cli {

size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> Nearest(std::string_view word, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  size_t best_d = 3;
  for (const std::string& name : names) {
    size_t d = EditDistance(word, name);
    // A prefix of a longer name ("--thresh" for "--threshold") is a near miss too.
    if (word.size() >= 4 && name.size() > word.size() && name.compare(0, word.size(), word) == 0) {
      d = std::min<size_t>(d, 1);
    }
    if (d < best_d && 2 * d < std::max<size_t>(word.size(), 2)) {
      best_d = d;
      best = name;
    }
  }
  return best;
}

namespace {

std::string Path(const CLI::App* app) {
  std::string path;
  for (const CLI::App* a = app; a != nullptr; a = a->get_parent()) {
    const std::string name = a->get_parent() == nullptr ? "diverge" : a->get_name();
    path = name + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::vector<CLI::App*> NamedSubcommands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* s) { return !s->get_name().empty(); });
}

const CLI::Option* FindOption(CLI::App& app, const std::string& name) {
  for (const CLI::Option* o : app.get_options()) {
    if (o->check_name(name)) return o;
  }
  return nullptr;
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::optional<std::string> DescribeUnknownArgument(CLI::App& app,
                                                   const std::vector<std::string>& args) {
  CLI::App* cur = &app;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.') {
      const size_t eq = a.find('=');
      const std::string name = a.substr(0, eq);
      if (a[1] != '-' && name.size() > 2) continue;  // -abc: short flags run together
      const CLI::Option* opt = FindOption(*cur, name);
      if (opt == nullptr) {
        std::vector<std::string> names;
        for (const CLI::Option* o : cur->get_options()) {
          for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
        }
        std::string msg = "unknown option " + Quoted(name) + " for " + Path(cur);
        if (std::optional<std::string> near = Nearest(name, names)) {
          msg += " (did you mean " + Quoted(*near) + "?)";
        }
        return msg;
      }
      if (eq == std::string::npos && opt->get_items_expected_min() > 0) {
        i += static_cast<size_t>(opt->get_items_expected_min());
      }
      continue;
    }
    std::vector<CLI::App*> subs = NamedSubcommands(*cur);
    auto it = std::find_if(subs.begin(), subs.end(),
                           [&](CLI::App* s) { return s->check_name(a); });
    if (it != subs.end()) {
      cur = *it;
      continue;
    }
    const bool takes_positionals =
        !cur->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
    if (subs.empty() || takes_positionals) continue;
    std::vector<std::string> names;
    std::string list;
    for (CLI::App* s : subs) {
      names.push_back(s->get_name());
      list += (list.empty() ? "" : ", ") + s->get_name();
    }
    std::string msg = "unknown subcommand " + Quoted(a) + " for " + Path(cur);
    if (std::optional<std::string> near = Nearest(a, names)) {
      msg += " (did you mean " + Quoted(*near) + "?)";
    } else {
      msg += " (expected one of: " + list + ")";
    }
    return msg;
  }
  return std::nullopt;
}

}  // namespace diverge::cli
