// Finding note files under the imported roots and reading them.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <unordered_map>

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
// one stat() where std::filesystem would make one per property. `folder_fd` is the open folder
// that holds `name` (a stat relative to it does not walk the whole path again), or -1 to stat
// `path` itself.
Found found_file(std::string path, int folder_fd, const std::string& name, bool is_symlink,
                 std::string source, std::string deck) {
  Found found{std::move(path), std::move(source), std::move(deck)};
  found.is_symlink = is_symlink;
  struct stat st {};
  const int status =
      folder_fd >= 0 ? ::fstatat(folder_fd, name.c_str(), &st, 0) : ::stat(found.path.c_str(), &st);
  if (status == 0) {
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

bool is_hidden(std::string_view name) { return !name.empty() && name.front() == '.'; }

// Where a file name's extension starts, as std::filesystem::path::extension() finds it (the
// last `.`, not the first character), or its size when it has none.
std::size_t extension_at(std::string_view name) {
  if (name == "." || name == "..") return name.size();
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name.size() : dot;
}

bool has_note_extension(std::string_view name) {
  std::string extension(name.substr(extension_at(name)));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

// The file name without its extension, as std::filesystem::path::stem() gives it.
std::string_view stem_of(std::string_view name) { return name.substr(0, extension_at(name)); }

// `folder / name` as std::filesystem::path writes it (no `/` added after an empty folder or one
// that ends in `/`), without splitting it into components.
std::string join_path(const std::string& folder, std::string_view name) {
  std::string out;
  out.reserve(folder.size() + 1 + name.size());
  out += folder;
  if (!folder.empty() && folder.back() != '/') out += '/';
  return out += name;
}

std::string join_rel(const std::string& prefix, std::string_view name) {
  std::string out;
  out.reserve(prefix.size() + 1 + name.size());
  if (!prefix.empty()) (out += prefix) += '/';
  return out += name;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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

struct CloseDir {
  void operator()(DIR* dir) const { ::closedir(dir); }
};

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

  // One name read from a folder, with the type the listing gave (DT_UNKNOWN when it gave none).
  struct Child {
    std::string name;
    unsigned char type = DT_UNKNOWN;
  };

  void warn(const fs::path& path, const std::string& message) {
    m_warnings.push_back({path.generic_string(), 0, message});
  }

  void cannot_read(const fs::path& folder, const std::string& rel, int error) {
    m_warnings.push_back(
        {rel, 0,
         "cannot read folder: " + std::error_code(error, std::generic_category()).message()});
    m_unread.push_back(folder);
  }

  // Collects the note files below `folder`; `rel` is its path below the root, `/` separated.
  // The folder is read with readdir() and its files are looked at with fstatat() relative to
  // it: the types readdir() gives spare a stat per folder and per link, and a stat relative to
  // the folder does not resolve the whole path again for every file.
  void walk(const fs::path& folder, const std::string& rel, int depth) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(folder, ec);
    if (!ec && !m_visited.insert(canonical).second) return;  // reached before through a link
    if (depth > kMaxFolderDepth) {
      warn(folder, "folders nested deeper than " + std::to_string(kMaxFolderDepth) +
                       " levels are not searched");
      return;
    }

    const std::unique_ptr<DIR, CloseDir> dir(::opendir(folder.c_str()));
    if (!dir) {
      cannot_read(folder, rel, errno);
      return;
    }
    const int fd = ::dirfd(dir.get());
    std::vector<Child> children;
    while (true) {
      errno = 0;
      const dirent* entry = ::readdir(dir.get());
      if (entry == nullptr) {
        if (errno != 0) cannot_read(folder, rel, errno);
        break;
      }
      const std::string_view name(entry->d_name);
      if (is_hidden(name)) continue;  // `.` and `..` too
      children.push_back({std::string(name), entry->d_type});
    }
    std::sort(children.begin(), children.end(),
              [](const Child& a, const Child& b) { return a.name < b.name; });
    for (const Child& child : children) {
      std::string child_rel = join_rel(rel, child.name);
      bool is_link = child.type == DT_LNK;
      bool is_folder = child.type == DT_DIR;
      if (child.type == DT_UNKNOWN) {
        struct stat st {};
        if (::fstatat(fd, child.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
          is_link = S_ISLNK(st.st_mode);
          is_folder = S_ISDIR(st.st_mode);
        }
      }
      if (is_link && !m_rules.empty()) {  // a link to a folder is ignored as a folder
        struct stat st {};
        is_folder = ::fstatat(fd, child.name.c_str(), &st, 0) == 0 && S_ISDIR(st.st_mode);
      }
      if (!m_rules.empty() && m_rules.ignores(to_nfc_lossy(child_rel), is_folder)) continue;
      if (is_link) {
        follow_link(folder / child.name, child.name, canonical.empty() ? folder : canonical, rel,
                    child_rel, depth);
      } else if (is_folder) {
        walk(folder / child.name, child_rel, depth + 1);
      } else if (has_note_extension(child.name)) {
        // Devices, FIFOs and sockets too: read_note() names them in a warning and skips them.
        m_found.push_back(found_file(join_path(folder.native(), child.name), fd, child.name, false,
                                     std::move(child_rel), join_rel(rel, stem_of(child.name))));
      }
    }
  }

  // A symbolic link is followed only to a file or folder inside the root, and never to a folder
  // that contains it (a loop); each refusal is a warning naming the link.
  void follow_link(const fs::path& link, const std::string& name, const fs::path& here,
                   const std::string& rel, const std::string& child_rel, int depth) {
    std::error_code ec;
    const fs::path target = fs::canonical(link, ec);
    if (ec) {
      if (ec == std::errc::too_many_symbolic_link_levels) {
        warn(link, "symbolic link loop: not followed");
      } else {
        std::error_code read_ec;
        const fs::path to = fs::read_symlink(link, read_ec);
        warn(link, "dangling symbolic link (to " + to.generic_string() + "): skipped");
      }
      return;
    }
    if (!is_within(target, m_root)) {
      warn(link, "symbolic link leads outside " + m_root.generic_string() + " (to " +
                     target.generic_string() + "): not followed");
      return;
    }
    if (fs::is_directory(target, ec)) {
      if (is_within(here, target)) {
        warn(link, "symbolic link loop (to " + target.generic_string() + "): not followed");
        return;
      }
      m_deferred.push_back({link, child_rel, depth + 1});
    } else if (has_note_extension(name)) {
      m_found.push_back(
          found_file(link.native(), -1, name, true, child_rel, join_rel(rel, stem_of(name))));
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
      found.push_back(found_file(root.native(), -1, "", fs::is_symlink(root, ec),
                                 root.filename().string(), root.stem().string()));
    }
  }
  for (Found& file : found) {
    if (!is_ascii(file.source)) file.source = to_nfc_lossy(file.source);
    if (!is_ascii(file.deck)) file.deck = to_nfc_lossy(file.deck);
  }
  // Sorted through their indices, then moved once into place: sorting the files themselves moved
  // each one about log2(n) times.
  std::vector<std::uint32_t> order(found.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&found](std::uint32_t a, std::uint32_t b) {
    return found[a].source < found[b].source;
  });
  {
    std::vector<Found> sorted;
    sorted.reserve(found.size());
    for (const std::uint32_t i : order) sorted.push_back(std::move(found[i]));
    found = std::move(sorted);
  }
  // A file reached twice (a link to a note that is listed too, two roots that overlap) is listed
  // once: by a path that is not a symbolic link when there is one, else by its first source.
  struct IdentityHash {
    std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& id) const {
      return std::hash<std::uint64_t>()(id.second * 0x9E3779B97F4A7C15ull ^ id.first);
    }
  };
  std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, std::size_t, IdentityHash>
      by_identity;
  by_identity.reserve(found.size());
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
    warnings.push_back({found.path, 0, *problem});
    return std::nullopt;
  }
  NormalizedText text = normalize_text(bytes);
  std::string().swap(bytes);
  if (!text.problem.empty()) {
    warnings.push_back({found.path, text.problem_line, text.problem});
    return std::nullopt;
  }
  if (const auto problem = front_matter_problem(text.text)) {
    warnings.push_back({found.path, problem->line, problem->message});
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
