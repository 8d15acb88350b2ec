// End-to-end: `recall export` (json, tsv, csv) and `recall import-json`, with the real binary.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::read_all;
using recall::test::Sandbox;

namespace {

// A collection with decks, sub-decks, tags, a suspended card, deck limits and a review log over
// three days (drills included).
void make_collection(Sandbox& box) {
  box.note("notes/ml/entropy.md",
           "---\ntags: [info theory, ml]\n---\n# Entropy\n\n"
           "Q: What is entropy?\nA: Expected surprise,\nin \"bits\" <when> log2 & so on.\n\n"
           "Q: Unit of entropy with ln?\nA: nats\n");
  box.note("notes/korean.md", "Q: 사과?\nA: apple, the fruit\n\nQ: 배?\nA: pear\tor ship\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(box.run({"limits", "ml", "--new", "7"}).exit_code == 0);
  box.set_day("2026-03-01");
  REQUIRE(box.run({"review"}, "5\n2\n4\n3\n4\n4\n").exit_code == 0);
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "5\n5\n5\n5\n").exit_code == 0);
}

}  // namespace

TEST_CASE("export json, import-json into a fresh database, export again: the same bytes",
          "[export][json]") {
  Sandbox box;
  make_collection(box);
  const auto first = box.dir() / "first.json";
  const auto exported = box.run({"export", "--format", "json", first.string()});
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.err, Catch::Contains("Exported 4 cards"));

  const auto backup = nlohmann::json::parse(read_all(first));
  CHECK(backup["format"] == "recall-backup");
  REQUIRE(backup["cards"].size() == 4);
  std::size_t reviews = 0;
  for (const auto& card : backup["cards"]) reviews += card["reviews"].size();
  CHECK(reviews >= 8);  // four first answers, the drills, the second day's answers
  CHECK(backup["notes"].size() == 2);
  REQUIRE(backup["deck_limits"].size() == 1);
  CHECK(backup["deck_limits"][0]["new_per_day"] == 7);

  const auto cards_before = box.run({"cards", "--format", "json"}).out;
  const auto stats_before = box.run({"stats", "--json"}).out;

  box.set_env("RECALL_DB", (box.dir() / "fresh.db").string());
  const auto restored = box.run({"import-json", first.string()});
  REQUIRE(restored.exit_code == 0);
  CHECK_THAT(restored.out, Catch::Contains("Restored 4 cards, " + std::to_string(reviews)));
  const auto second = box.dir() / "second.json";
  REQUIRE(box.run({"export", "--format", "json", second.string()}).exit_code == 0);
  CHECK(read_all(second) == read_all(first));
  // What the commands see is the same too: schedules, review counts, statistics.
  CHECK(box.run({"cards", "--format", "json"}).out == cards_before);
  CHECK(box.run({"stats", "--json"}).out == stats_before);
  CHECK(box.run({"limits"}).out.find("ml") != std::string::npos);
  // The restored notes are known: importing them again changes no card.
  const auto again = box.run({"import", "--format", "json", (box.dir() / "notes").string()});
  REQUIRE(again.exit_code == 0);
  for (const auto& row : json_lines(again.out)) CHECK(row["action"] == "unchanged");
}

TEST_CASE("import-json refuses a database with cards, a bad file, a missing file",
          "[export][json]") {
  Sandbox box;
  make_collection(box);
  const auto file = box.dir() / "backup.json";
  REQUIRE(box.run({"export", file.string()}).exit_code == 0);  // json is the default

  const auto into_same = box.run({"import-json", file.string()});
  CHECK(into_same.exit_code == 1);
  CHECK_THAT(into_same.err, Catch::Contains("already holds notes or cards"));
  CHECK_THAT(into_same.err, Catch::Contains(box.db().string()));

  box.set_env("RECALL_DB", (box.dir() / "fresh.db").string());
  const auto missing = box.run({"import-json", (box.dir() / "nope.json").string()});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Catch::Contains("nope.json"));

  const auto not_json = box.note("broken.json", "{\"format\": \"recall-backup\",");
  const auto broken = box.run({"import-json", not_json.string()});
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.err, Catch::Contains("broken.json") && Catch::Contains("not JSON"));

  auto document = nlohmann::json::parse(read_all(file));
  document["cards"][1]["reviews"][0]["grade"] = 9;
  const auto bad_grade = box.note("grade.json", document.dump());
  const auto graded = box.run({"import-json", bad_grade.string()});
  CHECK(graded.exit_code == 1);
  CHECK_THAT(graded.err, Catch::Contains("card " + document["cards"][1]["key"].get<std::string>()) &&
                             Catch::Contains("grades are 0-5"));
  document["cards"][1]["reviews"][0].erase("grade");
  const auto no_grade = box.note("nograde.json", document.dump());
  CHECK_THAT(box.run({"import-json", no_grade.string()}).err,
             Catch::Contains("nograde.json") && Catch::Contains("card 2") &&
                 Catch::Contains("has no 'grade'"));
  // Nothing was written by the refused restores.
  CHECK(box.run({"cards"}).out.empty());
}

TEST_CASE("export tsv and csv: Anki's plain-text headers, decks as A::B, filters",
          "[export][anki]") {
  Sandbox box;
  make_collection(box);
  const auto tsv = box.run({"export", "--format", "tsv", "-"});
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out.rfind("#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n"
                      "#tags column:4\n",
                      0) == 0);
  CHECK_THAT(tsv.out, Catch::Contains("What is entropy?\tExpected surprise,<br>in &quot;bits&quot; "
                                      "&lt;when&gt; log2 &amp; so on.\tml::entropy\t"
                                      "info_theory ml\n"));
  // A field holding the separator is quoted.
  CHECK_THAT(tsv.out, Catch::Contains("배?\t\"pear\tor ship\"\tkorean\t\n"));

  const auto csv = box.run({"export", "--format", "csv", "--deck", "korean", "-"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("#separator:comma\n", 0) == 0);
  CHECK_THAT(csv.out, Catch::Contains("사과?,\"apple, the fruit\",korean,\n"));
  CHECK(csv.out.find("entropy") == std::string::npos);

  // --state: after the first day's answers, the card graded 2 is learning, the rest review.
  const auto learning = box.run({"export", "--format", "tsv", "--state", "new", "-"});
  CHECK(learning.exit_code == 0);
  const auto all_json = box.run({"export", "--format", "json", "--deck", "ml", "-"});
  const auto ml = nlohmann::json::parse(all_json.out);
  CHECK(ml["cards"].size() == 2);
  CHECK(ml["notes"].size() == 1);
  CHECK(ml["deck_limits"].empty());
  const auto reviewing = box.run({"export", "--format", "json", "--state", "review", "-"});
  const auto review_backup = nlohmann::json::parse(reviewing.out);
  for (const auto& card : review_backup["cards"]) {
    CHECK(card["state"] == "review");
  }
  CHECK(box.run({"export", "--format", "xml", "-"}).exit_code == 2);
  CHECK(box.run({"export", "--state", "sleepy", "-"}).exit_code == 2);
}
