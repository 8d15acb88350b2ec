// Notes and note roots that moved, recognised by an import before it plans (sync::run_import):
// their cards and review log follow them instead of being retired and made again.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "recall/notes/note_file.hpp"
#include "recall/store/note_moves.hpp"
#include "recall/store/store.hpp"

namespace recall::sync {

struct ImportRequest;

// What of `listing` (the files an import found, named as it names them; `absolute` holds each
// file's identity in the store, in the order of `listing.files`) is a stored note found at a new
// path. Only a file whose path is
// not stored can be one, and only a note whose file no longer exists can have moved:
// - a root moved: a folder the import was given, in no root and with nothing stored below it, is
//   where a root that no longer exists went when at least half of the smaller of the two (the
//   root's notes, the folder's files) match, by relative path or else by content. The notes that
//   match move with the root; the others stay where they were, to be retired as gone.
// - a note moved: a new file with the content a stored note had (when last imported, or when it
//   went away: its cards come back) is that note; among several, the one with the same path below
//   its root, then the same file name, then the first.
// `known` (the store's fingerprints by path) is updated to match: a moved note's fingerprint is
// under its new path, so an unchanged one is not read again. Reads the store and the files only.
store::Relocations find_moves(store::Store& store, const notes::NoteListing& listing,
                              const std::vector<std::string>& absolute,
                              std::map<std::string, store::NoteFingerprint>& known,
                              const ImportRequest& request);

}  // namespace recall::sync
