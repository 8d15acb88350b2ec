// The grade keys and their previews: a table of states, and each preview against the state the
// answer then gives.
#include <catch2/catch.hpp>

#include "recall/review/grades.hpp"
#include "recall/review/screen.hpp"

using namespace recall;
using std::chrono::days;

namespace {
const auto kToday = std::chrono::sys_days{std::chrono::year{2026} / 3 / 8};
}

TEST_CASE("grades: each key previews what answering with its grade schedules", "[review]") {
  schedule::ReviewState fresh;
  schedule::ReviewState second;  // after two 5s: n = 2, I = 6, EF 2.7
  second = schedule::answer(schedule::answer(fresh, 5, kToday - days{7}), 5, kToday - days{6});
  schedule::ReviewState long_run = second;
  long_run.repetitions = 9;
  long_run.interval_days = 400;
  for (const auto* state : {&fresh, &second, &long_run}) {
    for (int buttons : {6, 4}) {
      const auto choices = review::grade_choices(buttons, *state, false, kToday);
      REQUIRE(choices.size() == static_cast<std::size_t>(buttons));
      for (const auto& choice : choices) {
        const auto after = schedule::answer(*state, choice.grade, kToday);
        CHECK(choice.preview == review::interval_text(after.interval_days));
        CHECK(*after.due == kToday + days{after.interval_days});
        CHECK(review::grade_for_key(buttons, std::stoi(choice.key)) == choice.grade);
      }
    }
  }
  // The hand-computed values of the pty test: 17, 17, 16 days for 5, 4, 3.
  const auto six = review::grade_choices(6, second, false, kToday);
  CHECK(six[5].preview == "17d");
  CHECK(six[4].preview == "17d");
  CHECK(six[3].preview == "16d");
  CHECK(six[0].preview == "1d");
  CHECK(review::interval_text(400) == "1.1y");
}

TEST_CASE("grades: Anki's four buttons are SM-2's 1, 3, 4, 5", "[review]") {
  CHECK(review::grade_for_key(4, 0) == std::nullopt);
  CHECK(review::grade_for_key(4, 1) == 1);
  CHECK(review::grade_for_key(4, 2) == 3);
  CHECK(review::grade_for_key(4, 3) == 4);
  CHECK(review::grade_for_key(4, 4) == 5);
  CHECK(review::grade_for_key(4, 5) == std::nullopt);
  for (int g = 0; g <= 5; ++g) CHECK(review::grade_for_key(6, g) == g);
  CHECK(review::grade_for_key(6, 6) == std::nullopt);
  const auto labels = review::grade_choices(4, {}, false, kToday);
  CHECK(labels[0].label == "again");
  CHECK(labels[3].label == "easy");
  // A drill leaves the schedule alone: the keys say whether the card comes back.
  const auto drill = review::grade_choices(4, {}, true, kToday);
  CHECK(drill[0].preview == "again");
  CHECK(drill[1].preview == "again");
  CHECK(drill[2].preview == "done");
}

TEST_CASE("screen: every window size keeps rows and columns inside the window", "[review]") {
  review::CardView view;
  view.context = "ml/information-theory › 정보 이론 › 기본 개념";
  view.status = "review · 17 days";
  view.position = 3;
  view.total = 24;
  view.question = "교차 엔트로피 (cross-entropy)란 무엇이며 어디에 쓰는가?";
  for (int i = 0; i < 30; ++i) view.answer += "- 줄 line " + std::to_string(i) + "\n";
  view.revealed = true;
  view.grades = review::grade_choices(6, {}, false, kToday);
  view.message = "Graded 5: next review in 17 days.";
  for (int width = 20; width <= 120; width += 7) {
    for (int height = 6; height <= 40; height += 3) {
      INFO(width << "x" << height);
      const auto drawn = review::draw_card(view, width, height, false);
      const std::string& text = drawn.text;
      // Rows: lines up to the footer's position, then the footer's lines.
      const auto jump = text.rfind("\x1b[");
      int footer_row = height + 1;
      std::size_t footer_at = text.size();
      if (jump != std::string::npos && jump > 4) {
        footer_row = std::stoi(text.substr(jump + 2));
        footer_at = text.find('H', jump) + 1;
      }
      int body_rows = 1, footer_rows = 1;
      for (std::size_t i = 7; i < footer_at; ++i) body_rows += text[i] == '\n' ? 1 : 0;
      for (std::size_t i = footer_at; i < text.size(); ++i) footer_rows += text[i] == '\n';
      CHECK(body_rows < footer_row);
      CHECK(footer_row + footer_rows - 1 == height);
      CHECK(text.find("Q  교차") != std::string::npos);  // the question is always there
    }
  }
  const auto tiny = review::draw_card(view, 19, 6, false);
  CHECK(tiny.text.find("Need 20×6 or more") != std::string::npos);
  CHECK(tiny.text.find('\n') == std::string::npos);
  CHECK(review::draw_card(view, 40, 5, false).text.find("Q  ") == std::string::npos);
}
