// The text behind an Outline: the prepared markdown by line (Lines), the note that block text
// views (NoteText) and the store of the text that is not in it (TextStore).
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "line_text.hpp"
#include "outline_convert.hpp"
#include "recall/notes/outline.hpp"

namespace recall::notes {

Lines::Lines(std::string_view text) : m_text(text) {
  m_starts.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  m_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') m_starts.push_back(i + 1);
  }
}

std::string_view Lines::line(int n) const {
  if (n < 1 || n > count()) return {};
  const std::size_t begin = m_starts[static_cast<std::size_t>(n - 1)];
  const std::size_t end = n < count() ? m_starts[static_cast<std::size_t>(n)] - 1 : m_text.size();
  return m_text.substr(begin, end - begin);
}

std::string_view TextStore::keep(std::string_view text) {
  if (text.empty()) return {};
  if (m_chunks.empty() || m_size - m_used < text.size()) {
    // The first chunk is 4 KiB, the others 64 KiB: most notes need little or nothing here, a
    // large one many chunks. A text longer than a chunk gets a chunk of its own; the current one
    // stays the one filled.
    const std::size_t chunk_size = m_chunks.empty() ? 4 * 1024 : 64 * 1024;
    const std::size_t size = std::max(chunk_size, text.size());
    auto chunk = std::make_unique_for_overwrite<char[]>(size);
    char* data = chunk.get();
    std::memcpy(data, text.data(), text.size());
    if (size > chunk_size && !m_chunks.empty()) {
      m_chunks.insert(m_chunks.end() - 1, std::move(chunk));
    } else {
      m_chunks.push_back(std::move(chunk));
      m_used = text.size();
      m_size = size;
    }
    return {data, text.size()};
  }
  char* data = m_chunks.back().get() + m_used;
  std::memcpy(data, text.data(), text.size());
  m_used += text.size();
  return {data, text.size()};
}

std::string_view NoteText::place(std::string_view text, int line, std::size_t from_end) const {
  if (text.empty()) return {};
  const std::optional<std::string_view> found = at_end(text, line, from_end);
  return found ? *found : m_store.keep(text);
}

std::string_view NoteText::place_literal(std::string_view text, int first, int last) const {
  if (text.empty()) return {};
  for (int n = last; n >= std::max({first, last - 1, 1}); --n) {
    const std::string_view whole = m_lines.line(n);
    const std::size_t trailing = whole.size() - trim_right(whole).size();
    if (const std::optional<std::string_view> found = at_end(text, n, 0)) return *found;
    if (trailing == 0) continue;
    if (const std::optional<std::string_view> found = at_end(text, n, trailing)) return *found;
  }
  return m_store.keep(text);
}

std::optional<std::string_view> NoteText::at_end(std::string_view text, int line,
                                                 std::size_t from_end) const {
  if (line < 1 || line > m_lines.count()) return std::nullopt;
  const std::size_t size = m_lines.line(line).size();
  if (from_end > size) return std::nullopt;
  const std::size_t end = m_lines.offset(line) + size - from_end;
  if (end < text.size() || m_text.substr(end - text.size(), text.size()) != text) {
    return std::nullopt;
  }
  return m_text.substr(end - text.size(), text.size());
}

std::string_view NoteText::place_in_line(std::string_view text, int line) const {
  if (text.empty()) return {};
  const std::string_view whole = m_lines.line(line);
  const std::size_t at = whole.find(text);
  return at == std::string_view::npos ? m_store.keep(text) : whole.substr(at, text.size());
}

}  // namespace recall::notes
