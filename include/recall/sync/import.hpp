// Import: notes on disk -> cards drafted -> a plan against the store. Used by `recall import` and
// by the review session's edit key, which re-imports one note.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/store/import_stream.hpp"
#include "recall/store/store.hpp"

namespace recall::sync {

// How far an import has got: reported once the files are listed, then after each file.
struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;  // every file listed under the roots
  std::size_t cards = 0;        // drafts kept so far (of the notes parsed)
};

struct ImportRequest {
  std::vector<std::filesystem::path> roots;          // files or folders, as the user gave them
  double min_confidence = 0.5;                       // drafts below it are left out of the plan
  std::function<void(const Progress&)> on_progress;  // optional; see Progress
  // Whether the plan's cards of unchanged notes carry their text (for printing every card);
  // without it they carry only key and term (Store::plan_import).
  bool unchanged_text = true;
  // Whether the drafts left out (below min_confidence or by a gate) are kept for printing; without
  // it they are only counted (ImportResult::below_threshold_count), which saves their memory.
  bool keep_left_out = true;
  // Notes larger than this are skipped with a warning (`--max-note-size`).
  std::uint64_t max_note_size = 10ull * 1024 * 1024;
  // Note roots (absolute): a file listed in one is named from its path below it, whatever path
  // was imported (sync/roots.hpp, name_from_roots).
  std::vector<std::string> known_roots;
  // Called with each planned card, in plan order (store::ImportStream), as soon as it is settled;
  // optional. The card may be moved from.
  std::function<void(store::PlannedCard&)> on_card;
  // Called once, before anything is planned or written, with the notes and roots found at a new
  // place (sync/moves.hpp), when there are any; optional.
  std::function<void(const store::Relocations&)> on_moves;
  // When set, the import is written, in one transaction, as it is planned; else nothing is.
  std::optional<std::chrono::sys_seconds> write_at;
  // Threads reading, normalising, parsing and extracting notes (at least 1); the results are
  // planned in listing order whatever their number, so the import does not depend on it.
  unsigned threads = 1;
};

struct ImportResult {
  store::ImportCounts counts;                       // cards by action (handed to on_card)
  std::vector<extract::CardDraft> below_threshold;  // drafts left out (only with keep_left_out)
  std::size_t below_threshold_count = 0;            // drafts left out, kept or not
  std::vector<extract::Warning> warnings;           // `source` names the file as found on disk
  std::size_t files_listed = 0;                     // note files found under the roots
  std::size_t files_unchanged = 0;  // not read: size, time, root and extractor as stored
  std::size_t files_read = 0;       // read and usable (the unusable ones are files_skipped)
  std::size_t files_parsed = 0;     // of those read, parsed: content or extractor changed
  std::size_t files_skipped = 0;    // unreadable, binary or not UTF-8: their cards stay as stored
  std::size_t folders_unread = 0;   // folders that could not be listed: their notes' cards stay
};

// Lists the note files under the roots, then for each one: a file whose size and modification
// time (and root and extractor) are as stored is not read (NoteStatus::same_stat); one whose
// content hash is as stored is read but not parsed (same_content); any other is parsed and its
// drafts planned. Notes are planned one at a time, as they are read (store::ImportStream), and
// with `write_at` written in one transaction: a few files' contents are held at a time, and the
// cards of notes that nothing stored can match are handed on and dropped. Throws recall::Error
// (kExitNotFound) for a root that does not exist; nothing is written when it throws.
ImportResult run_import(store::Store& store, const ImportRequest& request);

// The absolute, normalized form of a path: how notes are identified in the store.
std::string absolute_path(const std::filesystem::path& path);

}  // namespace recall::sync
