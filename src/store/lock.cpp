#include "recall/store/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace recall::store {
namespace {

std::string lock_path(const std::filesystem::path& db, const std::string& name) {
  return db.string() + "." + name + ".lock";
}

long read_holder(int fd) {
  char buffer[32] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return 0;
  return std::strtol(buffer, nullptr, 10);
}

void write_holder(int fd) {
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The pid only makes the other process's message better; the lock holds without it.
  }
}

int open_lock(const std::filesystem::path& db, const std::string& name) {
  return ::open(lock_path(db, name).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

}  // namespace

std::optional<ProcessLock> ProcessLock::try_take(const std::filesystem::path& db,
                                                 const std::string& name, long& holder) {
  holder = 0;
  const int fd = open_lock(db, name);
  if (fd < 0) return ProcessLock(-1);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    holder = read_holder(fd);
    ::close(fd);
    return std::nullopt;
  }
  write_holder(fd);
  return ProcessLock(fd);
}

ProcessLock ProcessLock::take(const std::filesystem::path& db, const std::string& name,
                              const std::function<void(long)>& on_wait) {
  long holder = 0;
  if (auto lock = try_take(db, name, holder)) return std::move(*lock);
  if (on_wait) on_wait(holder);
  const int fd = open_lock(db, name);
  if (fd < 0) return ProcessLock(-1);
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) break;
  }
  write_holder(fd);
  return ProcessLock(fd);
}

ProcessLock::ProcessLock(ProcessLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }

ProcessLock& ProcessLock::operator=(ProcessLock&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = other.m_fd;
    other.m_fd = -1;
  }
  return *this;
}

ProcessLock::~ProcessLock() {
  if (m_fd >= 0) {
    if (::ftruncate(m_fd, 0) != 0) {
      // the next holder overwrites it
    }
    ::close(m_fd);  // releases the flock
  }
}

}  // namespace recall::store
