// Walking an outline the way most rules read it: paragraph by paragraph, with the headings above.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "recall/notes/outline.hpp"

namespace recall::extract {

// One paragraph of a note and where it sits.
struct ParagraphVisit {
  const notes::Block& paragraph;
  const std::vector<std::string>& headings;  // the heading path above it (HeadingPath::path)
  const notes::Block* item = nullptr;        // the list item this paragraph is the head of
  const notes::Block* list = nullptr;        // the list of that item
  int item_depth = 0;                        // how many list items enclose it
};

// Calls `visit` for every paragraph of the note in note order: top-level paragraphs, the heads
// and other paragraphs of list items, paragraphs in block quotes. Checkbox items and everything
// nested in them are skipped (tasks, not notes), and so are code, HTML and tables.
void for_each_paragraph(const notes::Outline& outline,
                        const std::function<void(const ParagraphVisit&)>& visit);

// `**Q3. REST란?**`: a paragraph whose first line is one bold question, set where a heading would
// be (its answer may follow on the next lines).
bool is_bold_question(std::string_view paragraph);

// The blocks from `index + 1` of `blocks` up to the next heading of any level (`until_any`) or
// of a level at most that of the heading at `index`, or a bold question (is_bold_question).
std::span<const notes::Block> section_after(std::span<const notes::Block> blocks,
                                            std::size_t index, bool until_any);

}  // namespace recall::extract
