// End-to-end, several real recall processes on one database: two review sessions, an import during
// a review, first use by several processes at once, two imports at once, a writer holding the lock.
// The semantics are in docs/ARCHITECTURE.md ("Concurrency").
#include <catch2/catch.hpp>

#include "robust.hpp"

using namespace recall::test;

namespace {

std::string grades(int n, const std::string& grade = "5") {
  std::string text;
  for (int i = 0; i < n; ++i) text += grade + "\n";
  return text;
}

}  // namespace

TEST_CASE("a second review session on the same database refuses, naming the first",
          "[concurrency][review]") {
  Sandbox box;
  const auto note = box.note("deck.md", deck_of(12));
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);

  int first_in = -1;
  const fs::path first_out = box.dir() / "first.out";
  const pid_t first = box.start({"review"}, first_in, first_out);
  REQUIRE(wait_for_text(first_out, "Q: "));

  const Result second = run_bounded(box, {"review"}, grades(12));
  const std::string all = grades(12);
  REQUIRE(::write(first_in, all.data(), all.size()) == static_cast<ssize_t>(all.size()));
  ::close(first_in);
  CHECK(wait_bounded(first) == 0);

  INFO(second.out << second.err);
  CHECK(second.exit_code == 1);
  CHECK_THAT(second.err,
             Catch::Contains("another review session") && Catch::Contains(std::to_string(first)));
  Db db(box.db());
  // Every card answered once, by the first session.
  CHECK(db.number("SELECT count(*) FROM reviews") == 12);
  CHECK(db.number("SELECT count(*) FROM (SELECT card_id FROM reviews GROUP BY card_id "
                  "HAVING count(*) > 1)") == 0);
}

TEST_CASE("an answer never brings back a card that an import retired during the session",
          "[concurrency][review][import]") {
  Sandbox box;
  const auto note = box.note("deck.md", deck_of(10));
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);

  int in = -1;
  const fs::path out = box.dir() / "session.out";
  const pid_t session = box.start({"review"}, in, out);
  REQUIRE(wait_for_text(out, "Q: "));

  // Cards 4..10 go away while the session is open.
  box.note("deck.md", deck_of(3));
  const Result import = run_bounded(box, {"import", note.string()});
  INFO(import.out << import.err);
  REQUIRE(import.exit_code == 0);
  CHECK_THAT(import.out, Catch::Contains("7 retired"));

  const std::string all = grades(10);
  REQUIRE(::write(in, all.data(), all.size()) == static_cast<ssize_t>(all.size()));
  ::close(in);
  CHECK(wait_bounded(session) == 0);

  Db db(box.db());
  CHECK(db.number("SELECT count(*) FROM cards WHERE state = 'retired'") == 7);
  // The retired cards' answers were not logged either: the log matches the cards.
  CHECK(db.number("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                  "WHERE c.state = 'retired'") == 0);
}

TEST_CASE("several processes opening a new database at once all succeed", "[concurrency][store]") {
  Sandbox box;
  for (int round = 0; round < 6; ++round) {
    box.set_env("RECALL_DB", (box.dir() / ("new-" + std::to_string(round) + ".db")).string());
    std::vector<pid_t> pids;
    std::vector<int> inputs;
    for (int i = 0; i < 3; ++i) {
      int in = -1;
      // `import` (of nothing): `cards` only reads, and no longer creates a database.
      std::filesystem::create_directories(box.dir() / "empty");
      pids.push_back(box.start({"import", (box.dir() / "empty").string()}, in,
                               box.dir() / ("out-" + std::to_string(i))));
      inputs.push_back(in);
    }
    for (int in : inputs) ::close(in);
    for (pid_t pid : pids) CHECK(wait_bounded(pid) == 0);
    Db db(box.dir() / ("new-" + std::to_string(round) + ".db"));
    CHECK(db.number("PRAGMA user_version") == 12);
  }
}

TEST_CASE("two imports at once are serialised: both succeed, no card twice",
          "[concurrency][import]") {
  Sandbox box;
  for (int i = 0; i < 6; ++i)
    box.note("notes/n" + std::to_string(i) + ".md", deck_of(4, "N" + std::to_string(i)));
  for (int round = 0; round < 3; ++round) {
    const std::string db = (box.dir() / ("db-" + std::to_string(round) + ".db")).string();
    box.set_env("RECALL_DB", db);
    int in1 = -1, in2 = -1;
    const pid_t a = box.start({"import", (box.dir() / "notes").string()}, in1, box.dir() / "a.out");
    const pid_t b = box.start({"import", (box.dir() / "notes").string()}, in2, box.dir() / "b.out");
    ::close(in1);
    ::close(in2);
    const int code_a = wait_bounded(a), code_b = wait_bounded(b);
    INFO(read_all(box.dir() / "a.out")
         << read_all(box.dir() / "b.out") << read_all(box.dir() / ".stderr"));
    CHECK(code_a == 0);
    CHECK(code_b == 0);
    Db check(db);
    CHECK(check.number("SELECT count(*) FROM cards") == 24);
    CHECK(check.number("SELECT count(*) FROM cards WHERE state = 'new'") == 24);
  }
}

TEST_CASE("an answer given while another process holds the write lock is kept and retried",
          "[concurrency][review]") {
  Sandbox box;
  const auto note = box.note("deck.md", deck_of(3));
  REQUIRE(box.run({"import", note.string()}).exit_code == 0);
  // Short waits, so that the retry happens within the test; the lock is held longer than the
  // 5 s the busy timeout used to be.
  box.set_env("RECALL_BUSY_TIMEOUT_MS", "1000");

  Db holder(box.db());
  holder.exec("BEGIN IMMEDIATE");
  int in = -1;
  const fs::path out = box.dir() / "session.out";
  const pid_t session = box.start({"review"}, in, out);
  REQUIRE(wait_for_text(out, "Q: "));
  const std::string all = grades(3);
  REQUIRE(::write(in, all.data(), all.size()) == static_cast<ssize_t>(all.size()));
  ::close(in);
  std::this_thread::sleep_for(std::chrono::seconds(6));
  holder.exec("COMMIT");

  const int code = wait_bounded(session);
  INFO(read_all(out) << read_all(box.dir() / ".stderr"));
  CHECK(code == 0);
  Db db(box.db());
  CHECK(db.number("SELECT count(*) FROM reviews") == 3);
  CHECK(db.number("SELECT count(*) FROM cards WHERE state = 'review'") == 3);
}
