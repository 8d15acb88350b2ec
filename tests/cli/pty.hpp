// A pseudo-terminal for end-to-end tests: the real `recall` on the slave side, driven key by
// key from the master side.
#pragma once

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <utmp.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "harness.hpp"

namespace recall::test {

// `recall` on the slave side of a new pseudo-terminal. The test keeps the slave open too, so
// that its modes can be read after the child has exited.
class PtyRecall {
 public:
  PtyRecall(const Sandbox& box, const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env = {}, unsigned short columns = 80,
            unsigned short rows = 24) {
    struct winsize size {};
    size.ws_col = columns;
    size.ws_row = rows;
    REQUIRE(openpty(&m_master, &m_slave, nullptr, nullptr, &size) == 0);
    REQUIRE(tcgetattr(m_slave, &m_before) == 0);
    REQUIRE((m_before.c_lflag & ICANON) != 0);
    REQUIRE((m_before.c_lflag & ECHO) != 0);

    m_pid = fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
      close(m_master);
      login_tty(m_slave);
      for (const char* name :
           {"RECALL_DB", "RECALL_NOW", "RECALL_ROLLOVER_HOUR", "XDG_DATA_HOME", "NO_COLOR",
            "EDITOR", "VISUAL", "XDG_CONFIG_HOME", "COLUMNS", "LINES"}) {
        unsetenv(name);
      }
      setenv("RECALL_DB", box.db().c_str(), 1);
      setenv("RECALL_NOW", "2026-03-01T09:30:00+09:00", 1);
      setenv("HOME", (box.dir() / "home").c_str(), 1);
      setenv("TERM", "xterm-256color", 1);
      setenv("NO_COLOR", "1", 1);  // plain text on screen: easier to match
      for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
      std::vector<std::string> store{RECALL_BINARY};
      store.insert(store.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : store) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(RECALL_BINARY, argv.data());
      _exit(127);
    }
  }

  ~PtyRecall() {
    if (m_pid > 0 && !m_exited) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    close(m_master);
    close(m_slave);
  }

  PtyRecall(const PtyRecall&) = delete;
  PtyRecall& operator=(const PtyRecall&) = delete;

  void send(const std::string& keys) {
    REQUIRE(write(m_master, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }

  // Reads until `text` appears after the mark (the end of what was read by the last wait), then
  // moves the mark past it. A safety deadline keeps a broken binary from hanging the suite.
  void wait_for(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (m_output.find(text, m_mark) == std::string::npos) {
      INFO("waiting for: " << text << "\nscreen so far (tail):\n" << tail());
      REQUIRE(std::chrono::steady_clock::now() < deadline);
      read_some(100);
    }
    m_mark = m_output.find(text, m_mark) + text.size();
  }

  // Waits for the child to end; returns its exit code, or 128 + the signal that ended it.
  int wait_exit() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    int status = 0;
    while (true) {
      read_some(50);
      const pid_t done = waitpid(m_pid, &status, WNOHANG);
      if (done == m_pid) break;
      INFO("waiting for recall to exit; screen so far (tail):\n" << tail());
      REQUIRE(std::chrono::steady_clock::now() < deadline);
    }
    m_exited = true;
    while (read_some(0)) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // The terminal modes as the test left them before the child ran, and as they are now.
  const struct termios& before() const { return m_before; }
  struct termios now() const {
    struct termios t {};
    tcgetattr(m_slave, &t);
    return t;
  }

  void resize(unsigned short columns, unsigned short rows) {
    struct winsize size {};
    size.ws_col = columns;
    size.ws_row = rows;
    REQUIRE(ioctl(m_master, TIOCSWINSZ, &size) == 0);  // the kernel sends SIGWINCH
  }

  const std::string& output() const { return m_output; }

  // Reads until nothing more has come for `quiet_ms`: the frame being drawn is complete (the
  // binary writes a frame in one burst of line-buffered writes). Bounded by the same deadline.
  void settle(int quiet_ms = 300) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (read_some(quiet_ms)) {
      REQUIRE(std::chrono::steady_clock::now() < deadline);
    }
  }
  pid_t pid() const { return m_pid; }

 private:
  bool read_some(int wait_ms) {
    struct pollfd fd {
      m_master, POLLIN, 0
    };
    if (poll(&fd, 1, wait_ms) != 1) return false;
    char buffer[4096];
    const ssize_t n = read(m_master, buffer, sizeof buffer);
    if (n <= 0) return false;
    m_output.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  std::string tail() const {
    return m_output.size() > 1500 ? m_output.substr(m_output.size() - 1500) : m_output;
  }

  int m_master = -1;
  int m_slave = -1;
  pid_t m_pid = -1;
  bool m_exited = false;
  struct termios m_before {};
  std::string m_output;
  std::size_t m_mark = 0;
};

}  // namespace recall::test
