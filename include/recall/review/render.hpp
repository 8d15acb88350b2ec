// Markdown for the terminal: emphasis, inline code, bullets and indentation, LaTeX as written,
// wrapped to a width counted in display columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recall::review {

// Columns `text` takes in a terminal: East Asian wide and fullwidth characters (Hangul, Han,
// kana) count two, combining marks and control characters none (utf8proc_charwidth); a byte that
// is not valid UTF-8 counts one. Pass text without escape sequences.
int display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view text, int width);

// Plain text (no markdown) wrapped at spaces to lines of at most `width` columns; a word longer
// than a line is cut between characters.
std::vector<std::string> wrap_text(std::string_view text, int width);

struct RenderOptions {
  int width = 80;       // columns per line; values below 1 count as 1
  bool color = false;   // ANSI attributes and colours; none at all when false
  bool strong = false;  // the whole text in bold (with colour only), as for a question
};

// Renders markdown as terminal lines, each at most `options.width` columns wide (escape
// sequences not counted), without newlines. Paragraph lines are joined and wrapped again at
// spaces (a word longer than a line is cut between characters); `-`, `*`, `+` and `1.` list
// items nest by indentation and their continuation lines are indented under their text; `#`
// headings, `>` quotes and thematic breaks are shown plainly; fenced code keeps its lines, cut
// to the width. Inline: `**bold**`, `*italic*` and `_italic_`, `` `code` `` and backslash
// escapes. `$…$` and `$$…$$` are LaTeX and are shown exactly as written. Without colour the
// emphasis markers are dropped and code keeps its backticks. Never throws on odd input; the
// time taken grows linearly with the length of `text` (emphasis nests at most a few levels).
std::vector<std::string> render_markdown(std::string_view text, const RenderOptions& options);

}  // namespace recall::review
