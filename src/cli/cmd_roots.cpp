// recall roots [rm PATH]: the folders the collection imports from, and forgetting one.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/core/error.hpp"
#include "recall/store/lock.hpp"
#include "recall/store/roots.hpp"
#include "recall/sync/import.hpp"

namespace recall::cli {

namespace {

int list_roots(const Context& context) {
  auto store = open_existing_store(context);
  store::Roots roots(context.db_path());
  auto& out = context.terminal->out();
  const auto usage = roots.usage();
  if (usage.empty()) {
    out << "No note roots yet: `recall import NOTES` imports a folder and remembers it.\n";
    return kExitOk;
  }
  out << "root\tnotes\tcards\n";
  for (const auto& root : usage) {
    std::error_code ec;
    out << root.path << '\t' << root.notes << '\t' << root.cards
        << (std::filesystem::exists(root.path, ec) ? "" : "\t(missing)") << '\n';
  }
  return kExitOk;
}

int remove_root(const std::string& given, const Context& context) {
  auto store = open_existing_store(context);
  store::Roots roots(context.db_path());
  const std::string path = sync::absolute_path(given);
  const auto known = roots.list();
  if (std::find(known.begin(), known.end(), path) == known.end()) {
    const auto near = nearest(path, known, 3);
    std::string message = "not a note root";
    if (!near.empty()) message += " (nearest: " + near.front() + ")";
    message += "; `recall roots` lists them";
    throw Error(message, path, kExitNotFound);
  }
  // Its cards retire as a note's do when it is removed: an import of nothing with the root in
  // scope, under the import lock, in one transaction; the log is kept.
  const auto lock = store::ProcessLock::take(context.db_path(), "import", [](long holder) {
    warn("waiting for another import (process " + std::to_string(holder) + ") to finish");
  });
  const auto plan = store->plan_import({}, {path}, {}, false);
  store->apply_import(plan, context.now.utc);
  roots.remove(path);
  const int retired = plan.count(store::PlanAction::retired);
  context.terminal->out() << "Forgot note root " << path << ": " << retired << " card"
                          << (retired == 1 ? "" : "s")
                          << " retired (their review history is kept; importing the folder "
                             "again restores them).\n";
  return kExitOk;
}

}  // namespace

Command setup_roots(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "roots", "The folders the collection imports from, with their note and card counts");
  auto path = std::make_shared<std::string>();
  CLI::App* rm = app->add_subcommand("rm", "Forget a note root and retire its cards");
  rm->add_option("path", *path, "The root, as `recall roots` lists it")->required();
  app->footer(
      "A folder given to `recall import` becomes a root: decks are named from a note's path "
      "below it, whatever path a later import names, and `recall import` alone imports every "
      "root again. A root that moved is recognised when its new place is imported.");
  return {app, [rm, path](const Context& context) {
            return rm->parsed() ? remove_root(*path, context) : list_roots(context);
          }};
}

}  // namespace recall::cli
