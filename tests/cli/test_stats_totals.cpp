// End-to-end: the per-section totals and the census that triggers keep (schema 12) stay equal to
// the figures recomputed from the cards and the log through a mixed run of the real commands:
// imports that add, move, retire and restore cards, piped reviews with undo, suspend and bury,
// card management, a note file deleted, and a JSON backup restored into a new database.
#include <catch2/catch.hpp>

#include "../totals_check.hpp"
#include "harness.hpp"

using recall::test::Sandbox;

namespace {

void check_kept_totals(const Sandbox& box) {
  for (const auto& table : recall::test::compare_totals(box.db())) {
    INFO("table " << table.table);
    CHECK(table.stored == table.recomputed);
    CHECK(table.same());
  }
}

// The groups of `stats --json --by <by> --top 0`: from the kept totals without --since, from the
// log read card by card with a --since before every review.
nlohmann::json stats_groups(const Sandbox& box, const std::string& by, bool from_log) {
  std::vector<std::string> args = {"stats", "--json", "--by", by, "--top", "0"};
  if (from_log) {
    args.push_back("--since");
    args.push_back("2000-01-01");
  }
  const auto result = box.run(args);
  REQUIRE(result.exit_code == 0);
  return nlohmann::json::parse(result.out)["groups"];
}

std::string section_note(const std::string& prefix, const std::string& second_heading) {
  return "# " + prefix + "\n\n## One\n\nQ: " + prefix + " one?\nA: first\n\nQ: " + prefix +
         " two?\nA: second\n\n## " + second_heading + "\n\nQ: " + prefix +
         " three?\nA: third\n\nQ: " + prefix + " four?\nA: fourth\n";
}

}  // namespace

TEST_CASE("stats: kept section totals and census equal a recount after mixed commands",
          "[stats][totals]") {
  Sandbox box;
  box.note("notes/ml/a.md", section_note("Alpha", "Two"));
  box.note("notes/ml/b.md", section_note("Beta", "Two"));
  box.note("notes/stats/c.md", section_note("Gamma", "Two"));
  const auto notes = (box.dir() / "notes").string();
  REQUIRE(box.run({"import", notes}).exit_code == 0);
  check_kept_totals(box);

  // A week of piped sessions: passes, failures (with their drills), an undo, a suspend, a bury.
  const std::vector<std::string> sessions = {"5\n3\n2\n4\n1\n5\nu\n4\n3\ns\n4\n",
                                             "4\n4\n2\n5\nb\n3\n1\n4\n4\n4\n",
                                             "3\n5\n5\n1\nu\n2\n4\n4\n4\n4\n4\n"};
  int day = 1;
  for (int round = 0; round < 3; ++round) {
    for (const auto& answers : sessions) {
      box.set_day("2026-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day));
      REQUIRE(box.run({"review"}, answers + "q\n").exit_code == 0);
      ++day;
    }
  }
  check_kept_totals(box);

  // A card moves to another heading, a note goes away (its cards retire), one card is forgotten,
  // another suspended then unsuspended.
  box.note("notes/ml/a.md", section_note("Alpha", "Renamed"));
  std::filesystem::remove(box.dir() / "notes/ml/b.md");
  REQUIRE(box.run({"import", notes}).exit_code == 0);
  check_kept_totals(box);
  const auto cards = recall::test::json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() >= 4);
  REQUIRE(box.run({"forget", cards[0]["key"].get<std::string>()}).exit_code == 0);
  REQUIRE(box.run({"suspend", cards[1]["key"].get<std::string>()}).exit_code == 0);
  REQUIRE(box.run({"unsuspend", cards[1]["key"].get<std::string>()}).exit_code == 0);
  box.set_day("2026-03-20");
  REQUIRE(box.run({"review"}, "4\n5\n2\n4\n4\n3\nq\n").exit_code == 0);
  check_kept_totals(box);

  // The note comes back: its cards are restored with their history.
  box.note("notes/ml/b.md", section_note("Beta", "Two"));
  REQUIRE(box.run({"import", notes}).exit_code == 0);
  check_kept_totals(box);

  for (const std::string by : {"section", "deck"}) {
    INFO("--by " << by);
    const auto kept = stats_groups(box, by, false);
    CHECK(kept["total"].get<int>() > 0);
    CHECK(kept == stats_groups(box, by, true));
  }

  // A backup restored into a new database keeps the same totals.
  const auto backup = box.dir() / "backup.json";
  REQUIRE(box.run({"export", "--format", "json", backup.string()}).exit_code == 0);
  const auto stats_before = box.run({"stats", "--json", "--by", "section"}).out;
  box.set_env("RECALL_DB", (box.dir() / "restored.db").string());
  REQUIRE(box.run({"import-json", backup.string()}).exit_code == 0);
  check_kept_totals(box);
  CHECK(box.run({"stats", "--json", "--by", "section"}).out == stats_before);
}
