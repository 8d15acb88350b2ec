// Renderers of a stats::Report: JSON, terminal text with charts, a self-contained HTML page.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "recall/stats/stats.hpp"

namespace recall::stats {

// One JSON object with every figure of the report, on one line (format: docs/stats.md).
std::string to_json(const Report& report);

// How the terminal text is drawn: `charts` draws bars and shades (else plain numbers, for pipes
// and NO_COLOR), `color` adds escape codes, `width` is the window's width in columns.
struct TextStyle {
  bool charts = false;
  bool color = false;
  int width = 80;
};

// Writes `recall stats` as text.
void render_text(const Report& report, const TextStyle& style, std::ostream& out);

// A whole HTML document with inline CSS and SVG charts and no script: it opens offline.
// `title` is shown at the top (e.g. the collection's file name).
std::string render_html(const Report& report, std::string_view title);

// Names of GroupBy values as written on the command line and in JSON: deck, file, section.
std::string_view to_string(store::GroupBy by);

}  // namespace recall::stats
