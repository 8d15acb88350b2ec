// Runs the real `recall` binary in a fresh temporary folder with its own database and clock.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace recall::test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Lines of JSON output, parsed; fails the test on a line that is not JSON.
inline std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// A temporary folder, removed at the end of the test, holding the database `recall.db`.
class Sandbox {
 public:
  Sandbox() {
    std::string pattern = (fs::temp_directory_path() / "recall-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    m_dir = pattern;
    m_env["RECALL_DB"] = (m_dir / "recall.db").string();
    m_env["RECALL_NOW"] = "2026-03-01T09:30:00+09:00";
    m_env["HOME"] = (m_dir / "home").string();
  }
  ~Sandbox() {
    std::error_code ec;
    if (!std::getenv("RECALL_KEEP_TEST_DIRS")) fs::remove_all(m_dir, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const fs::path& dir() const { return m_dir; }
  fs::path db() const { return m_env.at("RECALL_DB"); }
  void set_env(const std::string& name, const std::string& value) { m_env[name] = value; }
  void unset_env(const std::string& name) { m_env.erase(name); }
  // Runs recall through `wrapper` (`setpriv ... --`, `sh -c '...' recall`): argv is the wrapper,
  // then the binary, then the arguments. Empty: recall itself.
  void set_wrapper(std::vector<std::string> wrapper) { m_wrapper = std::move(wrapper); }
  // Sets RECALL_NOW to 09:30 in Seoul on `date` (YYYY-MM-DD).
  void set_day(const std::string& date) { m_env["RECALL_NOW"] = date + "T09:30:00+09:00"; }

  // Writes a note below the sandbox and returns its path.
  fs::path note(const std::string& relative, const std::string& text) const {
    write_file(m_dir / relative, text);
    return m_dir / relative;
  }

  // Runs recall with `args`, feeding `input` on stdin (a file, so not a terminal).
  Result run(const std::vector<std::string>& args, const std::string& input = {}) const {
    const fs::path in = m_dir / ".stdin", out = m_dir / ".stdout", err = m_dir / ".stderr";
    write_file(in, input);
    const pid_t pid = spawn(args, in, out, err);
    int status = 0;
    waitpid(pid, &status, 0);
    Result result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_all(out);
    result.err = read_all(err);
    return result;
  }

  // Starts recall with stdin from a pipe that the caller writes; stdout to `out`.
  pid_t start(const std::vector<std::string>& args, int& stdin_fd, const fs::path& out) const {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (m_dir / ".stderr").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const pid_t pid = launch(args, actions);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    stdin_fd = fds[1];
    return pid;
  }

 private:
  pid_t spawn(const std::vector<std::string>& args, const fs::path& in, const fs::path& out,
              const fs::path& err) const {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const pid_t pid = launch(args, actions);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  }

  pid_t launch(const std::vector<std::string>& args,
               const posix_spawn_file_actions_t& actions) const {
    std::vector<std::string> argv_store = m_wrapper;
    argv_store.push_back(RECALL_BINARY);
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    // The parent's environment minus anything recall reads, plus the sandbox's.
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) {
      const std::string entry = *e;
      const std::string name = entry.substr(0, entry.find('='));
      if (name.rfind("RECALL_", 0) == 0 || name == "XDG_DATA_HOME" || name == "HOME" ||
          name == "NO_COLOR" || name == "XDG_CONFIG_HOME") {
        continue;
      }
      env_store.push_back(entry);
    }
    for (const auto& [name, value] : m_env) env_store.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    if (posix_spawn(&pid, argv.front(), &actions, nullptr, argv.data(), envp.data()) != 0) {
      throw std::runtime_error(std::string("cannot start ") + argv.front());
    }
    return pid;
  }

  fs::path m_dir;
  std::map<std::string, std::string> m_env;
  std::vector<std::string> m_wrapper;
};

// Every card of the sandbox's collection (`recall cards --format json`), by its question.
inline std::map<std::string, nlohmann::json> cards_by_question(const Sandbox& box) {
  std::map<std::string, nlohmann::json> out;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    out[row["question"].get<std::string>()] = row;
  }
  return out;
}

// The path of a file in the repository.
inline fs::path source_path(const std::string& relative) {
  return fs::path(RECALL_SOURCE_DIR) / relative;
}

}  // namespace recall::test
