// Finding note files under the imported roots and reading them.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <system_error>

#include "recall/core/error.hpp"
#include "recall/notes/ignore.hpp"
#include "recall/notes/normalize.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::notes {
namespace fs = std::filesystem;
namespace {

using Found = FoundNote;

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

class Walker {
 public:
  Walker(std::vector<Found>& found, std::vector<extract::Warning>& warnings,
         const IgnoreRules& rules)
      : m_found(found), m_warnings(warnings), m_rules(rules) {}

  // Collects the note files below `folder`; `rel` is its path below the root, `/` separated.
  void walk(const fs::path& folder, const std::string& rel) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(folder, ec);
    if (!ec && !m_visited.insert(canonical).second) return;  // a symlink loop

    fs::directory_iterator it(folder, ec);
    if (ec) {
      m_warnings.push_back({rel, 0, "cannot read folder: " + ec.message()});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        m_warnings.push_back({rel, 0, "cannot read folder: " + ec.message()});
        break;
      }
      entries.push_back(*it);
    }
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (is_hidden(name)) continue;
      const std::string child_rel = join_rel(rel, name);
      std::error_code status_ec;
      const bool is_folder = entry.is_directory(status_ec);
      if (!m_rules.empty() && m_rules.ignores(to_nfc_lossy(child_rel), is_folder)) continue;
      if (is_folder) {
        walk(entry.path(), child_rel);
      } else if (entry.is_regular_file(status_ec) && has_note_extension(entry.path())) {
        m_found.push_back(
            found_file(entry, child_rel, join_rel(rel, entry.path().stem().string())));
      }
    }
  }

 private:
  std::vector<Found>& m_found;
  std::vector<extract::Warning>& m_warnings;
  const IgnoreRules& m_rules;
  std::set<fs::path> m_visited;
};

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
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
      Walker(found, listing.warnings, rules).walk(root, "");
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
  return listing;
}

std::optional<NoteFile> read_note(const FoundNote& found, std::vector<extract::Warning>& warnings) {
  const std::optional<std::string> bytes = read_bytes(found.path);
  if (!bytes) {
    warnings.push_back({found.path.generic_string(), 0, "cannot read file"});
    return std::nullopt;
  }
  NormalizedText text = normalize_text(*bytes);
  if (!text.problem.empty()) {
    warnings.push_back({found.path.generic_string(), text.problem_line, text.problem});
    return std::nullopt;
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
