// End-to-end on a pseudo-terminal: the real binary in raw mode, driven key by key. Checks the
// terminal modes after every way out and that the database holds exactly the answers given.
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <utmp.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "harness.hpp"
#include "pty.hpp"

using recall::test::json_lines;
using recall::test::PtyRecall;
using recall::test::cards_by_question;
using recall::test::Sandbox;

namespace {

const char* const kFive =
    "# Deck\n\n"
    "Q: Alpha?\nA: first\n\n"
    "Q: Beta?\nA: second\n\n"
    "Q: Gamma?\nA: third\n\n"
    "Q: Delta?\nA: fourth\n\n"
    "Q: Epsilon?\nA: fifth\n";

void check_restored(const PtyRecall& pty) {
  const struct termios now = pty.now();
  CHECK((now.c_lflag & ICANON) != 0);
  CHECK((now.c_lflag & ECHO) != 0);
  CHECK((now.c_lflag & ISIG) != 0);
  CHECK(now.c_lflag == pty.before().c_lflag);
  CHECK(now.c_iflag == pty.before().c_iflag);
  // The alternate screen was left after it was last entered, and the cursor shown again.
  const auto& out = pty.output();
  const auto entered = out.rfind("\x1b[?1049h");
  REQUIRE(entered != std::string::npos);
  CHECK(out.find("\x1b[?25h\x1b[?1049l", entered) != std::string::npos);
}

}  // namespace

TEST_CASE("pty: reveal, grade, undo, suspend, bury, Ctrl-C", "[review][pty]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kFive).string()}).exit_code == 0);
  {
    PtyRecall pty(box, {"review"});
    pty.wait_for("Q  Alpha?");
    pty.wait_for("space show answer");
    pty.send(" ");
    pty.wait_for("A  first");
    pty.wait_for("0 blackout");
    pty.send("5");
    pty.wait_for("Q  Beta?");
    pty.send(" ");
    pty.wait_for("A  second");
    pty.send("4");
    pty.wait_for("Q  Gamma?");
    pty.send("ㅕ");  // u on a Korean keyboard: takes Beta's 4 back
    pty.wait_for("Q  Beta?");
    pty.wait_for("Undone: grade 4 on \"Beta?\".");
    pty.send(" ");
    pty.wait_for("A  second");
    pty.send("3");  // right, hard: Beta comes back at the end as a drill
    pty.wait_for("Q  Gamma?");
    pty.send("s");
    pty.wait_for("Q  Delta?");
    pty.wait_for("Suspended \"Gamma?\"");
    pty.send("b");
    pty.wait_for("Q  Epsilon?");
    pty.wait_for("Buried \"Delta?\" until tomorrow");
    pty.send("\x03");
    CHECK(pty.wait_exit() == 130);
    check_restored(pty);
    CHECK(pty.output().find("Session: 2 cards reviewed, 100% graded 3 or better, 2 new") !=
          std::string::npos);
    CHECK(pty.output().find("Suspended 1, buried 1 until tomorrow.") != std::string::npos);
  }

  // Exactly the answers given: Alpha 5, Beta 3 (the 4 was undone), Gamma suspended, Delta buried.
  auto cards = cards_by_question(box);
  CHECK(cards["Alpha?"]["reviews"] == 1);
  CHECK(cards["Alpha?"]["state"] == "review");
  CHECK(cards["Alpha?"]["ef"].get<double>() == Approx(2.6));
  CHECK(cards["Alpha?"]["due"] == "2026-03-02");
  CHECK(cards["Beta?"]["reviews"] == 1);
  CHECK(cards["Beta?"]["state"] == "review");
  CHECK(cards["Beta?"]["ef"].get<double>() == Approx(2.36));
  CHECK(cards["Beta?"]["repetitions"] == 1);
  CHECK(cards["Gamma?"]["state"] == "suspended");
  CHECK(cards["Gamma?"]["reviews"] == 0);
  CHECK(cards["Delta?"]["state"] == "new");
  CHECK(cards["Delta?"]["reviews"] == 0);
  CHECK(cards["Epsilon?"]["reviews"] == 0);
  const auto stats = nlohmann::json::parse(box.run({"stats", "--json"}).out);
  CHECK(stats["reviews_today"] == 2);
  CHECK(stats["cards"]["suspended"] == 1);

  // Delta is buried for the rest of the day: a piped session the same day shows only Epsilon.
  const auto later = box.run({"review"}, "5\n");
  CHECK_THAT(later.out, Catch::Contains("Q: Epsilon?"));
  CHECK_THAT(later.out, !Catch::Contains("Delta?"));
  box.set_day("2026-03-02");
  CHECK_THAT(box.run({"review"}, "4\n4\n4\n4\n").out, Catch::Contains("Q: Delta?"));
}

TEST_CASE("pty: q, the end of the queue, SIGTERM and help all restore the terminal",
          "[review][pty]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kFive).string()}).exit_code == 0);

  SECTION("q quits with exit 0 and the summary on the normal screen") {
    PtyRecall pty(box, {"review"});
    pty.wait_for("Q  Alpha?");
    pty.send("?");
    pty.wait_for("Keys");
    pty.wait_for("bury this card until tomorrow");
    pty.send("x");  // any key: back to the card
    pty.wait_for("Q  Alpha?");
    pty.send("ㅂ");
    CHECK(pty.wait_exit() == 0);
    check_restored(pty);
    const auto& out = pty.output();
    const auto summary = out.find("Session: 0 cards reviewed");
    REQUIRE(summary != std::string::npos);
    CHECK(summary > out.rfind("\x1b[?1049l"));
  }
  SECTION("the last card, then u at the end screen, then any key") {
    PtyRecall pty(box, {"review", "--limit", "1"});
    pty.wait_for("Q  Alpha?");
    pty.send(" ");
    pty.wait_for("A  first");
    pty.send("4");
    pty.wait_for("All done.");
    pty.send("u");
    pty.wait_for("Q  Alpha?");
    pty.send(" ");
    pty.wait_for("A  first");
    pty.send("5");
    pty.wait_for("All done.");
    pty.send("\n");
    CHECK(pty.wait_exit() == 0);
    check_restored(pty);
    auto cards = cards_by_question(box);
    CHECK(cards["Alpha?"]["reviews"] == 1);
    CHECK(cards["Alpha?"]["ef"].get<double>() == Approx(2.6));
  }
  SECTION("SIGTERM ends the session and restores the terminal; answers kept") {
    PtyRecall pty(box, {"review"});
    pty.wait_for("Q  Alpha?");
    pty.send(" ");
    pty.wait_for("A  first");
    pty.send("5");
    pty.wait_for("Q  Beta?");
    kill(pty.pid(), SIGTERM);
    CHECK(pty.wait_exit() == 128 + SIGTERM);
    check_restored(pty);
    CHECK(cards_by_question(box)["Alpha?"]["reviews"] == 1);
  }
}

TEST_CASE("pty: the screen reflows when the window is resized", "[review][pty]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", kFive).string()}).exit_code == 0);
  PtyRecall pty(box, {"review"}, {}, 200, 30);
  std::string rule200, rule60;
  for (int i = 0; i < 200; ++i) rule200 += "─";
  for (int i = 0; i < 60; ++i) rule60 += "─";
  // Lines end in "\r\n", which the terminal's output processing turns into "\r\r\n".
  pty.wait_for("\n" + rule200 + "\r");
  pty.resize(60, 20);
  pty.wait_for("\n" + rule60 + "\r");
  pty.wait_for("Q  Alpha?");
  pty.send("q");
  CHECK(pty.wait_exit() == 0);
  check_restored(pty);
}

TEST_CASE("pty: e edits the note and imports it again", "[review][pty]") {
  Sandbox box;
  const auto note = box.note("notes/ml/deck.md", kFive);
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  // An "editor" that records its arguments and rewrites the first answer.
  const auto editor = box.dir() / "editor.sh";
  recall::test::write_file(editor,
                           "#!/bin/sh\n"
                           "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/editor.args\"\n"
                           "sed -i 's/^A: first$/A: primero, **revised**/' \"$2\"\n");
  REQUIRE(chmod(editor.c_str(), 0755) == 0);

  PtyRecall pty(box, {"review"}, {{"EDITOR", editor.string()}});
  pty.wait_for("Q  Alpha?");
  pty.send(" ");
  pty.wait_for("A  first");
  pty.send("ㄷ");  // e on a Korean keyboard
  pty.wait_for("A  primero, revised");
  pty.wait_for("Imported ml/deck.md again: 0 new, 1 updated, 0 retired.");
  pty.send("5");
  pty.wait_for("Q  Beta?");
  pty.send("q");
  CHECK(pty.wait_exit() == 0);
  check_restored(pty);

  CHECK(recall::test::read_all(box.dir() / "editor.args") == "+3\n" + note.string() + "\n");
  auto cards = cards_by_question(box);
  CHECK(cards["Alpha?"]["answer"] == "primero, **revised**");
  CHECK(cards["Alpha?"]["deck"] == "ml/deck");  // the deck is kept
  CHECK(cards["Alpha?"]["source"] == "ml/deck.md");
  CHECK(cards["Alpha?"]["reviews"] == 1);
  CHECK(cards.size() == 5);
}
