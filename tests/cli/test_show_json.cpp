// End-to-end: `recall show --format json`, one line per card with its whole review log.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;

TEST_CASE("show --format json: the card, its note and its review log", "[manage]") {
  Sandbox box;
  const auto note = box.note("notes/geo.md",
                             "Q: Capital of Peru?\nA: Lima.\n\nQ: Capital of "
                             "Chile?\nA: Santiago.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "1"}, "4\n").exit_code == 0);
  std::vector<std::string> keys;
  for (const auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    keys.push_back(row["key"]);
  }
  REQUIRE(keys.size() == 2);

  const auto shown = box.run({"show", "--format", "json", keys[0], keys[1]});
  REQUIRE(shown.exit_code == 0);
  const auto rows = json_lines(shown.out);
  REQUIRE(rows.size() == 2);
  int reviewed = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    CHECK(row["key"] == keys[i]);
    CHECK(row["deck"] == "geo");
    CHECK(row["note"] == note.string());
    CHECK(row["source"] == "geo.md");
    CHECK(row["leech"] == false);
    REQUIRE(row["reviews"].is_array());
    if (row["reviews"].size() == 1) {
      ++reviewed;
      const auto& review = row["reviews"][0];
      CHECK(review["grade"] == 4);
      CHECK(review["state_before"] == "new");
      CHECK(review["state_after"] == row["state"]);
      CHECK(review["due_after"] == row["due"]);
    } else {
      CHECK(row["reviews"].empty());
      CHECK(row["state"] == "new");
      CHECK(row["due"].is_null());
    }
  }
  CHECK(reviewed == 1);
  CHECK(box.run({"show", "--format", "json", "nosuchkey"}).exit_code == 3);
  CHECK(box.run({"show", "--format", "yaml", keys[0]}).exit_code == 2);
}
