// Terminal chart pieces: eighth-block bars and shades.
#include "charts.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace recall::stats::charts {

namespace {

// Left-aligned eighths for horizontal bars, bottom-aligned eighths for vertical ones.
constexpr std::array<const char*, 9> kHorizontal = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};
constexpr std::array<const char*, 9> kVertical = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

long long eighths(int value, int max, int cells) {
  if (value <= 0 || max <= 0) return 0;
  const long long total = static_cast<long long>(cells) * 8;
  return std::max(1LL, (static_cast<long long>(value) * total + max / 2) / max);
}

}  // namespace

std::string hbar(int value, int max, int width) {
  long long n = eighths(value, max, width);
  std::string out;
  for (; n >= 8; n -= 8) out += kHorizontal[8];
  out += kHorizontal[static_cast<std::size_t>(n)];
  return out;
}

std::vector<std::string> columns(const std::vector<int>& values, int height, int column_width) {
  const int max = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  std::vector<std::string> rows(static_cast<std::size_t>(height));
  for (int value : values) {
    const long long n = eighths(value, max, height);
    for (int row = 0; row < height; ++row) {
      // Row 0 is the top: it holds eighths above (height - 1) * 8.
      const long long base = static_cast<long long>(height - 1 - row) * 8;
      const long long here = std::clamp(n - base, 0LL, 8LL);
      // A bar and a one-column gap; a column one wide is all bar.
      std::string cell;
      for (int i = 0; i < std::max(column_width - 1, 1); ++i) {
        cell += kVertical[static_cast<std::size_t>(here)];
      }
      rows[static_cast<std::size_t>(row)] += column_width > 1 ? cell + " " : cell;
    }
  }
  return rows;
}

std::array<int, 3> quartiles(const std::vector<int>& values) {
  std::vector<int> busy;
  for (int v : values) {
    if (v > 0) busy.push_back(v);
  }
  if (busy.empty()) return {0, 0, 0};
  std::sort(busy.begin(), busy.end());
  const auto at = [&](std::size_t q) { return busy[busy.size() * q / 4]; };
  return {at(1), at(2), at(3)};
}

int level(int value, const std::array<int, 3>& q) {
  return value <= 0 ? 0 : value < q[0] ? 1 : value < q[1] ? 2 : value < q[2] ? 3 : 4;
}

std::string shade(int level) {
  static constexpr std::array<const char*, 5> kShades = {"·", "░", "▒", "▓", "█"};
  return kShades[static_cast<std::size_t>(std::clamp(level, 0, 4))];
}

std::string duration(long long ms) {
  const long long s = ms / 1000;
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, s / 60 % 60);
  } else if (s >= 60) {
    std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%llds", s);
  }
  return text;
}

std::string percent(int passed, int reviews) {
  if (reviews <= 0) return "–";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * passed / reviews);
  return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string pad_right(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

}  // namespace recall::stats::charts
