// End-to-end: undo, suspend, bury and quit from a pipe; daily limits per deck and by flag; new
// cards spread among reviews; leeches.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::cards_by_question;
using recall::test::Sandbox;

namespace {

std::string numbered(const std::string& prefix, int n) {
  std::string text;
  for (int i = 1; i <= n; ++i) {
    text += "Q: " + prefix + std::to_string(i) + "?\nA: a\n\n";
  }
  return text;
}

// The questions in the order a piped session printed them.
std::vector<std::string> shown(const std::string& out) {
  std::vector<std::string> questions;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Q: ", 0) == 0) questions.push_back(line.substr(3));
  }
  return questions;
}

}  // namespace

TEST_CASE("review from a pipe: u, s, b and q lines", "[review][actions]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", numbered("C", 4)).string()}).exit_code == 0);
  // C1 5, undo, C1 4; C2 suspended; C3 buried; undo the bury; C3 4; quit at C4.
  const auto result = box.run({"review"}, "5\nu\n4\ns\nb\nu\n4\nq\n");
  CHECK(result.exit_code == 0);
  CHECK(shown(result.out) ==
        std::vector<std::string>{"C1?", "C2?", "C1?", "C2?", "C3?", "C4?", "C3?", "C4?"});
  CHECK_THAT(result.out, Catch::Contains("Undone: grade 5 on \"C1?\"."));
  CHECK_THAT(result.out, Catch::Contains("Undone: burying \"C3?\"."));
  CHECK_THAT(result.out, Catch::Contains("2 cards reviewed, 100% graded 3 or better, 2 new"));
  CHECK_THAT(result.out, Catch::Contains("Suspended 1, buried 0 until tomorrow."));
  auto cards = cards_by_question(box);
  CHECK(cards["C1?"]["reviews"] == 1);
  CHECK(cards["C1?"]["ef"].get<double>() == Approx(2.5));
  CHECK(cards["C2?"]["state"] == "suspended");
  CHECK(cards["C3?"]["reviews"] == 1);
  CHECK(cards["C4?"]["reviews"] == 0);
  // The suspended card is never shown again; the others are due tomorrow.
  box.set_day("2026-03-02");
  const auto next = box.run({"review"}, "4\n4\n4\n");
  CHECK(shown(next.out) == std::vector<std::string>{"C1?", "C4?", "C3?"});
}

TEST_CASE("review: a buried card comes back the next day", "[review][actions]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", numbered("C", 2)).string()}).exit_code == 0);
  CHECK_THAT(box.run({"review"}, "b\n5\n").out, Catch::Contains("Buried \"C1?\" until tomorrow"));
  CHECK_THAT(box.run({"review"}, "").out, Catch::Contains("Nothing to review"));
  box.set_day("2026-03-02");
  CHECK(shown(box.run({"review"}, "5\n5\n").out) == std::vector<std::string>{"C1?", "C2?"});
}

TEST_CASE("review: new cards are spread among the reviews", "[review][actions]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", numbered("C", 8)).string()}).exit_code == 0);
  // Day 1: six cards learned; day 2 they are due, with the two new ones among them.
  REQUIRE(box.run({"review", "--new", "6"}, "5\n5\n5\n5\n5\n5\n").exit_code == 0);
  box.set_day("2026-03-02");
  const auto day2 = box.run({"review"}, "5\n5\n5\n5\n5\n5\n5\n5\n");
  CHECK(shown(day2.out) ==
        std::vector<std::string>{"C1?", "C2?", "C7?", "C3?", "C4?", "C8?", "C5?", "C6?"});
}

TEST_CASE("review: daily limits per deck with `recall limits`, replaced by flags",
          "[review][actions][limits]") {
  Sandbox box;
  box.note("notes/ml/a.md", numbered("M", 5));
  box.note("notes/ir.md", numbered("I", 3));
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);

  REQUIRE(box.run({"limits", "ml", "--new", "2"}).exit_code == 0);
  const auto listed = box.run({"limits"});
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.out, Catch::Contains("(all)\t20 (default)\t200 (default)\t0\t0"));
  CHECK_THAT(listed.out, Catch::Contains("ml\t2\t-\t0\t0"));

  // ir (3 new) and ml (2 of 5).
  const auto first = box.run({"review"}, "5\n5\n5\n5\n5\n");
  CHECK(shown(first.out) == std::vector<std::string>{"I1?", "I2?", "I3?", "M1?", "M2?"});
  CHECK_THAT(first.out, Catch::Contains("Left for another day by the daily limits: 3 new."));
  // Kept across sessions: the ml limit is spent for today.
  CHECK_THAT(box.run({"review", "--deck", "ml"}, "").out, Catch::Contains("Nothing to review"));
  CHECK_THAT(box.run({"limits"}).out, Catch::Contains("ml\t2\t-\t2\t0"));
  // A flag replaces the deck limits for one session: 3 new in ml today, 2 are done.
  CHECK(shown(box.run({"review", "--deck", "ml", "--new", "3"}, "5\n").out) ==
        std::vector<std::string>{"M3?"});
  // The collection's own limit, then clearing.
  REQUIRE(box.run({"limits", "--reviews", "1"}).exit_code == 0);
  CHECK_THAT(box.run({"limits"}).out, Catch::Contains("(all)\t20 (default)\t1\t"));
  box.set_day("2026-03-02");
  const auto day2 = box.run({"review", "--new", "0"}, "5\n5\n");
  CHECK(shown(day2.out).size() == 1);
  CHECK(shown(box.run({"review", "--new", "0", "--reviews", "3"}, "5\n5\n5\n").out).size() == 2);
  REQUIRE(box.run({"limits", "ml", "--clear"}).exit_code == 0);
  CHECK_THAT(box.run({"limits"}).out, !Catch::Contains("ml\t"));
  CHECK(box.run({"limits", "--new", "-1"}).exit_code == 2);
}

TEST_CASE("review: at 8 lapses a card is suspended as a leech, with its note and line",
          "[review][actions][leech]") {
  Sandbox box;
  const auto note = box.note("deck.md", "# Deck\n\nQ: Hard?\nA: yes\n");
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  // Day 1 learned; then each pair of days: forgotten (1, drilled with 4), relearned (5).
  int day = 1;
  const auto on = [&](const std::string& input) {
    char date[16];
    std::snprintf(date, sizeof date, "2026-03-%02d", day++);
    box.set_day(date);
    return box.run({"review"}, input);
  };
  REQUIRE(on("5\n").exit_code == 0);
  for (int lapse = 1; lapse < 8; ++lapse) {
    CHECK_THAT(on("1\n4\n").out, !Catch::Contains("Leech"));
    on("5\n");
  }
  CHECK(cards_by_question(box)["Hard?"]["lapses"] == 7);
  const auto eighth = on("1\n4\n");
  CHECK_THAT(eighth.out, Catch::Contains("Leech: \"Hard?\" was forgotten 8 times and is now "
                                         "suspended. Rewrite it in " +
                                         note.string() + ":3."));
  CHECK_THAT(eighth.out,
             Catch::Contains("Leech (suspended, rewrite it): " + note.string() + ":3  \"Hard?\""));
  CHECK_THAT(eighth.out, Catch::Contains("1 card reviewed, 0% graded 3 or better"));
  const auto card = cards_by_question(box)["Hard?"];
  CHECK(card["state"] == "suspended");
  CHECK(card["lapses"] == 8);
  CHECK(card["reviews"] == 1 + 7 * 3 + 1);  // the 4 was not asked: a leech is not drilled
  CHECK_THAT(on("").out, Catch::Contains("Nothing to review"));
}

TEST_CASE("review: a queue longer than the limits is read in part and counted in full",
          "[review][actions][limits]") {
  std::string twenty;
  for (int i = 0; i < 20; ++i) twenty += "5\n";
  {
    // ir sorts first and its limit is spent: the first cards read are all held back, so the
    // session reads further to fill its 20 new cards from ml.
    Sandbox box;
    box.note("notes/ir.md", numbered("I", 30));
    box.note("notes/ml.md", numbered("M", 30));
    REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
    REQUIRE(box.run({"limits", "ir", "--new", "0"}).exit_code == 0);
    const auto session = box.run({"review"}, twenty);
    const auto cards = shown(session.out);
    REQUIRE(cards.size() == 20);
    CHECK(cards.front() == "M1?");
    CHECK(cards.back() == "M20?");
    CHECK_THAT(session.out, Catch::Contains("Left for another day by the daily limits: 40 new."));
  }
  {
    // Only the first few of 30 new cards are read; the 28 left are counted, not read.
    Sandbox box;
    box.note("notes/ml.md", numbered("M", 30));
    REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
    const auto session = box.run({"review", "--new", "2"}, "5\n5\n");
    CHECK(shown(session.out) == std::vector<std::string>{"M1?", "M2?"});
    CHECK_THAT(session.out, Catch::Contains("Left for another day by the daily limits: 28 new."));
  }
}
