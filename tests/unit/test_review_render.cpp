// The terminal markdown renderer: tables of markdown in, terminal lines out.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recall/review/render.hpp"

using recall::review::display_width;
using recall::review::render_markdown;
using recall::review::RenderOptions;
using recall::review::truncate_to_width;
using recall::review::wrap_text;
using Lines = std::vector<std::string>;

namespace {

Lines plain(const std::string& markdown, int width = 80) {
  RenderOptions options;
  options.width = width;
  return render_markdown(markdown, options);
}

// The text of a line without escape sequences.
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

}  // namespace

TEST_CASE("render: display width counts East Asian wide characters as two", "[review][render]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("한국어") == 6);
  CHECK(display_width("漢字") == 4);
  CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
  CHECK(display_width("Ｆ") == 2);         // fullwidth
  CHECK(display_width("") == 0);
  CHECK(display_width("\xff") == 1);  // not UTF-8: a byte, a column
}

TEST_CASE("render: truncate to a width", "[review][render]") {
  CHECK(truncate_to_width("short", 10) == "short");
  CHECK(truncate_to_width("abcdefghij", 5) == "abcd…");
  CHECK(truncate_to_width("한국어 문장", 5) == "한국…");
  CHECK(display_width(truncate_to_width("한국어 문장", 6)) <= 6);
  CHECK(truncate_to_width("abc", 0).empty());
}

TEST_CASE("render: inline markdown without colour", "[review][render]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"**bold** and *italic* and _also_", "bold and italic and also"},
      {"`code` stays in backticks", "`code` stays in backticks"},
      {"``a ` b``", "``a ` b``"},
      {"LaTeX $H(p) = -\\sum_x p(x) \\log p(x)$ as written",
       "LaTeX $H(p) = -\\sum_x p(x) \\log p(x)$ as written"},
      {"no emphasis in math: $a*b*c$ and $x_1 + y_1$",
       "no emphasis in math: $a*b*c$ and $x_1 + y_1$"},
      {"$$\\frac{a}{b}$$", "$$\\frac{a}{b}$$"},
      {"it costs $5 and $10", "it costs $5 and $10"},
      {"snake_case_name stays", "snake_case_name stays"},
      {"an \\*escaped\\* star", "an *escaped* star"},
      {"2 * 3 * 4", "2 * 3 * 4"},
      {"**unclosed bold", "**unclosed bold"},
      {"***both***", "both"},
      {"*a **b** c*", "a b c"},
      {"**굵게** 한국어 *기울임*", "굵게 한국어 기울임"},
      {"[link](http://x) kept", "[link](http://x) kept"},
  };
  for (const auto& [markdown, expected] : cases) {
    INFO(markdown);
    CHECK(plain(markdown) == Lines{expected});
  }
}

TEST_CASE("render: colour styles bold, italic, code and LaTeX", "[review][render]") {
  RenderOptions options;
  options.color = true;
  const auto lines = render_markdown("**b** *i* `c` $m$", options);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "\x1b[1mb\x1b[0m \x1b[3mi\x1b[0m \x1b[36mc\x1b[0m \x1b[33m$m$\x1b[0m");
  CHECK(strip_escapes(lines[0]) == "b i c $m$");
  // No escape sequence at all without colour.
  for (const auto& line : plain("**b** *i* `c` $m$\n- item\n> quote\n\n---")) {
    CHECK(line.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("render: bullets nest by indentation, continuation lines under their text",
          "[review][render]") {
  CHECK(plain("- one\n- two\n  - nested\n    - deeper\n- three") ==
        Lines{"• one", "• two", "  ◦ nested", "    ▪ deeper", "• three"});
  CHECK(plain("1. first\n2. second\n   - inner") == Lines{"1. first", "2. second", "   ◦ inner"});
  // A long item wraps under its own text.
  CHECK(plain("- alpha beta gamma delta\n  - epsilon zeta eta theta", 16) ==
        Lines{"• alpha beta", "  gamma delta", "  ◦ epsilon zeta", "    eta theta"});
  // An indented line after an item continues it (a soft line break).
  CHECK(plain("- the exponential:\n  $\\exp(x)$") == Lines{"• the exponential: $\\exp(x)$"});
  // A paragraph inside an item, after a blank line.
  CHECK(plain("- item\n\n  more of it") == Lines{"• item", "", "  more of it"});
}

TEST_CASE("render: paragraphs are joined and wrapped by display width", "[review][render]") {
  CHECK(plain("one\ntwo\n\nthree") == Lines{"one two", "", "three"});
  // Hangul counts two columns: 10 columns hold 5 syllables.
  CHECK(plain("가나다라마 바사아자차", 10) == Lines{"가나다라마", "바사아자차"});
  CHECK(plain("가나다라마 바사아자차", 11) == Lines{"가나다라마", "바사아자차"});
  // A word longer than the line is cut between characters.
  CHECK(plain("abcdefghij", 4) == Lines{"abcd", "efgh", "ij"});
  CHECK(plain("가나다라마바", 5) == Lines{"가나", "다라", "마바"});
  // Runs of spaces count as one; spaces at a break vanish.
  CHECK(plain("a   b", 10) == Lines{"a b"});
  CHECK(plain("aaaa bbbb", 4) == Lines{"aaaa", "bbbb"});
}

TEST_CASE("render: headings, quotes, rules and fenced code", "[review][render]") {
  CHECK(plain("# Title #\ntext") == Lines{"Title", "text"});
  CHECK(plain("Title\n=====\ntext") == Lines{"Title", "text"});
  CHECK(plain("> quoted\n> more") == Lines{"│ quoted more"});
  CHECK(plain("a\n\n---\n\nb", 10) == Lines{"a", "", "──────────", "", "b"});
  CHECK(plain("```cpp\nint  x = 1;  // *not* emphasis\n```\nafter") ==
        Lines{"int  x = 1;  // *not* emphasis", "after"});
  // Code is cut, not wrapped.
  CHECK(plain("```\nabcdefgh\n```", 5) == Lines{"abcde", "fgh"});
  // A fence that is never closed runs to the end.
  CHECK(plain("```\ncode") == Lines{"code"});
}

TEST_CASE("render: no line is wider than the width", "[review][render]") {
  const std::string answer =
      "- 분포 $p$에서 뽑은 사건이 가진 정보량의 기댓값: $H(p) = -\\sum_x p(x) \\log p(x)$\n"
      "  - 모든 결과의 확률이 같을 때 가장 크다 (결과가 $n$개면 $\\log n$)\n"
      "    - 로그의 밑이 2면 단위는 **bit**, 자연로그면 *nat*\n"
      "1. `inline code` 와 https://example.com/a/very/long/path/that/does/not/fit/anywhere\n"
      "> 인용문도 줄을 바꾼다 quoted text wraps too\n"
      "```\nvery long code line that must be cut into pieces 가나다라마바사아자차카타파하\n```\n";
  for (int width : {1, 2, 3, 5, 8, 13, 20, 33, 60, 200}) {
    for (bool color : {false, true}) {
      RenderOptions options;
      options.width = width;
      options.color = color;
      for (const auto& line : render_markdown(answer, options)) {
        INFO("width " << width << ": " << line);
        // One glyph wider than a tiny width (a Hangul syllable in 1 column) is the only excess.
        CHECK(display_width(strip_escapes(line)) <= std::max(width, 2));
      }
    }
  }
}

TEST_CASE("render: odd input is linear and never throws", "[review][render]") {
  const std::string stars(20000, '*');
  const std::string dollars(20000, '$');
  std::string mixed;
  for (int i = 0; i < 5000; ++i) mixed += "*a _b `c $d ";
  for (const std::string& text : {stars, dollars, mixed, std::string("\n\n\n"), std::string()}) {
    CHECK_NOTHROW(plain(text, 40));
  }
  CHECK(plain("").empty());
}

TEST_CASE("render: plain text wrapping", "[review][render]") {
  CHECK(wrap_text("a **b** c", 80) == Lines{"a **b** c"});
  CHECK(wrap_text("Rewrite it in /notes/가나다.md:12.", 16) ==
        Lines{"Rewrite it in", "/notes/가나다.md", ":12."});
}
