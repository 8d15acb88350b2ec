// The card screen of an interactive session: header, question, answer, feedback and key legend.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "recall/review/grades.hpp"

namespace recall::review {

// Text never runs wider than this, however wide the terminal: long lines are hard to read.
constexpr int kMaxTextWidth = 100;

// The smallest window the card screen uses; below it, one line asks for a bigger one.
constexpr int kMinWidth = 20;
constexpr int kMinHeight = 6;

// What the card screen shows.
struct CardView {
  std::string context;  // deck › headings
  std::string status;   // the card's state: "new", "review · 17d", "drill · 3 left"
  int position = 0;     // progress: card n of N
  int total = 0;        // 0: no progress shown (drills say how many are left in `status`)
  std::string question;  // markdown
  std::string answer;    // markdown
  bool revealed = false;
  bool help = false;      // the list of keys instead of the card
  bool finished = false;  // the end of the queue: `question` says so, u still undoes
  std::string message;    // one line of feedback (what was undone, a leech), may be empty
  bool warning = false;   // the message is bad news
  int scroll = 0;         // lines of the card scrolled out at the top, when it is too tall
  // The grade keys under a revealed answer with what each schedules; empty: SM-2's six grades
  // with their meanings.
  std::vector<GradeChoice> grades;
};

struct ScreenLines {
  std::vector<std::string> body;    // header, rule, question, answer (or the help)
  std::size_t header = 0;           // lines at the top of the body that never scroll
  std::vector<std::string> footer;  // feedback and the key legend
};

// The lines of the screen for a terminal `width` columns wide, none wider (escape sequences
// not counted). With colour, styles and colours; without, plain text.
ScreenLines card_lines(const CardView& view, int width, bool color);

struct DrawnScreen {
  std::string text;  // everything to write
  int scroll = 0;    // view.scroll, kept within what can scroll
  int page = 0;      // lines of the card shown at once (for Page Down)
};

// Draws `view` on a `width` x `height` terminal: clear, the header, the card, and the footer on
// the bottom rows. When it does not all fit, the header shrinks to one line, then the key legend
// to one line, then both go, before the card loses a line; a card still too tall shows the lines
// from `view.scroll` on (the question first, then as much answer as fits) above a line saying
// which and how to scroll. Below kMinWidth x kMinHeight, one line asks for a bigger window.
// Nothing is ever written past the window: no line wider than `width`, no more than `height`
// rows, and no newline on the last row.
DrawnScreen draw_card(const CardView& view, int width, int height, bool color);

}  // namespace recall::review
