// Outline blocks back to markdown.
#include "recall/extract/render.hpp"

#include <algorithm>

#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

// Appends `text` line by line: the first line after `indent` + `lead`, the others after `indent`
// and as many spaces as `lead` is wide. Empty lines stay empty.
void append_lines(std::string& out, const std::string& indent, std::string_view lead,
                  std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) {
      std::string first = indent + std::string(lead) + std::string(lines[i]);
      while (!first.empty() && first.back() == ' ') first.pop_back();
      out += first;
    } else if (!lines[i].empty()) {
      out += indent + std::string(lead.size(), ' ') + std::string(lines[i]);
    }
    out += '\n';
  }
}

std::string code_fence(std::string_view code) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// `previous` is the block rendered right above the sequence, if any.
void render_sequence(std::span<const Block> blocks, const std::string& indent, std::string& out,
                     const RenderOptions& options, const Block* previous = nullptr);

void render_list(const Block& list, const std::string& indent, std::string& out,
                 const RenderOptions& options) {
  int number = list.start;
  for (const Block& item : list.children) {
    if (is_dropped_item(item, options)) continue;
    std::string marker = list.ordered ? std::to_string(number++) + ". " : "- ";
    const std::string nested(marker.size(), ' ');
    if (item.task == notes::Task::open) marker += "[ ] ";
    if (item.task == notes::Task::done) marker += "[x] ";
    std::span<const Block> rest(item.children);
    const Block* head = notes::item_head(item);
    if (head != nullptr) {
      append_lines(out, indent, marker, head->text);
      rest = rest.subspan(1);
    } else {
      append_lines(out, indent, marker, "");
    }
    render_sequence(rest, indent + nested, out, options, head);
  }
}

void render_block(const Block& block, const std::string& indent, std::string& out,
                  const RenderOptions& options) {
  switch (block.kind) {
    case BlockKind::heading:
      append_lines(out, indent, std::string(static_cast<std::size_t>(block.level), '#') + " ",
                   block.text);
      return;
    case BlockKind::list:
      render_list(block, indent, out, options);
      return;
    case BlockKind::code: {
      const std::string fence = code_fence(block.text);
      append_lines(out, indent, "", fence + block.info);
      if (!block.text.empty()) append_lines(out, indent, "", block.text);
      append_lines(out, indent, "", fence);
      return;
    }
    case BlockKind::quote: {
      std::string inner;
      render_sequence(block.children, "", inner, options);
      for (const std::string_view line : split_lines(trim(inner))) {
        out += line.empty() ? indent + ">" : indent + "> " + std::string(line);
        out += '\n';
      }
      return;
    }
    case BlockKind::rule:
      append_lines(out, indent, "", "---");
      return;
    case BlockKind::item:  // only inside lists
    case BlockKind::paragraph:
    case BlockKind::html:
    case BlockKind::table:
    case BlockKind::other:
      if (!block.text.empty()) append_lines(out, indent, "", block.text);
      return;
  }
}

void render_sequence(std::span<const Block> blocks, const std::string& indent, std::string& out,
                     const RenderOptions& options, const Block* previous) {
  for (const Block& block : blocks) {
    // A paragraph right above a list introduces it; other neighbours need a blank line so that
    // they do not run into each other.
    if (previous != nullptr &&
        !(previous->kind == BlockKind::paragraph && block.kind == BlockKind::list)) {
      out += '\n';
    }
    render_block(block, indent, out, options);
    previous = &block;
  }
}

}  // namespace

bool is_dropped_item(const Block& item, const RenderOptions& options) {
  if (options.drop_tasks && item.task != notes::Task::none) return true;
  const Block* head = notes::item_head(item);
  return options.drop_link_only_items && head != nullptr && item.children.size() == 1 &&
         is_link_only(head->text);
}

std::string render_markdown(std::span<const Block> blocks, const RenderOptions& options) {
  std::string out;
  render_sequence(blocks, "", out, options);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace recall::extract
