// Rule `nested-term`: a short list item that names a term, with the facts about it nested below.
//
//   - Perplexity
//     - exp of the cross-entropy
//     - lower is better
//
// The answer is the nested items as a bullet list (nested bullets stay nested; items that are only
// a link and checkboxes are left out). A nested item that has items of its own is a term too, with
// the parent term added to its context.
#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kConfidence = 0.8;
// An item nested in another item is more often a remark than a term: it must be shorter.
constexpr TermLimits kTopLevelTerm{8, 60};
constexpr TermLimits kNestedTerm{5, 40};

constexpr RenderOptions kAnswerOptions{.drop_link_only_items = true, .drop_tasks = true};

// Whether a nested list has an item that says something about the term.
bool has_fact_items(std::span<const Block> blocks) {
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::list) continue;
    for (const Block& item : block.children) {
      if (!is_dropped_item(item, kAnswerOptions)) return true;
    }
  }
  return false;
}

class NestedTermWalker {
 public:
  explicit NestedTermWalker(RuleOutput& out) : m_out(out) {}

  void walk(std::span<const Block> blocks, bool top_level) {
    for (const Block& block : blocks) {
      switch (block.kind) {
        case BlockKind::heading:
          if (top_level) m_headings.enter(block);
          break;
        case BlockKind::list:
          for (const Block& item : block.children) walk_item(item);
          break;
        case BlockKind::quote:
          walk(block.children, false);
          break;
        default:
          break;
      }
    }
  }

 private:
  void walk_item(const Block& item) {
    if (item.task != notes::Task::none) return;
    const Block* head = notes::item_head(item);
    std::span<const Block> nested(item.children);
    std::optional<std::string> term;
    if (head != nullptr) {
      nested = nested.subspan(1);
      if (has_fact_items(nested)) {
        term = as_term(head->text, m_item_depth == 0 ? kTopLevelTerm : kNestedTerm);
      }
      if (term) emit(*term, render_markdown(nested, kAnswerOptions), item);
    }
    if (term) m_parents.push_back(*term);
    ++m_item_depth;
    walk(nested, false);
    --m_item_depth;
    if (term) m_parents.pop_back();
  }

  void emit(const std::string& term, std::string answer, const Block& item) {
    Proposal proposal;
    CardDraft& card = proposal.draft;
    card.question = what_is_question(term);
    card.answer = std::move(answer);
    card.kind = "term";
    card.rule = "nested-term";
    card.confidence = kConfidence;
    card.line = item.line;
    card.context = m_headings.path();
    card.context.insert(card.context.end(), m_parents.begin(), m_parents.end());
    card.term = term;
    proposal.end_line = item.end_line;
    m_out.cards.push_back(std::move(proposal));
  }

  RuleOutput& m_out;
  HeadingPath m_headings;
  std::vector<std::string> m_parents;  // the terms of the items above
  int m_item_depth = 0;                // how many list items enclose the current one
};

}  // namespace

void rule_nested_term(const notes::Outline& outline, RuleOutput& out) {
  NestedTermWalker(out).walk(outline.blocks, true);
}

}  // namespace recall::extract
