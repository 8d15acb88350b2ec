// Private to src/stats: terminal chart pieces made of Unicode block characters.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace recall::stats::charts {

// A horizontal bar `value / max` of `width` cells, in eighths of a cell (empty for 0).
std::string hbar(int value, int max, int width);

// Vertical bars, one per value, `column_width` columns each (the bar, then a one-column gap
// when it is wider than one), `height` rows high, top row first; a non-zero value always shows
// at least an eighth.
std::vector<std::string> columns(const std::vector<int>& values, int height, int column_width);

// The first, second and third quartiles of the non-zero values (0s when there are none).
std::array<int, 3> quartiles(const std::vector<int>& values);
// The level of `value` from 0 (none) to 4 by those quartiles: a steady reviewer still sees which
// days were heavier, which a scale up to the maximum would paint all the same.
int level(int value, const std::array<int, 3>& quartiles);
// The shade of a level: `·` for 0, then ░ ▒ ▓ █.
std::string shade(int level);

// `12m05s`, `1h02m`, `0s`.
std::string duration(long long ms);

// `87.5%` or `–` without reviews.
std::string percent(int passed, int reviews);

// Right-aligns `text` (ASCII) in `width` columns.
std::string pad_left(const std::string& text, std::size_t width);
std::string pad_right(const std::string& text, std::size_t width);

}  // namespace recall::stats::charts
