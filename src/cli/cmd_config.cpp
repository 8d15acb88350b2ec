// recall config: the settings in effect and where each came from (command line, environment,
// settings file, default).
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/review/render.hpp"

namespace recall::cli {

struct ConfigOptions {};

namespace {

struct Row {
  std::string name;
  std::string value;
  config::Source source;
  std::string origin;
};

template <typename T>
Row row(std::string name, const config::Value<T>& v, std::string shown) {
  return {std::move(name), std::move(shown), v.source, v.origin};
}

template <typename T>
Row row(std::string name, const config::Value<T>& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return row(std::move(name), v, v.value);
  } else {
    return row(std::move(name), v, std::to_string(v.value));
  }
}

int run_config(const Context& context) {
  const auto& s = context.settings;
  auto& out = context.terminal->out();
  const std::vector<Row> rows = {
      row("db", s.db, context.db_path().string()),
      row("rollover_hour", s.rollover_hour),
      row("new_per_day", s.new_per_day),
      row("reviews_per_day", s.reviews_per_day),
      row("buttons", s.buttons),
      row("color", s.color),
      row("editor", s.editor),
  };
  out << "settings file: "
      << (s.file ? s.file->string() + (s.file_found ? "" : " (not found)")
                 : std::string("none (neither XDG_CONFIG_HOME nor HOME is set)"))
      << "\n\n";
  int value_width = 5;
  for (const Row& r : rows) value_width = std::max(value_width, review::display_width(r.value));
  for (const Row& r : rows) {
    std::string source(config::to_string(r.source));
    if (!r.origin.empty()) source += " (" + r.origin + ")";
    out << r.name << std::string(17 - r.name.size(), ' ') << r.value
        << std::string(static_cast<std::size_t>(value_width - review::display_width(r.value) + 2),
                       ' ')
        << source << '\n';
  }
  return kExitOk;
}

}  // namespace

Command setup_config(CLI::App& parent) {
  CLI::App* app =
      parent.add_subcommand("config", "Show the settings in effect and where each comes from");
  app->footer(
      "Settings are read from $XDG_CONFIG_HOME/recall/config.toml (else "
      "~/.config/recall/config.toml), TOML with the keys db, rollover_hour, new_per_day, "
      "reviews_per_day, buttons (4 or 6), color (auto, always, never) and editor. Command-line "
      "options override environment variables (RECALL_DB, RECALL_ROLLOVER_HOUR, NO_COLOR, "
      "EDITOR, VISUAL), which override the file.");
  return {app, [](const Context& context) { return run_config(context); }};
}

}  // namespace recall::cli
