// End-to-end: Obsidian SR's schedule comments seed a card's schedule on its first import only.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::cards_by_question;
using recall::test::Sandbox;

TEST_CASE("OSR schedule comments seed due, interval and E-Factor on the first import only",
          "[import][osr]") {
  Sandbox box;
  box.set_day("2026-03-01");
  const auto note = box.note("vault/geo.md",
                             "#flashcards\n\n"
                             "Capital of Italy::Rome <!--SR:!2026-03-10,3,270-->\n\n"
                             "Largest ocean:::Pacific <!--SR:!2026-03-05,4,250!2026-04-01,30,230-->\n\n"
                             "Capital of France::Paris\n");
  REQUIRE(box.run({"import", (box.dir() / "vault").string()}).exit_code == 0);
  auto cards = cards_by_question(box);
  REQUIRE(cards.size() == 4);
  auto check = [&](const std::string& question, const std::string& state, const nlohmann::json& due,
                   int interval, double ef) {
    INFO(question << ": " << cards[question].dump());
    CHECK(cards[question]["state"] == state);
    CHECK(cards[question]["due"] == due);
    CHECK(cards[question]["interval"] == interval);
    CHECK(cards[question]["ef"].get<double>() == Approx(ef));
  };
  check("Capital of Italy", "review", "2026-03-10", 3, 2.7);
  check("Largest ocean", "review", "2026-03-05", 4, 2.5);
  check("Pacific", "review", "2026-04-01", 30, 2.3);
  check("Capital of France", "new", nullptr, 0, 2.5);

  // The comment changes (OSR reviewed the card) and a new card comes with its own: the stored
  // card keeps recall's schedule, the new one is seeded.
  recall::test::write_file(note, "#flashcards\n\n"
                                 "Capital of Italy::Rome <!--SR:!2026-06-01,40,290-->\n\n"
                                 "Largest ocean:::Pacific <!--SR:!2026-03-05,4,250!2026-04-01,30,230-->\n\n"
                                 "Capital of France::Paris\n\n"
                                 "Capital of Peru::Lima <!--SR:!2026-03-02,2,250-->\n");
  REQUIRE(box.run({"import", (box.dir() / "vault").string()}).exit_code == 0);
  cards = cards_by_question(box);
  check("Capital of Italy", "review", "2026-03-10", 3, 2.7);
  check("Capital of Peru", "review", "2026-03-02", 2, 2.5);

  // A seeded card is reviewed from where OSR left it: the next interval grows from the seeded
  // one (ceil(3 × 2.70) = 9 with grade 4), not SM-2's first steps of 1 and 6 days.
  box.set_day("2026-03-10");
  REQUIRE(box.run({"review", "--deck", "geo", "--new", "0"}, "4\n4\n4\n").exit_code == 0);
  cards = cards_by_question(box);
  check("Capital of Italy", "review", "2026-03-19", 9, 2.7);
}
