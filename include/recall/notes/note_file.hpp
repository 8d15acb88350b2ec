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
  std::vector<NoteFile> files;              // in a stable order (sorted by source)
  std::vector<extract::Warning> warnings;   // skipped files: binary, not UTF-8, unreadable
};

// Reads every `.md`, `.markdown` and `.txt` file under each root (a file or a folder, searched
// recursively; hidden folders skipped). A root that does not exist throws recall::Error with
// exit code kExitNotFound. A file that cannot be used becomes a warning, never an exception.
ScanResult scan(const std::vector<std::filesystem::path>& roots);

}  // namespace recall::notes
