// SM-2 (Wozniak 1990) as a pure function of (state, grade, today). See docs/scheduling.md.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>

namespace recall::schedule {

// Where a card stands. `learning` means it was seen and its last graded answer was below 3
// (repetitions restarted); `review` means it has a running SM-2 interval.
enum class CardState { new_card, learning, review, suspended, retired };

// The stable name of a state, as stored and shown: new, learning, review, suspended, retired.
std::string_view to_string(CardState state);
// The inverse of to_string; nullopt for an unknown name.
std::optional<CardState> card_state_from_string(std::string_view name);

// The SM-2 fields of one card. The E-Factor is kept in exact hundredths (250 = 2.5) so that
// rounding an interval up never suffers from binary floating point.
struct ReviewState {
  CardState state = CardState::new_card;
  int repetitions = 0;                       // n: successful reviews in a row
  int interval_days = 0;                     // I(n); 0 for a new card
  int ef_centi = 250;                        // E-Factor in hundredths, never below 130
  int lapses = 0;                            // answers below 3 after the card had reached `review`
  std::optional<std::chrono::sys_days> due;  // nullopt for a new card
};

constexpr int kMinEfCenti = 130;
constexpr int kInitialEfCenti = 250;
// Intervals saturate at 100 years (Anki's default maximum interval): SM-2 sets no bound, and a
// card graded 5 thirteen times would otherwise be due after year 9999, and soon overflow `int`.
constexpr int kMaxIntervalDays = 36500;

// EF' = EF + (0.1 - (5-q)(0.08 + (5-q)0.02)), floored at 1.3, in hundredths.
// Precondition: 0 <= grade <= 5.
int next_ef_centi(int ef_centi, int grade);

// The state after answering `grade` (0-5) on `today`. Throws recall::Error for a grade outside
// 0..5. On grade >= 3: n goes up, EF is updated, I(1)=1, I(2)=6, I(n)=ceil(I(n-1)*EF') capped at
// kMaxIntervalDays, state `review`. On grade < 3: n restarts, next interval 1 day, EF unchanged,
// state `learning`, and a lapse is counted when the card had a running interval. A suspended or
// retired card gets the same fields but keeps its state. `due` = today + interval.
ReviewState answer(const ReviewState& before, int grade, std::chrono::sys_days today);

// What each grade would do: element g is answer(before, g, today). The review screen shows these
// intervals under the answer, so that what it promises is what the answer then schedules.
std::array<ReviewState, 6> preview(const ReviewState& before, std::chrono::sys_days today);

// SM-2's same-day rule: a card graded below 4 is shown again in the same session.
constexpr bool needs_drill(int grade) { return grade < 4; }

}  // namespace recall::schedule
