#include "recall/config/settings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <system_error>

#include "recall/core/error.hpp"

namespace recall::config {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 7> kKeys = {
    "db", "rollover_hour", "new_per_day", "reviews_per_day", "buttons", "color", "editor"};

std::string place(const fs::path& path, const toml::source_region& source) {
  return path.string() + ":" + std::to_string(source.begin.line);
}

std::optional<std::string> text_of(const toml::node& node, const fs::path& path,
                                   std::string_view key) {
  if (const auto value = node.value<std::string>()) return *value;
  throw Error(std::string(key) + " must be a string", place(path, node.source()));
}

int integer_of(const toml::node& node, const fs::path& path, std::string_view key, int low,
               int high) {
  const auto value = node.value<std::int64_t>();
  if (!node.is_integer() || !value || *value < low || *value > high) {
    throw Error(std::string(key) + " must be a whole number from " + std::to_string(low) + " to " +
                    std::to_string(high),
                place(path, node.source()));
  }
  return static_cast<int>(*value);
}

// `~/x` as $HOME/x: the file is written by hand, and the shell does not expand it there.
std::string expand_home(const std::string& text, const Getenv& getenv) {
  if (text.rfind("~/", 0) != 0) return text;
  const char* home = getenv("HOME");
  return home && *home ? (fs::path(home) / text.substr(2)).string() : text;
}

}  // namespace

std::string_view to_string(Source source) {
  switch (source) {
    case Source::built_in:
      return "default";
    case Source::file:
      return "file";
    case Source::environment:
      return "environment";
    case Source::command_line:
      return "command line";
  }
  return "default";
}

std::string FileSettings::origin_of(std::string_view key) const {
  for (const auto& [name, line] : lines) {
    if (name == key) return path.string() + ":" + std::to_string(line);
  }
  return path.string();
}

std::optional<fs::path> settings_path(const Getenv& getenv) {
  if (const char* xdg = getenv("XDG_CONFIG_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "recall" / "config.toml";
  }
  if (const char* home = getenv("HOME"); home && *home) {
    return fs::path(home) / ".config" / "recall" / "config.toml";
  }
  return std::nullopt;
}

FileSettings read_settings_file(const fs::path& path) {
  FileSettings out;
  out.path = path;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw Error("not a valid settings file: " + std::string(e.description()),
                place(path, e.source()));
  }
  for (const auto& [key, node] : table) {
    const std::string_view name = key.str();
    if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
      throw Error("unknown setting '" + std::string(name) +
                      "' (known: db, rollover_hour, new_per_day, reviews_per_day, buttons, "
                      "color, editor)",
                  place(path, key.source()));
    }
    out.lines.emplace_back(std::string(name), static_cast<int>(key.source().begin.line));
    if (name == "db") out.db = text_of(node, path, name);
    if (name == "editor") out.editor = text_of(node, path, name);
    if (name == "rollover_hour") out.rollover_hour = integer_of(node, path, name, 0, 23);
    if (name == "new_per_day") out.new_per_day = integer_of(node, path, name, 0, 1'000'000);
    if (name == "reviews_per_day") {
      out.reviews_per_day = integer_of(node, path, name, 0, 1'000'000);
    }
    if (name == "buttons") {
      const int buttons = integer_of(node, path, name, 4, 6);
      if (buttons == 5) throw Error("buttons must be 4 or 6", place(path, node.source()));
      out.buttons = buttons;
    }
    if (name == "color") {
      out.color = text_of(node, path, name);
      if (*out.color != "auto" && *out.color != "always" && *out.color != "never") {
        throw Error("color must be auto, always or never", place(path, node.source()));
      }
    }
  }
  return out;
}

Settings resolve(const Flags& flags, const std::optional<fs::path>& file_path,
                 const FileSettings& file, const Getenv& getenv) {
  Settings s;
  s.file = file_path;
  s.file_found = !file.lines.empty() || (file_path && fs::exists(*file_path));
  const auto from_file = [&](auto& value, const auto& setting, std::string_view key) {
    if (!setting) return;
    value.value = *setting;
    value.source = Source::file;
    value.origin = file.origin_of(key);
  };
  const auto env = [&](const char* name) -> const char* {
    const char* v = getenv(name);
    return v && *v ? v : nullptr;
  };

  from_file(s.db, file.db, "db");
  if (s.db.source == Source::file) s.db.value = expand_home(s.db.value, getenv);
  if (const char* v = env("RECALL_DB")) s.db = {v, Source::environment, "RECALL_DB"};
  if (flags.db && !flags.db->empty()) s.db = {*flags.db, Source::command_line, "--db"};

  from_file(s.rollover_hour, file.rollover_hour, "rollover_hour");
  if (const char* v = env("RECALL_ROLLOVER_HOUR")) {
    char* end = nullptr;
    const long hour = std::strtol(v, &end, 10);
    if (*end != '\0' || hour < 0 || hour > 23) {
      throw Error("RECALL_ROLLOVER_HOUR must be a whole hour from 0 to 23", "", kExitUsage);
    }
    s.rollover_hour = {static_cast<int>(hour), Source::environment, "RECALL_ROLLOVER_HOUR"};
  }
  if (flags.rollover_hour) {
    s.rollover_hour = {*flags.rollover_hour, Source::command_line, "--rollover-hour"};
  }

  from_file(s.new_per_day, file.new_per_day, "new_per_day");
  from_file(s.reviews_per_day, file.reviews_per_day, "reviews_per_day");
  from_file(s.buttons, file.buttons, "buttons");

  from_file(s.color, file.color, "color");
  if (env("NO_COLOR")) s.color = {"never", Source::environment, "NO_COLOR"};
  if (flags.color) s.color = {*flags.color, Source::command_line, "--color"};

  from_file(s.editor, file.editor, "editor");
  if (const char* v = env("VISUAL")) s.editor = {v, Source::environment, "VISUAL"};
  if (const char* v = env("EDITOR")) s.editor = {v, Source::environment, "EDITOR"};
  return s;
}

}  // namespace recall::config
