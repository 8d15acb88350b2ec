// End-to-end: `recall review` with piped grades over several days, then cards and stats.
#include <catch2/catch.hpp>
#include <set>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::cards_by_question;
using recall::test::Sandbox;

namespace {

const char* const kThree =
    "# Deck\n\n"
    "Q: Alpha?\nA: first\n\n"
    "Q: Beta?\nA: second\n\n"
    "Q: Gamma?\nA: third\n";

void check_card(const nlohmann::json& card, int interval, double ef, int repetitions,
                const std::string& due, int reviews) {
  INFO(card.dump());
  CHECK(card["interval"] == interval);
  CHECK(card["ef"].get<double>() == Approx(ef));
  CHECK(card["repetitions"] == repetitions);
  CHECK(card["due"] == due);
  CHECK(card["reviews"] == reviews);
}

}  // namespace

TEST_CASE("a card graded 5 on each due day gets intervals 1, 6, 17, 50", "[review][sm2]") {
  Sandbox box;
  const auto note = box.note("one.md", "Q: Only?\nA: one\n");
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  const std::vector<std::tuple<std::string, int, double, std::string>> steps = {
      {"2026-03-01", 1, 2.6, "2026-03-02"},
      {"2026-03-02", 6, 2.7, "2026-03-08"},
      {"2026-03-08", 17, 2.8, "2026-03-25"},
      {"2026-03-25", 50, 2.9, "2026-05-14"},
  };
  int n = 0;
  for (const auto& [day, interval, ef, due] : steps) {
    ++n;
    box.set_day(day);
    const auto result = box.run({"review"}, "5\n");
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("Q: Only?"));
    CHECK_THAT(result.out, Catch::Contains("A: one"));
    check_card(cards_by_question(box)["Only?"], interval, ef, n, due, n);
    // Nothing more to do that day.
    CHECK_THAT(box.run({"review"}, "").out, Catch::Contains("Nothing to review"));
  }
}

TEST_CASE("three days of reviews with drills, then cards and stats", "[review][stats]") {
  Sandbox box;
  const auto note = box.note("deck.md", kThree);
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);

  // Day 1: Alpha 5, Beta 3, Gamma 2; Beta and Gamma come back as drills: 4 and 5.
  box.set_day("2026-03-01");
  auto day1 = box.run({"review"}, "5\n3\n2\n4\n5\n");
  REQUIRE(day1.exit_code == 0);
  CHECK_THAT(day1.out, Catch::Contains("3 cards reviewed (+2 repeats)"));
  auto cards = cards_by_question(box);
  check_card(cards["Alpha?"], 1, 2.6, 1, "2026-03-02", 1);
  check_card(cards["Beta?"], 1, 2.36, 1, "2026-03-02", 2);
  check_card(cards["Gamma?"], 1, 2.5, 0, "2026-03-02", 2);
  CHECK(cards["Gamma?"]["state"] == "learning");

  // Day 2: Alpha 4, Beta 1 (a lapse), Gamma 3; drills Beta 5, Gamma 4.
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "4\n1\n3\n5\n4\n").exit_code == 0);
  cards = cards_by_question(box);
  check_card(cards["Alpha?"], 6, 2.6, 2, "2026-03-08", 2);
  check_card(cards["Beta?"], 1, 2.36, 0, "2026-03-03", 4);
  CHECK(cards["Beta?"]["lapses"] == 1);
  CHECK(cards["Beta?"]["state"] == "learning");
  check_card(cards["Gamma?"], 1, 2.36, 1, "2026-03-03", 4);

  // Day 3: Beta 5, Gamma 4.
  box.set_day("2026-03-03");
  REQUIRE(box.run({"review"}, "5\n4\n").exit_code == 0);
  cards = cards_by_question(box);
  check_card(cards["Beta?"], 1, 2.46, 1, "2026-03-04", 5);
  check_card(cards["Gamma?"], 6, 2.36, 2, "2026-03-09", 5);

  const auto stats = nlohmann::json::parse(box.run({"stats", "--json"}).out);
  INFO(stats.dump());
  CHECK(stats["today"] == "2026-03-03");
  CHECK(stats["cards"]["review"] == 3);
  CHECK(stats["cards"]["new"] == 0);
  CHECK(stats["due"]["today"] == 0);
  CHECK(stats["due"]["tomorrow"] == 1);
  CHECK(stats["due"]["next_7_days"] == 3);
  CHECK(stats["reviews_today"] == 2);
  // Scheduled reviews: day 2 (4, 1, 3) and day 3 (5, 4); first sights and drills do not count.
  CHECK(stats["retention_30_days"]["reviews"] == 5);
  CHECK(stats["retention_30_days"]["passed"] == 4);
  CHECK(stats["retention_30_days"]["rate"].get<double>() == Approx(0.8));
}

TEST_CASE("the new-card limit holds across sessions of a day", "[review]") {
  Sandbox box;
  std::string text;
  for (int i = 1; i <= 5; ++i) text += "Q: Q" + std::to_string(i) + "?\nA: a\n\n";
  REQUIRE(box.run({"import", box.note("five.md", text).string()}).exit_code == 0);

  box.set_day("2026-03-01");
  CHECK_THAT(box.run({"review", "--new", "2"}, "5\n5\n").out, Catch::Contains("2 cards reviewed"));
  CHECK_THAT(box.run({"review", "--new", "2"}, "5\n").out, Catch::Contains("Nothing to review"));
  box.set_day("2026-03-02");
  const auto next = box.run({"review", "--new", "2", "--limit", "3"}, "5\n5\n5\n5\n");
  CHECK_THAT(next.out, Catch::Contains("3 cards reviewed"));
  CHECK_THAT(next.out, Catch::Contains("Q: Q1?"));
  CHECK_THAT(next.out, Catch::Contains("Q: Q3?"));
  CHECK_THAT(next.out, !Catch::Contains("Q: Q4?"));
}

TEST_CASE("q ends the session and keeps the answers given", "[review]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kThree).string()}).exit_code == 0);
  const auto result = box.run({"review"}, "5\nq\n");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("1 card reviewed"));
  auto cards = cards_by_question(box);
  CHECK(cards["Alpha?"]["reviews"] == 1);
  CHECK(cards["Beta?"]["reviews"] == 0);
}

TEST_CASE("a bad grade line is refused and read again", "[review]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kThree).string()}).exit_code == 0);
  const auto result = box.run({"review", "--limit", "1"}, "7\nyes\n4\n");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("expected a grade 0-5 or q"));
  CHECK(cards_by_question(box)["Alpha?"]["reviews"] == 1);
}

TEST_CASE("review --deck takes a deck and its sub-decks", "[review]") {
  Sandbox box;
  box.note("notes/ml/a.md", "Q: In ml?\nA: yes\n");
  box.note("notes/ml/deep/b.md", "Q: In ml/deep?\nA: yes\n");
  box.note("notes/mlops.md", "Q: In mlops?\nA: no\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  const auto result = box.run({"review", "--deck", "ml"}, "5\n5\n5\n");
  CHECK_THAT(result.out, Catch::Contains("2 cards reviewed"));
  CHECK_THAT(result.out, !Catch::Contains("In mlops?"));
}

TEST_CASE("SIGKILL during review keeps every answer given", "[review][crash]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kThree).string()}).exit_code == 0);
  const auto out = box.dir() / "review.out";
  int input = -1;
  const pid_t pid = box.start({"review"}, input, out);
  const std::string grades = "5\n4\n";
  REQUIRE(write(input, grades.data(), grades.size()) == static_cast<ssize_t>(grades.size()));
  // Two answers are committed once the third question is on screen.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (recall::test::read_all(out).find("Q: Gamma?") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(input);
  REQUIRE(WIFSIGNALED(status));

  const auto stats = box.run({"stats", "--json"});
  REQUIRE(stats.exit_code == 0);
  auto cards = cards_by_question(box);
  CHECK(cards["Alpha?"]["reviews"] == 1);
  CHECK(cards["Beta?"]["reviews"] == 1);
  CHECK(cards["Gamma?"]["reviews"] == 0);
  CHECK(nlohmann::json::parse(stats.out)["reviews_today"] == 2);
}

TEST_CASE("the bundled decks over three days of piped reviews", "[review][decks]") {
  Sandbox box;
  REQUIRE(box.run({"import", recall::test::source_path("decks").string()}).exit_code == 0);
  const auto all = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(all.size() >= 30);

  // Day 1: five new cards, all easy.
  box.set_day("2026-03-01");
  auto day1 = box.run({"review", "--new", "5"}, "5\n5\n5\n5\n5\n");
  REQUIRE(day1.exit_code == 0);
  CHECK_THAT(day1.out, Catch::Contains("5 cards reviewed, 100% graded 3 or better"));
  CHECK_THAT(day1.out, Catch::Contains("Due tomorrow: 5."));

  // Day 2: the five are due; no new cards. 4, 4, 3, 5, 2; then the repeats: the 3 gets 3
  // (again) and 4, the 2 gets 4.
  box.set_day("2026-03-02");
  auto day2 = box.run({"review", "--new", "0"}, "4\n4\n3\n5\n2\n3\n4\n4\n");
  REQUIRE(day2.exit_code == 0);
  CHECK_THAT(day2.out, Catch::Contains("5 cards reviewed (+3 repeats), 80% graded 3 or better"));

  // Day 3: the failed card and nothing else.
  box.set_day("2026-03-03");
  auto day3 = box.run({"review", "--new", "0"}, "5\n");
  CHECK_THAT(day3.out, Catch::Contains("1 card reviewed"));

  std::multiset<int> intervals;
  int reviewed = 0, answers = 0;
  for (const auto& card : json_lines(box.run({"cards", "--format", "json"}).out)) {
    if (card["reviews"] == 0) {
      CHECK(card["state"] == "new");
      continue;
    }
    ++reviewed;
    answers += card["reviews"].get<int>();
    intervals.insert(card["interval"].get<int>());
  }
  CHECK(reviewed == 5);
  CHECK(answers == 5 + 5 + 3 + 1);
  CHECK(intervals == std::multiset<int>{1, 6, 6, 6, 6});

  const auto stats = nlohmann::json::parse(box.run({"stats", "--json"}).out);
  INFO(stats.dump());
  CHECK(stats["cards"]["review"] == 5);
  CHECK(stats["cards"]["new"] == static_cast<int>(all.size()) - 5);
  CHECK(stats["due"]["tomorrow"] == 1);
  CHECK(stats["due"]["next_7_days"] == 5);
  // Scheduled: day 2 (4, 4, 3, 5, 2) and day 3 (5): 5 of 6 passed.
  CHECK(stats["retention_30_days"]["reviews"] == 6);
  CHECK(stats["retention_30_days"]["passed"] == 5);
}
