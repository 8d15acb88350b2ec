// Advisory locks between recall processes on one database: one review session at a time, one
// import at a time. Held with flock(2), so that a process that dies (even by SIGKILL) lets go.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace recall::store {

// One lock, released when destroyed. Its file `<database>.<name>.lock` sits next to the
// database and holds the process id of its holder.
class ProcessLock {
 public:
  // Takes the lock `name` of the database at `db` when no other process holds it. Else returns
  // nullopt and sets `holder` to the process id written by the holder (0 when unknown). A lock
  // file that cannot be created (a read-only folder) gives a lock that holds nothing: the store
  // refuses such a database anyway.
  static std::optional<ProcessLock> try_take(const std::filesystem::path& db,
                                             const std::string& name, long& holder);
  // Takes the lock, waiting for as long as another process holds it; `on_wait` is told the
  // holder's process id once, before waiting.
  static ProcessLock take(const std::filesystem::path& db, const std::string& name,
                          const std::function<void(long holder)>& on_wait);

  ProcessLock(ProcessLock&& other) noexcept;
  ProcessLock& operator=(ProcessLock&& other) noexcept;
  ProcessLock(const ProcessLock&) = delete;
  ProcessLock& operator=(const ProcessLock&) = delete;
  ~ProcessLock();

 private:
  explicit ProcessLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace recall::store
