// Rule `qa-pair`: explicit `Q:` / `A:` pairs.
//
//   Q: What does softmax return?       - Q: What does softmax return?
//   A: A probability distribution        - A: A probability distribution
//
// The question runs from its `Q:` line to the `A:` line; the answer from the `A:` line to the end
// of its paragraph (a blank line) or the next `Q:`. An `A:` may also start the next paragraph or
// list item. What sits right under the answer belongs to it: the rest of the answer's list item,
// or a list or code block that follows its paragraph without a blank line.
#include <algorithm>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

bool attaches_to_answer(const Block& block) {
  return block.kind == BlockKind::list || block.kind == BlockKind::code ||
         block.kind == BlockKind::table || block.kind == BlockKind::quote ||
         block.kind == BlockKind::html;
}

std::string join_lines(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return std::string(trim(out));
}

class QaWalker {
 public:
  explicit QaWalker(RuleOutput& out) : m_out(out) {}

  void walk(std::span<const Block> blocks, bool top_level) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      switch (block.kind) {
        case BlockKind::paragraph:
          i += paragraph(block, blocks.subspan(i + 1), false);
          break;
        case BlockKind::list:
          for (const Block& item : block.children) walk_item(item);
          break;
        case BlockKind::quote:
          walk(block.children, false);
          break;
        case BlockKind::heading:
          drop_pending();
          if (top_level) m_headings.enter(block);
          break;
        default:
          drop_pending();
          break;
      }
    }
  }

  // At the end of the note.
  void finish() { drop_pending(); }

 private:
  enum class Phase { idle, question, answer };

  void walk_item(const Block& item) {
    if (item.task != notes::Task::none) {  // a checkbox is a task, not a card
      drop_pending();
      return;
    }
    std::span<const Block> rest(item.children);
    if (const Block* head = notes::item_head(item)) {
      const std::size_t taken = paragraph(*head, rest.subspan(1), true);
      rest = rest.subspan(1 + taken);
    }
    walk(rest, false);
  }

  // Reads one paragraph; `after` are the blocks that follow it in the same container. Returns
  // how many of them the answer took.
  std::size_t paragraph(const Block& block, std::span<const Block> after, bool item_head) {
    const std::vector<std::string_view> lines = split_lines(block.text);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const int line = block.line + static_cast<int>(k);
      const MarkerMatch question = match_marker(lines[k], 'q');
      const MarkerMatch answer = match_marker(lines[k], 'a');
      if (k == 0 && m_phase == Phase::question && !answer.found) drop_pending();
      if (question.found) {
        if (m_phase == Phase::answer) emit(line - 1, {});
        drop_pending();
        m_phase = Phase::question;
        m_line = line;
        m_question = {question.rest};
        m_answer.clear();
        m_context = m_headings.path();
      } else if (answer.found) {
        if (m_phase == Phase::idle) {
          m_out.warn(line, "A: without a Q:");
        } else {
          m_phase = Phase::answer;
          m_answer.push_back(answer.rest);
        }
      } else if (m_phase == Phase::question) {
        m_question.push_back(lines[k]);
      } else if (m_phase == Phase::answer) {
        m_answer.push_back(lines[k]);
      }
    }
    if (m_phase != Phase::answer) return 0;

    std::size_t taken = 0;
    int end_line = block.end_line;
    if (item_head) {
      taken = after.size();
      if (!after.empty()) end_line = after.back().end_line;
    } else {
      while (taken < after.size() && after[taken].line == end_line + 1 &&
             attaches_to_answer(after[taken])) {
        end_line = after[taken].end_line;
        ++taken;
      }
    }
    emit(end_line, render_markdown(after.first(taken)));
    return taken;
  }

  void emit(int end_line, const std::string& attached) {
    const std::string question = join_lines(m_question);
    std::string answer = join_lines(m_answer);
    if (!attached.empty()) answer = answer.empty() ? attached : answer + "\n" + attached;
    if (question.empty()) {
      m_out.warn(m_line, "Q: without a question");
    } else if (answer.empty()) {
      m_out.warn(m_line, "A: without an answer");
    } else {
      m_out.cards.push_back(
          qa_card("qa-pair", question, std::move(answer), 1.0, m_line, end_line, m_context));
    }
    m_phase = Phase::idle;
  }

  // A question that never got its answer.
  void drop_pending() {
    if (m_phase == Phase::question) m_out.warn(m_line, "Q: without an A:");
    m_phase = Phase::idle;
  }

  RuleOutput& m_out;
  HeadingPath m_headings;
  Phase m_phase = Phase::idle;
  int m_line = 0;
  std::vector<std::string_view> m_question;
  std::vector<std::string_view> m_answer;
  std::vector<std::string> m_context;
};

}  // namespace

void rule_qa_pair(const RuleInput& in, RuleOutput& out) {
  QaWalker walker(out);
  walker.walk(in.outline.blocks, true);
  walker.finish();
}

}  // namespace recall::extract
