// Private to src/store: writing what an import found moved (recall/store/note_moves.hpp).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "recall/store/note_moves.hpp"

namespace recall::store {

// Stores each moved note under its new path and renames each moved root, inside the caller's
// transaction. A note whose new path is stored already, or that is no longer stored, is left as
// it is and dropped from what is returned: the moves that were written.
Relocations write_relocations(SQLite::Database& db, Relocations moves);

}  // namespace recall::store
