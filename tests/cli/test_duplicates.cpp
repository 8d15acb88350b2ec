// End-to-end: the same card from two notes is made once (issue 10, "duplicates"). Notes are
// invented: an acronym expanded in two notes, a copied note, one question with two answers, the
// kept card's note deleted or edited, and the same notes listed in another order or on more
// threads.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "robust.hpp"

using recall::test::Db;
using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// How many cards (any state but retired) ask `question`, and from which sources.
std::string sources_of(const Sandbox& box, const std::string& question) {
  Db db(box.db());
  return db.text("SELECT coalesce(group_concat(source, ' '), '') FROM (SELECT source FROM cards "
                 "WHERE state <> 'retired' AND question = '" +
                 question + "' ORDER BY source)");
}

const std::string kAcronymA =
    "# Metrics\n\n- TP (True Positive)\n- precision :: TP over everything predicted positive\n";
const std::string kAcronymB =
    "# Confusion matrix\n\n- TP (True Positive)\n- recall :: TP over everything actually positive\n";

}  // namespace

TEST_CASE("duplicates: an acronym expanded in two notes makes one card", "[duplicates]") {
  Sandbox box;
  box.note("n/a.md", kAcronymA);
  box.note("n/b.md", kAcronymB);
  const std::string notes = (box.dir() / "n").string();
  const auto dry = box.run({"import", notes, "--dry-run"});
  REQUIRE(dry.exit_code == 0);
  CHECK_THAT(dry.out, Catch::Contains("duplicate") && Catch::Contains("b.md:3") &&
                          Catch::Contains("(same card as in a.md:3)"));
  CHECK_THAT(dry.out, Catch::Contains("1 duplicate of other notes' cards left out"));
  const auto run = box.run({"import", notes});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("5 new") && Catch::Contains("1 duplicate"));
  CHECK(sources_of(box, "What does TP stand for?") == "a.md");
  // Each note's own card stays.
  CHECK(sources_of(box, "What is precision?") == "a.md");
  CHECK(sources_of(box, "What is recall?") == "b.md");
  // Importing again changes nothing; --explain names the card left out of a note parsed again.
  box.note("n/b.md", kAcronymB + "- F1 :: harmonic mean of precision and recall\n");
  const auto again = box.run({"import", notes, "--explain"});
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("(same card as in a.md:3)"));
  CHECK(sources_of(box, "What does TP stand for?") == "a.md");
}

TEST_CASE("duplicates: a copied note adds no card, whichever is stored first", "[duplicates]") {
  Sandbox box;
  const std::string text = "Q: Capital of Peru?\nA: Lima.\n\nQ: Capital of Chile?\nA: Santiago.\n";
  box.note("n/peru.md", text);
  const std::string notes = (box.dir() / "n").string();
  REQUIRE(box.run({"import", notes}).exit_code == 0);
  // The copy sorts first, but the stored cards stay where they are: the copy's are left out.
  box.note("n/a-copy.md", text);
  const auto run = box.run({"import", notes});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("0 new") && Catch::Contains("2 duplicates"));
  CHECK(sources_of(box, "Capital of Peru?") == "peru.md");
  CHECK(sources_of(box, "Capital of Chile?") == "peru.md");
  // On a first import of both, the note listed first keeps them.
  Sandbox fresh;
  fresh.note("n/peru.md", text);
  fresh.note("n/a-copy.md", text);
  REQUIRE(fresh.run({"import", (fresh.dir() / "n").string()}).exit_code == 0);
  CHECK(sources_of(fresh, "Capital of Peru?") == "a-copy.md");
}

TEST_CASE("duplicates: one question with answers that say different things stays twice",
          "[duplicates]") {
  Sandbox box;
  box.note("n/a.md", "Q: What is a kernel?\nA: The core of an operating system.\n");
  box.note("n/b.md", "Q: What is a kernel?\nA: A function giving inner products in a feature "
                     "space.\n");
  // The same words in other markup are the same card; an answer that says more is not.
  box.note("n/c.md", "Q: What is entropy?\nA: **The expected surprise** of a distribution.\n");
  box.note("n/d.md", "Q: What is entropy?\nA: The expected surprise of a distribution\n");
  box.note("n/e.md", "Q: What is Java 9?\nA: Interfaces may have private methods.\n");
  box.note("n/f.md", "Q: What is Java 9?\nA:\n1. Modules.\n2. Interfaces may have private "
                     "methods.\n3. G1 is the default collector.\n");
  REQUIRE(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
  CHECK(sources_of(box, "What is a kernel?") == "a.md b.md");
  CHECK(sources_of(box, "What is entropy?") == "c.md");
  CHECK(sources_of(box, "What is Java 9?") == "e.md f.md");
}

TEST_CASE("duplicates: when the kept card's note goes, the left-out card comes back with its "
          "history",
          "[duplicates]") {
  Sandbox box;
  box.note("n/a.md", kAcronymA);
  box.note("n/b.md", kAcronymB);
  box.note("n/c.md", "# Notes\n\n- TP (True Positive)\n");
  const std::string notes = (box.dir() / "n").string();
  REQUIRE(box.run({"import", notes}).exit_code == 0);
  REQUIRE(sources_of(box, "What does TP stand for?") == "a.md");
  const std::string key = Db(box.db()).text(
      "SELECT key FROM cards WHERE question = 'What does TP stand for?'");
  REQUIRE(box.run({"review", "--new", "3"}, "5\n5\n5\n").exit_code == 0);
  const std::string reviews = Db(box.db()).text(
      "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key = '" + key +
      "'");
  REQUIRE(reviews != "0");

  SECTION("the note is deleted") {
    fs::remove(box.dir() / "n/a.md");
    const auto run = box.run({"import", notes});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains("1 moved"));
  }
  SECTION("the item is removed from the note") {
    box.note("n/a.md", "# Metrics\n\n- precision :: TP over everything predicted positive\n");
    const auto run = box.run({"import", notes});
    REQUIRE(run.exit_code == 0);
    // The heading's card, which listed the item, retires; the acronym's card moves.
    CHECK_THAT(run.out, Catch::Contains("1 moved") && Catch::Contains("1 retired"));
  }
  // b.md, the first of the two notes left out, has it now: the same card, key and reviews.
  CHECK(sources_of(box, "What does TP stand for?") == "b.md");
  Db db(box.db());
  CHECK(db.text("SELECT source || ' ' || state FROM cards WHERE key = '" + key + "'") ==
        "b.md review");
  CHECK(db.text("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.key = '" +
                key + "'") == reviews);
  CHECK(db.text("SELECT count(*) FROM duplicates") == "1");  // c.md's, deferring to it again
  // Nothing changes on the next import.
  const auto again = box.run({"import", notes});
  CHECK_THAT(again.out, Catch::Contains("0 new") && Catch::Contains("0 moved") &&
                            Catch::Contains("0 retired") && Catch::Contains("0 restored"));
  CHECK(sources_of(box, "What does TP stand for?") == "b.md");
}

TEST_CASE("duplicates: a note imported alone keeps its duplicate left out", "[duplicates]") {
  Sandbox box;
  box.note("n/a.md", kAcronymA);
  box.note("n/b.md", kAcronymB);
  REQUIRE(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
  box.note("n/b.md", kAcronymB + "- F1 :: harmonic mean of precision and recall\n");
  const auto run = box.run({"import", (box.dir() / "n/b.md").string()});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("1 new") && Catch::Contains("1 duplicate"));
  CHECK(sources_of(box, "What does TP stand for?") == "a.md");
}

TEST_CASE("duplicates: the same notes give the same cards in any order and on any threads",
          "[duplicates][threads]") {
  Sandbox box;
  box.note("x/b.md", kAcronymB);
  box.note("x/a.md", kAcronymA);
  box.note("x/c.md", "Q: Capital of Peru?\nA: Lima.\n");
  box.note("x/d.md", "Q: Capital of Peru?\nA: Lima.\n");
  const auto cards = [&box](const std::string& db, std::vector<std::string> args) {
    box.set_env("RECALL_DB", (box.dir() / db).string());
    REQUIRE(box.run(args).exit_code == 0);
    return Db(box.dir() / db).text(
        "SELECT group_concat(source || '|' || question || '|' || state, char(10)) FROM (SELECT * "
        "FROM cards ORDER BY source, line)");
  };
  const fs::path x = box.dir() / "x";
  const std::string one = cards("one.db", {"import", x.string(), "--threads", "1"});
  CHECK(one == cards("four.db", {"import", x.string(), "--threads", "4"}));
  CHECK(one == cards("listed.db", {"import", (x / "d.md").string(), (x / "b.md").string(),
                                   (x / "c.md").string(), (x / "a.md").string()}));
  CHECK_THAT(one, Catch::Contains("a.md|What does TP stand for?") &&
                      Catch::Contains("c.md|Capital of Peru?") &&
                      !Catch::Contains("b.md|What does TP") && !Catch::Contains("d.md|Capital"));
}

TEST_CASE("duplicates: `recall add` of another note's card says where it is", "[duplicates]") {
  Sandbox box;
  box.note("n/a.md", "Q: Capital of Peru?\nA: Lima.\n");
  REQUIRE(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
  const auto added =
      box.run({"add", "Capital of Peru?", "Lima.", "--to", (box.dir() / "n/b.md").string()});
  REQUIRE(added.exit_code == 0);
  CHECK_THAT(added.err, Catch::Contains("same card as in a.md:1"));
  CHECK(sources_of(box, "Capital of Peru?") == "a.md");
}
