#include "recall/schedule/sm2.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <string>

#include "recall/core/error.hpp"

namespace recall::schedule {

namespace {

struct StateName {
  CardState state;
  std::string_view name;
};

constexpr std::array<StateName, 5> kStateNames{{
    {CardState::new_card, "new"},
    {CardState::learning, "learning"},
    {CardState::review, "review"},
    {CardState::suspended, "suspended"},
    {CardState::retired, "retired"},
}};

// ceil(interval * ef_centi / 100) in integers, so that 75 days at EF 2.76 gives 207 days. In
// binary floating point an E-Factor reached by adding the deltas is 2.7600000000000002, and
// 75 times that is 207.00000000000003, which rounds up to 208. Saturates at kMaxIntervalDays.
int grow_interval(int interval_days, int ef_centi) {
  // max(): a stored state of n >= 2 with no interval is corrupt; grow from one day, never zero.
  const std::int64_t product = std::int64_t{std::max(interval_days, 1)} * std::int64_t{ef_centi};
  const std::int64_t days = (product + 99) / 100;
  return static_cast<int>(std::min<std::int64_t>(days, kMaxIntervalDays));
}

// Whether the card had a running SM-2 interval, so that a failed answer counts as a lapse.
// Suspended and retired cards keep no record of their previous state; a positive repetition
// count is the same fact (only `review` cards have one).
bool had_running_interval(const ReviewState& state) {
  switch (state.state) {
    case CardState::review:
      return true;
    case CardState::suspended:
    case CardState::retired:
      return state.repetitions > 0;
    case CardState::new_card:
    case CardState::learning:
      break;
  }
  return false;
}

// A user's decision to suspend or retire a card outlives any answer given to it.
bool keeps_state(CardState state) {
  return state == CardState::suspended || state == CardState::retired;
}

}  // namespace

std::string_view to_string(CardState state) {
  for (const auto& entry : kStateNames) {
    if (entry.state == state) {
      return entry.name;
    }
  }
  return "unknown";
}

std::optional<CardState> card_state_from_string(std::string_view name) {
  for (const auto& entry : kStateNames) {
    if (entry.name == name) {
      return entry.state;
    }
  }
  return std::nullopt;
}

int next_ef_centi(int ef_centi, int grade) {
  const int miss = 5 - grade;
  // 0.1 - (5-q)(0.08 + (5-q)0.02), times 100: exact in integers.
  const int delta = 10 - miss * (8 + miss * 2);
  return std::max(ef_centi + delta, kMinEfCenti);
}

ReviewState answer(const ReviewState& before, int grade, std::chrono::sys_days today) {
  if (grade < 0 || grade > 5) {
    throw Error("grade must be between 0 and 5, got " + std::to_string(grade));
  }

  ReviewState after = before;
  if (grade >= 3) {
    after.ef_centi = next_ef_centi(before.ef_centi, grade);
    after.repetitions = before.repetitions < 0 ? 1 : std::min(before.repetitions, INT_MAX - 1) + 1;
    if (after.repetitions == 1) {
      after.interval_days = 1;
    } else if (after.repetitions == 2) {
      after.interval_days = 6;
    } else {
      after.interval_days = grow_interval(before.interval_days, after.ef_centi);
    }
    after.state = CardState::review;
  } else {
    if (had_running_interval(before)) {
      after.lapses = before.lapses + 1;
    }
    after.repetitions = 0;
    after.interval_days = 1;
    after.state = CardState::learning;
  }

  if (keeps_state(before.state)) {
    after.state = before.state;
  }
  after.due = today + std::chrono::days{after.interval_days};
  return after;
}

std::array<ReviewState, 6> preview(const ReviewState& before, std::chrono::sys_days today) {
  std::array<ReviewState, 6> out;
  for (int grade = 0; grade <= 5; ++grade) {
    out[static_cast<std::size_t>(grade)] = answer(before, grade, today);
  }
  return out;
}

}  // namespace recall::schedule
