// Finding cards by what they say and where they stand, and changing them outside a review:
// what `recall cards`, `recall show` and the management commands use.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace recall::store {

// Which cards a listing or a management command covers. Every field narrows the selection;
// a default CardQuery is every card.
struct CardQuery {
  std::string deck;    // a deck and its sub-decks; empty: every deck
  std::string search;  // in question, answer, deck or source, ASCII case folded; empty: any
  // new, learning, review, suspended, retired (the stored state), buried (hidden from sessions
  // today), leech (marked a leech, suspended or not); empty: any.
  std::string state;
  bool due = false;  // learning or review cards due on or before `today`
  std::string tag;   // a tag from the note's front matter; empty: any
  std::chrono::sys_days today{};
};

// The state names CardQuery::state accepts.
inline const std::vector<std::string>& card_query_states() {
  static const std::vector<std::string> states = {"new",     "learning", "review", "suspended",
                                                  "retired", "buried",   "leech"};
  return states;
}

// A change to a card made without reviewing it.
enum class CardChange {
  suspend,    // sessions stop showing it (new, learning or review cards)
  unsuspend,  // back to new, learning or review as its SM-2 fields say; its leech mark stays
  forget,     // back to new: repetitions, interval, E-Factor, lapses, due and marks reset; the
              // review log is kept
  bury,       // hidden from sessions until the next review day (new, learning or review cards)
};

// What one change did to one card.
struct CardChangeResult {
  std::string key;
  bool changed = false;
  std::string why_not;  // when not changed: `already suspended`, `retired`, …
};

// One row of a card's review log, with its id.
struct ReviewRow {
  std::int64_t id = 0;
  std::string reviewed_at;  // UTC, as stored
  std::string review_day;
  int grade = 0;
  std::string kind;
  std::string state_before, state_after;
  int repetitions_before = 0, repetitions_after = 0;
  int interval_before = 0, interval_after = 0;
  int ef_before = 0, ef_after = 0;
  std::optional<std::string> due_after;
  std::int64_t answer_ms = 0;
};

}  // namespace recall::store
