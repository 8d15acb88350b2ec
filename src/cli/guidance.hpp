// Private to src/cli: what recall says to someone finding their way: the command list and
// status of a bare `recall`, "did you mean" for a mistyped command, option or deck, and the
// refusal to make a database for a command that only reads.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.hpp"

namespace recall::cli {

// The candidates closest to `word` by edit distance (a prefix counts as close): those at the
// smallest distance found, at most `max` of them; none when nothing is near enough to be a
// likely typo.
std::vector<std::string> nearest(const std::string& word,
                                 const std::vector<std::string>& candidates, std::size_t max = 3);

// Prints a parse error as `recall: …` on stderr, with the nearest command or option for an
// unknown one, and returns the exit code (2; 0 for --help and --version, which it prints).
int report_parse_error(CLI::App& app, const CLI::ParseError& error);

// `recall` alone: the commands and a one-line status (cards due today, new cards, where the
// database is), on stdout. Never creates the database.
int run_overview(const CLI::App& app, const Context& context);

// `recall help [COMMAND]`: the overview, or one command's --help.
Command setup_help(CLI::App& parent);

// Throws recall::Error (exit 3) naming the nearest decks when `deck` is not empty and no card is
// in it or below it (nor, with `limits`, does it have limits set).
void require_deck(store::Store& store, const std::string& deck, bool with_limits = false);

// A count option (`--limit`, `--new`, `--top`): a whole number from 0 to 1,000,000,000, with a
// message that says so rather than the range of a double.
CLI::Validator count_check();

}  // namespace recall::cli
