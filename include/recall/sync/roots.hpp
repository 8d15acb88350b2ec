// What note roots do to an import: decks named from the root whatever path is imported, and a
// root that moved recognised before its notes are planned.
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

// A root found at a new place.
struct RootMove {
  std::string from, to;  // absolute
  int cards = 0;         // its cards that are not retired, all kept
};

// For each folder of `requested` that is in no root: a root that no longer exists and whose
// notes match the folder's (the same relative paths, for at least half of the smaller of the
// two) moved there. Its notes are stored below the folder from now on (Roots::move), so the
// import that follows finds them unchanged, with their cards and history.
std::vector<RootMove> recognise_moves(store::Roots& roots,
                                      const std::vector<std::filesystem::path>& requested);

}  // namespace recall::sync
