// Private to src/cli: the subcommands. Each file defines one setup_X, which adds its
// subcommand to the parent app and returns how to run it; its options live in the closure.
#pragma once

#include <functional>

#include "context.hpp"

namespace recall::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Context&)> run;
};

Command setup_import(CLI::App& parent);
Command setup_review(CLI::App& parent);
Command setup_stats(CLI::App& parent);
Command setup_cards(CLI::App& parent);
Command setup_limits(CLI::App& parent);
Command setup_report(CLI::App& parent);
Command setup_completion(CLI::App& parent);
Command setup_config(CLI::App& parent);
Command setup_help(CLI::App& parent);
Command setup_show(CLI::App& parent);
Command setup_suspend(CLI::App& parent);
Command setup_unsuspend(CLI::App& parent);
Command setup_forget(CLI::App& parent);
Command setup_bury(CLI::App& parent);
Command setup_roots(CLI::App& parent);
Command setup_backups(CLI::App& parent);
Command setup_restore(CLI::App& parent);
Command setup_undo(CLI::App& parent);
Command setup_add(CLI::App& parent);
Command setup_export(CLI::App& parent);
Command setup_import_json(CLI::App& parent);
Command setup_import_anki(CLI::App& parent);

}  // namespace recall::cli
