// Blocks of an outline written back as markdown, for answers made of several blocks.
#pragma once

#include <span>
#include <string>

#include "recall/notes/outline.hpp"

namespace recall::extract {

struct RenderOptions {
  bool drop_link_only_items = false;  // leave out list items that are just a URL or a link
  bool drop_tasks = false;            // leave out checkbox items (`- [ ] ...`)
};

// True when `item` would be dropped by `options`.
bool is_dropped_item(const notes::Block& item, const RenderOptions& options);

// `blocks` as markdown. Text is kept as written; list markers become `-` (or `1.` for ordered
// lists), nested items are indented by the width of their parent's marker so that bullets stay
// nested, and checkboxes stay unless dropped. No trailing newline; empty when there is nothing to
// show.
std::string render_markdown(std::span<const notes::Block> blocks,
                            const RenderOptions& options = {});

}  // namespace recall::extract
