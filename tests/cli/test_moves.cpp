// End-to-end: notes that move (issue 11). A note moved between roots or inside one, a note gone
// and back with the same content at another path, a root moved with files renamed inside it, and
// all of them in a dry run: every card key and every review row stays, nothing is duplicated.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "robust.hpp"

using recall::test::Db;
using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// `recall cards --format json`, by key.
std::map<std::string, nlohmann::json> cards_by_key(const Sandbox& box) {
  const auto result = box.run({"cards", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  std::map<std::string, nlohmann::json> out;
  for (auto& row : json_lines(result.out)) out[row["key"].get<std::string>()] = row;
  return out;
}

// Every review row, every column, as text.
std::string review_rows(const Sandbox& box) {
  Db db(box.db());
  return db.text(
      "SELECT group_concat(row, char(10)) FROM (SELECT id || '|' || card_id || '|' || "
      "reviewed_at || '|' || review_day || '|' || grade || '|' || kind || '|' || state_before "
      "|| '|' || state_after AS row FROM reviews ORDER BY id)");
}

// The cards as `cards --format json` shows them, less the fields a move may change.
std::map<std::string, nlohmann::json> without(std::map<std::string, nlohmann::json> cards,
                                              const std::vector<std::string>& fields) {
  for (auto& [key, row] : cards) {
    for (const auto& field : fields) row.erase(field);
  }
  return cards;
}

// The summary line of an import (the move lines come before it).
std::string summary_of(const std::string& out) {
  const auto at = out.find("Imported: ");
  return at == std::string::npos ? out : out.substr(at);
}

}  // namespace

TEST_CASE("moves: a note moved between two roots keeps its cards and reviews", "[moves]") {
  Sandbox box;
  box.note("notesA/x.md", "Q: Capital of Peru?\nA: Lima.\n\nQ: Capital of Chile?\nA: Santiago.\n");
  box.note("notesA/y.md", "Q: Capital of Mali?\nA: Bamako.\n");
  box.note("notesB/z.md", "Q: Capital of Laos?\nA: Vientiane.\n");
  const auto a = (box.dir() / "notesA").string(), b = (box.dir() / "notesB").string();
  REQUIRE(box.run({"import", a}).exit_code == 0);
  REQUIRE(box.run({"import", b}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "4"}, "5\n4\n3\n5\n").exit_code == 0);
  const auto before = cards_by_key(box);
  const auto log = review_rows(box);
  REQUIRE(before.size() == 4);
  REQUIRE_FALSE(log.empty());

  // `recall import` alone covers both roots.
  fs::rename(box.dir() / "notesA/x.md", box.dir() / "notesB/x.md");
  const auto moved = box.run({"import"});
  REQUIRE(moved.exit_code == 0);
  CHECK_THAT(moved.out,
             Catch::Contains("note x.md moved from " + a + " to " + b + ": 2 cards kept"));
  CHECK_THAT(summary_of(moved.out), Catch::Contains("0 new") && Catch::Contains("0 retired"));
  auto after = cards_by_key(box);
  CHECK(without(after, {"source"}) == without(before, {"source"}));
  CHECK(review_rows(box) == log);
  const auto key = std::find_if(after.begin(), after.end(), [](const auto& kv) {
                     return kv.second["question"] == "Capital of Peru?";
                   })->first;
  CHECK_THAT(box.run({"show", key}).out, Catch::Contains(b + "/x.md"));

  // Only the folder it moved to: the same, and the old root then finds nothing to retire.
  fs::rename(box.dir() / "notesA/y.md", box.dir() / "notesB/y.md");
  const auto only_b = box.run({"import", b});
  REQUIRE(only_b.exit_code == 0);
  CHECK_THAT(only_b.out,
             Catch::Contains("note y.md moved from " + a + " to " + b + ": 1 card kept"));
  const auto only_a = box.run({"import", a});
  REQUIRE(only_a.exit_code == 0);
  CHECK_THAT(summary_of(only_a.out), Catch::Contains("0 retired"));
  CHECK(without(cards_by_key(box), {"source"}) == without(before, {"source"}));
  CHECK(review_rows(box) == log);
  CHECK_THAT(box.run({"roots"}).out, Catch::Contains(b + "\t3\t4"));
}

TEST_CASE("moves: a copy is not a move", "[moves]") {
  Sandbox box;
  box.note("notesA/x.md", "Q: Capital of Peru?\nA: Lima.\n");
  fs::create_directories(box.dir() / "notesB");
  const auto a = (box.dir() / "notesA").string(), b = (box.dir() / "notesB").string();
  REQUIRE(box.run({"import", a}).exit_code == 0);
  REQUIRE(box.run({"import", b}).exit_code == 0);
  fs::copy_file(box.dir() / "notesA/x.md", box.dir() / "notesB/x.md");
  const auto copied = box.run({"import"});
  REQUIRE(copied.exit_code == 0);
  CHECK(copied.out.find("moved from") == std::string::npos);
  // The copy's card is the same card (issue 10): left out, the original kept where it is.
  CHECK_THAT(summary_of(copied.out), Catch::Contains("0 new") && Catch::Contains("0 moved") &&
                                         Catch::Contains("0 retired") &&
                                         Catch::Contains("1 duplicate"));
  const auto cards = cards_by_key(box);
  REQUIRE(cards.size() == 1);
  CHECK(cards.begin()->second["source"] == "x.md");
  CHECK(cards.begin()->second["deck"] == "x");
}

TEST_CASE("moves: a note moved inside its root takes its new deck and keeps its keys", "[moves]") {
  Sandbox box;
  box.note("decks/ml/a.md",
           "Q: What is entropy?\nA: Expected surprise.\n\nQ: What is a bit?\nA: "
           "A binary digit.\n");
  box.note("decks/ml/other.md", "Q: What is KL divergence?\nA: Relative entropy.\n");
  const auto root = (box.dir() / "decks").string();
  REQUIRE(box.run({"import", root}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "3"}, "5\n4\n5\n").exit_code == 0);
  const auto before = cards_by_key(box);
  const auto log = review_rows(box);

  // Unchanged: recognised by its content, as one note.
  fs::create_directories(box.dir() / "decks/info");
  fs::rename(box.dir() / "decks/ml/a.md", box.dir() / "decks/info/bits.md");
  const auto moved = box.run({"import", root});
  REQUIRE(moved.exit_code == 0);
  CHECK_THAT(moved.out, Catch::Contains("note " + root + "/ml/a.md moved to " + root +
                                        "/info/bits.md: 2 cards kept"));
  // Its cards are `moved` (their deck and source change), as cards matched across notes are.
  CHECK_THAT(summary_of(moved.out), Catch::Contains("0 new") && Catch::Contains("2 moved") &&
                                        Catch::Contains("0 retired"));
  const auto after = cards_by_key(box);
  CHECK(without(after, {"source", "deck"}) == without(before, {"source", "deck"}));
  for (const auto& [key, row] : after) {
    if (row["question"] != "What is KL divergence?") {
      CHECK(row["deck"] == "info/bits");
      CHECK(row["source"] == "info/bits.md");
    }
  }
  CHECK(review_rows(box) == log);

  // Moved and edited: no longer the same content, its cards are matched one by one (moved).
  box.note("decks/bio/bits.md",
           "Q: What is entropy?\nA: Expected surprise.\n\nQ: What is a bit?\nA: "
           "A binary digit.\n\nQ: What is a nat?\nA: A unit.\n");
  fs::remove(box.dir() / "decks/info/bits.md");
  const auto edited = box.run({"import", root});
  REQUIRE(edited.exit_code == 0);
  CHECK_THAT(summary_of(edited.out), Catch::Contains("1 new") && Catch::Contains("2 moved") &&
                                         Catch::Contains("0 retired"));
  const auto last = cards_by_key(box);
  CHECK(last.size() == 4);
  for (const auto& [key, row] : before) CHECK(last.count(key) == 1);
  CHECK(review_rows(box) == log);
}

TEST_CASE("moves: a note gone and back at another path restores only its own cards", "[moves]") {
  Sandbox box;
  const auto root = (box.dir() / "notes").string();
  box.note("notes/x.md", "Q: One?\nA: 1.\n\nQ: Two?\nA: 2.\n\nQ: Three?\nA: 3.\n");
  box.note("notes/keep.md", "Q: Kept?\nA: Yes.\n");
  REQUIRE(box.run({"import", root}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "4"}, "5\n5\n5\n5\n").exit_code == 0);
  // An item removed: its card retired, for that reason.
  box.note("notes/x.md", "Q: One?\nA: 1.\n\nQ: Two?\nA: 2.\n");
  CHECK_THAT(box.run({"import", root}).out, Catch::Contains("1 retired"));
  // Then the note itself goes away.
  fs::remove(box.dir() / "notes/x.md");
  CHECK_THAT(box.run({"import", root}).out, Catch::Contains("2 retired"));
  const auto before = cards_by_key(box);
  const auto log = review_rows(box);

  // The same content, elsewhere below the root: its two cards come back, with their history.
  box.note("notes/sub/again.md", "Q: One?\nA: 1.\n\nQ: Two?\nA: 2.\n");
  const auto back = box.run({"import", root});
  REQUIRE(back.exit_code == 0);
  CHECK_THAT(back.out, Catch::Contains("note " + root + "/sub/again.md brings back " + root +
                                       "/x.md: 2 cards restored"));
  CHECK_THAT(summary_of(back.out), Catch::Contains("0 new") && Catch::Contains("2 restored"));
  const auto after = cards_by_key(box);
  REQUIRE(after.size() == before.size());
  for (const auto& [key, row] : after) {
    const auto& question = row["question"];
    if (question == "Three?") {
      CHECK(row["state"] == "retired");  // retired because its item was removed: stays so
    } else {
      CHECK(row["state"] != "retired");
      CHECK(row["reviews"] == 1);
    }
  }
  CHECK(review_rows(box) == log);
}

TEST_CASE("moves: notes of a removed root come back with the same content elsewhere", "[moves]") {
  Sandbox box;
  box.note("old/a.md", "Q: Alpha?\nA: First.\n");
  box.note("old/b.md", "Q: Beta?\nA: Second.\n");
  const auto old_root = (box.dir() / "old").string();
  REQUIRE(box.run({"import", old_root}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "2"}, "5\n5\n").exit_code == 0);
  CHECK_THAT(box.run({"roots", "rm", old_root}).out, Catch::Contains("2 cards retired"));
  const auto keys = cards_by_key(box);
  // While the files are there, a copy elsewhere is a copy.
  fs::create_directories(box.dir() / "new");
  fs::copy_file(box.dir() / "old/a.md", box.dir() / "new/a.md");
  CHECK_THAT(box.run({"import", "--dry-run", (box.dir() / "new").string()}).out,
             Catch::Contains("1 new"));
  // Once they are gone, the same content is the same note.
  fs::remove_all(box.dir() / "old");
  const auto back = box.run({"import", (box.dir() / "new").string()});
  REQUIRE(back.exit_code == 0);
  CHECK_THAT(summary_of(back.out), Catch::Contains("0 new") && Catch::Contains("1 restored"));
  const auto after = cards_by_key(box);
  CHECK(after.size() == keys.size());
  for (const auto& [key, row] : after) {
    CHECK((row["state"] == "retired") == (row["question"] == "Beta?"));
    if (row["question"] == "Alpha?") CHECK(row["reviews"] == 1);
  }
}

TEST_CASE("moves: a root moved with files renamed inside it is recognised by content", "[moves]") {
  Sandbox box;
  box.note("notesA/a.md", "Q: Alpha?\nA: First.\n");
  box.note("notesA/b.md", "Q: Beta?\nA: Second.\n");
  box.note("notesA/c.md", "Q: Gamma?\nA: Third.\n");
  box.note("notesA/d.md", "Q: Delta?\nA: Fourth.\n");
  const auto a = (box.dir() / "notesA").string(), b = (box.dir() / "notesB").string();
  REQUIRE(box.run({"import", a}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "4"}, "5\n4\n3\n5\n").exit_code == 0);
  const auto before = cards_by_key(box);
  const auto log = review_rows(box);

  // Three of four files renamed: by relative path alone, not a move.
  fs::rename(a, b);
  fs::rename(box.dir() / "notesB/b.md", box.dir() / "notesB/beta.md");
  fs::create_directories(box.dir() / "notesB/more");
  fs::rename(box.dir() / "notesB/c.md", box.dir() / "notesB/more/c.md");
  fs::rename(box.dir() / "notesB/d.md", box.dir() / "notesB/more/delta.md");
  const auto moved = box.run({"import", b});
  REQUIRE(moved.exit_code == 0);
  CHECK_THAT(moved.out, Catch::Contains("root " + a + " moved to " + b + ": 4 cards kept"));
  CHECK_THAT(moved.out,
             Catch::Contains("note " + a + "/b.md moved to " + b + "/beta.md: 1 card kept"));
  CHECK(moved.out.find("note a.md") == std::string::npos);  // told by the root's line
  CHECK_THAT(summary_of(moved.out), Catch::Contains("0 new") && Catch::Contains("0 retired"));
  const auto after = cards_by_key(box);
  CHECK(without(after, {"source", "deck"}) == without(before, {"source", "deck"}));
  CHECK(review_rows(box) == log);
  const auto roots = box.run({"roots"}).out;
  CHECK_THAT(roots, Catch::Contains(b + "\t4\t4"));
  CHECK(roots.find(a + "\t") == std::string::npos);
}

TEST_CASE("moves: a dry run tells the moves and writes nothing", "[moves]") {
  Sandbox box;
  box.note("notesA/a.md", "Q: Alpha?\nA: First.\n");
  box.note("notesA/b.md", "Q: Beta?\nA: Second.\n");
  box.note("other/c.md", "Q: Gamma?\nA: Third.\n");
  box.note("other/gone.md", "Q: Omega?\nA: Last.\n");
  const auto a = (box.dir() / "notesA").string(), b = (box.dir() / "notesB").string();
  const auto other = (box.dir() / "other").string();
  REQUIRE(box.run({"import", a}).exit_code == 0);
  REQUIRE(box.run({"import", other}).exit_code == 0);
  fs::remove(box.dir() / "other/gone.md");
  REQUIRE(box.run({"import", other}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "3"}, "5\n4\n3\n").exit_code == 0);
  fs::rename(a, b);
  fs::rename(box.dir() / "other/c.md", box.dir() / "notesB/c.md");
  box.note("other/back.md", "Q: Omega?\nA: Last.\n");

  const auto cards = cards_by_key(box);
  const auto log = review_rows(box);
  const auto roots = box.run({"roots"}).out;
  Db db(box.db());
  const auto notes = db.text("SELECT group_concat(path || content_hash, ',') FROM notes");
  for (int pass = 0; pass < 2; ++pass) {
    const auto dry = box.run({"import", "--dry-run", b, other});
    REQUIRE(dry.exit_code == 0);
    CHECK_THAT(dry.out, Catch::Contains("root " + a + " moved to " + b + ": 2 cards kept"));
    CHECK_THAT(dry.out,
               Catch::Contains("note c.md moved from " + other + " to " + b + ": 1 card kept"));
    CHECK_THAT(dry.out, Catch::Contains("note " + other + "/back.md brings back " + other +
                                        "/gone.md: 1 card restored"));
    CHECK_THAT(dry.out, Catch::Contains("Would import: ") && Catch::Contains("0 new") &&
                            Catch::Contains("0 retired") && Catch::Contains("1 restored"));
    CHECK_THAT(dry.out, Catch::Contains("Dry run: nothing was written."));
    CHECK(cards_by_key(box) == cards);
    CHECK(review_rows(box) == log);
    CHECK(box.run({"roots"}).out == roots);
    CHECK(db.text("SELECT group_concat(path || content_hash, ',') FROM notes") == notes);
  }
  // The import itself does what the dry run said.
  const auto real = box.run({"import", b, other});
  REQUIRE(real.exit_code == 0);
  CHECK_THAT(real.out, Catch::Contains("root " + a + " moved to " + b + ": 2 cards kept"));
  CHECK_THAT(real.out, Catch::Contains("note c.md moved from " + other + " to " + b));
  CHECK_THAT(real.out, Catch::Contains("Imported: ") && Catch::Contains("0 new") &&
                           Catch::Contains("0 retired") && Catch::Contains("1 restored"));
  CHECK(without(cards_by_key(box), {"source", "deck", "state"}) ==
        without(cards, {"source", "deck", "state"}));
  CHECK(review_rows(box) == log);
}
