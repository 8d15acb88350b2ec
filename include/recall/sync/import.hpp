// Import: notes on disk -> cards drafted -> a plan against the store. Used by `recall import` and
// by the review session's edit key, which re-imports one note.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/store/store.hpp"

namespace recall::sync {

// How far an import has got, reported after each note.
struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t cards = 0;  // drafts found so far
};

struct ImportRequest {
  std::vector<std::filesystem::path> roots;          // files or folders, as the user gave them
  double min_confidence = 0.5;                       // drafts below it are left out of the plan
  std::function<void(const Progress&)> on_progress;  // optional; called once per note
};

struct ImportResult {
  store::ImportPlan plan;                           // what to write (Store::apply_import)
  std::vector<extract::CardDraft> below_threshold;  // drafts left out by min_confidence
  std::vector<extract::Warning> warnings;           // `source` names the file as found on disk
  std::size_t files_read = 0;
  std::size_t files_skipped = 0;
};

// Scans the roots, extracts every note and plans the import against `store` (reads only).
// Throws recall::Error (kExitNotFound) for a root that does not exist.
ImportResult plan_import(store::Store& store, const ImportRequest& request);

// The absolute, normalized form of a path: how notes are identified in the store.
std::string absolute_path(const std::filesystem::path& path);

}  // namespace recall::sync
