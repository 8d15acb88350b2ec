// What note roots do to an import: decks named from the root whatever path is imported (a root
// that moved is recognised with moved notes: sync/moves.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "recall/notes/note_file.hpp"
#include "recall/store/roots.hpp"

namespace recall::sync {

// Renames the files of `listing` that lie in one of `roots` (absolute): `source` becomes the
// path below that root and `deck` its folders and name, as if the root itself had been imported.
// `requested` are the paths the import was given, as list_notes() was given them.
void name_from_roots(notes::NoteListing& listing,
                     const std::vector<std::filesystem::path>& requested,
                     const std::vector<std::string>& roots);

}  // namespace recall::sync
