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
void legend(std::vector<std::string>& out, const KeyHelp* items, std::size_t count, int width,
            bool color) {
  std::string line;
  int used = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string plain = std::string(items[i].key) + " " + std::string(items[i].label);
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
    const std::string label =
        truncate_to_width(items[i].label, width - display_width(items[i].key) - 1);
    line += styled(items[i].key, "\x1b[1m", color) + " " + styled(label, "\x1b[2m", color);
    used += w;
  }
  if (!line.empty()) out.push_back(line);
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

void header(std::vector<std::string>& out, const CardView& view, int width, bool color) {
  std::string right = view.status;
  if (view.total > 0) {
    if (!right.empty()) right += " · ";
    right += std::to_string(view.position) + " of " + std::to_string(view.total);
  }
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

}  // namespace

ScreenLines card_lines(const CardView& view, int width, bool color) {
  width = std::max(width, 20);
  ScreenLines screen;
  header(screen.body, view, width, color);
  screen.header = screen.body.size();
  screen.body.emplace_back();
  if (view.help) {
    help(screen.body, width, color);
  } else if (view.finished) {
    RenderOptions options;
    options.width = std::min(width, kMaxTextWidth);
    options.color = color;
    for (const auto& line : render_markdown(view.question, options)) screen.body.push_back(line);
  } else {
    labelled(screen.body, "Q", "\x1b[1;36m", view.question, width, color, true);
    if (view.revealed) {
      screen.body.emplace_back();
      labelled(screen.body, "A", "\x1b[1;32m", view.answer, width, color, false);
    }
  }

  if (!view.message.empty()) {
    for (const auto& line : wrap_text(view.message, width)) {
      screen.footer.push_back(styled(line, view.warning ? "\x1b[1;31m" : "\x1b[33m", color));
    }
  }
  if (view.finished) {
    const std::array<KeyHelp, 2> keys{{{"u", "undo"}, {"any key", "finish"}}};
    legend(screen.footer, keys.data(), keys.size(), width, color);
  } else if (view.help) {
    screen.footer.push_back(
        styled(truncate_to_width("any key: back to the card", width), "\x1b[2m", color));
  } else if (view.revealed) {
    legend(screen.footer, kGrades.data(), kGrades.size(), width, color);
    legend(screen.footer, kActions.data(), kActions.size(), width, color);
  } else {
    const KeyHelp reveal{"space", "show answer"};
    std::vector<KeyHelp> keys{reveal};
    keys.insert(keys.end(), kActions.begin(), kActions.end());
    legend(screen.footer, keys.data(), keys.size(), width, color);
  }
  return screen;
}

DrawnScreen draw_card(const CardView& view, int width, int height, bool color) {
  ScreenLines screen = card_lines(view, width, color);
  DrawnScreen drawn;
  const auto fixed = static_cast<int>(screen.header);
  const auto content = static_cast<int>(screen.body.size()) - fixed;
  int room = height - fixed - 1 - static_cast<int>(screen.footer.size());
  std::vector<std::string> visible(screen.body.begin(), screen.body.end());
  if (content > room && room >= 3) {
    // Too tall: one footer line says where we are, and the card scrolls under the header.
    --room;
    drawn.scroll = std::clamp(view.scroll, 0, content - room);
    const auto first = static_cast<std::ptrdiff_t>(fixed + drawn.scroll);
    visible.assign(screen.body.begin(), screen.body.begin() + fixed);
    visible.insert(visible.end(), screen.body.begin() + first, screen.body.begin() + first + room);
    const std::string where = "lines " + std::to_string(drawn.scroll + 1) + "-" +
                              std::to_string(drawn.scroll + room) + " of " +
                              std::to_string(content) + ": ↓↑ j k PgDn PgUp scroll";
    screen.footer.insert(screen.footer.begin(),
                         styled(truncate_to_width(where, width), "\x1b[2m", color));
  }
  drawn.page = std::max(room, 1);

  std::string& out = drawn.text;
  out = "\x1b[H\x1b[2J";
  for (std::size_t i = 0; i < visible.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += visible[i];
  }
  const auto body = static_cast<int>(visible.size());
  const auto footer = static_cast<int>(screen.footer.size());
  if (body + 1 + footer <= height) {
    out += "\x1b[" + std::to_string(height - footer + 1) + ";1H";
  } else {
    out += "\r\n\r\n";  // a window too small for anything: let it scroll
  }
  for (std::size_t i = 0; i < screen.footer.size(); ++i) {
    if (i > 0) out += "\r\n";
    out += screen.footer[i];
  }
  return drawn;
}

}  // namespace recall::review
