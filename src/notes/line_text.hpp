// Small scanners over lines of note text, shared by the files of the notes stage (private header).
// Bytes in, views out: nothing here allocates except split_lines, and nothing decodes UTF-8 beyond
// counting code points, so any bytes are safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace recall::notes {

inline bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

inline std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_space_or_tab(s.front())) s.remove_prefix(1);
  return s;
}

// Also drops a stray '\r' or '\n', which a line never keeps.
inline std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (is_space_or_tab(s.back()) || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

inline std::string_view trim(std::string_view s) { return trim_left(trim_right(s)); }

// Columns of leading spaces and tabs; a tab advances to the next multiple of 4, as in CommonMark.
inline int indent_columns(std::string_view s) {
  int columns = 0;
  for (const char c : s) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4 - columns % 4;
    } else {
      break;
    }
  }
  return columns;
}

// Bytes of leading whitespace that make up at most `columns` columns.
inline std::size_t indent_bytes(std::string_view s, int columns) {
  std::size_t bytes = 0;
  int at = 0;
  while (bytes < s.size() && at < columns && is_space_or_tab(s[bytes])) {
    at = s[bytes] == '\t' ? at + 4 - at % 4 : at + 1;
    ++bytes;
  }
  return bytes;
}

// Code points in valid UTF-8 (bytes that are not continuation bytes).
inline std::size_t code_points(std::string_view s) {
  std::size_t count = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `s` starts with `prefix`, ASCII letters compared without case.
inline bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

// Offset of `needle` in `s`, ASCII letters compared without case, or npos. Linear for the short
// needles it is used with.
inline std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t from = 0) {
  if (needle.empty()) return from <= s.size() ? from : std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (ascii_lower(s[i]) == ascii_lower(needle[0]) && starts_with_ci(s.substr(i), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// The lines of `text` without their '\n'. Always count('\n') + 1 lines: a text ending in '\n' has
// an empty last line, as the markdown parser counts them.
inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  // A whole note's lines at their size: a large note has a million lines, and doubling would
  // hold up to twice that. Short texts skip the counting pass.
  if (text.size() > 64 * 1024) {
    lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  }
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lines.push_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  lines.push_back(text.substr(begin));
  return lines;
}

}  // namespace recall::notes
