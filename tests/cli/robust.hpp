// Helpers for the misuse tests (test_concurrency.cpp, test_hostile.cpp): processes that must not
// hang, running recall as an unprivileged user, and reading the database directly.
#pragma once

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "harness.hpp"

namespace recall::test {

// A child that exits before reading its input must not kill the test with SIGPIPE.
inline const bool kIgnoreSigpipe = [] {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}();

// Waits for `pid` at most `limit` (a guard against hanging, not a timing assertion): the exit
// code, 128 + signal, or 124 when it had to be killed.
// A note of `cards` `Q:`/`A:` pairs: `Q: Card 1?` / `A: answer 1`, ….
inline std::string deck_of(int cards, const std::string& prefix = "Card") {
  std::string text = "# Deck\n\n";
  for (int i = 1; i <= cards; ++i) {
    text += "Q: " + prefix + " " + std::to_string(i) + "?\nA: answer " + std::to_string(i) + "\n\n";
  }
  return text;
}

inline int wait_bounded(pid_t pid, std::chrono::seconds limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return 124;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs recall with `input` on stdin, killed after `limit`: for inputs that used to hang.
inline Result run_bounded(const Sandbox& box, const std::vector<std::string>& args,
                          const std::string& input = {},
                          std::chrono::seconds limit = std::chrono::seconds(60)) {
  int in = -1;
  const fs::path out = box.dir() / ".bounded-stdout";
  const pid_t pid = box.start(args, in, out);
  if (!input.empty() && ::write(in, input.data(), input.size()) < 0) {
    // the process may have exited already; its exit code tells
  }
  ::close(in);
  Result result;
  result.exit_code = wait_bounded(pid, limit);
  result.out = read_all(out);
  result.err = read_all(box.dir() / ".stderr");
  return result;
}

// Waits until `file` contains `text` (a process reached a point), at most `limit`.
inline bool wait_for_text(const fs::path& file, const std::string& text,
                          std::chrono::seconds limit = std::chrono::seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (read_all(file).find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

constexpr uid_t kNobody = 65534;

// Makes the sandbox run recall as `nobody` when the tests run as root (CI does), so that file
// permissions mean something; a no-op otherwise. Hands everything in the sandbox to nobody:
// call it after writing the files. False when root and setpriv is missing: permission checks
// cannot be tested then.
inline bool unprivileged(Sandbox& box) {
  if (geteuid() != 0) return true;
  if (!fs::exists("/usr/bin/setpriv")) return false;
  auto give = [](const fs::path& p) {
    if (::lchown(p.c_str(), kNobody, kNobody) != 0) throw std::runtime_error("lchown failed");
  };
  // A copy of the binary in the sandbox: nobody may not be able to reach the build folder (a
  // clone under /root).
  const fs::path binary = box.dir() / "recall-as-nobody";
  fs::copy_file(RECALL_BINARY, binary, fs::copy_options::overwrite_existing);
  give(box.dir());
  for (const auto& entry : fs::recursive_directory_iterator(box.dir())) give(entry.path());
  // sh drops the path of the usual binary, which the harness puts first, and runs the copy.
  box.set_wrapper({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                   "/bin/sh", "-c", "shift; exec \"$0\" \"$@\"", binary.string()});
  return true;
}

// A direct connection to a database, for checks and for holding locks; closed at the end.
class Db {
 public:
  explicit Db(const fs::path& path) {
    if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) throw std::runtime_error("sqlite3_open");
    sqlite3_busy_timeout(m_db, 60000);
  }
  ~Db() { sqlite3_close(m_db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : "?";
      sqlite3_free(message);
      throw std::runtime_error(sql + ": " + text);
    }
  }
  // The first column of the first row, as text ("" when there is none).
  std::string text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(m_db));
    }
    std::string out;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* value = sqlite3_column_text(statement, 0);
      out = value ? reinterpret_cast<const char*>(value) : "";
    }
    sqlite3_finalize(statement);
    return out;
  }
  long long number(const std::string& sql) { return std::stoll("0" + text(sql)); }

 private:
  sqlite3* m_db = nullptr;
};

}  // namespace recall::test
