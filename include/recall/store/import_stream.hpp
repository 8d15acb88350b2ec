// An import planned, and written, note by note: what Store::plan_import and apply_import do for a
// whole list of notes at once, with memory bounded by the notes that cannot be settled alone.
#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "recall/store/note_moves.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

// How many cards of an import got each action (ImportPlan::count without the cards).
struct ImportCounts {
  std::array<int, 8> by_action{};  // indexed by PlanAction
  int kept = 0;                    // cards of notes not parsed again, not listed one by one
  std::vector<std::string> gone;   // stored notes under the scope not found: forgotten
  int count(PlanAction action) const;  // `unchanged` includes `kept`
};

// Plans an import note by note and hands each planned card, in the order Store::plan_import
// would list them (notes in the order added, each note's cards in note order, then the retired
// ones), to `on_card`; with `write_at`, writes them too, all in one BEGIN IMMEDIATE transaction
// taken by the constructor (a busy database is retried) and committed by finish(). Destroyed
// before finish(), it rolls back: nothing of the import is written.
//
// A note is settled as soon as it is added when none of its cards can match a stored card: it
// has no stored cards and none of its terms is the term of a stored card in the import (always
// so on a first import). Its cards are then handed on and dropped. Other notes wait for finish(),
// where moves, edits and renames are found across them exactly as plan_import does; notes added
// after the first waiting one wait too, so that the order stays the plan's. Keys of new cards are
// those plan_import gives.
class ImportStream {
 public:
  // `listed`: the absolute path of every note that will be added, with whether it may be parsed
  // (false: its size and time are as stored, so its cards are kept without being read). Stored
  // cards of these notes, and of any note under `scope`, are the ones matched and retired.
  // `unchanged_text`: as in Store::plan_import. `moves`: stored notes found at a new path (and
  // roots found at a new place) are planned there, and written there first when writing (a note
  // whose new path is stored already by then stays where it was). Throws recall::Error on a
  // database error.
  ImportStream(Store& store, std::vector<std::string> scope,
               const std::unordered_map<std::string, bool>& listed, bool unchanged_text,
               std::function<void(PlannedCard&)> on_card,
               std::optional<std::chrono::sys_seconds> write_at, Relocations moves = {});

  // Every stored note with content or the content it had when it went away, without its card
  // counts (src/store/note_moves.cpp): what sync::find_moves matches new files against.
  static std::vector<StoredNote> stored_notes(Store& store);
  // Fills in the card counts of `notes` (an indexed query each: counting every note's cards
  // reads the whole cards table).
  static void count_cards(Store& store, std::vector<StoredNote>& notes);
  ~ImportStream();
  ImportStream(const ImportStream&) = delete;
  ImportStream& operator=(const ImportStream&) = delete;

  // Plans one note (its drafts are taken). A note's path is added once.
  void add(NoteInput note);
  // Settles the waiting notes, retires what is left of the stored cards (but the cards of the
  // `skipped` notes), forgets the notes gone from under the scope and, when writing, commits.
  ImportCounts finish(const std::vector<std::string>& skipped);

 private:
  struct State;
  std::unique_ptr<State> m;
};

}  // namespace recall::store
