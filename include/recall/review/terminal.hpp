// The terminal: raw single keys on a TTY, lines from a pipe, colour only where it belongs.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace recall::review {

enum class Style { plain, bold, dim, question, answer, good, bad };

// Wraps stdin/stdout. Interactive when both are terminals; colour when stdout is a terminal and
// NO_COLOR is unset (or `force_color` says so).
class Terminal {
 public:
  Terminal(std::istream& in, std::ostream& out, bool in_tty, bool out_tty,
           std::optional<bool> force_color = std::nullopt);
  // The process's own stdin/stdout.
  static Terminal standard(std::optional<bool> force_color = std::nullopt);

  bool interactive() const { return m_in_tty && m_out_tty; }
  bool color() const { return m_color; }
  std::ostream& out() { return m_out; }
  // `text` wrapped in the escape codes of `style`, or as it is without colour.
  std::string paint(std::string_view text, Style style) const;

  // One key press, read in raw mode (a UTF-8 character, or "\n", "\x03" for Ctrl-C, "\x1b" for
  // Esc); nullopt at end of input. Only when interactive().
  std::optional<std::string> read_key();
  // One line without its newline; nullopt at end of input.
  std::optional<std::string> read_line();

 private:
  std::istream& m_in;
  std::ostream& m_out;
  bool m_in_tty;
  bool m_out_tty;
  bool m_color;
};

// Puts the terminal on fd 0 in raw mode (no echo, no line buffering, no signals from keys) for
// its lifetime; restores it on destruction and, through a signal handler, on SIGINT and SIGTERM.
class RawMode {
 public:
  RawMode();
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

 private:
  bool m_active = false;
};

}  // namespace recall::review
