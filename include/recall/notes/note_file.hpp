// Finding note files under the imported roots and reading them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "recall/extract/card_draft.hpp"

namespace recall::notes {

// One readable, valid UTF-8 note file.
struct NoteFile {
  std::filesystem::path path;  // as found on disk
  std::string source;          // path relative to the imported root, `/` separated
  std::string deck;            // folder path below the root plus the stem: `ml/entropy`
  std::string content;         // the whole file, valid UTF-8, BOM removed, CRLF folded to LF
};

// A note file found by list_notes(): named and looked at (size, time), not read.
struct FoundNote {
  std::string path;            // as found on disk: the folder given, `/`, the names below it
  std::string source;          // as NoteFile::source
  std::string deck;            // as NoteFile::deck
  std::int64_t size = -1;      // in bytes; -1 when it could not be found out
  std::int64_t mtime_ns = -1;  // last modification, nanoseconds since the epoch of
                               // std::filesystem::file_time_type's clock; -1 when unknown
  bool is_symlink = false;     // the file itself is a symbolic link (the size and time are its
                               // target's)
  std::uint64_t device = 0;    // st_dev and st_ino of the file (of a link's target): a file
  std::uint64_t inode = 0;     // reached twice is listed once
};

struct NoteListing {
  std::vector<FoundNote> files;            // in a stable order (sorted by source)
  std::vector<extract::Warning> warnings;  // folders that cannot be read, unusable .recallignore,
                                           // links not followed, folders nested too deep
  // Folders that could not be listed (as found on disk): what the store holds below them is not
  // known to be gone.
  std::vector<std::filesystem::path> unread_folders;
};

// The largest note read by default (`recall import --max-note-size`): 10 MB.
constexpr std::uint64_t kDefaultMaxNoteSize = 10ull * 1024 * 1024;

// Lists every `.md`, `.markdown` and `.txt` file (extension in any case) under each root folder,
// searched recursively, with its size and modification time; reads no note. Symbolic links are
// followed only to files and folders inside their root, never around a loop; a file reached
// twice is listed once, by its real path when it has one; each link not followed is a warning
// naming it, and so is a dangling one. Folders deeper than 100 levels are not searched (a
// warning). Devices, FIFOs and sockets with a note's name are listed: read_note() skips them. Files
// and folders whose name starts with `.` are skipped, and so are those that the root folder's
// `.recallignore` names (IgnoreRules; an unreadable one is a warning and ignores nothing). A root
// that is a file is listed whatever its name. `source` and `deck` are NFC. A root that does not
// exist throws recall::Error with exit code kExitNotFound, before anything is listed.
NoteListing list_notes(const std::vector<std::filesystem::path>& roots);

// Reads one listed file and normalizes it with normalize_text() (no BOM, LF, NFC). A file that
// cannot be used (unreadable, not a regular file, larger than `max_bytes`, UTF-16, binary, not
// UTF-8) returns nullopt and appends a warning whose `source` is the path as found on disk and
// `line` the first bad line of a non-UTF-8 file; it never throws for that, never blocks on a
// FIFO and never holds more than max_bytes + 64 KB of it. Malformed front matter is a warning
// too, but the note is returned.
std::optional<NoteFile> read_note(const FoundNote& found, std::vector<extract::Warning>& warnings,
                                  std::uint64_t max_bytes = kDefaultMaxNoteSize);

struct ScanResult {
  std::vector<NoteFile> files;                 // in a stable order (sorted by source)
  std::vector<extract::Warning> warnings;      // list_notes() and read_note() warnings, in order
  std::vector<std::filesystem::path> skipped;  // the files read_note() could not use
};

// list_notes() then read_note() on every file, holding every content at once: for one note or a
// few. Imports go file by file instead (sync::plan_import) and skip files that did not change.
ScanResult scan(const std::vector<std::filesystem::path>& roots);

}  // namespace recall::notes
