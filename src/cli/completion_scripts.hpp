// Private to src/cli: completion scripts for bash, zsh and fish, written from a plain
// description of the command line (cmd_completion.cpp reads it off the CLI11 definitions).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace recall::cli::completion {

// One option as a shell sees it.
struct Flag {
  std::string name;         // --deck, or "" for a positional argument
  std::string description;  // one line, without quotes
  bool takes_value = false;
  std::vector<std::string> choices;  // from an IsMember check: {auto,always,never}
};

struct Subcommand {
  std::string name;
  std::string description;
  std::vector<Flag> flags;
  bool positional = false;                      // takes words that are not options
  std::vector<std::string> positional_choices;  // … from a fixed list
};

// Text safe inside single quotes and zsh's [description]: the first sentence of `text`, without
// double quotes, brackets, colons, backquotes, backslashes or dollars; ' becomes ’.
std::string clean(const std::string& text);

// Writes the script for `shell` (bash, zsh or fish) completing `recall` with the global options
// of `root` and the subcommands `subs`.
void write_script(std::ostream& out, const std::string& shell, const Subcommand& root,
                  const std::vector<Subcommand>& subs);

}  // namespace recall::cli::completion
