#include "recall/review/keys.hpp"

#include <array>

namespace recall::review {
namespace {

struct Binding {
  std::string_view key;
  Command command;
};

// The letter keys and, for each, the compatibility jamo that the same key sends on the standard
// Korean (dubeolsik) layout.
constexpr std::array<Binding, 25> kBindings{{
    {"u", Command::undo},
    {"U", Command::undo},
    {"ㅕ", Command::undo},
    {"s", Command::suspend},
    {"S", Command::suspend},
    {"ㄴ", Command::suspend},
    {"b", Command::bury},
    {"B", Command::bury},
    {"ㅠ", Command::bury},
    {"e", Command::edit},
    {"E", Command::edit},
    {"ㄷ", Command::edit},
    {"q", Command::quit},
    {"Q", Command::quit},
    {"ㅂ", Command::quit},
    // Scrolling: arrows (normal and application cursor mode), j and k, Page Down and Page Up.
    {"j", Command::line_down},
    {"\x1b[B", Command::line_down},
    {"\x1bOB", Command::line_down},
    {"k", Command::line_up},
    {"\x1b[A", Command::line_up},
    {"\x1bOA", Command::line_up},
    {"\x1b[6~", Command::page_down},
    {"\x1b[5~", Command::page_up},
    {"J", Command::line_down},
    {"K", Command::line_up},
}};

}  // namespace

KeyPress parse_key(std::string_view key) {
  if (key == " " || key == "\n" || key == "\r") return {Command::reveal, 0};
  while (!key.empty() && (key.front() == ' ' || key.front() == '\t')) key.remove_prefix(1);
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t' || key.back() == '\r')) {
    key.remove_suffix(1);
  }
  if (key.size() == 1 && key[0] >= '0' && key[0] <= '5') return {Command::grade, key[0] - '0'};
  if (key == "\x03") return {Command::interrupt, 0};
  if (key == "?") return {Command::help, 0};
  for (const Binding& binding : kBindings) {
    if (binding.key == key) return {binding.command, 0};
  }
  return {};
}

}  // namespace recall::review
