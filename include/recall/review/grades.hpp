// The grade keys of a session: SM-2's six (0-5, as published) or Anki's four buttons, and what
// each would schedule, as the scheduler computes it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "recall/schedule/sm2.hpp"

namespace recall::review {

// One grade key as the screen shows it: `4 good · 6d`.
struct GradeChoice {
  std::string key;      // the digit to press
  int grade = 0;        // the SM-2 grade it gives
  std::string label;    // good, hard, …
  std::string preview;  // what it does: "6d", "again" (a drill comes back), "done"
};

// Whether `buttons` is a layout recall offers: 6 (SM-2's grades 0-5) or 4 (Anki's Again, Hard,
// Good, Easy mapped to SM-2's 1, 3, 4, 5; see docs/scheduling.md).
bool valid_buttons(int buttons);

// The SM-2 grade of digit key `digit` (0-9) in the `buttons` layout, or nullopt when that key
// grades nothing there (0 and 5 with four buttons).
std::optional<int> grade_for_key(int buttons, int digit);

// `6d`, `17d`, `1.4y` (from 365 days on): an interval as short as the legend needs it.
std::string interval_text(int days);

// The grade keys of the `buttons` layout for a card in `state` answered on `today`. A scheduled
// answer previews the interval schedule::preview() gives; a drill (`drill`) leaves the schedule
// as it is and previews "again" below 4 (it comes back) and "done" from 4.
std::vector<GradeChoice> grade_choices(int buttons, const schedule::ReviewState& state, bool drill,
                                       std::chrono::sys_days today);

}  // namespace recall::review
