// The terminal: raw single keys on a TTY, lines from a pipe, colour only where it belongs.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace recall::review {

enum class Style { plain, bold, dim, question, answer, good, bad };

// What Terminal::read_key returns when the window changed size (never a real key).
inline constexpr std::string_view kResizeKey = "\x1b[resize]";

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
  // Whether stdout is a terminal (charts belong there, with or without colour).
  bool output_is_terminal() const { return m_out_tty; }
  std::ostream& out() { return m_out; }
  // `text` wrapped in the escape codes of `style`, or as it is without colour.
  std::string paint(std::string_view text, Style style) const;

  // The window's size: the terminal's on stdout, else $COLUMNS / $LINES, else 80 x 24.
  int width() const;
  int height() const;

  // One key press, read in raw mode (a UTF-8 character, or "\n", "\x03" for Ctrl-C, "\x1b" for
  // Esc), or kResizeKey after SIGWINCH while a RawMode is active; nullopt at end of input. Only
  // when interactive().
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
// its lifetime and, with `full_screen`, switches fd 1 to the alternate screen with the cursor
// hidden. Everything is put back by the destructor, and also when the process ends another way:
// on SIGINT, SIGTERM, SIGHUP and SIGQUIT (a handler restores, then the signal takes its default
// effect), on exit() and on std::terminate. While active, SIGWINCH makes read_key() return
// kResizeKey. One RawMode at a time.
class RawMode {
 public:
  explicit RawMode(bool full_screen = false);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  // Gives the terminal back as it was (for an editor) until resume(); SIGINT and SIGQUIT are
  // ignored meanwhile, so that Ctrl-C in the editor does not end the session.
  void pause();
  void resume();

 private:
  bool m_active = false;
};

}  // namespace recall::review
