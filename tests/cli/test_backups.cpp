// End-to-end: backups before imports, `recall backups`, `restore` (the card and log tables byte
// for byte), `undo` with and without answers since, and `recall add` (issue 11).
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// Every row of the card and review tables, every column, as text: equal dumps are equal tables.
std::string dump(const Sandbox& box) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(box.db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  for (const char* sql : {"SELECT * FROM cards ORDER BY id", "SELECT * FROM reviews ORDER BY id"}) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* text = sqlite3_column_text(statement, i);
        out += text ? reinterpret_cast<const char*>(text) : "<null>";
        out += '\x1f';
      }
      out += '\n';
    }
    sqlite3_finalize(statement);
    out += "--\n";
  }
  sqlite3_close(db);
  return out;
}

// The backup names `recall backups` lists, newest first, with what each was taken before.
std::vector<std::pair<std::string, std::string>> backups(const Sandbox& box) {
  const auto result = box.run({"backups"});
  REQUIRE(result.exit_code == 0);
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream lines(result.out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string name, taken, why;
    std::getline(fields, name, '\t');
    std::getline(fields, taken, '\t');
    std::getline(fields, why, '\t');
    out.emplace_back(name, why);
  }
  return out;
}

}  // namespace

TEST_CASE("backups: taken before imports, restored byte for byte", "[backups]") {
  Sandbox box;
  box.note("notes/a.md", "Q: One?\nA: 1.\n\nQ: Two?\nA: 2.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(box.run({"review"}, "5\n3\n").exit_code == 0);
  const std::string reviewed = dump(box);
  box.note("notes/b.md", "Q: Three?\nA: 3.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  // An import that changes nothing takes none.
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  auto list = backups(box);
  REQUIRE(list.size() == 2);
  CHECK(list[0].second == "import");
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "4\n4\n4\n").exit_code == 0);
  const std::string later = dump(box);
  REQUIRE(later != reviewed);

  const auto restore = box.run({"restore", list[0].first});
  REQUIRE(restore.exit_code == 0);
  CHECK(dump(box) == reviewed);
  // What was there is a backup of its own, and restoring it goes back.
  list = backups(box);
  REQUIRE(list[0].second == "restore");
  REQUIRE(box.run({"restore", list[0].first}).exit_code == 0);
  CHECK(dump(box) == later);
  CHECK(box.run({"restore", "nosuch.db"}).exit_code == 3);
}

TEST_CASE("backups: a copy that can take a while is said before it starts", "[backups]") {
  Sandbox box;
  box.note("notes/a.md", "Q: One?\nA: 1.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  box.note("notes/b.md", "Q: Two?\nA: 2.\n");
  // A small database is copied without a word.
  const auto quiet = box.run({"import", (box.dir() / "notes").string()});
  REQUIRE(quiet.exit_code == 0);
  CHECK(quiet.err.find("backing up") == std::string::npos);
  // Above the size where a copy takes long (lowered here by the hidden test override), the copy
  // is announced on stderr, naming the database and its size, and still taken.
  box.set_env("RECALL_BACKUP_NOTICE_BYTES", "1");
  const std::size_t before = backups(box).size();
  box.note("notes/c.md", "Q: Three?\nA: 3.\n");
  const auto said = box.run({"import", (box.dir() / "notes").string()});
  REQUIRE(said.exit_code == 0);
  CHECK(said.err.find("recall: backing up recall.db (") != std::string::npos);
  CHECK(said.err.find("MB) before this import") != std::string::npos);
  CHECK(said.out.find("backing up") == std::string::npos);
  CHECK(backups(box).size() == before + 1);
}

TEST_CASE("undo: the last import, and --force when answers were given since", "[backups]") {
  Sandbox box;
  box.note("notes/a.md", "Q: One?\nA: 1.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(box.run({"review"}, "5\n").exit_code == 0);
  const std::string before = dump(box);
  // An import by mistake: undone, as if it never happened.
  for (int i = 1; i <= 5; ++i) {
    box.note("docs/d" + std::to_string(i) + ".md", "Q: Doc " + std::to_string(i) + "?\nA: d.\n");
  }
  REQUIRE(box.run({"import", (box.dir() / "docs").string()}).exit_code == 0);
  REQUIRE(json_lines(box.run({"cards", "--format", "json"}).out).size() == 6);
  const auto undo = box.run({"undo"});
  REQUIRE(undo.exit_code == 0);
  CHECK_THAT(undo.out, Catch::Contains("Undid the import"));
  CHECK(dump(box) == before);
  CHECK(box.run({"roots"}).out.find((box.dir() / "docs").string()) == std::string::npos);

  // Again, with an answer given after it: refused without --force, naming what would be lost.
  REQUIRE(box.run({"import", (box.dir() / "docs").string()}).exit_code == 0);
  REQUIRE(box.run({"review", "--deck", "d1"}, "5\n").exit_code == 0);
  const auto refused = box.run({"undo"});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("1 answer") && Catch::Contains("--force"));
  REQUIRE(json_lines(box.run({"cards", "--format", "json"}).out).size() == 6);
  REQUIRE(box.run({"undo", "--force"}).exit_code == 0);
  CHECK(dump(box) == before);
}

TEST_CASE("add: a question and answer written into the inbox note and imported", "[add]") {
  Sandbox box;
  CHECK(box.run({"add", "Q?", "A."}).exit_code == 2);  // no root yet, no --to
  box.note("notes/a.md", "Q: One?\nA: 1.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  const auto added = box.run({"add", "What is the capital of France?", "Paris."});
  REQUIRE(added.exit_code == 0);
  const auto inbox = box.dir() / "notes" / "inbox.md";
  CHECK(recall::test::read_all(inbox) == "Q: What is the capital of France?\nA: Paris.\n");
  CHECK_THAT(added.out, Catch::Contains(inbox.string() + ":1; cards: 1 new"));
  REQUIRE(box.run({"add", "Capital of Italy?", "Rome.", "--deck", "geo/europe"}).exit_code == 0);
  const auto other = box.dir() / "elsewhere.md";
  recall::test::write_file(other, "# Mine\nno newline at the end");
  const auto to = box.run({"add", "Capital of Spain?", "Madrid.", "--to", other.string()});
  REQUIRE(to.exit_code == 0);
  CHECK_THAT(to.out, Catch::Contains(other.string() + ":4"));
  std::map<std::string, std::string> decks;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    decks[row["question"]] = row["deck"];
  }
  CHECK(decks.at("What is the capital of France?") == "inbox");
  CHECK(decks.at("Capital of Italy?") == "geo/europe");
  CHECK(decks.at("Capital of Spain?") == "elsewhere");
  // The notes are the source: importing the root again changes nothing.
  CHECK_THAT(box.run({"import"}).out, Catch::Contains("0 new") && Catch::Contains("0 retired"));
}

TEST_CASE("backups: two databases of the same name keep their backups apart", "[backups]") {
  Sandbox box;
  const std::string first = box.db().string();
  box.note("notes/a.md", "Q: One?\nA: 1.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  REQUIRE(backups(box).size() == 1);
  // Another recall.db, in another folder, sharing the backups folder.
  box.set_env("RECALL_DB", (box.dir() / "other" / "recall.db").string());
  box.note("more/b.md", "Q: Two?\nA: 2.\n");
  REQUIRE(box.run({"import", (box.dir() / "more").string()}).exit_code == 0);
  CHECK(backups(box).size() == 1);
  REQUIRE(box.run({"undo"}).exit_code == 0);
  CHECK(json_lines(box.run({"cards", "--format", "json"}).out).empty());
  // The first database was not touched, and its backup is still its own.
  box.set_env("RECALL_DB", first);
  CHECK(json_lines(box.run({"cards", "--format", "json"}).out).size() == 1);
  CHECK(backups(box).size() == 1);
}
