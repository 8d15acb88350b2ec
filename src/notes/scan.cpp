// Finding note files under the imported roots and reading them.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <system_error>

#include "recall/core/error.hpp"
#include "recall/notes/front_matter.hpp"
#include "recall/notes/ignore.hpp"
#include "recall/notes/normalize.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::notes {
namespace fs = std::filesystem;
namespace {

using Found = FoundNote;

// Deeper than this, a folder tree is more likely a loop the link checks missed (bind mounts) than
// notes; the limit also bounds the recursion.
constexpr int kMaxFolderDepth = 100;

// A listed file with its size and modification time (-1 each when they cannot be found out), from
// one stat() where std::filesystem would make one per property.
Found found_file(const fs::directory_entry& entry, std::string source, std::string deck) {
  Found found{entry.path(), std::move(source), std::move(deck)};
  std::error_code ec;
  found.is_symlink = entry.is_symlink(ec);  // from the folder listing, no system call
  struct stat st {};
  if (::stat(entry.path().c_str(), &st) == 0) {
    found.size = static_cast<std::int64_t>(st.st_size);
    const auto since_epoch =
        std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec);
    const auto file_time = fs::file_time_type::clock::from_sys(
        std::chrono::sys_time<std::chrono::nanoseconds>(since_epoch));
    found.mtime_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(file_time.time_since_epoch()).count();
    found.device = static_cast<std::uint64_t>(st.st_dev);
    found.inode = static_cast<std::uint64_t>(st.st_ino);
  }
  return found;
}

bool is_hidden(const std::string& name) { return !name.empty() && name.front() == '.'; }

bool has_note_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

std::string join_rel(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "/" + name;
}

// Whether `path` is `folder` or below it (both canonical).
bool is_within(const fs::path& path, const fs::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

// What kind of file a mode is, for the warning that skips it.
std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a folder";
  return "not a regular file";
}

class Walker {
 public:
  Walker(const fs::path& root, NoteListing& listing, const IgnoreRules& rules)
      : m_found(listing.files),
        m_warnings(listing.warnings),
        m_unread(listing.unread_folders),
        m_rules(rules) {
    std::error_code ec;
    m_root = fs::canonical(root, ec);
    if (ec) m_root = fs::absolute(root).lexically_normal();
  }

  // Collects the note files below the root; folders reached through symbolic links are walked
  // after the real ones, so that a file reached both ways is listed by its real path.
  void walk_all(const fs::path& root) {
    walk(root, "", 0);
    while (!m_deferred.empty()) {
      const Deferred link = std::move(m_deferred.front());
      m_deferred.erase(m_deferred.begin());
      walk(link.path, link.rel, link.depth);
    }
  }

 private:
  struct Deferred {
    fs::path path;
    std::string rel;
    int depth = 0;
  };

  void warn(const fs::path& path, const std::string& message) {
    m_warnings.push_back({path.generic_string(), 0, message});
  }

  // Collects the note files below `folder`; `rel` is its path below the root, `/` separated.
  void walk(const fs::path& folder, const std::string& rel, int depth) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(folder, ec);
    if (!ec && !m_visited.insert(canonical).second) return;  // reached before through a link
    if (depth > kMaxFolderDepth) {
      warn(folder, "folders nested deeper than " + std::to_string(kMaxFolderDepth) +
                       " levels are not searched");
      return;
    }

    fs::directory_iterator it(folder, ec);
    if (ec) {
      m_warnings.push_back({rel, 0, "cannot read folder: " + ec.message()});
      m_unread.push_back(folder);
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        m_warnings.push_back({rel, 0, "cannot read folder: " + ec.message()});
        m_unread.push_back(folder);
        break;
      }
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (is_hidden(name)) continue;
      const std::string child_rel = join_rel(rel, name);
      std::error_code status_ec;
      const bool is_folder = entry.is_directory(status_ec);
      if (!m_rules.empty() && m_rules.ignores(to_nfc_lossy(child_rel), is_folder)) continue;
      if (entry.is_symlink(status_ec)) {
        follow_link(entry, canonical.empty() ? folder : canonical, rel, child_rel, depth);
      } else if (is_folder) {
        walk(entry.path(), child_rel, depth + 1);
      } else if (has_note_extension(entry.path())) {
        // Devices, FIFOs and sockets too: read_note() names them in a warning and skips them.
        m_found.push_back(
            found_file(entry, child_rel, join_rel(rel, entry.path().stem().string())));
      }
    }
  }

  // A symbolic link is followed only to a file or folder inside the root, and never to a folder
  // that contains it (a loop); each refusal is a warning naming the link.
  void follow_link(const fs::directory_entry& entry, const fs::path& here, const std::string& rel,
                   const std::string& child_rel, int depth) {
    std::error_code ec;
    const fs::path target = fs::canonical(entry.path(), ec);
    if (ec) {
      if (ec == std::errc::too_many_symbolic_link_levels) {
        warn(entry.path(), "symbolic link loop: not followed");
      } else {
        std::error_code read_ec;
        const fs::path to = fs::read_symlink(entry.path(), read_ec);
        warn(entry.path(), "dangling symbolic link (to " + to.generic_string() + "): skipped");
      }
      return;
    }
    if (!is_within(target, m_root)) {
      warn(entry.path(), "symbolic link leads outside " + m_root.generic_string() + " (to " +
                             target.generic_string() + "): not followed");
      return;
    }
    if (fs::is_directory(target, ec)) {
      if (is_within(here, target)) {
        warn(entry.path(), "symbolic link loop (to " + target.generic_string() + "): not followed");
        return;
      }
      m_deferred.push_back({entry.path(), child_rel, depth + 1});
    } else if (has_note_extension(entry.path())) {
      m_found.push_back(found_file(entry, child_rel, join_rel(rel, entry.path().stem().string())));
    }
  }

  std::vector<Found>& m_found;
  std::vector<extract::Warning>& m_warnings;
  std::vector<fs::path>& m_unread;
  const IgnoreRules& m_rules;
  fs::path m_root;  // canonical
  std::set<fs::path> m_visited;
  std::vector<Deferred> m_deferred;
};

// Why a file cannot be read as a note (not regular, too large, unreadable), or nullopt with the
// whole file in `bytes`. Opens without blocking (a FIFO) and reads at most max_bytes + 1 bytes.
std::optional<std::string> read_regular(const fs::path& path, std::uint64_t max_bytes,
                                        std::string& bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return "cannot read file: " + std::error_code(errno, std::generic_category()).message();
  }
  if (!S_ISREG(st.st_mode)) return kind_of(st.st_mode) + ", not a regular file: skipped";
  const auto too_large = [&] {
    return "larger than the note size limit of " + std::to_string(max_bytes) +
           " bytes (--max-note-size): skipped";
  };
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return too_large();
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return "cannot read file: " + std::error_code(errno, std::generic_category()).message();
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return kind_of(st.st_mode) + ", not a regular file: skipped";  // replaced since the stat()
  }
  bytes.clear();
  bytes.reserve(static_cast<std::size_t>(
      std::min<std::uint64_t>(static_cast<std::uint64_t>(st.st_size), max_bytes)));
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return "cannot read file: " + std::error_code(errno, std::generic_category()).message();
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (bytes.size() > max_bytes) return too_large();  // grew while being read
  }
  return std::nullopt;
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_bytes(const fs::path& path) {
  std::string bytes;
  if (read_regular(path, kDefaultMaxNoteSize, bytes)) return std::nullopt;
  return bytes;
}

// The `.recallignore` at the top of an imported folder; a file that cannot be used is a warning
// and ignores nothing.
IgnoreRules read_ignore_rules(const fs::path& root, std::vector<extract::Warning>& warnings) {
  const fs::path file = root / ".recallignore";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return {};
  const std::optional<std::string> bytes = read_bytes(file);
  if (!bytes) {
    warnings.push_back({file.generic_string(), 0, "cannot read file"});
    return {};
  }
  const NormalizedText text = normalize_text(*bytes);
  if (!text.problem.empty()) {
    warnings.push_back({file.generic_string(), text.problem_line, text.problem});
    return {};
  }
  return IgnoreRules::parse(text.text);
}

}  // namespace

NoteListing list_notes(const std::vector<fs::path>& roots) {
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (!fs::exists(root, ec)) throw Error("no such file or folder", root.string(), kExitNotFound);
  }

  NoteListing listing;
  std::vector<Found>& found = listing.files;
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      const IgnoreRules rules = read_ignore_rules(root, listing.warnings);
      Walker(root, listing, rules).walk_all(root);
    } else {
      // A file named on the command line is listed whatever its extension.
      found.push_back(found_file(fs::directory_entry(root, ec), root.filename().string(),
                                 root.stem().string()));
    }
  }
  for (Found& file : found) {
    file.source = to_nfc_lossy(file.source);
    file.deck = to_nfc_lossy(file.deck);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.source < b.source; });
  // A file reached twice (a link to a note that is listed too, two roots that overlap) is listed
  // once: by a path that is not a symbolic link when there is one, else by its first source.
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> by_identity;
  std::vector<bool> drop(found.size(), false);
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i].size < 0) continue;  // not looked at: read_note() will say why
    const auto [it, added] = by_identity.try_emplace({found[i].device, found[i].inode}, i);
    if (added) continue;
    if (found[it->second].is_symlink && !found[i].is_symlink) {
      drop[it->second] = true;
      it->second = i;
    } else {
      drop[i] = true;
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) found[kept] = std::move(found[i]);  // never onto itself: that empties it
    ++kept;
  }
  found.resize(kept);
  return listing;
}

std::optional<NoteFile> read_note(const FoundNote& found, std::vector<extract::Warning>& warnings,
                                  std::uint64_t max_bytes) {
  std::string bytes;
  if (const std::optional<std::string> problem = read_regular(found.path, max_bytes, bytes)) {
    warnings.push_back({found.path.generic_string(), 0, *problem});
    return std::nullopt;
  }
  NormalizedText text = normalize_text(bytes);
  std::string().swap(bytes);
  if (!text.problem.empty()) {
    warnings.push_back({found.path.generic_string(), text.problem_line, text.problem});
    return std::nullopt;
  }
  if (const auto problem = front_matter_problem(text.text)) {
    warnings.push_back({found.path.generic_string(), problem->line, problem->message});
  }
  return NoteFile{found.path, found.source, found.deck, std::move(text.text)};
}

ScanResult scan(const std::vector<fs::path>& roots) {
  NoteListing listing = list_notes(roots);
  ScanResult result;
  result.warnings = std::move(listing.warnings);
  for (const FoundNote& found : listing.files) {
    std::optional<NoteFile> file = read_note(found, result.warnings);
    if (file) {
      result.files.push_back(std::move(*file));
    } else {
      result.skipped.push_back(found.path);
    }
  }
  return result;
}

}  // namespace recall::notes
