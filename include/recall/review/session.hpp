// A review session: the queue of the day, one answer at a time, each committed at once.
#pragma once

#include <chrono>
#include <cstdint>

#include "recall/core/clock.hpp"
#include "recall/review/terminal.hpp"
#include "recall/store/store.hpp"

namespace recall::review {

struct SessionOptions {
  store::CardFilter filter;
  int limit = 0;         // most cards to show (due and new together); 0 for no limit
  int new_per_day = 20;  // new cards a day, counted across sessions
};

struct SessionSummary {
  int cards = 0;    // distinct cards answered (first answer of the day)
  int answers = 0;  // every answer, drills included
  int passed = 0;   // first answers graded >= 3
  int drills = 0;
  std::chrono::milliseconds time{0};
  int due_tomorrow = 0;
  bool quit = false;         // the user pressed q or Ctrl-C
  bool interrupted = false;  // Ctrl-C
};

// Shows due cards (most overdue first), then new cards up to what is left of the day's new-card
// allowance; cards graded below 4 come back at the end of the session as drills (logged, the
// schedule unchanged) until they get 4 or 5. Every answer is committed before the next card.
SessionSummary run_session(store::Store& store, Terminal& terminal, const SessionOptions& options,
                           const core::Now& now, std::chrono::sys_days today);

// Cards a session would show now, in order (for the queue and for `stats`).
std::vector<store::Card> session_queue(store::Store& store, const SessionOptions& options,
                                       std::chrono::sys_days today);

// Prints the closing summary.
void print_summary(Terminal& terminal, const SessionSummary& summary);

}  // namespace recall::review
