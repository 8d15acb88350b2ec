// The card screen at 60 and 200 columns, with Korean text.
#include <catch2/catch.hpp>
#include <string>

#include "recall/review/render.hpp"
#include "recall/review/screen.hpp"

using recall::review::card_lines;
using recall::review::CardView;
using recall::review::display_width;
using recall::review::draw_card;

namespace {

std::string strip_escapes(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      while (i < line.size() && line[i] != 'm') ++i;
      continue;
    }
    out += line[i];
  }
  return out;
}

CardView korean_card() {
  CardView view;
  view.context = "ml/information-theory › 정보 이론 (Information theory) › 기본 개념";
  view.status = "review · 17 days";
  view.position = 3;
  view.total = 24;
  view.question = "교차 엔트로피 (cross-entropy)란?";
  view.answer =
      "- 실제 분포 $p$에서 나온 사건을 모델 분포 $q$에 맞춘 부호로 적을 때의 평균 길이\n"
      "- $H(p, q) = -\\sum_x p(x) \\log q(x)$\n"
      "- 분류 모델의 손실로 쓴다: 정답이 one-hot이면 정답 클래스의 $-\\log q$만 남는다\n"
      "  - **중첩된** 항목도 들여쓰기를 지킨다";
  view.revealed = true;
  return view;
}

}  // namespace

TEST_CASE("screen: no line wider than the terminal, with or without colour", "[review][screen]") {
  for (int width : {20, 40, 60, 80, 120, 200}) {
    for (bool color : {false, true}) {
      for (bool help : {false, true}) {
        CardView view = korean_card();
        view.help = help;
        view.message = "Leech: \"교차 엔트로피\" was forgotten 8 times and is now suspended.";
        const auto screen = card_lines(view, width, color);
        for (const auto& lines : {screen.body, screen.footer}) {
          for (const auto& line : lines) {
            INFO("width " << width << ": " << line);
            CHECK(display_width(strip_escapes(line)) <= width);
            if (!color) CHECK(line.find('\x1b') == std::string::npos);
          }
        }
      }
    }
  }
}

TEST_CASE("screen: header with context, state and progress", "[review][screen]") {
  const auto wide = card_lines(korean_card(), 200, false);
  REQUIRE(wide.header == 2);
  CHECK(wide.body[0].rfind("ml/information-theory › 정보 이론 (Information theory) › 기본 개념",
                           0) == 0);
  CHECK(wide.body[0].size() > 20);
  CHECK(
      wide.body[0].substr(wide.body[0].size() - std::string("review · 17 days · 3 of 24").size()) ==
      "review · 17 days · 3 of 24");
  CHECK(display_width(wide.body[0]) == 200);
  // At 60 columns the context is cut to make room for the progress.
  const auto narrow = card_lines(korean_card(), 60, false);
  CHECK(display_width(narrow.body[0]) == 60);
  CHECK(narrow.body[0].find("…") != std::string::npos);
  CHECK(narrow.body[0].find("3 of 24") != std::string::npos);
}

TEST_CASE("screen: question first, answer after reveal, legend with SM-2 meanings",
          "[review][screen]") {
  CardView view = korean_card();
  view.revealed = false;
  auto screen = card_lines(view, 80, false);
  CHECK(screen.body.back() == "Q  교차 엔트로피 (cross-entropy)란?");
  std::string footer;
  for (const auto& line : screen.footer) footer += line + "\n";
  CHECK(footer.find("space show answer") != std::string::npos);
  CHECK(footer.find("0 blackout") == std::string::npos);

  view.revealed = true;
  screen = card_lines(view, 80, false);
  const std::vector<std::string> expected_tail = {
      "A  • 실제 분포 $p$에서 나온 사건을 모델 분포 $q$에 맞춘 부호로 적을 때의 평균",
      "     길이",
      "   • $H(p, q) = -\\sum_x p(x) \\log q(x)$",
      "   • 분류 모델의 손실로 쓴다: 정답이 one-hot이면 정답 클래스의 $-\\log q$만",
      "     남는다",
      "     ◦ 중첩된 항목도 들여쓰기를 지킨다",
  };
  REQUIRE(screen.body.size() >= expected_tail.size());
  CHECK(std::vector<std::string>(screen.body.end() - 6, screen.body.end()) == expected_tail);
  footer.clear();
  for (const auto& line : screen.footer) footer += line + "\n";
  for (const char* meaning : {"0 blackout", "1 wrong; recognised it", "2 wrong; seemed easy",
                              "3 right, hard", "4 right, hesitant", "5 perfect", "u undo",
                              "s suspend", "b bury", "e edit", "? keys", "q quit"}) {
    CHECK(footer.find(meaning) != std::string::npos);
  }
}

TEST_CASE("screen: a card taller than the window scrolls under the header", "[review][screen]") {
  CardView view = korean_card();
  for (int i = 0; i < 40; ++i) view.answer += "\n- line " + std::to_string(i);
  const auto top = draw_card(view, 60, 20, false);
  CHECK(top.scroll == 0);
  CHECK(top.text.find("lines 1-") != std::string::npos);
  view.scroll = 1000;
  const auto bottom = draw_card(view, 60, 20, false);
  CHECK(bottom.scroll > 0);
  CHECK(bottom.text.find("line 39") != std::string::npos);
  CHECK(bottom.text.find("ml/information-theory") != std::string::npos);  // the header stays
  // Rows: the card never runs past the window (header + room + blank + footer = height).
  std::size_t rows = 1;
  for (char c : bottom.text) rows += c == '\n' ? 1 : 0;
  CHECK(rows <= 20);
}
