// A small model of a terminal screen for end-to-end tests: it interprets what recall writes
// (text, CR, LF, cursor position, clear, SGR) on a `width` x `height` grid, and records every
// write that would land past the window: a character past the last column (the terminal would
// wrap it) or a line feed on the last row (the terminal would scroll).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recall::test {

// Columns of a code point as a terminal counts them, independently of recall's own table: East
// Asian wide and fullwidth ranges two, combining marks none, everything else one.
inline int vt_width(std::uint32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1160 && cp <= 0x11ff) || cp == 0x200b) return 0;
  const bool wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
                    (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
                    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
                    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
                    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
                    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

// Display columns of a UTF-8 string without escape sequences.
inline int vt_text_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    std::uint32_t cp = n == 1 ? c : c & (0xffu >> (n + 1));
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    }
    width += vt_width(cp);
    i += n;
  }
  return width;
}

class VirtualScreen {
 public:
  VirtualScreen(int width, int height)
      : m_width(width), m_height(height), m_rows(static_cast<std::size_t>(height)) {
    clear();
  }

  void feed(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
      const char c = bytes[i];
      if (c == '\x1b') {
        i = escape(bytes, i);
      } else if (c == '\r') {
        m_col = 0;
        m_pending = false;
        ++i;
      } else if (c == '\n') {
        if (m_row + 1 >= m_height) {
          m_overflow.push_back("line feed on the last row (the screen scrolls)");
        } else {
          ++m_row;
        }
        m_pending = false;
        ++i;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        ++i;
      } else {
        const auto u = static_cast<unsigned char>(c);
        const std::size_t n = u < 0x80 ? 1 : u < 0xe0 ? 2 : u < 0xf0 ? 3 : 4;
        put(bytes.substr(i, n));
        i += n;
      }
    }
  }

  // Every write past the window so far, described; empty when everything fitted.
  const std::vector<std::string>& overflow() const { return m_overflow; }

  // The rows as text, trailing spaces removed.
  std::vector<std::string> rows() const {
    std::vector<std::string> out;
    for (const auto& row : m_rows) {
      std::string line;
      for (const auto& cell : row) line += cell;
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out.push_back(line);
    }
    return out;
  }

  std::string text() const {
    std::string out;
    for (const auto& row : rows()) out += row + "\n";
    return out;
  }

  bool shows(std::string_view needle) const { return text().find(needle) != std::string::npos; }

 private:
  void clear() {
    for (auto& row : m_rows) row.assign(static_cast<std::size_t>(m_width), " ");
  }

  void put(std::string_view glyph) {
    const int w = vt_text_width(glyph);
    if (w == 0) {
      if (m_col > 0)
        m_rows[static_cast<std::size_t>(m_row)][static_cast<std::size_t>(m_col - 1)] += glyph;
      return;
    }
    if (m_pending || m_col + w > m_width) {
      m_overflow.push_back("'" + std::string(glyph) + "' past column " + std::to_string(m_width) +
                           " on row " + std::to_string(m_row + 1));
      return;
    }
    auto& row = m_rows[static_cast<std::size_t>(m_row)];
    row[static_cast<std::size_t>(m_col)] = std::string(glyph);
    if (w == 2) row[static_cast<std::size_t>(m_col + 1)] = "";
    m_col += w;
    if (m_col == m_width) {
      m_pending = true;  // the next character would wrap
      m_col = m_width - 1;
    }
  }

  std::size_t escape(std::string_view bytes, std::size_t i) {
    if (i + 1 >= bytes.size() || bytes[i + 1] != '[') return i + 2;  // ESC 7, ESC 8, …
    std::size_t j = i + 2;
    while (j < bytes.size() && !(bytes[j] >= 0x40 && bytes[j] <= 0x7e)) ++j;
    if (j >= bytes.size()) return j;
    const std::string params(bytes.substr(i + 2, j - i - 2));
    const char final = bytes[j];
    if (final == 'H' || final == 'f') {
      int row = 1, col = 1;
      if (!params.empty()) {
        const auto semi = params.find(';');
        row = std::stoi(params.substr(0, semi));
        if (semi != std::string::npos) col = std::stoi(params.substr(semi + 1));
      }
      if (row > m_height || col > m_width) {
        m_overflow.push_back("cursor moved to " + params + " outside the window");
      }
      m_row = std::min(std::max(row, 1), m_height) - 1;
      m_col = std::min(std::max(col, 1), m_width) - 1;
      m_pending = false;
    } else if (final == 'J' && params == "2") {
      clear();
    }
    return j + 1;
  }

  int m_width;
  int m_height;
  std::vector<std::vector<std::string>> m_rows;
  int m_row = 0;
  int m_col = 0;
  bool m_pending = false;
  std::vector<std::string> m_overflow;
};

}  // namespace recall::test
