// recall backups, recall restore NAME, recall undo [--force]: the copies taken before imports and
// migrations, putting one back, and undoing the last import.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/core/error.hpp"
#include "recall/store/backups.hpp"
#include "recall/store/lock.hpp"

namespace recall::cli {

namespace {

// Imports wait; a review session open on the database is asked to finish first, since it would
// go on answering cards of the state being replaced.
store::ProcessLock lock_for_replacing(const Context& context) {
  long holder = 0;
  const auto session = store::ProcessLock::try_take(context.db_path(), "review", holder);
  if (!session) {
    throw Error("a review session is open on this database (process " + std::to_string(holder) +
                    "); finish it first",
                context.db_path().string());
  }
  return store::ProcessLock::take(context.db_path(), "import", [](long other) {
    warn("waiting for another import (process " + std::to_string(other) + ") to finish");
  });
}

int run_backups(const Context& context) {
  open_existing_store(context);
  const auto backups = store::list_backups(context.db_path());
  auto& out = context.terminal->out();
  if (backups.empty()) {
    out << "No backups of " << context.db_path().string()
        << " yet: one is taken before every import that changes cards and every upgrade of the "
           "database, in "
        << store::backup_dir().string() << ".\n";
    return kExitOk;
  }
  out << "name\ttaken (UTC)\tbefore\tbytes\n";
  for (const auto& b : backups) {
    out << b.name << '\t' << b.taken_at << '\t' << b.why << '\t' << b.size << '\n';
  }
  return kExitOk;
}

int run_restore(const std::string& name, const Context& context) {
  open_existing_store(context);
  const auto backups = store::list_backups(context.db_path());
  const auto found = std::find_if(backups.begin(), backups.end(),
                                  [&](const store::BackupFile& b) { return b.name == name; });
  if (found == backups.end()) {
    std::vector<std::string> names;
    for (const auto& b : backups) names.push_back(b.name);
    const auto near = nearest(name, names, 1);
    throw Error("no such backup" + (near.empty() ? "" : " (nearest: " + near.front() + ")") +
                    "; `recall backups` lists them",
                name, kExitNotFound);
  }
  const auto lock = lock_for_replacing(context);
  const auto saved =
      store::take_backup(context.db_path(), core::format_utc(context.now.utc), "restore");
  store::restore_backup(context.db_path(), found->path);
  context.terminal->out() << "Restored " << found->name << " (taken " << found->taken_at
                          << "); what was there is saved as " << saved.name << ".\n";
  return kExitOk;
}

int run_undo(bool force, const Context& context) {
  open_existing_store(context);
  const auto lock = lock_for_replacing(context);
  const auto backups = store::list_backups(context.db_path());
  const auto last = std::find_if(backups.begin(), backups.end(),
                                 [](const store::BackupFile& b) { return b.why == "import"; });
  if (last == backups.end()) {
    throw Error("no import to undo: none has changed cards since backups were kept");
  }
  const auto answers = store::last_review_id(context.db_path()) - store::last_review_id(last->path);
  if (answers > 0 && !force) {
    throw Error("the last import (" + last->taken_at + ") was followed by " +
                std::to_string(answers) + " answer" + (answers == 1 ? "" : "s") +
                " in review, which undoing it would lose; `recall undo --force` undoes it anyway "
                "(the present state is saved as a backup first)");
  }
  const auto saved =
      store::take_backup(context.db_path(), core::format_utc(context.now.utc), "undo");
  store::restore_backup(context.db_path(), last->path);
  std::error_code ec;
  std::filesystem::remove(last->path, ec);  // the next undo goes one import further back
  auto& out = context.terminal->out();
  out << "Undid the import of " << last->taken_at;
  if (answers > 0) out << ", and " << answers << " answer" << (answers == 1 ? "" : "s") << " since";
  out << "; what was there is saved as " << saved.name << " (`recall restore` puts it back).\n";
  return kExitOk;
}

}  // namespace

Command setup_backups(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "backups", "List the copies of the database taken before imports and upgrades");
  app->footer(
      "Backups are kept in $XDG_DATA_HOME/recall/backups (else ~/.local/share/recall/backups), "
      "named after the database: the newest 10, and one a day older than those.");
  return {app, [](const Context& context) { return run_backups(context); }};
}

Command setup_restore(CLI::App& parent) {
  auto name = std::make_shared<std::string>();
  CLI::App* app = parent.add_subcommand(
      "restore", "Put a backup in place of the database (the present state is backed up first)");
  app->add_option("name", *name, "The backup, as `recall backups` lists it")->required();
  return {app, [name](const Context& context) { return run_restore(*name, context); }};
}

Command setup_undo(CLI::App& parent) {
  auto force = std::make_shared<bool>(false);
  CLI::App* app = parent.add_subcommand(
      "undo", "Undo the last import that changed cards, when no review has happened since");
  app->add_flag("--force", *force,
                "Undo it even though answers were given since (they are lost; the present state "
                "is backed up first)");
  return {app, [force](const Context& context) { return run_undo(*force, context); }};
}

}  // namespace recall::cli
