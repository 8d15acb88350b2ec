// Notes and note roots that an import finds at a new place (sync/moves.hpp finds them), stored
// there by the import itself (store::ImportStream), in its one transaction.
#pragma once

#include <string>
#include <vector>

namespace recall::store {

// A stored note as an import may match it against a new file: by path below its root, or by
// content (the hash of what it held when last imported, or when it went away).
struct StoredNote {
  std::string path;          // absolute
  std::string source;        // relative to its root
  std::string content_hash;  // empty once the note went away ...
  std::string gone_hash;     // ... and then its last content_hash (empty if gone before schema 8)
  int cards = 0;             // its cards that are not retired (ImportStream::count_cards)
  int retired = 0;           // its retired cards
};

// A stored note found at another path: the import stores it, with its cards and their review
// log, under `to` from now on, as if it had always been there.
struct NoteMove {
  std::string from, to;     // absolute paths
  int cards = 0;            // its cards that are not retired, kept
  bool gone = false;        // it had gone away (its cards retired): the same content brings it back
  std::string from_source;  // its path below its root before (its cards' `source`)
};

// A note root whose folder no longer exists, found at `to` (a folder in no root).
struct RootMove {
  std::string from, to;  // absolute paths
  int cards = 0;         // the cards of its notes found there, kept
};

// Everything one import finds moved. The notes of a moved root that were not found at the new
// place stay where they were, in the import's scope, so their cards are retired as for any note
// gone away.
struct Relocations {
  std::vector<NoteMove> notes;
  std::vector<RootMove> roots;
  bool empty() const { return notes.empty() && roots.empty(); }
};

}  // namespace recall::store
