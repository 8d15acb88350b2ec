// End-to-end: `recall import` with the real binary.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;
using recall::test::source_path;

namespace {

const char* const kNote =
    "# Information theory\n"
    "\n"
    "Q: What does entropy measure?\n"
    "A: The average surprise of a distribution.\n"
    "\n"
    "perplexity :: 2 to the power of the cross-entropy\n";

}  // namespace

TEST_CASE("import makes cards and a second import changes nothing", "[import]") {
  Sandbox box;
  box.note("notes/ml/info.md", kNote);
  const auto first = box.run({"import", (box.dir() / "notes").string()});
  CHECK(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("cards: 2 new, 0 updated, 0 unchanged"));

  const auto second = box.run({"import", (box.dir() / "notes").string()});
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("cards: 0 new, 0 updated, 2 unchanged"));

  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0]["deck"] == "ml/info");
  CHECK(cards[0]["source"] == "ml/info.md");
  CHECK(cards[0]["question"] == "What does entropy measure?");
  CHECK(cards[0]["line"] == 3);
  CHECK(cards[0]["state"] == "new");
  CHECK(cards[0]["reviews"] == 0);
}

TEST_CASE("the bundled decks import, and again with nothing new", "[import][decks]") {
  Sandbox box;
  const auto first = box.run({"import", source_path("decks").string()});
  REQUIRE(first.exit_code == 0);
  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  CHECK(cards.size() >= 30);
  const auto second = box.run({"import", source_path("decks").string()});
  CHECK_THAT(second.out, Catch::Contains("0 new, 0 updated"));
}

TEST_CASE("an edited answer updates its card and keeps its history", "[import]") {
  Sandbox box;
  const auto note = box.note("n/info.md", kNote);
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  REQUIRE(box.run({"review"}, "5\n5\n").exit_code == 0);

  std::string edited = kNote;
  edited.replace(edited.find("average surprise"), 16, "expected surprise");
  box.note("n/info.md", edited);
  const auto again = box.run({"import", note.string()});
  CHECK_THAT(again.out, Catch::Contains("0 new, 1 updated, 1 unchanged"));
  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0]["answer"] == "The expected surprise of a distribution.");
  CHECK(cards[0]["reviews"] == 1);
  CHECK(cards[0]["state"] == "review");
}

TEST_CASE("a removed item retires its card, and it comes back with its history", "[import]") {
  Sandbox box;
  const auto note = box.note("n/info.md", kNote);
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  REQUIRE(box.run({"review"}, "4\n4\n").exit_code == 0);

  box.note("n/info.md",
           "# Information theory\n\nperplexity :: 2 to the power of the cross-entropy\n");
  CHECK_THAT(box.run({"import", note.string()}).out, Catch::Contains("1 retired"));
  auto stats = nlohmann::json::parse(box.run({"stats", "--json"}).out);
  CHECK(stats["cards"]["retired"] == 1);
  CHECK(stats["due"]["tomorrow"] == 1);  // the retired card is out of the workload

  box.note("n/info.md", kNote);
  CHECK_THAT(box.run({"import", note.string()}).out, Catch::Contains("1 restored"));
  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0]["state"] == "review");
  CHECK(cards[0]["reviews"] == 1);
}

TEST_CASE("dry run writes nothing and prints JSON lines", "[import]") {
  Sandbox box;
  box.note("notes/info.md", kNote);
  const auto dry =
      box.run({"import", (box.dir() / "notes").string(), "--dry-run", "--format", "json"});
  CHECK(dry.exit_code == 0);
  const auto rows = json_lines(dry.out);
  REQUIRE(rows.size() == 2);
  for (const auto& row : rows) {
    CHECK(row["action"] == "new");
    CHECK(row["source"] == "info.md");
    CHECK(row["deck"] == "info");
    CHECK(row["kind"].is_string());
    CHECK(row["line"].is_number_integer());
    CHECK(row["question"].is_string());
    CHECK(row["answer"].is_string());
  }
  CHECK_FALSE(std::filesystem::exists(box.db()));

  // On an existing database too.
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  box.note("notes/more.md", "Q: One more?\nA: Yes.\n");
  const auto dry2 = box.run({"import", (box.dir() / "notes").string(), "-n"});
  CHECK_THAT(dry2.out, Catch::Contains("1 new, 0 updated, 2 unchanged"));
  CHECK(json_lines(box.run({"cards", "--format", "json"}).out).size() == 2);
}

TEST_CASE("unusable files are skipped with a warning naming them", "[import]") {
  Sandbox box;
  box.note("notes/good.md", kNote);
  box.note("notes/latin1.txt", std::string("caf\xe9 :: coffee\n"));
  box.note("notes/binary.md", std::string("abc\0def\n", 8));
  const auto result = box.run({"import", (box.dir() / "notes").string()});
  CHECK(result.exit_code == 4);
  CHECK_THAT(result.err, Catch::Contains("latin1.txt:1"));
  CHECK_THAT(result.err, Catch::Contains("binary.md"));
  CHECK_THAT(result.out, Catch::Contains("2 new"));
  CHECK_THAT(result.out, Catch::Contains("2 files skipped"));
}

TEST_CASE("a path that does not exist is an error", "[import]") {
  Sandbox box;
  const auto result = box.run({"import", (box.dir() / "nowhere").string()});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.err, Catch::Contains("recall: error:"));
  CHECK_THAT(result.err, Catch::Contains("nowhere"));
}

TEST_CASE("every command has --help", "[cli]") {
  Sandbox box;
  for (const char* command : {"import", "review", "stats", "cards", "export", "import-json",
                              "import-anki"}) {
    const auto result = box.run({command, "--help"});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("Usage") || Catch::Contains("usage"));
  }
  CHECK(box.run({"--help"}).exit_code == 0);
  CHECK(box.run({}).exit_code == 0);  // the command list (tests/cli/test_guidance.cpp)
  CHECK(box.run({"frobnicate"}).exit_code == 2);
}

TEST_CASE("the database lives under XDG_DATA_HOME by default", "[cli]") {
  Sandbox box;
  box.unset_env("RECALL_DB");
  box.set_env("XDG_DATA_HOME", (box.dir() / "xdg").string());
  const auto note = box.note("info.md", kNote);
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  CHECK(std::filesystem::exists(box.dir() / "xdg" / "recall" / "recall.db"));

  box.unset_env("XDG_DATA_HOME");
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  CHECK(std::filesystem::exists(box.dir() / "home" / ".local" / "share" / "recall" / "recall.db"));
}

TEST_CASE("a bad RECALL_NOW is a usage error", "[cli]") {
  Sandbox box;
  box.set_env("RECALL_NOW", "yesterday");
  const auto result = box.run({"stats"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("RECALL_NOW"));
}

TEST_CASE("a note that becomes unreadable keeps its cards", "[import]") {
  Sandbox box;
  box.note("notes/info.md", kNote);
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  box.note("notes/info.md", std::string("Q: caf\xe9?\nA: coffee\n"));
  const auto result = box.run({"import", (box.dir() / "notes").string()});
  CHECK(result.exit_code == 4);
  CHECK_THAT(result.err, Catch::Contains("info.md:1: not valid UTF-8"));
  CHECK_THAT(result.out, Catch::Contains("0 retired"));
  const auto stats = nlohmann::json::parse(box.run({"stats", "--json"}).out);
  CHECK(stats["cards"]["new"] == 2);
  CHECK(stats["cards"]["retired"] == 0);
}

TEST_CASE("import with a confidence threshold, explained", "[import]") {
  Sandbox box;
  const auto note = box.note("n.md",
                             "perplexity :: 2 to the power of the cross-entropy\n\n"
                             "- entropy\n  - the expected surprise of a distribution\n");
  // Explicit syntax has confidence 1; a nested term is a heuristic, below 1.
  const auto strict = box.run({"import", note.string(), "--min-confidence", "1", "--explain"});
  CHECK(strict.exit_code == 0);
  CHECK_THAT(strict.out, Catch::Contains("new\t1.00\tdouble-colon\tdefinition\tn.md:1\t"));
  CHECK_THAT(strict.out, Catch::Contains("below-threshold\t0."));
  CHECK_THAT(strict.out, Catch::Contains("n.md:3"));
  CHECK_THAT(strict.out, Catch::Contains("1 new, 0 updated"));
  CHECK_THAT(strict.out, Catch::Contains("1 below confidence 1"));

  const auto all = box.run({"import", note.string(), "--min-confidence", "0"});
  CHECK_THAT(all.out, Catch::Contains("1 new, 0 updated, 1 unchanged"));
  CHECK(box.run({"import", note.string(), "--min-confidence", "2"}).exit_code == 2);
}

TEST_CASE("front matter tags reach the cards", "[import]") {
  Sandbox box;
  const auto note = box.note("n.md",
                             "---\ntitle: \"Study\"\ntags: [ml, info]\n---\n\n"
                             "perplexity :: 2 to the power of the cross-entropy\n");
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0]["line"] == 6);
  CHECK(cards[0]["tags"] == nlohmann::json::array({"ml", "info"}));
}
