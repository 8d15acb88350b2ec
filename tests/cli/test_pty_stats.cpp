// `recall stats` on a terminal without colour and 40 columns: the charts stay (block characters
// carry the figures), and no line is wider than $COLUMNS, wide characters counting two.
#include <catch2/catch.hpp>
#include <sstream>

#include "harness.hpp"
#include "pty.hpp"
#include "vt.hpp"

using recall::test::PtyRecall;
using recall::test::Sandbox;
using recall::test::VirtualScreen;
using recall::test::vt_text_width;

namespace {

// A collection with reviews over two days, lapses and long Korean names.
void fill(Sandbox& box) {
  std::string note = "# 정보 이론 (Information theory) 기본 개념과 자주 쓰는 식\n\n";
  for (int i = 1; i <= 8; ++i) {
    note += "Q: 교차 엔트로피와 쿨백-라이블러 발산의 관계를 설명하라 " + std::to_string(i) +
            "?\nA: 답 " + std::to_string(i) + "\n\n";
  }
  REQUIRE(
      box.run({"import", box.note("노트/정보 이론 아주 긴 이름의 메모장 파일.md", note).string()})
          .exit_code == 0);
  std::string day1;
  for (int i = 0; i < 8; ++i) day1 += "5\n";
  REQUIRE(box.run({"review"}, day1).exit_code == 0);
  box.set_day("2026-03-02");
  std::string day2 = "1\n1\n1\n4\n4\n4\n4\n4\n";
  for (int i = 0; i < 6; ++i) day2 += "5\n";
  REQUIRE(box.run({"review"}, day2).exit_code == 0);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("pty: COLUMNS=40 NO_COLOR=1 recall stats keeps its charts within 40 columns",
          "[stats][pty]") {
  Sandbox box;
  fill(box);
  for (int columns : {40, 57, 100}) {
    INFO("COLUMNS=" << columns);
    PtyRecall pty(
        box, {"stats", "--by", "deck"},
        {{"COLUMNS", std::to_string(columns)}, {"RECALL_NOW", "2026-03-02T10:00:00+09:00"}}, 120,
        40);
    REQUIRE(pty.wait_exit() == 0);
    const std::string& out = pty.output();
    CHECK(out.find('\x1b') == std::string::npos);  // no colour
    // Charts: the forecast's axis and bars, the calendar's shades, the histograms' bars.
    CHECK(out.find("└") != std::string::npos);
    CHECK(out.find("│") != std::string::npos);
    CHECK(out.find("█") != std::string::npos);
    CHECK(out.find_first_of("░▒▓") != std::string::npos);
    CHECK(out.find("Mon") != std::string::npos);
    // The forecast has bars, not only its axes.
    const auto forecast = out.find("Forecast");
    const auto axis = out.find("└", forecast);
    REQUIRE(axis != std::string::npos);
    const std::string bars = out.substr(forecast, axis - forecast);
    bool drawn = false;
    for (const char* block : {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}) {
      drawn = drawn || bars.find(block) != std::string::npos;
    }
    CHECK(drawn);
    CHECK(out.find("정보") != std::string::npos);        // the deck, wide characters
    CHECK(out.find("파일.md:3") != std::string::npos);  // a long path keeps its file name
    std::size_t widest = 0;
    for (const auto& line : lines_of(out)) {
      INFO(line);
      CHECK(vt_text_width(line) <= columns);
      widest = std::max(widest, static_cast<std::size_t>(vt_text_width(line)));
    }
    // Drawn on a terminal of exactly that width, nothing wraps.
    VirtualScreen screen(columns, 1000);
    screen.feed(out);
    CHECK(screen.overflow().empty());
    if (columns == 100) CHECK(widest > 60);  // a wide window is used, not only 40 columns
  }
}
