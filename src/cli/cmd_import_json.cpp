// recall import-json: a JSON backup (recall export --format json) back into a new database.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/interop/json_backup.hpp"

namespace recall::cli {

struct ImportJsonOptions {
  std::string file;
};

namespace {

int run_import_json(const ImportJsonOptions& options, const Context& context) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.file, ec)) {
    throw Error("no such file", options.file, kExitNotFound);
  }
  std::ifstream in(options.file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error("cannot read the file", options.file);
  const auto backup = interop::backup_from_json(text.str(), options.file);
  auto store = open_store(context);
  store->restore(backup);
  std::size_t reviews = 0;
  for (const auto& card : backup.cards) reviews += card.reviews.size();
  context.terminal->out() << "Restored " << backup.cards.size() << " cards, " << reviews
                          << " reviews and " << backup.notes.size() << " notes from "
                          << options.file << '\n';
  return kExitOk;
}

}  // namespace

Command setup_import_json(CLI::App& parent) {
  auto options = std::make_shared<ImportJsonOptions>();
  CLI::App* app = parent.add_subcommand(
      "import-json", "Restore a JSON backup (recall export --format json) into a new database");
  app->add_option("FILE", options->file, "The backup to read")->required();
  app->footer(
      "The database (--db, RECALL_DB) must hold no notes or cards yet: a backup is restored "
      "whole, keys, schedules and review log as they were, in one transaction.");
  return {app, [options](const Context& context) { return run_import_json(*options, context); }};
}

}  // namespace recall::cli
