// cmark-gfm tree to Outline blocks. Only src/notes/ includes cmark-gfm.
#include "recall/notes/outline.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "line_text.hpp"
#include "outline_convert.hpp"

namespace recall::notes {
namespace {

struct MallocDeleter {
  void operator()(char* text) const { std::free(text); }
};
using MallocPtr = std::unique_ptr<char, MallocDeleter>;

// Removes what the containers of a block put in front of its continuation lines: `>` markers of
// the enclosing block quotes and indentation. Leading whitespace of a paragraph or table line
// carries no meaning, so removing all of it is exact.
std::string_view strip_container_prefix(std::string_view line, int quote_depth) {
  for (int q = 0; q < quote_depth; ++q) {
    std::string_view rest = trim_left(line);
    if (rest.empty() || rest.front() != '>') break;
    rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    line = rest;
  }
  return trim_left(line);
}

// Lines [first, last] of a block that starts at byte column `column` of its first line. A `\`
// the pre-pass put in front of a line of display math (`escapes`) is not the note's and is left
// out.
std::vector<std::string_view> block_lines(const Lines& lines, const std::vector<int>& escapes,
                                          int first, int last, int column, int quote_depth) {
  std::vector<std::string_view> out;
  for (int n = first; n <= last; ++n) {
    const std::string_view whole = lines.line(n);
    std::string_view text = whole;
    if (n == first) {
      const auto skip = static_cast<std::size_t>(std::max(column - 1, 0));
      text = skip <= text.size() ? trim_left(text.substr(skip)) : std::string_view{};
    } else {
      text = strip_container_prefix(text, quote_depth);
    }
    const auto index = static_cast<std::size_t>(n - 1);
    if (index < escapes.size() && escapes[index] >= 0 && !text.empty() &&
        text.data() - whole.data() == escapes[index]) {
      text.remove_prefix(1);
    }
    out.push_back(trim_right(text));
  }
  return out;
}

void join(const std::vector<std::string_view>& parts, std::string_view separator,
          std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
}

std::string_view atx_heading_text(std::string_view line) {
  line = trim_left(line);
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  line = trim_right(trim_left(line));
  std::size_t hashes = line.size();
  while (hashes > 0 && line[hashes - 1] == '#') --hashes;
  if (hashes == 0) return {};
  if (hashes < line.size() && is_space_or_tab(line[hashes - 1]))
    line = trim_right(line.substr(0, hashes));
  return line;
}

std::string_view node_literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? trim_right(literal) : std::string_view{};
}

// cmark renders a node back to markdown; used only when its source position is unknown.
std::string rendered_markdown(cmark_node* node) {
  const MallocPtr text(cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0));
  return text ? std::string(trim_right(text.get())) : std::string{};
}

class Converter {
 public:
  Converter(const Lines& lines, const std::vector<int>& escapes, const NoteText& note,
            int line_offset)
      : m_lines(lines), m_escapes(escapes), m_note(note), m_line_offset(line_offset) {}

  // The siblings from `first` up to, not including, `stop`, unsettled.
  void convert_siblings(cmark_node* first, cmark_node* stop, std::vector<Block>& out, int depth,
                        int quote_depth) const {
    if (depth >= kMaxDepth) return;
    for (cmark_node* child = first; child != nullptr && child != stop;
         child = cmark_node_next(child)) {
      Block block;
      if (convert(child, block, depth, quote_depth)) out.push_back(std::move(block));
    }
  }

  void convert_children(cmark_node* parent, std::vector<Block>& out, int depth,
                        int quote_depth) const {
    convert_siblings(cmark_node_first_child(parent), nullptr, out, depth, quote_depth);
    settle_lines(out);
  }

  // Keeps siblings in order and apart: a block ends before the next one starts, and a block whose
  // position cmark lost takes the line of its neighbour.
  static void settle_lines(std::vector<Block>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].line <= 0 && i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::table) {
        split_table_lead(blocks[i], blocks[i + 1]);
      }
    }
    for (std::size_t i = blocks.size(); i-- > 0;) {
      Block& block = blocks[i];
      if (block.line <= 0) {
        block.line = i + 1 < blocks.size() ? blocks[i + 1].line
                     : i > 0               ? blocks[i - 1].end_line
                                           : 1;
        block.line = std::max(block.line, 1);
        block.end_line = block.line;
      }
      if (i + 1 < blocks.size() && block.end_line >= blocks[i + 1].line) {
        block.end_line = std::max(block.line, blocks[i + 1].line - 1);
      }
    }
  }

 private:
  // A line cmark reports in the piece it parsed, as a line of the note; 0 (position lost) stays 0.
  int note_line(int piece_line) const {
    return piece_line > 0 ? piece_line + m_line_offset : piece_line;
  }

  bool convert(cmark_node* node, Block& block, int depth, int quote_depth) const {
    int first = note_line(cmark_node_get_start_line(node));
    int last = note_line(cmark_node_get_end_line(node));
    // cmark ends some blocks at column 0 of the line after them.
    if (cmark_node_get_end_column(node) == 0 && last > first) --last;
    // ... and counts the blank lines after an indented code block or a rule.
    while (last > first && trim(m_lines.line(last)).empty()) --last;
    block.line = first;
    block.end_line = std::max(first, last);
    const int column = cmark_node_get_start_column(node);

    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        block.kind = BlockKind::heading;
        block.level = cmark_node_get_heading_level(node);
        if (first <= 0) {
          block.text = m_note.keep(rendered_markdown(node));
        } else if (block.end_line > first) {  // setext: text lines, then the underline
          block.text = joined(first, block.end_line - 1, column, quote_depth, " ");
        } else {
          const std::string_view text = atx_heading_text(
              block_lines(m_lines, m_escapes, first, first, column, quote_depth)[0]);
          block.text = m_note.place(text, first, from_end(first, text));
        }
        return true;
      case CMARK_NODE_PARAGRAPH:
        block.kind = BlockKind::paragraph;
        block.text = first <= 0 ? m_note.keep(rendered_markdown(node))
                                : joined(first, block.end_line, column, quote_depth, "\n");
        return true;
      case CMARK_NODE_CODE_BLOCK: {
        block.kind = BlockKind::code;
        const char* literal = cmark_node_get_literal(node);
        std::string_view text = literal ? literal : "";
        if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
        block.text = m_note.place_literal(text, block.line, block.end_line);
        const char* info = cmark_node_get_fence_info(node);
        block.info = m_note.place_in_line(info ? trim_right(trim_left(info)) : std::string_view{},
                                          block.line);
        return true;
      }
      case CMARK_NODE_HTML_BLOCK:
        block.kind = BlockKind::html;
        block.text = m_note.place_literal(node_literal(node), block.line, block.end_line);
        return true;
      case CMARK_NODE_THEMATIC_BREAK:
        block.kind = BlockKind::rule;
        return true;
      case CMARK_NODE_BLOCK_QUOTE:
        block.kind = BlockKind::quote;
        convert_children(node, block.children, depth + 1, quote_depth + 1);
        fit_to_children(block);
        return true;
      case CMARK_NODE_LIST:
        block.kind = BlockKind::list;
        block.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        block.start = cmark_node_get_list_start(node);
        block.tight = cmark_node_get_list_tight(node) != 0;
        convert_children(node, block.children, depth + 1, quote_depth);
        fit_to_children(block);
        return true;
      case CMARK_NODE_ITEM:
        block.kind = BlockKind::item;
        if (std::strcmp(cmark_node_get_type_string(node), "tasklist") == 0) {
          block.task =
              cmark_gfm_extensions_get_tasklist_item_checked(node) ? Task::done : Task::open;
        }
        convert_children(node, block.children, depth + 1, quote_depth);
        fit_to_children(block);
        return true;
      default:
        break;
    }
    if (std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
      block.kind = BlockKind::table;
      block.text = first <= 0 ? m_note.keep(rendered_markdown(node))
                              : joined(first, block.end_line, column, quote_depth, "\n");
      return true;
    }
    block.kind = BlockKind::other;
    return true;
  }

  // A container ends with its last child: cmark counts the blank lines after a list in it.
  static void fit_to_children(Block& block) {
    if (block.children.empty()) {
      block.end_line = std::max(block.line, 0);
      return;
    }
    if (block.line <= 0) block.line = block.children.front().line;
    block.end_line = std::max(block.line, block.children.back().end_line);
  }

  // cmark-gfm gives a table that starts right under a paragraph the paragraph's lines too and
  // loses the paragraph's position. The paragraph's lines are the first lines of the table.
  static void split_table_lead(Block& paragraph, Block& table) {
    const auto lead = static_cast<std::size_t>(
        std::count(paragraph.text.begin(), paragraph.text.end(), '\n') + 1);
    std::size_t cut = std::string::npos;
    for (std::size_t n = 0, from = 0; n < lead; ++n, from = cut + 1) {
      cut = table.text.find('\n', from);
      if (cut == std::string::npos) return;
    }
    paragraph.text = table.text.substr(0, cut);
    paragraph.line = table.line;
    paragraph.end_line = table.line + static_cast<int>(lead) - 1;
    table.text.remove_prefix(cut + 1);
    table.line = paragraph.end_line + 1;
    table.end_line = std::max(table.line, table.end_line);
  }

  // Bytes between the end of `part`, a view of the prepared line `n`, and the end of that line;
  // SIZE_MAX when `part` is not in it (an empty view).
  std::size_t from_end(int n, std::string_view part) const {
    const std::string_view whole = m_lines.line(n);
    const auto begin = reinterpret_cast<std::uintptr_t>(whole.data());
    const auto end = reinterpret_cast<std::uintptr_t>(part.data()) + part.size();
    if (part.data() == nullptr || end < begin || end > begin + whole.size()) return SIZE_MAX;
    return begin + whole.size() - end;
  }

  // Lines [first, last] of a block (block_lines) joined by `separator`, placed as NoteText::place
  // says: the last part ends where it ends in the prepared line `last`.
  std::string_view joined(int first, int last, int column, int quote_depth,
                          std::string_view separator) const {
    const std::vector<std::string_view> parts =
        block_lines(m_lines, m_escapes, first, last, column, quote_depth);
    const std::size_t tail = from_end(last, parts.back());
    if (parts.size() == 1) return m_note.place(parts.front(), last, tail);
    join(parts, separator, m_buffer);
    return m_note.place(m_buffer, last, tail);
  }

  const Lines& m_lines;
  const std::vector<int>& m_escapes;
  const NoteText& m_note;
  int m_line_offset = 0;
  mutable std::string m_buffer;  // joined lines, reused from block to block
};

}  // namespace

void convert_top_level(cmark_node* first, cmark_node* stop, const Lines& lines,
                       const std::vector<int>& escapes, const NoteText& note, int line_offset,
                       std::vector<Block>& out) {
  Converter(lines, escapes, note, line_offset).convert_siblings(first, stop, out, 0, 0);
}

void settle_blocks(std::vector<Block>& blocks) { Converter::settle_lines(blocks); }

const Block* item_head(const Block& item) {
  if (item.children.empty() || item.children.front().kind != BlockKind::paragraph) return nullptr;
  return &item.children.front();
}

}  // namespace recall::notes
