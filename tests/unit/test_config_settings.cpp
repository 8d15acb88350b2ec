// Settings: command line over environment over file over default, and the file's errors.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "recall/config/settings.hpp"
#include "recall/core/error.hpp"

using namespace recall;
namespace fs = std::filesystem;

namespace {

struct TempFile {
  fs::path path = fs::temp_directory_path() / ("recall-config-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(rand()) + ".toml");
  explicit TempFile(const std::string& text) { std::ofstream(path) << text; }
  ~TempFile() { fs::remove(path); }
};

config::Getenv env_of(const std::map<std::string, std::string>& env) {
  return [env](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST_CASE("config: each setting from the highest level that sets it", "[config]") {
  TempFile file(
      "db = \"~/x.db\"\nrollover_hour = 6\nbuttons = 4\ncolor = \"always\"\n"
      "editor = \"nano\"\nnew_per_day = 5\n");
  const auto from_file = config::read_settings_file(file.path);
  const auto none = env_of({{"HOME", "/home/u"}});
  auto s = config::resolve({}, file.path, from_file, none);
  CHECK(s.file_found);
  CHECK(s.db.value == "/home/u/x.db");
  CHECK(s.db.source == config::Source::file);
  CHECK(s.db.origin == file.path.string() + ":1");
  CHECK(s.rollover_hour.value == 6);
  CHECK(s.buttons.value == 4);
  CHECK(s.new_per_day.value == 5);
  CHECK(s.reviews_per_day.source == config::Source::built_in);
  CHECK(s.reviews_per_day.value == 200);

  const auto env = env_of({{"HOME", "/home/u"},
                           {"RECALL_DB", "/e.db"},
                           {"RECALL_ROLLOVER_HOUR", "7"},
                           {"NO_COLOR", "1"},
                           {"VISUAL", "code -w"},
                           {"EDITOR", "vim"}});
  s = config::resolve({}, file.path, from_file, env);
  CHECK(s.db.value == "/e.db");
  CHECK(s.rollover_hour.value == 7);
  CHECK(s.color.value == "never");
  CHECK(s.editor.value == "vim");  // EDITOR before VISUAL, as before the settings file
  CHECK(s.editor.origin == "EDITOR");

  s = config::resolve({"/f.db", 9, "always"}, file.path, from_file, env);
  CHECK(s.db.value == "/f.db");
  CHECK(s.db.source == config::Source::command_line);
  CHECK(s.rollover_hour.value == 9);
  CHECK(s.color.value == "always");

  CHECK_THROWS_AS(config::resolve({}, std::nullopt, {}, env_of({{"RECALL_ROLLOVER_HOUR", "25"}})),
                  Error);
}

TEST_CASE("config: where the file is, and a missing file", "[config]") {
  CHECK(config::settings_path(env_of({{"XDG_CONFIG_HOME", "/c"}, {"HOME", "/h"}})) ==
        fs::path("/c/recall/config.toml"));
  CHECK(config::settings_path(env_of({{"XDG_CONFIG_HOME", "relative"}, {"HOME", "/h"}})) ==
        fs::path("/h/.config/recall/config.toml"));
  CHECK(config::settings_path(env_of({})) == std::nullopt);
  const auto missing = config::read_settings_file("/nonexistent/recall/config.toml");
  CHECK(missing.lines.empty());
  CHECK(!missing.db);
}

TEST_CASE("config: a bad file names file:line and what is wrong", "[config]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"buttons = 5\n", ":1: buttons must be 4 or 6"},
      {"\nrollover_hour = 24\n", ":2: rollover_hour must be a whole number from 0 to 23"},
      {"rollover_hour = \"4\"\n", ":1: rollover_hour must be a whole number"},
      {"db = 3\n", ":1: db must be a string"},
      {"color = \"blue\"\n", ":1: color must be auto, always or never"},
      {"# c\n\ncolour = \"never\"\n", ":3: unknown setting 'colour'"},
      {"db = [\n", ":"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    TempFile file(text);
    try {
      config::read_settings_file(file.path);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK_THAT(e.what(), Catch::StartsWith(file.path.string() + expected));
    }
  }
}
