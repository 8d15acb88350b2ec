// Rule `paper-digest` (pattern 11): paper digests, one card per bold-label bullet.
//
//   ### [FooLLM: Teaching LLMs to Foo](https://arxiv.org/abs/0000.00000)
//   - **What's New**: …             → FooLLM: What's New?
//   - **Technical Details**: …      → FooLLM: Technical Details?
//
// The heading is a link to the paper; the paper's name is the part of the link text before the
// first `:` (the whole text when there is none). Bullets under the heading (up to the next heading
// of the same or a higher level) that start with a bold label, `**Label**:` or `**Label:**`, each
// make a card: the question names the paper and the label, the answer is the rest of the bullet.
#include <algorithm>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

constexpr double kConfidence = 0.9;

// The link text of a heading that is a link (`[title](url)`, possibly in emphasis), or nullopt.
std::optional<std::string> linked_title(std::string_view heading) {
  const std::string_view s = trim(strip_emphasis(heading));
  if (!starts_with(s, "[") || !is_link_only(s)) return std::nullopt;
  const std::size_t middle = s.find("](");
  return std::string(trim(s.substr(1, middle - 1)));
}

// `**Label**: text` / `**Label:** text` → (label, text).
std::optional<std::pair<std::string, std::string>> bold_label(std::string_view head) {
  head = trim(head);
  if (!starts_with(head, "**")) return std::nullopt;
  const std::size_t close = head.find("**", 2);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view label = trim(head.substr(2, close - 2));
  std::string_view rest = trim(head.substr(close + 2));
  if (ends_with(label, ":")) {
    label = trim(label.substr(0, label.size() - 1));
  } else if (starts_with(rest, ":")) {
    rest = trim(rest.substr(1));
  } else {
    return std::nullopt;
  }
  if (label.empty() || rest.empty() || word_count(label) > 5) return std::nullopt;
  return std::make_pair(std::string(label), std::string(rest));
}

}  // namespace

void rule_paper_digest(const RuleInput& in, RuleOutput& out) {
  const std::span<const notes::Block> blocks(in.outline.blocks);
  HeadingPath headings;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const notes::Block& block = blocks[i];
    if (block.kind != notes::BlockKind::heading) continue;
    headings.enter(block);
    const std::optional<std::string> title = linked_title(block.text);
    if (!title) continue;
    const std::size_t colon = title->find(':');
    const std::string name(trim(std::string_view(*title).substr(0, colon)));
    if (name.empty()) continue;
    for (const notes::Block& under : section_after(blocks, i, false)) {
      if (under.kind != notes::BlockKind::list) continue;
      for (const notes::Block& item : under.children) {
        const notes::Block* head = notes::item_head(item);
        if (head == nullptr || item.task != notes::Task::none) continue;
        const auto labelled = bold_label(head->text);
        if (!labelled) continue;
        std::string answer = labelled->second;
        if (item.children.size() > 1) {
          const std::string below =
              render_markdown(std::span<const notes::Block>(item.children).subspan(1),
                              {.drop_link_only_items = true, .drop_tasks = true});
          if (!below.empty()) answer += "\n" + below;
        }
        std::string label = labelled->first;
        Proposal proposal;
        CardDraft& card = proposal.draft;
        card.question = name + ": " + label + (ends_with(label, "?") ? "" : "?");
        card.answer = std::move(answer);
        card.kind = "paper";
        card.rule = "paper-digest";
        card.confidence = kConfidence;
        card.line = item.line;
        card.context = headings.path();
        card.term = name;
        proposal.end_line = item.end_line;
        out.cards.push_back(std::move(proposal));
      }
    }
  }
}

}  // namespace recall::extract
