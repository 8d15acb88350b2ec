// Finding note files under the imported roots and reading them.
#pragma once

#include <filesystem>
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

struct ScanResult {
  std::vector<NoteFile> files;                 // in a stable order (sorted by source)
  std::vector<extract::Warning> warnings;      // skipped files: binary, not UTF-8, unreadable;
                                               // `source` is the path as found on disk, `line` the
                                               // first bad line of a non-UTF-8 file
  std::vector<std::filesystem::path> skipped;  // the files those warnings are about
};

// Reads every `.md`, `.markdown` and `.txt` file (extension in any case) under each root folder,
// searched recursively; files and folders whose name starts with `.` are skipped, and so are those
// that the root folder's `.recallignore` names (IgnoreRules; an unreadable one is a warning and
// ignores nothing). A root that is a file is read whatever its name. Contents are normalized by
// normalize_text() (no BOM, LF, NFC); `source` and `deck` are NFC too. A root that does not exist
// throws recall::Error with exit code kExitNotFound, before anything is read. A file that cannot be
// used (unreadable, binary, not UTF-8) becomes a warning, never an exception.
ScanResult scan(const std::vector<std::filesystem::path>& roots);

}  // namespace recall::notes
