// The settings in effect: the command line over the environment over the settings file
// ($XDG_CONFIG_HOME/recall/config.toml) over the built-in defaults, each with where it came from.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recall::config {

enum class Source { built_in, file, environment, command_line };

// default, file, environment, command line.
std::string_view to_string(Source source);

template <typename T>
struct Value {
  T value{};
  Source source = Source::built_in;
  std::string origin;  // what set it: "--db", "RECALL_DB", "config.toml:3"; empty for a default
};

// What the settings file says; a key it does not set is nullopt.
struct FileSettings {
  std::optional<std::string> db;
  std::optional<int> rollover_hour;
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
  std::optional<int> buttons;
  std::optional<std::string> color;
  std::optional<std::string> editor;
  std::string origin_of(std::string_view key) const;  // "path:line" of a key
  std::filesystem::path path;
  std::vector<std::pair<std::string, int>> lines;  // key, line
};

// The settings file: $XDG_CONFIG_HOME/recall/config.toml when XDG_CONFIG_HOME is an absolute
// path, else $HOME/.config/recall/config.toml; nullopt with neither. `getenv` reads the
// environment (std::getenv in the binary).
using Getenv = std::function<const char*(const char*)>;
std::optional<std::filesystem::path> settings_path(const Getenv& getenv);

// Reads the settings file at `path` (TOML). A missing file sets nothing. Throws recall::Error
// naming `path:line` for a file that is not TOML, an unknown key, or a value of the wrong type
// or out of range (the same ranges as the command-line options).
FileSettings read_settings_file(const std::filesystem::path& path);

// The global options as given on the command line; nullopt where not given.
struct Flags {
  std::optional<std::string> db;
  std::optional<int> rollover_hour;
  std::optional<std::string> color;
};

struct Settings {
  std::optional<std::filesystem::path> file;  // where the settings file is looked for
  bool file_found = false;
  Value<std::string> db;  // empty: the built-in place (store::default_db_path)
  Value<int> rollover_hour{4, Source::built_in, {}};
  Value<int> new_per_day{20, Source::built_in, {}};  // default daily limits (no `recall limits`)
  Value<int> reviews_per_day{200, Source::built_in, {}};
  Value<int> buttons{6, Source::built_in, {}};             // review's grade keys: 6 or 4
  Value<std::string> color{"auto", Source::built_in, {}};  // auto, always, never
  Value<std::string> editor{"vi", Source::built_in, {}};
};

// Resolves every setting. Environment: RECALL_DB, RECALL_ROLLOVER_HOUR, NO_COLOR (color never),
// EDITOR then VISUAL. Throws recall::Error (exit code usage) for a bad RECALL_ROLLOVER_HOUR.
Settings resolve(const Flags& flags, const std::optional<std::filesystem::path>& file_path,
                 const FileSettings& file, const Getenv& getenv);

}  // namespace recall::config
