// Private to src/store: cards that two notes would both make (issue 10, "the same card from two
// files"). An import keeps one; the other is left out and recorded in the `duplicates` table with
// the key of the card it defers to, so that it comes back when that card retires.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

// What makes two cards the same card: the same kind, the same question folded as terms are
// (core::normalize_term: case, white space, emphasis) and the same answer words in the same order
// (core::answer_words: punctuation and markup aside; for a `command` card, whose answer is code,
// only white space is folded). A 64-bit hash of the three, so that an
// import holds a few bytes per card, not its text.
std::uint64_t duplicate_key(const extract::CardDraft& draft);

// A card that will exist after an import, as another note's new card is compared with it.
struct DuplicateOwner {
  std::string key;     // the card's key
  std::string source;  // where it is, for `same card as in source:line`
  int line = 0;
};

// The cards an import keeps, looked up by duplicate_key() (a hash map: never pairwise; an answer
// inside another is not compared, which on tldr's thousands of `Display help` cards would be).
// About 90 bytes a card (tldr: +11 MiB for 128k cards).
class DuplicateIndex {
 public:
  // Adds a card (the first of each duplicate_key() is the one others defer to).
  void add(std::uint64_t question, const extract::CardDraft& draft, const std::string& key,
           const std::string& note_path);
  void add(const extract::CardDraft& draft, const std::string& key, const std::string& note_path) {
    add(duplicate_key(draft), draft, key, note_path);
  }
  // The card added first with this duplicate_key(), when it is of another note than `note_path`.
  std::optional<DuplicateOwner> owner_of(std::uint64_t question,
                                         const std::string& note_path) const;

 private:
  struct Owner {
    std::uint64_t key;   // a 12-hex-digit key as a number, or bit 63 and an index into m_other_keys
    std::uint32_t note;  // index into m_sources
    std::int32_t line;
  };
  std::uint32_t note_of(const std::string& path, const std::string& source);
  std::unordered_map<std::uint64_t, Owner> m_first;
  std::vector<std::string> m_sources;                           // of each note
  std::unordered_map<std::uint64_t, std::uint32_t> m_note_index;  // by hash of the note's path
  std::vector<std::string> m_other_keys;
};

// One left-out card as stored: its note, its identity there, and the card it defers to.
struct LeftOutCard {
  std::string note_path;
  std::string match_key;
  std::string card_key;  // the card it defers to
  extract::CardDraft draft;
  // That card as stored now (no id when it no longer exists): its state, note, and its kind,
  // question, answer, source and line in `card`.
  std::optional<std::int64_t> card_id;
  std::string card_state;
  std::string card_note_path;
  extract::CardDraft card;
};

// Whether the table holds any row (one row read).
bool has_left_out(SQLite::Database& db);
// Calls `visit` with every row, by note path then match key, with the state of the card each
// defers to, one at a time (a collection may hold thousands). With `gone_only`, only the rows
// whose card is retired or no longer stored.
void each_left_out(SQLite::Database& db, bool gone_only,
                   const std::function<void(LeftOutCard&)>& visit);

// Adds to `index` every card that is not retired and whose key `wanted` takes, at the path its
// note is planned at (`moved`: stored path -> new path): one pass over the cards.
void index_stored_cards(SQLite::Database& db, const std::function<bool(const std::string&)>& wanted,
                        const std::unordered_map<std::string, std::string>& moved,
                        DuplicateIndex& index);

// The writes of the table, inside the caller's transaction.
class LeftOutWriter {
 public:
  explicit LeftOutWriter(SQLite::Database& db);
  // Records `card` (action duplicate) of the note with id `note_id`.
  void record(std::int64_t note_id, const PlannedCard& card, const std::string& context_json,
              const std::string& tags_json);
  // Forgets every row of a note (parsed again, or gone).
  void clear_note(std::int64_t note_id);
  // Forgets one row: the card came back.
  void remove(std::int64_t note_id, const std::string& match_key);

 private:
  SQLite::Statement m_record, m_clear, m_remove;
};

}  // namespace recall::store
