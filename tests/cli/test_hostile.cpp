// End-to-end misuse: notes that go away and come back, unreadable folders, symbolic links, FIFOs,
// devices, huge notes, odd options and databases, dates out of range, a read-only database, bad
// front matter, a file size limit; and a folder of hostile notes imported end to end.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "robust.hpp"

using namespace recall::test;

namespace {

long long count(const Sandbox& box, const std::string& where) {
  Db db(box.db());
  return db.number("SELECT count(*) FROM cards WHERE " + where);
}

}  // namespace

// Problem 1: notes that come and go.

TEST_CASE("a note moved out of the imported folder and back gets its cards back",
          "[hostile][import]") {
  Sandbox box;
  const fs::path notes = box.dir() / "notes";
  box.note("notes/a.md", deck_of(3));
  REQUIRE(box.run({"import", notes.string()}).exit_code == 0);
  fs::create_directories(box.dir() / "away");
  fs::rename(notes / "a.md", box.dir() / "away" / "a.md");
  CHECK_THAT(box.run({"import", notes.string()}).out, Catch::Contains("3 retired"));
  fs::rename(box.dir() / "away" / "a.md", notes / "a.md");  // same size and time
  const Result back = box.run({"import", notes.string()});
  CHECK_THAT(back.out, Catch::Contains("3 restored"));
  CHECK(count(box, "state = 'retired'") == 0);
}

TEST_CASE("a note deleted and written again with the same content gets its cards back",
          "[hostile][import]") {
  Sandbox box;
  const fs::path notes = box.dir() / "notes";
  box.note("notes/a.md", deck_of(3));
  REQUIRE(box.run({"import", notes.string()}).exit_code == 0);
  fs::remove(notes / "a.md");
  CHECK_THAT(box.run({"import", notes.string()}).out, Catch::Contains("3 retired"));
  box.note("notes/a.md", deck_of(3));
  CHECK_THAT(box.run({"import", notes.string()}).out, Catch::Contains("3 restored"));
  CHECK(count(box, "state = 'retired'") == 0);
}

TEST_CASE("a folder that cannot be read keeps its cards", "[hostile][import]") {
  Sandbox box;
  const fs::path notes = box.dir() / "notes";
  box.note("notes/sub/a.md", deck_of(3));
  box.note("notes/b.md", deck_of(2, "Other"));
  REQUIRE(box.run({"import", notes.string()}).exit_code == 0);
  if (!unprivileged(box)) {
    WARN("running as root without setpriv: a folder cannot be made unreadable; check skipped");
    return;
  }
  fs::permissions(notes / "sub", fs::perms::none);
  const Result blocked = box.run({"import", notes.string()});
  fs::permissions(notes / "sub", fs::perms::owner_all);
  INFO(blocked.out << blocked.err);
  CHECK(blocked.exit_code == 4);
  CHECK_THAT(blocked.err, Catch::Contains("sub") && Catch::Contains("cannot read folder"));
  CHECK(count(box, "state = 'retired'") == 0);
  const Result again = box.run({"import", notes.string()});
  CHECK(again.exit_code == 0);
  CHECK(count(box, "state = 'retired'") == 0);
}

// Problem 2: symbolic links.

TEST_CASE("a note linked to another note under the imported folder is read once",
          "[hostile][symlink]") {
  Sandbox box;
  const fs::path notes = box.dir() / "notes";
  box.note("notes/a.md", deck_of(3));
  fs::create_symlink("a.md", notes / "link.md");
  for (int run = 0; run < 2; ++run) {
    const Result result = box.run({"import", notes.string()});
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
  }
  CHECK(count(box, "1") == 3);
  Db db(box.db());
  CHECK(db.number("SELECT count(*) FROM cards WHERE source = 'a.md'") == 3);
}

TEST_CASE("a folder link that leaves the imported folder is not followed, with a warning",
          "[hostile][symlink]") {
  Sandbox box;
  box.note("outside.md", deck_of(2, "Outside"));
  box.note("notes/in.md", deck_of(2, "Inside"));
  fs::create_symlink("..", box.dir() / "notes" / "up");
  const Result result = box.run({"import", (box.dir() / "notes").string()});
  INFO(result.out << result.err);
  CHECK_THAT(result.err, Catch::Contains("up") && Catch::Contains("outside"));
  CHECK(count(box, "question LIKE 'Outside%'") == 0);
  CHECK(count(box, "question LIKE 'Inside%'") == 2);
}

TEST_CASE("symbolic link loops and dangling links are named in warnings", "[hostile][symlink]") {
  Sandbox box;
  box.note("notes/in.md", deck_of(2));
  fs::create_symlink(".", box.dir() / "notes" / "loop");
  fs::create_symlink("missing.md", box.dir() / "notes" / "dangling.md");
  const Result result = box.run({"import", (box.dir() / "notes").string()});
  INFO(result.out << result.err);
  CHECK_THAT(result.err, Catch::Contains("loop: ") && Catch::Contains("symbolic link loop"));
  CHECK_THAT(result.err, Catch::Contains("dangling.md") && Catch::Contains("dangling"));
  CHECK(count(box, "1") == 2);
}

// Problem 5: hostile or odd input.

TEST_CASE("a FIFO or a device is skipped with a warning, not read", "[hostile][input]") {
  Sandbox box;
  const fs::path fifo = box.dir() / "pipe.md";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const Result named = run_bounded(box, {"import", fifo.string()}, {}, std::chrono::seconds(30));
  INFO(named.out << named.err);
  CHECK(named.exit_code == 4);
  CHECK_THAT(named.err, Catch::Contains("pipe.md") && Catch::Contains("not a regular file"));

  box.note("notes/ok.md", deck_of(2));
  REQUIRE(mkfifo((box.dir() / "notes" / "fifo.md").c_str(), 0600) == 0);
  const Result folder = run_bounded(box, {"import", (box.dir() / "notes").string()});
  CHECK(folder.exit_code == 4);
  CHECK_THAT(folder.err, Catch::Contains("fifo.md") && Catch::Contains("not a regular file"));
  CHECK(count(box, "1") == 2);

  const Result zero = run_bounded(box, {"import", "/dev/zero"}, {}, std::chrono::seconds(30));
  CHECK(zero.exit_code == 4);
  CHECK_THAT(zero.err, Catch::Contains("/dev/zero") && Catch::Contains("not a regular file"));
}

TEST_CASE("a note over --max-note-size (default 10 MB) is skipped with a warning",
          "[hostile][input]") {
  Sandbox box;
  std::string big = deck_of(1, "Big");
  big += std::string(11 * 1024 * 1024, 'x') + "\n";
  box.note("notes/big.md", big);
  box.note("notes/small.md", deck_of(2));
  const Result result = box.run({"import", (box.dir() / "notes").string()});
  INFO(result.err);
  CHECK(result.exit_code == 4);
  CHECK_THAT(result.err, Catch::Contains("big.md") && Catch::Contains("larger than"));
  CHECK(count(box, "1") == 2);

  box.note("small/tiny.md", deck_of(1, "Tiny"));
  box.note("small/two-k.md", deck_of(1, "Twok") + std::string(2048, 'y') + "\n");
  const Result limited =
      box.run({"import", "--max-note-size", "1K", (box.dir() / "small").string()});
  INFO(limited.err);
  CHECK(limited.exit_code == 4);
  CHECK_THAT(limited.err, Catch::Contains("two-k.md") && Catch::Contains("larger than"));
  CHECK(count(box, "question LIKE 'Tiny%'") == 1);
  CHECK(count(box, "question LIKE 'Twok%'") == 0);
  CHECK(box.run({"import", "--max-note-size", "lots", (box.dir() / "small").string()}).exit_code ==
        2);
}

TEST_CASE("a --min-confidence of nan is refused and retires nothing", "[hostile][input]") {
  Sandbox box;
  const auto note = box.note("a.md", deck_of(3));
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  for (const char* bad : {"nan", "NaN", "-nan", "inf"}) {
    const Result result = box.run({"import", "--min-confidence", bad, note.string()});
    INFO(bad << ": " << result.err);
    CHECK(result.exit_code == 2);
  }
  CHECK(count(box, "state = 'retired'") == 0);
}

TEST_CASE("a database recall did not make is refused and left untouched", "[hostile][store]") {
  Sandbox box;
  const fs::path other = box.dir() / "other.db";
  {
    Db db(other);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
  }
  const std::string before = read_all(other);
  const auto note = box.note("a.md", deck_of(1));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--db", other.string(), "cards"},
        std::vector<std::string>{"--db", other.string(), "import", note.string()},
        std::vector<std::string>{"--db", other.string(), "review"}}) {
    const Result result = box.run(args);
    INFO(args[2] << ": " << result.err);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("not a recall database"));
  }
  CHECK(read_all(other) == before);
  CHECK_FALSE(fs::exists(other.string() + "-wal"));
  Db db(other);
  CHECK(db.number("SELECT count(*) FROM sqlite_master") == 1);
}

TEST_CASE("dates outside 1970-2200 are refused", "[hostile][input]") {
  Sandbox box;
  const auto note = box.note("a.md", deck_of(1));
  for (const char* now : {"0000-01-01T00:00:00Z", "9999-12-31T09:00:00+09:00",
                          "1969-12-31T12:00:00Z", "2201-01-01T00:00:00Z"}) {
    box.set_env("RECALL_NOW", now);
    const Result result = box.run({"import", note.string()});
    INFO(now << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("1970") && Catch::Contains("2200"));
  }
  CHECK_FALSE(fs::exists(box.db()));
  box.set_env("RECALL_NOW", "2199-06-01T09:00:00+09:00");
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  REQUIRE(box.run({"review"}, "5\n").exit_code == 0);
  CHECK(box.run({"stats", "--since", "0001-01-01"}).exit_code == 2);
  Db db(box.db());
  CHECK(db.number("SELECT count(*) FROM cards WHERE due IS NULL") == 0);
}

TEST_CASE("a read-only database is refused before any answer is typed", "[hostile][store]") {
  Sandbox box;
  const auto note = box.note("a.md", deck_of(2));
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  if (!unprivileged(box)) {
    WARN("running as root without setpriv: a file cannot be made read-only; check skipped");
    return;
  }
  fs::permissions(box.db(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const Result review = box.run({"review"}, "5\n5\n");
  INFO(review.out << review.err);
  CHECK(review.exit_code == 1);
  CHECK_THAT(review.err, Catch::Contains("read-only"));
  CHECK_THAT(review.out, !Catch::Contains("Q: "));
  const Result import = box.run({"import", note.string()});
  CHECK(import.exit_code == 1);
  CHECK_THAT(import.err, Catch::Contains("read-only"));
}

TEST_CASE("malformed front matter is a warning with file:line", "[hostile][input]") {
  Sandbox box;
  box.note("notes/open.md", "---\ntitle: never closed\n\nQ: Open?\nA: yes\n");
  box.note("notes/list.md", "---\ntags: [a, b\n---\n\nQ: List?\nA: yes\n");
  box.note("notes/fine.md", "---\ntags: [a, b]\n---\n\nQ: Fine?\nA: yes\n");
  const Result result = box.run({"import", (box.dir() / "notes").string()});
  INFO(result.err);
  CHECK_THAT(result.err, Catch::Contains("open.md:1: ") && Catch::Contains("front matter"));
  CHECK_THAT(result.err, Catch::Contains("list.md:2: "));
  CHECK_THAT(result.err, !Catch::Contains("fine.md"));
}

TEST_CASE("a file size limit is an error with a message, not a silent death", "[hostile][store]") {
  Sandbox box;
  std::string many;
  for (int i = 0; i < 40; ++i) many += deck_of(20, "Many" + std::to_string(i));
  const auto note = box.note("many.md", many);
  box.set_wrapper({"/bin/sh", "-c", "ulimit -f 64; exec \"$0\" \"$@\""});
  const Result result = box.run({"import", note.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("recall: error: "));
  box.set_wrapper({});
  if (fs::exists(box.db())) {
    Db db(box.db());
    CHECK(db.text("PRAGMA integrity_check") == "ok");
  }
}

// The hostile-notes fixture: every kind of bad file at once; each gets its warning and the rest
// import.
TEST_CASE("a folder of hostile notes imports what it can and names the rest",
          "[hostile][fixture]") {
  Sandbox box;
  const fs::path root = box.dir() / "hostile";
  box.note("hostile/ok.md", deck_of(2, "Fine"));
  box.note("hostile/binary.md", std::string("Q: Bin?\nA: x\n\0\x01\x02", 17));
  box.note("hostile/invalid-utf8.md", "Q: Bad?\nA: \xc3\x28\n");
  box.note("hostile/cp949.md", "# \xb3\xeb\xc6\xae\n\nQ: \xc1\xfa\xb9\xae?\nA: x\n");
  {
    const std::string ascii = "Q: Wide?\nA: yes\n";
    std::string wide = "\xff\xfe";
    for (char c : ascii) wide += std::string{c, '\0'};
    box.note("hostile/utf16.md", wide);
  }
  box.note("hostile/cafe\xcc\x81/the\xcc\x81.md", "Q: Nfd?\nA: yes\n");  // NFD names
  std::string deep = "hostile", deeper = "hostile";
  for (int i = 0; i < 40; ++i) deep += "/d";
  for (int i = 0; i < 130; ++i) deeper += "/e";
  box.note(deep + "/deep.md", "Q: Deep?\nA: yes\n");
  box.note(deeper + "/deeper.md", "Q: Deeper?\nA: yes\n");
  fs::create_symlink(".", root / "loop");
  box.note("hostile/secret.md", "Q: Secret?\nA: yes\n");
  const bool can_lock = unprivileged(box);
  fs::permissions(root / "secret.md", fs::perms::none);

  const Result result = run_bounded(box, {"import", root.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 4);
  CHECK_THAT(result.err, Catch::Contains("binary.md") && Catch::Contains("binary file"));
  CHECK_THAT(result.err, Catch::Contains("invalid-utf8.md:2: not valid UTF-8"));
  CHECK_THAT(result.err, Catch::Contains("cp949.md:1: not valid UTF-8"));
  CHECK_THAT(result.err, Catch::Contains("utf16.md") && Catch::Contains("UTF-16"));
  CHECK_THAT(result.err, Catch::Contains("loop: ") && Catch::Contains("symbolic link loop"));
  CHECK_THAT(result.err, Catch::Contains("nested deeper than"));
  if (can_lock) {
    CHECK_THAT(result.err, Catch::Contains("secret.md") && Catch::Contains("cannot read"));
    CHECK(count(box, "question = 'Secret?'") == 0);
  } else {
    WARN("running as root without setpriv: the unreadable file is readable; sub-check skipped");
  }
  CHECK(count(box, "question LIKE 'Fine%'") == 2);
  CHECK(count(box, "question = 'Deep?'") == 1);
  CHECK(count(box, "question = 'Deeper?'") == 0);
  CHECK(count(box, "question = 'Nfd?' AND deck = 'caf\xc3\xa9/th\xc3\xa9'") == 1);
  CHECK(count(box, "question IN ('Bin?', 'Bad?', 'Wide?')") == 0);
}
