// Keys of the review session, typed directly or through a Korean input method.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recall/review/keys.hpp"

using recall::review::Command;
using recall::review::parse_key;

TEST_CASE("keys: each key and its Korean jamo", "[review][keys]") {
  struct Case {
    std::string key;
    Command command;
    int grade;
  };
  const std::vector<Case> cases = {
      {" ", Command::reveal, 0},
      {"\n", Command::reveal, 0},
      {"\r", Command::reveal, 0},
      {"0", Command::grade, 0},
      {"3", Command::grade, 3},
      {"5", Command::grade, 5},
      {"u", Command::undo, 0},
      {"U", Command::undo, 0},
      {"ㅕ", Command::undo, 0},
      {"s", Command::suspend, 0},
      {"ㄴ", Command::suspend, 0},
      {"b", Command::bury, 0},
      {"ㅠ", Command::bury, 0},
      {"e", Command::edit, 0},
      {"ㄷ", Command::edit, 0},
      {"q", Command::quit, 0},
      {"Q", Command::quit, 0},
      {"ㅂ", Command::quit, 0},
      {"?", Command::help, 0},
      {"\x03", Command::interrupt, 0},
      {"\x1b[B", Command::line_down, 0},
      {"\x1bOA", Command::line_up, 0},
      {"j", Command::line_down, 0},
      {"\x1b[6~", Command::page_down, 0},
      {"\x1b[5~", Command::page_up, 0},
      // Piped lines: surrounding blanks are ignored.
      {" 4 ", Command::grade, 4},
      {"u\r", Command::undo, 0},
      {"\tq", Command::quit, 0},
      // Anything else does nothing.
      {"6", Command::none, 0},
      {"x", Command::none, 0},
      {"ㅜ", Command::none, 0},
      {"", Command::none, 0},
      {"45", Command::none, 0},
      {"\x1b", Command::none, 0},
      {"yes", Command::none, 0},
  };
  for (const auto& c : cases) {
    INFO("key '" << c.key << "'");
    const auto press = parse_key(c.key);
    CHECK(press.command == c.command);
    CHECK(press.grade == c.grade);
  }
}
