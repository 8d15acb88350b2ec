#include "recall/review/terminal.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
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

namespace {

int from_environment(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (!value || !*value) return fallback;
  char* end = nullptr;
  const long n = std::strtol(value, &end, 10);
  return *end == '\0' && n > 0 && n < 10000 ? static_cast<int>(n) : fallback;
}

std::optional<struct winsize> window_size(bool tty) {
  struct winsize size {};
  if (!tty || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return std::nullopt;
  }
  return size;
}

// State shared with the signal handlers: plain data, set before the handlers are installed.
struct termios g_saved;
volatile std::sig_atomic_t g_raw_active = 0;
volatile std::sig_atomic_t g_full_screen = 0;
volatile std::sig_atomic_t g_resized = 0;
constexpr int kRestoreSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
struct sigaction g_previous[4];
struct sigaction g_previous_winch;
std::terminate_handler g_previous_terminate = nullptr;

constexpr char kEnterScreen[] = "\x1b[?1049h\x1b[?25l";
constexpr char kLeaveScreen[] = "\x1b[?25h\x1b[?1049l";

// Async-signal-safe: write() and tcsetattr() only.
void restore_terminal() {
  if (!g_raw_active) return;
  g_raw_active = 0;
  if (g_full_screen) {
    [[maybe_unused]] const auto n = ::write(STDOUT_FILENO, kLeaveScreen, sizeof kLeaveScreen - 1);
  }
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
}

void restore_and_reraise(int signal_number) {
  restore_terminal();
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void note_resize(int) { g_resized = 1; }

void restore_at_exit() { restore_terminal(); }

[[noreturn]] void restore_and_terminate() {
  restore_terminal();
  if (g_previous_terminate) g_previous_terminate();
  std::abort();
}

void flush_output() {
  std::cout.flush();
  std::fflush(stdout);
}

bool enter_raw() {
  struct termios raw = g_saved;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) return false;
  if (g_full_screen) {
    [[maybe_unused]] const auto n = ::write(STDOUT_FILENO, kEnterScreen, sizeof kEnterScreen - 1);
  }
  g_raw_active = 1;
  return true;
}

}  // namespace

namespace {

// The rest of an escape sequence whose ESC was just read: `[B` of an arrow key, `[6~` of Page
// Down; empty for a lone Esc (nothing follows within 30 ms).
std::string read_escape_sequence() {
  const auto next_byte = [](int wait_ms) -> std::optional<char> {
    struct pollfd fd {
      STDIN_FILENO, POLLIN, 0
    };
    if (poll(&fd, 1, wait_ms) != 1) return std::nullopt;
    char c = 0;
    if (::read(STDIN_FILENO, &c, 1) != 1) return std::nullopt;
    return c;
  };
  std::string sequence;
  const auto introducer = next_byte(30);
  if (!introducer) return sequence;
  sequence += *introducer;
  if (*introducer != '[' && *introducer != 'O') return sequence;  // Alt and a key
  while (sequence.size() < 16) {
    const auto c = next_byte(30);
    if (!c) break;
    sequence += *c;
    if (*introducer == 'O' || (*c >= 0x40 && *c <= 0x7e)) break;  // the final byte
  }
  return sequence;
}

}  // namespace

int Terminal::width() const {
  if (auto size = window_size(m_out_tty)) return size->ws_col;
  return from_environment("COLUMNS", 80);
}

int Terminal::height() const {
  if (auto size = window_size(m_out_tty); size && size->ws_row > 0) return size->ws_row;
  return from_environment("LINES", 24);
}

std::optional<std::string> Terminal::read_key() {
  m_out.flush();
  unsigned char first = 0;
  while (true) {
    if (g_resized) {
      g_resized = 0;
      return std::string(kResizeKey);
    }
    const auto n = ::read(STDIN_FILENO, &first, 1);
    if (n == 1) break;
    if (n < 0 && errno == EINTR) continue;  // SIGWINCH: the loop reports it
    return std::nullopt;
  }
  if (first == '\r') return std::string("\n");
  std::string key(1, static_cast<char>(first));
  if (first == 0x1b) return key + read_escape_sequence();
  // The rest of a UTF-8 sequence (Hangul from an input method arrives as one).
  int more = first >= 0xf0 ? 3 : first >= 0xe0 ? 2 : first >= 0xc0 ? 1 : 0;
  while (more-- > 0) {
    unsigned char next = 0;
    const auto n = ::read(STDIN_FILENO, &next, 1);
    if (n < 0 && errno == EINTR) {
      ++more;
      continue;
    }
    if (n != 1) break;
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

RawMode::RawMode(bool full_screen) {
  if (tcgetattr(STDIN_FILENO, &g_saved) != 0) return;
  g_full_screen = full_screen ? 1 : 0;

  struct sigaction restore {};
  restore.sa_handler = restore_and_reraise;
  sigemptyset(&restore.sa_mask);
  for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i) {
    sigaction(kRestoreSignals[i], &restore, &g_previous[i]);
  }
  // No SA_RESTART: a resize interrupts the blocking read() so that the screen is drawn again.
  struct sigaction winch {};
  winch.sa_handler = note_resize;
  sigemptyset(&winch.sa_mask);
  sigaction(SIGWINCH, &winch, &g_previous_winch);
  static const bool registered = std::atexit(restore_at_exit) == 0;
  (void)registered;
  g_previous_terminate = std::set_terminate(restore_and_terminate);

  flush_output();
  if (!enter_raw()) return;
  m_active = true;
}

RawMode::~RawMode() {
  if (!m_active) return;
  flush_output();
  restore_terminal();
  g_resized = 0;
  std::set_terminate(g_previous_terminate);
  for (std::size_t i = 0; i < std::size(kRestoreSignals); ++i) {
    sigaction(kRestoreSignals[i], &g_previous[i], nullptr);
  }
  sigaction(SIGWINCH, &g_previous_winch, nullptr);
}

void RawMode::pause() {
  if (!m_active) return;
  flush_output();
  restore_terminal();
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGQUIT, SIG_IGN);
}

void RawMode::resume() {
  if (!m_active) return;
  struct sigaction restore {};
  restore.sa_handler = restore_and_reraise;
  sigemptyset(&restore.sa_mask);
  sigaction(SIGINT, &restore, nullptr);
  sigaction(SIGQUIT, &restore, nullptr);
  enter_raw();    // back from the modes saved at the start, whatever the editor left
  g_resized = 1;  // the editor may have left the window another size: draw again
}

}  // namespace recall::review
