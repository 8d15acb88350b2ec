// Note roots: the folders `recall import` was given, remembered in the database so that decks
// are named from a note's path below its root whatever path the next import names, and so that
// `recall import` alone can import them all again.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace recall::store {

// What `recall roots` shows of one root.
struct RootUsage {
  std::string path;  // absolute
  int notes = 0;     // notes below it with at least one card that is not retired
  int cards = 0;     // cards below it that are not retired
};

// The roots table of one database, through a connection of its own (the database must exist
// and be migrated: open it with Store first). Every change is one transaction. Throws
// recall::Error when the database cannot be opened.
class Roots {
 public:
  explicit Roots(const std::filesystem::path& db);
  ~Roots();
  Roots(const Roots&) = delete;
  Roots& operator=(const Roots&) = delete;

  // Every root, sorted.
  std::vector<std::string> list();
  // Remembers `path` as a root and forgets the roots inside it (they are part of it now).
  void add(const std::string& path, const std::string& now_utc);
  // Forgets a root; false when it was not one.
  bool remove(const std::string& path);
  std::vector<RootUsage> usage();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The root a path (absolute, normalized) is in or is: the outermost of `roots` that is `path` or
// a folder above it; empty when none.
std::string root_of(const std::string& path, const std::vector<std::string>& roots);

}  // namespace recall::store
