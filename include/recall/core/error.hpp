// recall::Error: the one exception type of recall, and the process exit codes.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace recall {

// Exit codes of the `recall` binary, documented in README.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,   // an error while running a command (bad database, bad input file)
  kExitUsage = 2,     // bad command line
  kExitNotFound = 3,  // a path given on the command line does not exist
  kExitWarnings = 4,  // the command finished, but some inputs were skipped with warnings
  kExitInterrupted = 130,
};

// What failed and where. `where` is a path, `path:line` or a card key; it may be empty.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, std::string where = {}, int exit_code = kExitFailure)
      : std::runtime_error(where.empty() ? what : where + ": " + what),
        m_where(std::move(where)),
        m_exit_code(exit_code) {}

  const std::string& where() const noexcept { return m_where; }
  int exit_code() const noexcept { return m_exit_code; }

 private:
  std::string m_where;
  int m_exit_code;
};

}  // namespace recall
