#include "recall/review/grades.hpp"

#include <array>
#include <cstdio>

namespace recall::review {
namespace {

struct Key {
  int digit;
  int grade;
  const char* label;
};

// SM-2's grades, shortened to fit a legend; `?` lists their full meaning.
constexpr std::array<Key, 6> kSix{{
    {0, 0, "blackout"},
    {1, 1, "wrong"},
    {2, 2, "almost"},
    {3, 3, "hard"},
    {4, 4, "good"},
    {5, 5, "perfect"},
}};

// Anki's buttons: Again is a failed answer that SM-2 can still tell from a blackout, Hard a pass
// that is drilled again today, Good and Easy the two passes that end the day's work on the card.
constexpr std::array<Key, 4> kFour{{
    {1, 1, "again"},
    {2, 3, "hard"},
    {3, 4, "good"},
    {4, 5, "easy"},
}};

template <std::size_t N>
std::optional<int> find_grade(const std::array<Key, N>& keys, int digit) {
  for (const Key& key : keys) {
    if (key.digit == digit) return key.grade;
  }
  return std::nullopt;
}

}  // namespace

bool valid_buttons(int buttons) { return buttons == 4 || buttons == 6; }

std::optional<int> grade_for_key(int buttons, int digit) {
  return buttons == 4 ? find_grade(kFour, digit) : find_grade(kSix, digit);
}

std::string interval_text(int days) {
  if (days < 365) return std::to_string(days) + "d";
  char text[32];
  std::snprintf(text, sizeof text, "%.1fy", days / 365.0);
  return text;
}

std::vector<GradeChoice> grade_choices(int buttons, const schedule::ReviewState& state, bool drill,
                                       std::chrono::sys_days today) {
  const auto after = schedule::preview(state, today);
  std::vector<GradeChoice> out;
  const auto add = [&](const Key& key) {
    GradeChoice choice;
    choice.key = std::to_string(key.digit);
    choice.grade = key.grade;
    choice.label = key.label;
    if (drill) {
      choice.preview = schedule::needs_drill(key.grade) ? "again" : "done";
    } else {
      choice.preview = interval_text(after[static_cast<std::size_t>(key.grade)].interval_days);
    }
    out.push_back(std::move(choice));
  };
  if (buttons == 4) {
    for (const Key& key : kFour) add(key);
  } else {
    for (const Key& key : kSix) add(key);
  }
  return out;
}

}  // namespace recall::review
