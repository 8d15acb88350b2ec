// End-to-end: finding cards by query and changing them outside a review (issue 11, "Card
// management"): cards --search/--state/--due/--tag/--format, show, suspend, unsuspend (and
// --leeches), forget and bury.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;

namespace {

std::map<std::string, nlohmann::json> by_question(const Sandbox& box,
                                                  std::vector<std::string> args = {}) {
  args.insert(args.begin(), {"cards", "--format", "json"});
  std::map<std::string, nlohmann::json> out;
  const auto result = box.run(args);
  REQUIRE(result.exit_code == 0);
  for (auto& row : json_lines(result.out)) out[row["question"].get<std::string>()] = row;
  return out;
}

void import_three(const Sandbox& box) {
  box.note("notes/ml.md",
           "---\ntags: [math, ml]\n---\nQ: Entropy of a fair coin?\nA: One bit.\n\n"
           "Q: What is KL divergence?\nA: Relative entropy.\n");
  box.note("notes/bio.md", "Q: Unit of heredity?\nA: The gene.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
}

}  // namespace

TEST_CASE("cards: search, state, due, tag and tsv", "[manage]") {
  Sandbox box;
  import_three(box);
  // Text in the question, the answer, the deck or the source, in any case.
  CHECK(by_question(box, {"--search", "ENTROPY"}).size() == 2);  // a question and an answer
  CHECK(by_question(box, {"--search", "gene"}).count("Unit of heredity?") == 1);
  CHECK(by_question(box, {"--search", "bio.md"}).size() == 1);
  CHECK(by_question(box, {"--tag", "math"}).size() == 2);
  CHECK(by_question(box, {"--tag", "nosuch"}).empty());
  CHECK(by_question(box, {"--state", "new"}).size() == 3);
  CHECK(by_question(box, {"--due"}).empty());

  // One card learned: due tomorrow, in review.
  REQUIRE(box.run({"review", "--new", "1", "--deck", "bio"}, "5\n").exit_code == 0);
  CHECK(by_question(box, {"--state", "review"}).count("Unit of heredity?") == 1);
  box.set_day("2026-03-02");
  const auto due = by_question(box, {"--due"});
  CHECK(due.size() == 1);
  CHECK(due.count("Unit of heredity?") == 1);

  const auto tsv = box.run({"cards", "--format", "tsv", "--deck", "ml"});
  REQUIRE(tsv.exit_code == 0);
  std::istringstream lines(tsv.out);
  std::string header, row;
  std::getline(lines, header);
  CHECK(header.rfind("key\tdeck\tstate\tdue", 0) == 0);
  int rows = 0;
  while (std::getline(lines, row)) {
    ++rows;
    CHECK(std::count(row.begin(), row.end(), '\t') ==
          std::count(header.begin(), header.end(), '\t'));
  }
  CHECK(rows == 2);
  CHECK(box.run({"cards", "--state", "nosuch"}).exit_code == 2);
}

TEST_CASE("show: the card, its note and line, its schedule and its log", "[manage]") {
  Sandbox box;
  import_three(box);
  REQUIRE(box.run({"review", "--deck", "bio"}, "2\n4\n").exit_code == 0);
  const auto card = by_question(box, {"--deck", "bio"}).at("Unit of heredity?");
  const auto show = box.run({"show", card["key"].get<std::string>()});
  REQUIRE(show.exit_code == 0);
  CHECK_THAT(show.out, Catch::Contains("Q: Unit of heredity?"));
  CHECK_THAT(show.out, Catch::Contains("A: The gene."));
  CHECK_THAT(show.out, Catch::Contains((box.dir() / "notes" / "bio.md").string() + ":1"));
  CHECK_THAT(show.out, Catch::Contains("Reviews: 2"));
  CHECK_THAT(show.out, Catch::Contains("grade 2") && Catch::Contains("grade 4"));
  const auto missing = box.run({"show", "nokey"});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Catch::Contains("`nokey`"));
}

TEST_CASE("suspend, unsuspend, forget and bury by key and by query", "[manage]") {
  Sandbox box;
  import_three(box);
  REQUIRE(box.run({"review", "--deck", "bio"}, "5\n").exit_code == 0);
  auto cards = by_question(box);
  const std::string gene = cards.at("Unit of heredity?")["key"];
  const std::string coin = cards.at("Entropy of a fair coin?")["key"];

  // Suspend by key: sessions stop showing it; the schedule stays.
  auto suspend = box.run({"suspend", gene});
  REQUIRE(suspend.exit_code == 0);
  CHECK_THAT(suspend.out, Catch::Contains("Suspended 1 card."));
  CHECK(by_question(box).at("Unit of heredity?")["state"] == "suspended");
  CHECK_THAT(box.run({"suspend", gene}).out, Catch::Contains("already suspended"));
  box.set_day("2026-03-02");
  CHECK(box.run({"review", "--deck", "bio"}).out.find("heredity") == std::string::npos);

  // Unsuspend: back to review, with its interval and due day as they were.
  REQUIRE(box.run({"unsuspend", gene}).exit_code == 0);
  auto after = by_question(box).at("Unit of heredity?");
  CHECK(after["state"] == "review");
  CHECK(after["due"] == "2026-03-02");
  CHECK(after["interval"] == 1);

  // Forget: new again, the log kept.
  REQUIRE(box.run({"forget", gene}).exit_code == 0);
  after = by_question(box).at("Unit of heredity?");
  CHECK(after["state"] == "new");
  CHECK(after["due"].is_null());
  CHECK(after["repetitions"] == 0);
  CHECK(after["reviews"] == 1);

  // Bury by query: hidden today, back tomorrow.
  const auto bury = box.run({"bury", "--search", "fair coin"});
  REQUIRE(bury.exit_code == 0);
  CHECK_THAT(bury.out, Catch::Contains(coin + "\tburied"));
  CHECK(by_question(box, {"--state", "buried"}).count("Entropy of a fair coin?") == 1);
  CHECK(box.run({"review", "--deck", "ml"}, "5\n5\n").out.find("fair coin") == std::string::npos);
  box.set_day("2026-03-03");
  CHECK(by_question(box, {"--state", "buried"}).empty());

  // A query suspends several at once; an unknown key changes nothing, exit 3; no keys nor query
  // is a usage error.
  CHECK_THAT(box.run({"suspend", "--deck", "ml"}).out, Catch::Contains("Suspended 2 cards."));
  const auto unknown = box.run({"unsuspend", coin, "nokey"});
  CHECK(unknown.exit_code == 3);
  CHECK(by_question(box).at("Entropy of a fair coin?")["state"] == "suspended");
  CHECK(box.run({"unsuspend"}).exit_code == 2);
}

TEST_CASE("unsuspend --leeches brings back every suspended leech, not other cards", "[manage]") {
  Sandbox box;
  const auto hard = box.note("notes/hard.md", "Q: Hard?\nA: yes\n");
  box.note("notes/easy.md", "Q: Easy?\nA: yes\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(box.run({"suspend", "--deck", "easy"}).exit_code == 0);
  // As in test_review_actions: learned, then forgotten and relearned until the 8th lapse.
  int day = 1;
  const auto on = [&](const std::string& input) {
    char date[16];
    std::snprintf(date, sizeof date, "2026-03-%02d", day++);
    box.set_day(date);
    return box.run({"review"}, input);
  };
  REQUIRE(on("5\n").exit_code == 0);
  for (int lapse = 1; lapse < 8; ++lapse) {
    on("1\n4\n");
    on("5\n");
  }
  REQUIRE_THAT(on("1\n4\n").out, Catch::Contains("Leech"));
  const auto leeches = by_question(box, {"--state", "leech"});
  REQUIRE(leeches.size() == 1);
  REQUIRE(leeches.at("Hard?")["state"] == "suspended");
  const auto result = box.run({"unsuspend", "--leeches"});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("Unsuspended 1 card."));
  const auto after = by_question(box);
  CHECK(after.at("Hard?")["state"] == "learning");
  CHECK(after.at("Hard?")["lapses"] == 8);
  CHECK(after.at("Easy?")["state"] == "suspended");
  // Still marked a leech (so not suspended again at the next lapse), and shown again.
  CHECK(by_question(box, {"--state", "leech"}).size() == 1);
  box.set_day("2026-03-31");
  CHECK_THAT(box.run({"review"}, "5\n").out, Catch::Contains("Q: Hard?"));
  (void)hard;
}
