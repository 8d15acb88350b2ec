// The card screen of an interactive session: header, question, answer, feedback and key legend.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace recall::review {

// Text never runs wider than this, however wide the terminal: long lines are hard to read.
constexpr int kMaxTextWidth = 100;

// What the card screen shows.
struct CardView {
  std::string context;  // deck › headings
  std::string status;   // the card's state: "new", "review · 17d", "again"
  int position = 0;     // progress: card n of N
  int total = 0;
  std::string question;  // markdown
  std::string answer;    // markdown
  bool revealed = false;
  bool help = false;      // the list of keys instead of the card
  bool finished = false;  // the end of the queue: `question` says so, u still undoes
  std::string message;    // one line of feedback (what was undone, a leech), may be empty
  bool warning = false;   // the message is bad news
  int scroll = 0;         // lines of the card scrolled out at the top, when it is too tall
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
// the bottom rows. A card too tall for the window shows the lines from `view.scroll` on, with a
// line in the footer saying which and how to scroll; no line is ever written past the window.
DrawnScreen draw_card(const CardView& view, int width, int height, bool color);

}  // namespace recall::review
