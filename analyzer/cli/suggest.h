// Typo help for the command line: when CLI11 refuses a command line, finds the first
// argument that names no subcommand or option where it stands and suggests the nearest
// name ("diverge analyse" -> did you mean "analyze"?; "--outt" -> "--out"). CLI11 alone
// reports such typos by their consequence ("A subcommand is required", "--out is
// required"), which does not say what to fix.
#ifndef DIVERGE_ANALYZER_CLI_SUGGEST_H_
#define DIVERGE_ANALYZER_CLI_SUGGEST_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diverge::cli {

// Optimal string alignment distance (edits, with adjacent transpositions), ASCII.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a typo of it (at most
// 2 edits, and fewer than half the word's length); nullopt otherwise.
std::optional<std::string> Nearest(std::string_view word, const std::vector<std::string>& names);

// Walks `args` (argv without the program name) through `app`'s subcommands and options
// and describes the first unknown subcommand or option, with a suggestion when one is
// near: "unknown subcommand \"analyse\" for diverge (did you mean \"analyze\"?)".
// nullopt when every word is known (the error is of another kind).
std::optional<std::string> DescribeUnknownArgument(CLI::App& app,
                                                   const std::vector<std::string>& args);

}  // namespace diverge::cli

#endif  // DIVERGE_ANALYZER_CLI_SUGGEST_H_
