#include "recall/review/screen.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "recall/review/render.hpp"

namespace recall::review {
namespace {

struct KeyHelp {
  std::string_view key;
  std::string_view label;
};

// SM-2's meaning of each grade (Wozniak 1990), shortened to fit a legend.
constexpr std::array<KeyHelp, 6> kGrades{{
    {"0", "blackout"},
    {"1", "wrong; recognised it"},
    {"2", "wrong; seemed easy"},
    {"3", "right, hard"},
    {"4", "right, hesitant"},
    {"5", "perfect"},
}};

constexpr std::array<KeyHelp, 6> kActions{{
    {"u", "undo"},
    {"s", "suspend"},
    {"b", "bury"},
    {"e", "edit"},
    {"?", "keys"},
    {"q", "quit"},
}};

// The key list of `?`.
constexpr std::array<KeyHelp, 10> kHelp{{
    {"space, Enter", "show the answer"},
    {"0 1 2", "wrong: 0 complete blackout, 1 the answer was recognised, 2 it seemed easy"},
    {"3 4 5", "right: 3 with serious difficulty, 4 after a hesitation, 5 perfect"},
    {"u", "undo the last answer, suspend or bury (again to go further back)"},
    {"s", "suspend this card: sessions no longer show it"},
    {"b", "bury this card until tomorrow"},
    {"e", "edit its note at its line ($EDITOR), then import the note again"},
    {"↓ ↑ j k", "scroll a card taller than the window (also Page Down, Page Up)"},
    {"?", "this list"},
    {"q, Ctrl-C", "quit; every answer given is kept"},
}};

std::string styled(std::string_view text, const char* sgr, bool color) {
  if (!color) return std::string(text);
  return std::string(sgr) + std::string(text) + "\x1b[0m";
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

std::string rule(int width, bool color) {
  std::string bar;
  for (int i = 0; i < width; ++i) bar += "─";
  return styled(bar, "\x1b[2m", color);
}

// Packs "key label" items into lines of at most `width` columns, two spaces apart.
template <typename Items>
void legend(std::vector<std::string>& out, const Items& items, int width, bool color) {
  std::string line;
  int used = 0;
  for (const auto& item : items) {
    const std::string key(item.key);
    const std::string text(item.label);
    const std::string plain = key + " " + text;
    const int w = std::min(display_width(plain), width);
    if (used > 0 && used + 2 + w > width) {
      out.push_back(line);
      line.clear();
      used = 0;
    }
    if (used > 0) {
      line += "  ";
      used += 2;
    }
    const std::string label = truncate_to_width(text, width - display_width(key) - 1);
    line += styled(key, "\x1b[1m", color) + " " + styled(label, "\x1b[2m", color);
    used += w;
  }
  if (!line.empty()) out.push_back(line);
}

struct OwnedKey {
  std::string key;
  std::string label;
};

std::vector<OwnedKey> grade_keys(const CardView& view) {
  std::vector<OwnedKey> keys;
  if (view.grades.empty()) {
    for (const KeyHelp& k : kGrades) keys.push_back({std::string(k.key), std::string(k.label)});
  }
  for (const GradeChoice& g : view.grades) keys.push_back({g.key, g.label + " · " + g.preview});
  return keys;
}

// A labelled block: the label on the first line, the text indented under it.
void labelled(std::vector<std::string>& out, std::string_view label, const char* label_sgr,
              const std::string& markdown, int width, bool color, bool strong) {
  const int indent = 3;
  RenderOptions options;
  options.width = std::min(width - indent, kMaxTextWidth);
  options.color = color;
  options.strong = strong;
  const auto lines = render_markdown(markdown, options);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string prefix =
        i == 0 ? styled(label, label_sgr, color) + spaces(indent - display_width(label))
               : spaces(indent);
    out.push_back(lines[i].empty() ? std::string() : prefix + lines[i]);
  }
}

// The state and progress: "review · 17d · 3 of 24", "drill · 2 left".
std::string progress(const CardView& view) {
  std::string right = view.status;
  if (view.total > 0) {
    if (!right.empty()) right += " · ";
    right += std::to_string(view.position) + " of " + std::to_string(view.total);
  }
  return right;
}

// The header in one line, for a short window: progress first, then as much context as fits.
std::string compact_header(const CardView& view, int width, bool color) {
  const std::string right = progress(view);
  const int rest = width - display_width(right) - 2;
  std::string line = styled(truncate_to_width(right, width), "\x1b[1m", color);
  if (rest >= 4 && !view.context.empty()) {
    line += "  " + styled(truncate_to_width(view.context, rest), "\x1b[2m", color);
  }
  return line;
}

void header(std::vector<std::string>& out, const CardView& view, int width, bool color) {
  const std::string right = progress(view);
  const int right_width = display_width(right);
  if (right_width + 12 <= width) {
    const std::string left = truncate_to_width(view.context, width - right_width - 2);
    const int pad = width - display_width(left) - right_width;
    out.push_back(styled(left, "\x1b[2m", color) + spaces(pad) + styled(right, "\x1b[1m", color));
  } else {
    out.push_back(styled(truncate_to_width(right, width), "\x1b[1m", color));
    out.push_back(styled(truncate_to_width(view.context, width), "\x1b[2m", color));
  }
  out.push_back(rule(width, color));
}

void help(std::vector<std::string>& out, int width, bool color) {
  out.push_back(styled("Keys", "\x1b[1m", color));
  int key_width = 0;
  for (const KeyHelp& k : kHelp) key_width = std::max(key_width, display_width(k.key));
  // Two columns when the descriptions keep 24 columns, else each key above its description.
  const bool columns = width >= 2 + key_width + 2 + 24;
  const int indent = columns ? 2 + key_width + 2 : 4;
  for (const KeyHelp& k : kHelp) {
    const auto lines = wrap_text(k.label, std::min(width - indent, kMaxTextWidth));
    if (!columns) out.push_back("  " + styled(k.key, "\x1b[1m", color));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string key = i == 0 && columns ? "  " + styled(k.key, "\x1b[1m", color) +
                                                      spaces(key_width - display_width(k.key) + 2)
                                                : spaces(indent);
      out.push_back(key + lines[i]);
    }
  }
  out.emplace_back();
  for (const auto& line : wrap_text("With a Korean input method the same keys work: ㅕ undo, "
                                    "ㄴ suspend, ㅠ bury, ㄷ edit, ㅂ quit.",
                                    std::min(width, kMaxTextWidth))) {
    out.push_back(line);
  }
}

// The card itself: the question and the answer, the help, or the end of the session.
std::vector<std::string> content_lines(const CardView& view, int width, bool color) {
  std::vector<std::string> body;
  if (view.help) {
    help(body, width, color);
  } else if (view.finished) {
    RenderOptions options;
    options.width = std::min(width, kMaxTextWidth);
    options.color = color;
    for (const auto& line : render_markdown(view.question, options)) body.push_back(line);
  } else {
    labelled(body, "Q", "\x1b[1;36m", view.question, width, color, true);
    if (view.revealed) {
      body.emplace_back();
      labelled(body, "A", "\x1b[1;32m", view.answer, width, color, false);
    }
  }
  return body;
}

std::vector<std::string> message_lines(const CardView& view, int width, bool color) {
  std::vector<std::string> out;
  if (view.message.empty()) return out;
  for (const auto& line : wrap_text(view.message, width)) {
    out.push_back(styled(line, view.warning ? "\x1b[1;31m" : "\x1b[33m", color));
  }
  return out;
}

// Feedback and every key with what it does.
std::vector<std::string> full_footer(const CardView& view, int width, bool color) {
  std::vector<std::string> footer = message_lines(view, width, color);
  if (view.finished) {
    const std::array<KeyHelp, 2> keys{{{"u", "undo"}, {"any key", "finish"}}};
    legend(footer, keys, width, color);
  } else if (view.help) {
    footer.push_back(
        styled(truncate_to_width("any key: back to the card", width), "\x1b[2m", color));
  } else if (view.revealed) {
    legend(footer, grade_keys(view), width, color);
    legend(footer, kActions, width, color);
  } else {
    const KeyHelp reveal{"space", "show answer"};
    std::vector<KeyHelp> keys{reveal};
    keys.insert(keys.end(), kActions.begin(), kActions.end());
    legend(footer, keys, width, color);
  }
  return footer;
}

// The footer in two lines at most: the message's first line and the keys that matter now (the
// grades with what they schedule, compactly: "3 6d").
std::vector<std::string> compact_footer(const CardView& view, int width, bool color) {
  std::vector<std::string> footer;
  if (!view.message.empty()) {
    footer.push_back(styled(truncate_to_width(view.message, width),
                            view.warning ? "\x1b[1;31m" : "\x1b[33m", color));
  }
  std::string keys;
  if (view.finished) {
    keys = "u undo · any key: finish";
  } else if (view.help) {
    keys = "any key: back";
  } else if (view.revealed) {
    for (const OwnedKey& k : grade_keys(view)) {
      const auto dot = k.label.rfind(" · ");
      keys += (keys.empty() ? "" : " ") + k.key + " " +
              (dot == std::string::npos ? k.label : k.label.substr(dot + 4));
    }
  } else {
    keys = "space answer · ? keys";
  }
  footer.push_back(styled(truncate_to_width(keys, width), "\x1b[2m", color));
  return footer;
}

}  // namespace

ScreenLines card_lines(const CardView& view, int width, bool color) {
  width = std::max(width, kMinWidth);
  ScreenLines screen;
  header(screen.body, view, width, color);
  screen.header = screen.body.size();
  screen.body.emplace_back();
  for (auto& line : content_lines(view, width, color)) screen.body.push_back(std::move(line));
  screen.footer = full_footer(view, width, color);
  return screen;
}

namespace {

// One way to lay the screen out, from the richest to the barest.
struct Layout {
  std::vector<std::string> header;  // never scrolls
  std::vector<std::string> footer;  // on the bottom rows
  int gap = 0;                      // blank rows between the card and the footer
};

// Lines of the card that must show at once for it to make sense: the question, and the first
// line of the answer once revealed.
int wanted_lines(const CardView& view, int width, bool color) {
  if (view.help || view.finished) return 3;
  CardView question = view;
  question.revealed = false;
  const auto lines = static_cast<int>(content_lines(question, width, color).size());
  return lines + (view.revealed ? 2 : 0);
}

std::string scroll_marker(int first, int last, int total, int width) {
  const std::string range = std::to_string(first) + "-" + std::to_string(last);
  std::string where =
      "lines " + range + " of " + std::to_string(total) + ": ↓↑ j k PgDn PgUp scroll";
  if (display_width(where) > width) where = range + "/" + std::to_string(total) + " ↓↑ j k";
  return truncate_to_width(where, width);
}

}  // namespace

DrawnScreen draw_card(const CardView& view, int width, int height, bool color) {
  DrawnScreen drawn;
  std::string& out = drawn.text;
  out = "\x1b[H\x1b[2J";
  if (width < kMinWidth || height < kMinHeight) {
    // The size first, so that the little that shows of the line still says what to do.
    out += truncate_to_width("Need " + std::to_string(kMinWidth) + "×" +
                                 std::to_string(kMinHeight) + " or more: make the window bigger.",
                             std::max(width, 0));
    return drawn;
  }

  const std::vector<std::string> content = content_lines(view, width, color);
  std::vector<std::string> full_header;
  header(full_header, view, width, color);
  full_header.emplace_back();  // a blank line under the rule
  const std::vector<std::string> one_line{compact_header(view, width, color)};
  const std::vector<std::string> full = full_footer(view, width, color);
  const std::vector<std::string> compact = compact_footer(view, width, color);
  const std::vector<Layout> layouts = {
      {full_header, full, 1}, {one_line, full, 0}, {one_line, compact, 0},
      {{}, compact, 0},       {{}, {}, 0},
  };
  const auto total = static_cast<int>(content.size());
  const int wanted = std::min(wanted_lines(view, width, color), total);
  const auto room_of = [&](const Layout& l) {
    return height - static_cast<int>(l.header.size() + l.footer.size()) - l.gap;
  };
  // The richest layout that shows the whole card with its keys, else the richest that shows what
  // is wanted of it above a scroll marker, else the barest.
  const Layout* chosen = nullptr;
  for (const Layout& l : layouts) {
    // The keys stay on screen unless the card can only be read without them.
    if (!l.footer.empty() && room_of(l) >= total) {
      chosen = &l;
      break;
    }
  }
  const bool scrolls = chosen == nullptr;
  if (scrolls) {
    for (const Layout& l : layouts) {
      if (room_of(l) - 1 >= wanted) {
        chosen = &l;
        break;
      }
    }
    if (!chosen) chosen = &layouts.back();
  }
  Layout layout = *chosen;
  int room = room_of(layout);
  std::vector<std::string> visible = layout.header;
  if (scrolls) {
    room = std::max(room - 1, 1);
    drawn.scroll = std::clamp(view.scroll, 0, std::max(total - room, 0));
    const auto first = content.begin() + drawn.scroll;
    visible.insert(visible.end(), first, first + std::min(room, total - drawn.scroll));
    layout.footer.insert(layout.footer.begin(),
                         styled(scroll_marker(drawn.scroll + 1, drawn.scroll + room, total, width),
                                "\x1b[2m", color));
  } else {
    visible.insert(visible.end(), content.begin(), content.end());
  }
  drawn.page = std::max(room, 1);

  for (std::size_t i = 0; i < visible.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += visible[i];
  }
  const auto footer = static_cast<int>(layout.footer.size());
  if (footer > 0) out += "\x1b[" + std::to_string(height - footer + 1) + ";1H";
  for (std::size_t i = 0; i < layout.footer.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += layout.footer[i];
  }
  return drawn;
}

}  // namespace recall::review
