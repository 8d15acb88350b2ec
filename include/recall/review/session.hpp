// A review session: the queue of the day, one answer at a time, each committed at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recall/core/clock.hpp"
#include "recall/review/queue.hpp"
#include "recall/review/terminal.hpp"
#include "recall/store/store.hpp"

namespace recall::review {

struct SessionOptions {
  store::CardFilter filter;
  int limit = 0;                       // most cards to show (due and new together); 0: no limit
  std::optional<int> new_per_day;      // replaces every new-card limit (see session_limits)
  std::optional<int> reviews_per_day;  // replaces every review limit
  int buttons = 6;  // grade keys: 6 (SM-2's 0-5) or 4 (Anki's, see grades.hpp)
  int default_new_per_day = kDefaultNewPerDay;  // where no `recall limits` applies
  int default_reviews_per_day = kDefaultReviewsPerDay;
  std::string editor = "vi";  // the command `e` runs
};

// A card suspended as a leech during the session, and where to rewrite it.
struct Leech {
  std::string question;
  std::string where;  // `path:line` of its note
};

struct SessionSummary {
  int cards = 0;      // distinct cards answered (first answer of the day)
  int answers = 0;    // every answer, drills included
  int passed = 0;     // first answers graded >= 3
  int drills = 0;     // repeats of cards graded below 4
  int new_cards = 0;  // new cards seen for the first time
  int suspended = 0;  // with `s`
  int buried = 0;     // with `b`
  std::vector<Leech> leeches;
  std::chrono::milliseconds time{0};  // time spent answering, at most 60 s per answer
  int streak_days = 0;                // review days in a row up to today with answers logged
  int due_tomorrow = 0;               // cards due by the end of tomorrow (overdue included)
  int due_held_back = 0;              // due cards left for another day by the review limits
  int new_held_back = 0;              // new cards left for another day by the new-card limits
  bool quit = false;                  // the user pressed q or Ctrl-C
  bool interrupted = false;           // Ctrl-C
};

// Runs the day's session on `terminal`: full screen with single keys when it is interactive,
// else question and answer printed and one line read per card (a grade key, u, s, b or q). Grade
// keys are those of `options.buttons` (grade_for_key); under a revealed answer each shows the
// interval it schedules (grade_choices). The
// queue is session_queue()'s; cards graded below 4 come back at the end as drills (logged, the
// schedule unchanged) until they get 4 or 5. A card that reaches schedule::kLeechLapses lapses is
// suspended as a leech. `u` takes back the last answer, suspend or bury (repeatedly). Every
// change is committed before the next card is shown. The terminal is restored on every way out,
// exceptions included. Throws recall::Error on a database error.
SessionSummary run_session(store::Store& store, Terminal& terminal, const SessionOptions& options,
                           const core::Now& now, std::chrono::sys_days today);

// Cards a session would show now, in order: due cards (most overdue first) and new cards (note
// order, spread among the reviews), within the daily limits and `options.limit`.
std::vector<store::Card> session_queue(store::Store& store, const SessionOptions& options,
                                       std::chrono::sys_days today);

// Review days in a row, ending today or, when nothing was answered today yet, yesterday, that
// have answers logged. `days` is newest first, without repeats (Store::review_days()).
int streak_days(const std::vector<std::chrono::sys_days>& days, std::chrono::sys_days today);

// Prints the closing summary.
void print_summary(Terminal& terminal, const SessionSummary& summary);

}  // namespace recall::review
