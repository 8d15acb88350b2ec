// recall as an installed tool: the settings file and its precedence, `recall config`, the
// completion scripts, and the error messages a user reads.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "harness.hpp"

using recall::test::Sandbox;

namespace {

// The `recall config` row of `name`: its value and its source.
std::pair<std::string, std::string> config_row(const std::string& out, const std::string& name) {
  const std::regex row("(^|\\n)" + name + " +(\\S+) +([^\\n]+)");
  std::smatch m;
  if (!std::regex_search(out, m, row)) return {};
  return {m[2], m[3]};
}

}  // namespace

TEST_CASE("config: command line over environment over file over default", "[config]") {
  Sandbox box;
  box.unset_env("RECALL_DB");
  const auto config = box.dir() / "xdg" / "recall" / "config.toml";
  box.set_env("XDG_CONFIG_HOME", (box.dir() / "xdg").string());

  SECTION("defaults without a file") {
    const auto r = box.run({"config"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(config.string() + " (not found)"));
    CHECK(config_row(r.out, "rollover_hour") ==
          std::pair<std::string, std::string>{"4", "default"});
    CHECK(config_row(r.out, "buttons").second == "default");
    CHECK(config_row(r.out, "db").first ==
          (box.dir() / "home" / ".local" / "share" / "recall" / "recall.db").string());
  }
  SECTION("each level overrides the one below") {
    recall::test::write_file(config,
                             "# mine\ndb = \"~/cards.db\"\nrollover_hour = 6\n"
                             "buttons = 4\nnew_per_day = 2\ncolor = \"always\"\n");
    auto r = box.run({"config"});
    REQUIRE(r.exit_code == 0);
    CHECK(config_row(r.out, "db") ==
          std::pair<std::string, std::string>{(box.dir() / "home" / "cards.db").string(),
                                              "file (" + config.string() + ":2)"});
    CHECK(config_row(r.out, "rollover_hour") ==
          std::pair<std::string, std::string>{"6", "file (" + config.string() + ":3)"});
    CHECK(config_row(r.out, "buttons").first == "4");
    CHECK(config_row(r.out, "new_per_day").first == "2");

    box.set_env("RECALL_ROLLOVER_HOUR", "7");
    box.set_env("RECALL_DB", (box.dir() / "env.db").string());
    box.set_env("NO_COLOR", "1");
    r = box.run({"config"});
    CHECK(config_row(r.out, "rollover_hour") ==
          std::pair<std::string, std::string>{"7", "environment (RECALL_ROLLOVER_HOUR)"});
    CHECK(config_row(r.out, "db").first == (box.dir() / "env.db").string());
    CHECK(config_row(r.out, "color") ==
          std::pair<std::string, std::string>{"never", "environment (NO_COLOR)"});

    r = box.run({"--rollover-hour", "8", "--db", (box.dir() / "flag.db").string(), "--color",
                 "always", "config"});
    CHECK(config_row(r.out, "rollover_hour") ==
          std::pair<std::string, std::string>{"8", "command line (--rollover-hour)"});
    CHECK(config_row(r.out, "db").first == (box.dir() / "flag.db").string());
    CHECK(config_row(r.out, "color").first == "always");
  }
  SECTION("the file's settings take effect: database, buttons, daily new cards") {
    recall::test::write_file(config, "db = \"" + (box.dir() / "from-file.db").string() +
                                         "\"\nbuttons = 4\nnew_per_day = 2\n");
    REQUIRE(box.run({"import", box.note("deck.md",
                                        "Q: A?\nA: a\n\nQ: B?\nA: b\n\n"
                                        "Q: C?\nA: c\n")
                                   .string()})
                .exit_code == 0);
    CHECK(recall::test::fs::exists(box.dir() / "from-file.db"));
    // Four buttons from a pipe: 4 is Easy; 0 is no grade there. Two new cards a day.
    const auto r = box.run({"review"}, "0\n4\n4\n");
    CHECK_THAT(r.out, Catch::Contains("1 again · 2 hard · 3 good · 4 easy"));
    CHECK_THAT(r.out, Catch::Contains("expected a grade 1-4"));
    CHECK_THAT(r.out, Catch::Contains("2 cards reviewed"));
    // --buttons on the command line wins over the file.
    box.set_day("2026-03-05");
    CHECK_THAT(box.run({"review", "--buttons", "6"}, "q\n").out, Catch::Contains("0 blackout"));
  }
  SECTION("a bad file is an error naming file:line") {
    recall::test::write_file(config, "rollover_hour = 4\nbuttons = 5\n");
    auto r = box.run({"config"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(config.string() + ":2: buttons must be 4 or 6"));
    recall::test::write_file(config, "colour = \"never\"\n");
    r = box.run({"stats"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(config.string() + ":1: unknown setting 'colour'"));
    recall::test::write_file(config, "db = [\n");
    CHECK(box.run({"config"}).exit_code == 1);
  }
}

TEST_CASE("completion: the bash script completes commands, options and their values",
          "[completion]") {
  Sandbox box;
  const auto script = box.run({"completion", "bash"});
  REQUIRE(script.exit_code == 0);
  recall::test::write_file(box.dir() / "recall.bash", script.out);
  // `complete_words WORD...` prints what bash would offer for the last word.
  const auto complete = [&](const std::string& words) {
    recall::test::write_file(box.dir() / "complete.sh",
                             "source '" + (box.dir() / "recall.bash").string() + "'\nCOMP_WORDS=(" +
                                 words +
                                 ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n_recall\n"
                                 "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    const std::string command = "bash '" + (box.dir() / "complete.sh").string() + "' > '" +
                                (box.dir() / "out.txt").string() + "' 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    return recall::test::read_all(box.dir() / "out.txt");
  };
  CHECK(complete("recall rev") == "review\n");
  CHECK(complete("recall review --bu") == "--buttons\n");
  CHECK(complete("recall review --buttons ''") == "4\n6\n");
  CHECK(complete("recall --color a") == "auto\nalways\n");
  CHECK(complete("recall stats --by ''") == "deck\nfile\nsection\n");
  CHECK(complete("recall completion ''") == "bash\nzsh\nfish\n");
  // Every subcommand's options, as its --help lists them, are in every script.
  std::map<std::string, std::string> scripts;
  for (const char* shell : {"bash", "zsh", "fish"})
    scripts[shell] = box.run({"completion", shell}).out;
  for (const char* command :
       {"import", "review", "stats", "report", "cards", "limits", "config", "completion"}) {
    const auto help = box.run({command, "--help"}).out;
    const std::regex option("--[a-z][a-z-]+");
    for (const auto& [shell, text] : scripts) {
      INFO(shell << " " << command);
      CHECK(text.find(command) != std::string::npos);
      for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
           it != std::sregex_iterator(); ++it) {
        const std::string name = it->str();
        CHECK(text.find(shell == "fish" ? "-l " + name.substr(2) : name) != std::string::npos);
      }
    }
  }
  CHECK(box.run({"completion", "tcsh"}).exit_code == 2);
}

TEST_CASE("report: an unwritable path is named with the reason", "[report]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("n.md", "Q: One?\nA: 1.\n").string()}).exit_code == 0);
  auto r = box.run({"report", "--html", "/nonexistent/r.html"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/r.html: cannot write the report: No such file "
                                    "or directory"));
  CHECK_THAT(r.err, !Catch::Contains(".tmp"));
}

TEST_CASE("review: a session of no cards gives no share of grades", "[review]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", "Q: A?\nA: a\n").string()}).exit_code == 0);
  const auto r = box.run({"review"}, "q\n");
  CHECK_THAT(r.out, Catch::Contains("Session: 0 cards reviewed, 0 new"));
  CHECK_THAT(r.out, !Catch::Contains("0% graded"));
}
