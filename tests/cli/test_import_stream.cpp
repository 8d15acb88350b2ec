// End-to-end: the import planned and written note by note, on one thread or several.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "harness.hpp"
#include "robust.hpp"

using recall::test::Db;
using recall::test::json_lines;
using recall::test::Sandbox;
using recall::test::source_path;

namespace fs = std::filesystem;

namespace {

// Every row of cards and notes, all columns, in id order: two databases with the same dump hold
// the same import.
std::string dump(const fs::path& db) {
  Db d(db);
  return d.text(
             "SELECT group_concat(row, char(10)) FROM (SELECT json_array(id, key, note_id, "
             "match_key, deck, question, answer, kind, rule, confidence, source, line, ord, "
             "context, tags, state, repetitions, interval_days, ef_centi, lapses, due, "
             "created_at, updated_at) AS row FROM cards ORDER BY id)") +
         "\n--\n" +
         d.text(
             "SELECT group_concat(row, char(10)) FROM (SELECT json_array(id, path, source, "
             "content_hash, size, mtime_ns, extract_salt, imported_at) AS row FROM notes "
             "ORDER BY id)");
}

// Dates a file, or every file below a folder, a day back. A file modified in the two seconds before
// an import starts is stored with an unknown time (-1, "racily clean"), and with its real time by
// an import that starts later: two imports of a just-written tree give the same cards but a
// different `notes.mtime_ns` when the second starts over two seconds after the write (a slow ASan
// run), whatever the threads.
void date_back(const fs::path& path) {
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  if (!fs::is_directory(path)) {
    fs::last_write_time(path, day_ago);
    return;
  }
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) fs::last_write_time(entry.path(), day_ago);
  }
}

// The extraction corpus's notes (not their expected cards), copied under `root`, dated back.
void copy_corpus(const fs::path& root) {
  fs::create_directories(root);
  for (const auto& entry : fs::directory_iterator(source_path("tests/fixtures/corpus"))) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".md" || ext == ".txt" || ext == ".markdown") {
      fs::copy_file(entry.path(), root / entry.path().filename());
    }
  }
  fs::copy(source_path("decks"), root / "decks", fs::copy_options::recursive);
  date_back(root);
}

}  // namespace

// The notes are dated back (date_back): the databases are compared column by column, mtime_ns too.
TEST_CASE("an import on one thread and on four gives the same database and output",
          "[import][threads]") {
  Sandbox box;
  const fs::path notes = box.dir() / "notes";
  copy_corpus(notes);
  const fs::path one = box.dir() / "one.db", four = box.dir() / "four.db";

  box.set_env("RECALL_DB", one.string());
  const auto dry_one = box.run({"import", notes.string(), "--dry-run", "--format", "json",
                                "--explain", "--threads", "1"});
  const auto first_one = box.run({"import", notes.string(), "--threads", "1"});
  box.set_env("RECALL_DB", four.string());
  const auto dry_four = box.run({"import", notes.string(), "--dry-run", "--format", "json",
                                 "--explain", "--threads", "4"});
  const auto first_four = box.run({"import", notes.string(), "--threads", "4"});
  REQUIRE(first_one.exit_code == 0);
  REQUIRE(first_four.exit_code == 0);
  CHECK(json_lines(dry_one.out).size() > 100);
  CHECK(dry_one.out == dry_four.out);
  CHECK(first_one.out == first_four.out);
  CHECK(dump(one) == dump(four));

  // Again after edits: a renamed term, a removed item, a new note, a note gone.
  const fs::path edited = notes / "info-theory.md";
  std::string text = recall::test::read_all(edited);
  REQUIRE(text.find("ntropy") != std::string::npos);
  text.replace(text.find("ntropy"), 6, "ntropie");
  recall::test::write_file(edited, text);
  recall::test::write_file(notes / "zz-new.md", "new term :: a new answer\n");
  fs::remove(notes / "acronyms.md");
  date_back(edited);
  date_back(notes / "zz-new.md");
  box.set_env("RECALL_DB", one.string());
  const auto again_one = box.run({"import", notes.string(), "--format", "json", "--threads", "1"});
  box.set_env("RECALL_DB", four.string());
  const auto again_four =
      box.run({"import", notes.string(), "--format", "json", "--threads", "4"});
  REQUIRE(again_one.exit_code == 0);
  CHECK(again_one.out == again_four.out);
  CHECK_THAT(again_one.err, Catch::Contains("1 new"));
  CHECK(dump(one) == dump(four));
}

TEST_CASE("a streamed import lists cards in note order, a note that waits for matching too",
          "[import][threads]") {
  Sandbox box;
  box.note("n/a.md", "entropy :: expected surprise of a distribution\n\nbits :: units of log2\n");
  box.note("n/c.md", "kept :: an unchanged card\n");
  REQUIRE(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
  // a.md's first term is edited (its cards wait for matching), b.md is new and can be settled at
  // once, c.md is unchanged: the plan still lists a, b, c, then what is retired.
  box.note("n/a.md", "discrete entropy :: expected surprise of a distribution\n");
  box.note("n/b.md", "fresh :: a new card\n");
  const auto run = box.run({"import", (box.dir() / "n").string(), "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto cards = json_lines(run.out);
  REQUIRE(cards.size() == 4);
  CHECK(cards[0]["action"] == "renamed");
  CHECK(cards[0]["source"] == "a.md");
  CHECK(cards[1]["action"] == "new");
  CHECK(cards[1]["source"] == "b.md");
  CHECK(cards[2]["action"] == "unchanged");
  CHECK(cards[2]["source"] == "c.md");
  CHECK(cards[3]["action"] == "retired");
  CHECK(cards[3]["source"] == "a.md");
  // Written as planned: the renamed card kept its key, the removed one is retired.
  const auto stored = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(stored.size() == 4);
  int retired = 0;
  for (const auto& card : stored) {
    retired += card["state"] == "retired" ? 1 : 0;
    if (card["question"] == "What is discrete entropy?") CHECK(card["key"] == cards[0]["key"]);
  }
  CHECK(retired == 1);
}

TEST_CASE("the import thread count is a number from 1 to 64", "[import][threads]") {
  Sandbox box;
  box.note("n/a.md", "x :: y\n");
  CHECK(box.run({"import", (box.dir() / "n").string(), "--threads", "0"}).exit_code == 2);
  CHECK(box.run({"import", (box.dir() / "n").string(), "--threads", "65"}).exit_code == 2);
  CHECK(box.run({"import", (box.dir() / "n").string(), "--threads", "2"}).exit_code == 0);
  box.set_env("RECALL_THREADS", "0");
  CHECK(box.run({"import", (box.dir() / "n").string()}).exit_code == 2);
  box.set_env("RECALL_THREADS", "1");
  CHECK(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
}

// With more than one thread, the files are listed on another thread while the store's fingerprints
// are read: a store that fails then still ends the import with its own error, as on one thread (the
// listing thread is waited for, not left running). A missing root is reported before any of it.
TEST_CASE(
    "an import on several threads whose store fails reports the store's error as on one "
    "thread, and a missing root is reported first",
    "[import][threads]") {
  Sandbox box;
  box.note("n/a.md", "entropy :: expected surprise of a distribution\n");
  REQUIRE(box.run({"import", (box.dir() / "n").string()}).exit_code == 0);
  {
    Db db(box.db());
    db.exec("ALTER TABLE notes RENAME COLUMN extract_salt TO salt_gone");
  }
  const auto one = box.run({"import", (box.dir() / "n").string(), "--threads", "1"});
  const auto two = box.run({"import", (box.dir() / "n").string(), "--threads", "2"});
  CHECK(one.exit_code != 0);
  CHECK(two.exit_code == one.exit_code);
  CHECK_THAT(two.err, Catch::Contains("extract_salt"));
  CHECK(two.err == one.err);

  const auto missing = box.run({"import", (box.dir() / "gone").string(), "--threads", "2"});
  CHECK(missing.exit_code != 0);
  CHECK(missing.exit_code != two.exit_code);
  CHECK_THAT(missing.err, Catch::Contains("gone"));
  CHECK_THAT(missing.err, !Catch::Contains("extract_salt"));

  // Nothing stored was lost: the card is still there.
  const auto cards = json_lines(box.run({"cards", "--format", "json"}).out);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0]["question"] == "What is entropy?");
}
