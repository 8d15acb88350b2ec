// Private to src/cli: what every command is handed.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "recall/config/settings.hpp"
#include "recall/core/clock.hpp"
#include "recall/review/terminal.hpp"
#include "recall/store/store.hpp"

namespace CLI {
class App;
}

namespace recall::cli {

struct Context {
  std::optional<std::filesystem::path> db_flag;
  int rollover_hour = 4;
  core::Now now;
  review::Terminal* terminal = nullptr;
  config::Settings settings;  // what db_flag and rollover_hour were set from, and the rest

  std::filesystem::path db_path() const { return store::default_db_path(db_flag); }
  std::chrono::sys_days today() const { return core::review_day(now, rollover_hour); }
};

// Opens (creating when missing) the database of `context`.
std::unique_ptr<store::Store> open_store(const Context& context);

// Opens the database of `context` when it exists; throws recall::Error (exit 3, "no collection
// at PATH: run `recall import NOTES` first") when it does not: commands that only read never
// create one.
std::unique_ptr<store::Store> open_existing_store(const Context& context);

// Copies `db` as a backup (store::take_backup), first telling on stderr when the file is large
// enough for the copy to take a while: `recall: backing up recall.db (1.9 GB) before the import
// …`. A failed copy is a warning naming `what`, never the end of the command.
void backup(const std::filesystem::path& db, const Context& context, const std::string& why,
            const std::string& what);

// Prints `recall: warning: <message>` on stderr.
void warn(const std::string& message);
// A note's warning the same way, as `<source>:<line>: <message>` (no line when it has none).
void warn(const extract::Warning& warning);

struct ImportOptions;
struct ReviewOptions;
struct StatsOptions;
struct CardsOptions;

}  // namespace recall::cli
