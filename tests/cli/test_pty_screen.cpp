// The review screen on a pseudo-terminal, read back through a model of the terminal: every
// window size from 20x6 up shows the question, scrolls, and never draws past the window; the
// interval shown under each grade is the one the answer then schedules.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <regex>

#include "harness.hpp"
#include "pty.hpp"
#include "vt.hpp"

using recall::test::PtyRecall;
using recall::test::Sandbox;
using recall::test::VirtualScreen;

namespace {

// The output of the full-screen part of a session, fed to a VirtualScreen as it comes.
class Viewer {
 public:
  Viewer(PtyRecall& pty, int width, int height) : m_pty(pty), m_screen(width, height) {}

  // Waits for the frame being drawn to be complete, then applies what came since last time.
  VirtualScreen& now() {
    m_pty.settle();
    const std::string& out = m_pty.output();
    if (!m_started) {
      const auto entered = out.find("\x1b[?1049h");
      if (entered == std::string::npos) return m_screen;
      m_fed = entered + 8;
      m_started = true;
    }
    const auto left = out.find("\x1b[?1049l", m_fed);
    const std::size_t end = left == std::string::npos ? out.size() : left;
    m_screen.feed(std::string_view(out).substr(m_fed, end - m_fed));
    m_fed = end;
    return m_screen;
  }

  // Starts again on a window of another size, from the output not yet applied.
  void resize(int width, int height) { m_screen = VirtualScreen(width, height); }

 private:
  PtyRecall& m_pty;
  VirtualScreen m_screen;
  std::size_t m_fed = 0;
  bool m_started = false;
};

std::string overflow_text(const VirtualScreen& screen) {
  std::string out;
  for (const auto& o : screen.overflow()) out += o + "\n";
  return out;
}

std::string long_card() {
  std::string note = "# Deck\n\nQ: 한국어 Alpha?\nA:\n";
  for (int i = 1; i <= 10; ++i) note += "- line " + std::to_string(i) + "\n";
  note += "\nQ: Beta?\nA: second\n";
  return note;
}

// Gives the card "한국어 Alpha?" an answer of 30 list items. The extractor keeps answers to 12
// lines and 600 characters, so no imported card is taller than a 100x30 window; a database
// from before that cap, or a long question on a small screen, still needs the scrolling.
void make_tall(const Sandbox& box) {
  std::string answer;
  for (int i = 1; i <= 30; ++i) answer += "- line " + std::to_string(i) + "\n";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(box.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* update = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "UPDATE cards SET answer = ?1 WHERE question LIKE '%Alpha?'", -1,
                             &update, nullptr) == SQLITE_OK);
  sqlite3_bind_text(update, 1, answer.c_str(), -1, SQLITE_TRANSIENT);
  CHECK(sqlite3_step(update) == SQLITE_DONE);
  CHECK(sqlite3_changes(db) == 1);
  sqlite3_finalize(update);
  sqlite3_close(db);
}

std::string iso_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

TEST_CASE("pty: every window from 20x6 shows the question, scrolls, draws nothing past it",
          "[review][pty][window]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", long_card()).string()}).exit_code == 0);
  make_tall(box);
  for (const auto& [width, height] :
       std::vector<std::pair<int, int>>{{20, 6}, {40, 10}, {60, 8}, {30, 12}, {100, 30}}) {
    INFO("window " << width << "x" << height);
    PtyRecall pty(box, {"review"}, {}, static_cast<unsigned short>(width),
                  static_cast<unsigned short>(height));
    Viewer view(pty, width, height);
    pty.wait_for("Alpha?");
    {
      const auto& screen = view.now();
      INFO(screen.text());
      CHECK(screen.shows("Q  한국어 Alpha?"));
    }
    pty.send(" ");
    pty.wait_for("line 1");
    pty.wait_for("j k");  // the scroll marker, drawn after the card
    {
      const auto& screen = view.now();
      INFO(screen.text());
      CHECK(screen.shows("Q  한국어 Alpha?"));  // the question first,
      CHECK(screen.shows("• line 1\n"));        // then as much answer as fits,
      CHECK(!screen.shows("• line 30"));
      CHECK(screen.shows("j k"));  // with a scroll marker
    }
    pty.send("j");
    pty.wait_for("\x1b[2J");  // the next frame (the mark is inside the last one)
    {
      const auto& screen = view.now();
      INFO(screen.text());
      CHECK(!screen.shows("Q  한국어"));
    }
    pty.send("k");
    pty.wait_for("\x1b[2J");
    pty.wait_for("한국어 Alpha?");
    {
      const auto& screen = view.now();
      INFO(screen.text());
      CHECK(screen.shows("Q  한국어 Alpha?"));
    }
    pty.send(std::string(40, 'j'));
    pty.wait_for("line 30");
    {
      const auto& screen = view.now();
      INFO(screen.text());
      CHECK(screen.shows("• line 30\n"));
      CHECK(!screen.shows("• line 1\n"));
    }
    pty.send("q");
    CHECK(pty.wait_exit() == 0);
    const auto& screen = view.now();
    INFO(overflow_text(screen));
    CHECK(screen.overflow().empty());
  }
}

TEST_CASE("pty: below 20x6 one line asks for a bigger window", "[review][pty][window]") {
  Sandbox box;
  REQUIRE(box.run({"import", box.note("deck.md", long_card()).string()}).exit_code == 0);
  PtyRecall pty(box, {"review"}, {}, 30, 5);
  Viewer view(pty, 30, 5);
  pty.wait_for("Need 20×6");
  {
    const auto& screen = view.now();
    INFO(screen.text());
    CHECK(screen.rows()[0].rfind("Need 20×6 or more", 0) == 0);
    CHECK(screen.rows()[1].empty());
    CHECK(screen.overflow().empty());
  }
  pty.resize(20, 6);
  view.resize(20, 6);
  pty.wait_for("Alpha?");
  const auto& screen = view.now();
  INFO(screen.text());
  CHECK(screen.shows("Q  한국어 Alpha?"));
  CHECK(screen.overflow().empty());
  pty.send("q");
  CHECK(pty.wait_exit() == 0);
}

namespace {

// The grade keys under the answer on the last frame: key -> days of "4 good · 17d".
std::map<int, int> previews(const std::string& frame, const std::vector<std::string>& labels) {
  std::map<int, int> out;
  for (std::size_t key = 0; key < 10; ++key) {
    for (const auto& label : labels) {
      const std::regex item(std::to_string(key) + " " + label + " · ([0-9]+)d");
      std::smatch m;
      if (std::regex_search(frame, m, item)) out[static_cast<int>(key)] = std::stoi(m[1]);
    }
  }
  return out;
}

std::string last_frame(const std::string& output) {
  const auto start = output.rfind("\x1b[2J");
  return start == std::string::npos ? output : output.substr(start);
}

std::string shown_question(const std::string& frame) {
  std::smatch m;
  const std::regex question("Q  ([A-Za-z]+)\\?");
  REQUIRE(std::regex_search(frame, m, question));
  return m[1];
}

}  // namespace

TEST_CASE("pty: the interval under each grade is the one the answer schedules",
          "[review][pty][grades]") {
  Sandbox box;
  std::string note = "# Deck\n\n";
  for (const char* name : {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"}) {
    note += "Q: " + std::string(name) + "?\nA: " + name + " answer\n\n";
  }
  REQUIRE(box.run({"import", box.note("deck.md", note).string()}).exit_code == 0);
  // Two perfect answers a day apart: every card is at n = 2, I = 6 days, EF 2.7.
  REQUIRE(box.run({"review"}, "5\n5\n5\n5\n5\n5\n").exit_code == 0);
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "5\n5\n5\n5\n5\n5\n").exit_code == 0);
  const auto today = std::chrono::sys_days{std::chrono::year{2026} / 3 / 8};

  // SM-2 by hand from n = 2, I = 6, EF 2.7: 5 -> EF 2.8, ceil(16.8) = 17; 4 -> 2.7, ceil(16.2)
  // = 17; 3 -> 2.56, ceil(15.36) = 16; below 3 -> 1 day.
  const std::map<int, int> by_grade{{0, 1}, {1, 1}, {2, 1}, {3, 16}, {4, 17}, {5, 17}};
  struct Layout {
    std::vector<std::string> args;
    std::vector<std::string> labels;
    std::map<int, int> grade_of_key;
  };
  const Layout six{{"review"},
                   {"blackout", "wrong", "almost", "hard", "good", "perfect"},
                   {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}}};
  const Layout four{{"review", "--buttons", "4"},
                    {"again", "hard", "good", "easy"},
                    {{1, 1}, {2, 3}, {3, 4}, {4, 5}}};
  for (const Layout* layout : {&six, &four}) {
    Sandbox* b = &box;
    SECTION(layout == &six ? "six grades" : "four buttons") {
      std::map<std::string, int> expected_days;
      PtyRecall pty(*b, layout->args, {{"RECALL_NOW", "2026-03-08T09:30:00+09:00"}}, 100, 30);
      for (const auto& [key, grade] : layout->grade_of_key) {
        pty.wait_for("Q  ");
        pty.send(" ");
        pty.wait_for("A  ");
        pty.wait_for("q quit");  // the last line of the frame
        pty.settle();
        const std::string frame = last_frame(pty.output());
        const auto shown = previews(frame, layout->labels);
        INFO(frame);
        REQUIRE(shown.size() == layout->grade_of_key.size());
        for (const auto& [k, g] : layout->grade_of_key) CHECK(shown.at(k) == by_grade.at(g));
        expected_days[shown_question(frame)] = shown.at(key);
        pty.send(std::to_string(key));
      }
      if (layout == &six) {
        // Grades 0-3 come back the same day, and the header counts them down.
        pty.wait_for("drill · 4 left");
        pty.send(" ");
        pty.wait_for("A  ");
        pty.wait_for("q quit");  // the last line of the frame
        pty.settle();
        CHECK(last_frame(pty.output()).find("5 perfect · done") != std::string::npos);
        pty.send("5");
        pty.wait_for("drill · 3 left");
      }
      pty.send("q");
      CHECK(pty.wait_exit() == 0);

      REQUIRE(expected_days.size() == layout->grade_of_key.size());
      for (auto& row : recall::test::json_lines(b->run({"cards", "--format", "json"}).out)) {
        std::string question = row["question"].get<std::string>();
        question.pop_back();  // "?"
        const auto it = expected_days.find(question);
        if (it == expected_days.end()) continue;
        INFO(question);
        CHECK(row["due"] == iso_day(today + std::chrono::days{it->second}));
      }
    }
  }
}
