// Importing one stored note again, as the import of its folder would: used by the review
// session's edit key after the editor returns.
#pragma once

#include <chrono>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/store/store.hpp"

namespace recall::sync {

struct ReimportResult {
  bool found = true;                       // false: the file is gone and nothing was changed
  store::ImportPlan plan;                  // what was written
  std::vector<extract::Warning> warnings;  // `source` names the file as found on disk
};

// Reads `note.path` again and applies the plan in one transaction. The note keeps its `source`
// and its deck (`source` without its extension), as if the folder it was imported from (its path
// minus `source`) were imported again, but only this note is read and only its cards can be
// retired. The confidence threshold is the one of its last import (from its extract salt), else
// extract::kDefaultMinConfidence. A file that is gone or can no longer be read changes nothing
// (`found` false, or a warning). Throws recall::Error on a database error.
ReimportResult reimport_note(store::Store& store, const store::NoteRef& note,
                             std::chrono::sys_seconds now);

}  // namespace recall::sync
