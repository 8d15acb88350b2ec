// End-to-end: `recall import-anki` on Anki's "Notes in Plain Text" exports (no npm needed).
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::cards_by_question;
using recall::test::Sandbox;

namespace fs = std::filesystem;

TEST_CASE("import-anki reads Anki's plain text: headers, decks, tags, quotes, clozes",
          "[import-anki]") {
  Sandbox box;
  const auto file = box.note("export.txt",
                             "#separator:tab\n#html:true\n#deck column:3\n#tags column:4\n"
                             "What is <b>entropy</b>?\tExpected surprise<br>in bits\tML::Info\tml theory\n"
                             "\"Two\tlines?\"\t\"first\nsecond\"\tML::Info\t\n"
                             "{{c1::Paris}} is the capital of {{c2::France}}.\t\tGeo\tgeo\n");
  const auto result =
      box.run({"import-anki", file.string(), "--into", (box.dir() / "notes").string()});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(fs::exists(box.dir() / "notes" / "ML" / "Info.md"));
  CHECK(fs::exists(box.dir() / "notes" / "Geo.md"));
  auto cards = cards_by_question(box);
  REQUIRE(cards.count("What is **entropy**?") == 1);
  CHECK(cards["What is **entropy**?"]["answer"] == "Expected surprise\nin bits");
  CHECK(cards["What is **entropy**?"]["deck"] == "ML/Info");
  CHECK(cards["What is **entropy**?"]["tags"] == nlohmann::json::array({"ml", "theory"}));
  CHECK(cards.count("Two\tlines?") == 1);
  std::size_t clozes = 0;
  for (const auto& [question, card] : cards) clozes += card["kind"] == "cloze" ? 1u : 0u;
  CHECK(clozes == 2);
  CHECK(cards.size() == 4);

  // The notes are notes like any other: importing the folder again changes nothing.
  const auto again = box.run({"import", "--format", "json", (box.dir() / "notes").string()});
  for (const auto& row : json_lines(again.out)) CHECK(row["action"] == "unchanged");
  // A second import-anki into the same folder refuses to overwrite the notes.
  const auto twice =
      box.run({"import-anki", file.string(), "--into", (box.dir() / "notes").string()});
  CHECK(twice.exit_code == 1);
  CHECK_THAT(twice.err, Catch::Contains("already exists"));
}

TEST_CASE("import-anki: bad input is named", "[import-anki]") {
  Sandbox box;
  CHECK(box.run({"import-anki", (box.dir() / "none.apkg").string(), "--into", "x"}).exit_code == 3);
  const auto notes = box.note("notes.md", "Q: a\nA: b\n");
  CHECK(box.run({"import-anki", notes.string(), "--into", "x"}).exit_code == 2);
  const auto fake = box.note("fake.apkg", "not a zip");
  const auto result = box.run({"import-anki", fake.string(), "--into", "x"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("fake.apkg") && Catch::Contains("not a zip"));
  const auto one_field = box.note("one.txt", "#separator:tab\nonly a front\n");
  const auto short_line = box.run({"import-anki", one_field.string(), "--into", "y"});
  CHECK(short_line.exit_code == 1);
  CHECK_THAT(short_line.err, Catch::Contains("one.txt:2"));
  CHECK(box.run({"import-anki", "--help"}).exit_code == 0);
}
