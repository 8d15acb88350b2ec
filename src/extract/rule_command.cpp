// Rule `command` (pattern 13): a description bullet followed by the code it describes, as tldr
// pages are written.
//
//   - Extract a tar archive into a directory:
//
//   `tar xf {{path/to/archive.tar}} -C {{path/to/directory}}`
//
// The description is the question (without its trailing colon) and the code the answer, kept as
// written: `{{…}}` placeholders are part of the command, not cloze deletions. The code is either
// the block right after the list whose last item is the description (a code block or a line that
// is only inline code), or a code block nested in the item. Code with no description makes no
// card.
#include <algorithm>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kWithColon = 0.85;
constexpr double kWithoutColon = 0.45;  // judged 0 kept of 5: prose with an example, not a command
// Code in a programming language under a description is more often an example of an idea
// (`부정이 아닌 긍정을 다루자` + Java) than a command to remember.
constexpr double kProgram = 0.45;

// Shell code, or an inline command line: what tldr-style notes teach.
bool is_command_code(const Block& code) {
  if (code.kind != BlockKind::code) return true;
  const std::string info = ascii_lower(trim(code.info));
  for (const std::string_view shell :
       {"", "sh", "bash", "shell", "console", "zsh", "fish", "powershell", "ps1", "cmd", "bat",
        "terminal", "text"}) {
    if (info == shell) return info != "text" || split_lines(trim(code.text)).size() <= 3;
  }
  return false;
}

// A paragraph that is one inline code span and nothing else.
bool is_inline_code_line(const Block& block) {
  if (block.kind != BlockKind::paragraph) return false;
  const std::string_view s = trim(block.text);
  if (s.find('\n') != std::string_view::npos || !starts_with(s, "`")) return false;
  std::size_t n = 0;
  while (n < s.size() && s[n] == '`') ++n;
  if (s.size() <= 2 * n) return false;
  const std::string_view inner = s.substr(n, s.size() - 2 * n);
  return ends_with(s, std::string(n, '`')) && inner.find(std::string(n, '`')) == std::string::npos;
}

bool is_code(const Block& block) {
  return block.kind == BlockKind::code || is_inline_code_line(block);
}

class CommandWalker {
 public:
  explicit CommandWalker(RuleOutput& out) : m_out(out) {}

  void walk(std::span<const Block> blocks, bool top_level) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (block.kind == BlockKind::heading && top_level) m_headings.enter(block);
      if (block.kind == BlockKind::quote) walk(block.children, false);
      if (block.kind != BlockKind::list) continue;
      for (std::size_t k = 0; k < block.children.size(); ++k) {
        const Block& item = block.children[k];
        if (item.task != notes::Task::none) continue;
        const Block* head = notes::item_head(item);
        // Descriptions are items of their own; an item nested in another is a remark about it.
        if (m_depth > 0) {
          head = nullptr;
        }
        if (head != nullptr && item.children.size() >= 2 && is_code(item.children[1])) {
          emit(*head, item.children[1], item.end_line);
        } else if (head != nullptr && item.children.size() == 1 &&
                   k + 1 == block.children.size() && i + 1 < blocks.size() &&
                   is_code(blocks[i + 1]) && ends_with(trim(head->text), ":")) {
          emit(*head, blocks[i + 1], blocks[i + 1].end_line);
        }
        ++m_depth;
        walk(item.children, false);
        --m_depth;
      }
    }
  }

 private:
  void emit(const Block& description, const Block& code, int end_line) {
    std::string_view text = trim(description.text);
    if (text.find('\n') != std::string_view::npos) return;
    const bool colon = ends_with(text, ":") || ends_with(text, "\xEF\xBC\x9A");
    if (colon) text = trim(text.substr(0, text.size() - (text.back() == ':' ? 1 : 3)));
    if (word_count(text) < 2 || is_link_only(text) || is_generic_label(ascii_lower(text)) ||
        match_marker(text, 'q').found || match_marker(text, 'a').found) {
      return;
    }
    Proposal proposal;
    CardDraft& card = proposal.draft;
    card.question = std::string(text);
    card.answer = code.kind == BlockKind::code ? render_markdown(std::span<const Block>(&code, 1))
                                               : std::string(trim(code.text));
    card.kind = "command";
    card.rule = "command";
    card.confidence = !is_command_code(code) ? kProgram : colon ? kWithColon : kWithoutColon;
    card.line = description.line;
    card.context = m_headings.path();
    card.term = std::string(text);
    proposal.end_line = std::max(end_line, description.line);
    m_out.cards.push_back(std::move(proposal));
  }

  RuleOutput& m_out;
  HeadingPath m_headings;
  int m_depth = 0;  // list items around the current list
};

}  // namespace

void rule_command(const RuleInput& in, RuleOutput& out) {
  CommandWalker(out).walk(in.outline.blocks, true);
}

}  // namespace recall::extract
