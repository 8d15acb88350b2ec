// cmark-gfm tree to Outline blocks, shared by outline.cpp (the conversion) and outline_parse.cpp
// (the parse, whole or in pieces). Private to the notes stage, the only one that sees cmark-gfm.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "recall/notes/outline.hpp"

namespace recall::notes {

// The source split in lines, addressed by 1-based line numbers as cmark reports them.
class Lines {
 public:
  explicit Lines(std::string_view text);

  int count() const { return static_cast<int>(m_starts.size()); }

  // Line `n` without its '\n'; empty when out of range.
  std::string_view line(int n) const;

  // Byte offset of the start of line `n` (1 ≤ n ≤ count()).
  std::size_t offset(int n) const { return m_starts[static_cast<std::size_t>(n - 1)]; }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

// The note text that parse_outline() got, which block text views where it has the same bytes, and
// the store that keeps the rest. The pre-pass rewrites only the start of a line (indentation,
// markers) or a whole line, so a block's text, when the note has it as it is, ends where the
// prepared line ends, less the same number of bytes.
class NoteText {
 public:
  NoteText(std::string_view text, TextStore& store) : m_text(text), m_lines(text), m_store(store) {}

  // `text` as a view of the note if the note has it ending `from_end` bytes before the end of
  // line `line`, else a copy in the store.
  std::string_view place(std::string_view text, int line, std::size_t from_end) const;

  // A literal cmark made of lines ending on `last` (or the line before: a closing fence), with or
  // without the line's trailing whitespace: a view of the note, else a copy in the store.
  std::string_view place_literal(std::string_view text, int first, int last) const;

  // `text` as a view of line `line` of the note if it is in it, else a copy in the store.
  std::string_view place_in_line(std::string_view text, int line) const;

  // A copy of `text` in the store.
  std::string_view keep(std::string_view text) const { return m_store.keep(text); }

 private:
  std::optional<std::string_view> at_end(std::string_view text, int line,
                                         std::size_t from_end) const;

  std::string_view m_text;
  Lines m_lines;
  TextStore& m_store;
};

// Appends to `out` the blocks of the top-level nodes from `first` up to, not including, `stop`
// (nullptr: to the last sibling). The nodes come from parsing the text that starts at line
// `line_offset` + 1 of `lines` (0: the whole text), so cmark's line n is the note's line
// n + line_offset. `escapes` is PreparedNote::escapes for `lines`; `note` the note before the
// pre-pass, which the blocks' text views. Leaves the top-level siblings unsettled: call
// settle_blocks() on the whole list once every piece is in.
void convert_top_level(cmark_node* first, cmark_node* stop, const Lines& lines,
                       const std::vector<int>& escapes, const NoteText& note, int line_offset,
                       std::vector<Block>& out);

// Puts sibling blocks in order and apart: a block ends before the next one starts, and a block
// whose position cmark lost (the paragraph over a table) takes its lines from its neighbour.
void settle_blocks(std::vector<Block>& blocks);

}  // namespace recall::notes
