#include "recall/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <csignal>
#include <cstdlib>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string_view>

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/core/error.hpp"
#include "recall/store/backups.hpp"

namespace recall::cli {

namespace {

// A database larger than this is said before it is copied: a 2 GB copy takes minutes. The hidden
// override RECALL_BACKUP_NOTICE_BYTES (a byte count) lets a test see the notice on a small file.
std::uintmax_t notice_bytes() {
  constexpr std::uintmax_t kNoticeBytes = 64u << 20;
  const char* value = std::getenv("RECALL_BACKUP_NOTICE_BYTES");
  if (value == nullptr) return kNoticeBytes;
  std::uintmax_t parsed = 0;
  const std::string_view text(value);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  return error == std::errc{} && end == text.data() + text.size() ? parsed : kNoticeBytes;
}

}  // namespace

void backup(const std::filesystem::path& db, const Context& context, const std::string& why,
            const std::string& what) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(db, ec);
  if (!ec && size >= notice_bytes()) {
    const double mb = static_cast<double>(size) / 1e6;
    std::ostringstream line;
    line.precision(mb >= 100 ? 0 : 1);
    line << std::fixed << "recall: backing up " << db.filename().string() << " (" << mb
         << " MB) before " << what << "; this can take a while\n";
    std::cerr << line.str() << std::flush;
  }
  try {
    store::take_backup(db, core::format_utc(context.now.utc), why);
  } catch (const Error& e) {
    warn("no backup before " + what + ": " + e.what());
  }
}

std::unique_ptr<store::Store> open_store(const Context& context) {
  // A copy before a migration (docs: "Backups"); a failed copy is a warning, not the end.
  if (store::needs_migration(context.db_path())) {
    backup(context.db_path(), context, "migration", "upgrading the database");
  }
  auto store = std::make_unique<store::Store>(context.db_path());
  store->set_on_busy([](int attempt) {
    warn("the database is busy: another recall process is writing to it" +
         std::string(attempt == 1 ? "" : " (still, try " + std::to_string(attempt) + ")") +
         "; what is being saved is kept and tried again");
  });
  return store;
}

void warn(const std::string& message) { std::cerr << "recall: warning: " << message << '\n'; }

void warn(const extract::Warning& w) {
  warn(w.source + (w.line > 0 ? ":" + std::to_string(w.line) : "") + ": " + w.message);
}

namespace {

constexpr std::array kCommands = {setup_import, setup_review, setup_stats, setup_cards,
                                  setup_limits, setup_report, setup_completion, setup_config,
                                  setup_show,   setup_suspend, setup_unsuspend, setup_forget,
                                  setup_bury,   setup_roots,  setup_backups, setup_restore,
                                  setup_undo,   setup_add,    setup_export,  setup_import_json,
                                  setup_import_anki, setup_help};

}  // namespace

int run(int argc, char** argv) {
  // A file size limit (ulimit -f) makes a write fail with EFBIG, which SQLite reports and the
  // transaction rolls back, rather than killing the process without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"recall: spaced-repetition flashcards from the notes you already write"};
  app.set_version_flag("--version", std::string("recall ") + RECALL_VERSION);
  app.require_subcommand(0, 1);  // none: the command list and status (run_overview)
  app.fallthrough();

  Context context;
  std::optional<std::string> db;
  std::optional<int> rollover;
  std::optional<std::string> color;
  app.add_option("--db", db,
                 "Database file (default: $RECALL_DB, else $XDG_DATA_HOME/recall/recall.db)");
  app.add_option("--rollover-hour", rollover,
                 "Hour at which a new review day starts (default: $RECALL_ROLLOVER_HOUR, else 4)")
      ->check(CLI::Range(0, 23));
  app.add_option("--color", color, "Colour: auto, always or never (NO_COLOR also turns it off)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.footer(
      "Environment: RECALL_DB, RECALL_NOW (ISO 8601 with offset, replaces the clock), "
      "RECALL_ROLLOVER_HOUR, XDG_DATA_HOME, XDG_CONFIG_HOME, NO_COLOR, EDITOR.\n"
      "Settings file: $XDG_CONFIG_HOME/recall/config.toml (`recall config` shows the settings in "
      "effect); options override the environment, which overrides the file.\n"
      "Exit codes: 0 ok, 1 error, 2 usage, 3 path not found, 4 done with files skipped, "
      "130 interrupted.");

  std::vector<Command> commands;
  for (auto setup : kCommands) commands.push_back(setup(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
  }

  try {
    const config::Getenv getenv = [](const char* name) { return std::getenv(name); };
    const auto settings_file = config::settings_path(getenv);
    const auto file =
        settings_file ? config::read_settings_file(*settings_file) : config::FileSettings{};
    context.settings = config::resolve({db, rollover, color}, settings_file, file, getenv);
    const auto& settings = context.settings;
    if (settings.db.source != config::Source::built_in) context.db_flag = settings.db.value;
    context.rollover_hour = settings.rollover_hour.value;
    context.now = core::now_from_environment();
    std::optional<bool> force_color;
    if (settings.color.value == "always") force_color = true;
    if (settings.color.value == "never") force_color = false;
    auto terminal = review::Terminal::standard(force_color);
    context.terminal = &terminal;
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run(context);
    }
    return run_overview(app, context);
  } catch (const Error& e) {
    std::cerr << "recall: error: " << e.what() << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "recall: error: " << e.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace recall::cli
