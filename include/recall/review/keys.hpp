// The review session's keys, and the same keys typed with a Korean input method.
#pragma once

#include <string_view>

namespace recall::review {

enum class Command {
  none,
  reveal,
  grade,
  undo,
  suspend,
  bury,
  edit,
  help,
  quit,
  interrupt,
  line_down,  // scrolling a card taller than the window
  line_up,
  page_down,
  page_up,
};

struct KeyPress {
  Command command = Command::none;
  int grade = 0;  // 0-5 when command is grade
};

// What one key (a UTF-8 character from Terminal::read_key) or one line from a pipe (without its
// newline; surrounding spaces and tabs are ignored) asks for: space or Enter reveal, 0-5 grade,
// u undo, s suspend, b bury, e edit, ? help, q quit, Ctrl-C interrupt; letters in either case.
// A card taller than the window scrolls with the arrow keys, j and k, Page Up and Page Down.
// With a Korean input method (dubeolsik layout) the same physical keys send Hangul jamo, which
// mean the same: ㅕ u, ㄴ s, ㅠ b, ㄷ e, ㅂ q. Anything else is Command::none.
KeyPress parse_key(std::string_view key);

}  // namespace recall::review
