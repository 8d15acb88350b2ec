#include "recall/review/terminal.hpp"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

namespace recall::review {

Terminal::Terminal(std::istream& in, std::ostream& out, bool in_tty, bool out_tty,
                   std::optional<bool> force_color)
    : m_in(in), m_out(out), m_in_tty(in_tty), m_out_tty(out_tty) {
  const char* no_color = std::getenv("NO_COLOR");
  m_color = force_color.value_or(out_tty && !(no_color && *no_color));
}

Terminal Terminal::standard(std::optional<bool> force_color) {
  return Terminal(std::cin, std::cout, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
                  force_color);
}

std::string Terminal::paint(std::string_view text, Style style) const {
  if (!m_color || style == Style::plain) return std::string(text);
  const char* code = "";
  switch (style) {
    case Style::plain:
      break;
    case Style::bold:
      code = "\x1b[1m";
      break;
    case Style::dim:
      code = "\x1b[2m";
      break;
    case Style::question:
      code = "\x1b[1;36m";
      break;
    case Style::answer:
      code = "\x1b[32m";
      break;
    case Style::good:
      code = "\x1b[32m";
      break;
    case Style::bad:
      code = "\x1b[31m";
      break;
  }
  return std::string(code) + std::string(text) + "\x1b[0m";
}

std::optional<std::string> Terminal::read_key() {
  m_out.flush();
  unsigned char first = 0;
  if (::read(STDIN_FILENO, &first, 1) != 1) return std::nullopt;
  std::string key(1, static_cast<char>(first));
  if (first == '\r') return std::string("\n");
  // The rest of a UTF-8 sequence (Hangul from an input method arrives as one).
  int more = first >= 0xf0 ? 3 : first >= 0xe0 ? 2 : first >= 0xc0 ? 1 : 0;
  while (more-- > 0) {
    unsigned char next = 0;
    if (::read(STDIN_FILENO, &next, 1) != 1) break;
    key.push_back(static_cast<char>(next));
  }
  return key;
}

std::optional<std::string> Terminal::read_line() {
  m_out.flush();
  std::string line;
  if (!std::getline(m_in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

namespace {

struct termios g_saved;
volatile std::sig_atomic_t g_raw_active = 0;

void restore_and_reraise(int signal_number) {
  if (g_raw_active) tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

RawMode::RawMode() {
  if (tcgetattr(STDIN_FILENO, &g_saved) != 0) return;
  struct termios raw = g_saved;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  std::signal(SIGINT, restore_and_reraise);
  std::signal(SIGTERM, restore_and_reraise);
  std::signal(SIGHUP, restore_and_reraise);
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) return;
  g_raw_active = 1;
  m_active = true;
}

RawMode::~RawMode() {
  if (!m_active) return;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
  g_raw_active = 0;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::signal(SIGHUP, SIG_DFL);
}

}  // namespace recall::review
