// Blocks of an outline written back as markdown, for answers made of several blocks.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// How long an answer may be before it is cut.
inline constexpr std::size_t kMaxAnswerCodePoints = 600;
inline constexpr std::size_t kMaxAnswerLines = 12;

// `answer` without lines that are only a link or a URL (`- https://…`, `[paper](…)`, `![](…)`).
// Returns `answer` unchanged when nothing else would be left.
std::string drop_link_only_lines(std::string_view answer);

// `answer` cut to what one can review: when it has more than kMaxAnswerCodePoints code points or
// kMaxAnswerLines lines, it is cut after the last whole sentence (or line) that fits, a code block
// left open is closed, and a last line `(… <pointer>)` tells where the rest is. Short answers are
// returned unchanged.
std::string fit_answer(std::string_view answer, std::string_view pointer);

// `answer` without a `**` left alone at its start or end when the sentence it was cut from opened
// or closed the emphasis beyond it (`**X is the technique that …**` answers `the technique that
// …`): an odd number of `**` and one at an end.
// Formatting tags (`<u>`, `</b>`, `<span style=…>`, `<mark>`) are dropped as well.
std::string without_stray_emphasis(std::string answer);

// `text` without inline HTML formatting tags: `<u>Structured Lock</u>` reads `Structured Lock`.
std::string without_format_tags(std::string text);

// For an answer too long for a card: its first paragraph when that alone reads as the whole answer
// (prose of 120 to 600 characters that closes as a sentence and does not set the scene: `In order
// to explain …`, `Let's …`), as people answering a question tend to say the answer first and then
// explain it; nullopt otherwise, or when the answer is one paragraph.
std::optional<std::string> whole_first_paragraph(std::string_view answer);

// For an answer too long for a card that is an outline: its top-level items alone, when there are
// two or more and they fit (the items below them are the note's details); nullopt otherwise.
std::optional<std::string> top_level_items(std::string_view answer);

// For an answer too long for a card that is an outline whose items have details of their own (the
// note's parts of the concept, each a card of its own): the items that say something by
// themselves (at most 5), then the names of the parts, one per line when few, else on one line
// (`- CLIP, vicuna, symbolic representation`). nullopt when fewer than two items are parts or
// none says something by itself.
std::optional<std::string> items_and_parts(std::string_view answer);

}  // namespace recall::extract
