// Rule `nested-term` (pattern 6): a term with the facts about it nested below.
//
//   - Perplexity                      ### LLAVA            (or <summary>LLAVA</summary>)
//     - exp of the cross-entropy      - visual instruction tuning
//     - lower is better               - CLIP
//                                       - the visual encoder
//
// A short list item that names a term, or a heading that names one with a list right under it.
// The answer is what is nested under it as a bullet list (nested bullets stay nested; items that
// are only a link and checkboxes are left out). A nested item that has items of its own is a term
// too, with the parent term added to its context; under a heading, the heading is in the context.
#include <algorithm>
#include <cctype>
#include <optional>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kItemConfidence = 0.8;
constexpr double kHeadingConfidence = 0.75;
constexpr double kListOfNamesConfidence = 0.6;  // the nested items are only short names
constexpr double kThinConfidence = 0.45;        // the answer is one word
constexpr double kUsageItem = 0.45;
constexpr double kParentOfTerms = 0.45;  // every nested item is a term with its own facts  // an item of a list of uses or examples of the topic
// An item nested in another item is more often a remark than a term: it must be shorter.
constexpr TermLimits kTopLevelTerm{8, 60};
constexpr TermLimits kNestedTerm{5, 40};
constexpr TermLimits kHeadingTerm{6, 50};

constexpr RenderOptions kAnswerOptions{.drop_link_only_items = true, .drop_tasks = true};

// The items of the lists among `blocks` that are kept in an answer.
std::vector<const Block*> fact_items(std::span<const Block> blocks) {
  std::vector<const Block*> items;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::list) continue;
    for (const Block& item : block.children) {
      if (!is_dropped_item(item, kAnswerOptions)) items.push_back(&item);
    }
  }
  return items;
}

std::string_view head_text(const Block& item) {
  const Block* head = notes::item_head(item);
  return head == nullptr ? std::string_view{} : std::string_view(head->text);
}

// Nested items that mostly ask or hesitate (`ssl for dna?(PA?)`) are plans, not facts.
bool mostly_unsure(const std::vector<const Block*>& items) {
  std::size_t unsure = 0;
  for (const Block* item : items) {
    const std::string_view text = head_text(*item);
    if (text.find('?') != std::string_view::npos || is_unsure(text)) ++unsure;
  }
  return 2 * unsure >= items.size();
}

double confidence_for(const std::vector<const Block*>& items, const std::string& answer,
                      double base) {
  std::size_t words = 0;  // without list markers
  for (const std::string_view word : split_words(answer)) {
    if (word != "-" && !(word.size() >= 2 && word.back() == '.' &&
                         std::isdigit(static_cast<unsigned char>(word.front())) != 0)) {
      ++words;
    }
  }
  if (words <= 1) return kThinConfidence;
  const bool all_names = std::all_of(items.begin(), items.end(), [](const Block* item) {
    return item->children.size() <= 1 && word_count(head_text(*item)) <= 2;
  });
  return items.size() >= 3 && all_names ? kListOfNamesConfidence : base;
}

// Whether a heading path or a line above a list says the list gives uses or examples of its
// topic: `사용 사례`, `사용 상황`, `Use cases`, `Applications`, `예시`.
bool names_usage(std::string_view text) {
  const std::string lower = ascii_lower(text);
  for (const std::string_view mark : {"사용 사례", "사용 상황", "사용처", "활용 사례", "활용 분야",
                                      "적용 사례", "use case", "applications", "examples", "예시"}) {
    if (lower.find(mark) != std::string::npos) return true;
  }
  return false;
}

bool names_usage(const std::vector<std::string>& path) {
  return std::any_of(path.begin(), path.end(),
                     [](const std::string& heading) { return names_usage(heading); });
}

class NestedTermWalker {
 public:
  explicit NestedTermWalker(RuleOutput& out, const RuleInput& in) : m_out(out), m_in(&in) {}

  void walk(std::span<const Block> blocks, bool top_level) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      switch (block.kind) {
        case BlockKind::heading:
          if (top_level) {
            m_headings.enter(block);
            m_lead.clear();
            heading(blocks, i);
          }
          break;
        case BlockKind::paragraph:
          // `**부동 소수점 사용 상황.**` right above a list: what the list is a list of.
          if (top_level) m_lead = word_count(block.text) <= 8 ? block.text : std::string();
          break;
        case BlockKind::list: {
          // Whether the list gives uses of its topic is read only when one of its items makes a
          // card (usage_list), not for every list.
          const std::optional<bool> usage = m_usage;
          if (top_level) m_usage.reset();
          for (const Block& item : block.children) walk_item(item);
          if (top_level) {
            m_usage = usage;
            m_lead.clear();
          }
          break;
        }
        case BlockKind::quote:
          walk(block.children, false);
          break;
        default:
          break;
      }
    }
  }

 private:
  // A heading that names a term, with a list right under it (before any other heading).
  void heading(std::span<const Block> blocks, std::size_t index) {
    const Block& heading = blocks[index];
    // Other headings group several terms (`## 손실 함수`, `## Attention 변형들`) more often than
    // they name one; a `<summary>` names the topic the folded text explains.
    if (!is_summary_heading(*m_in, heading.line)) return;
    std::span<const Block> under = section_after(blocks, index, true);
    while (!under.empty() && under.front().kind == BlockKind::html) under = under.subspan(1);
    if (under.empty() || under.front().kind != BlockKind::list) return;
    const std::optional<std::string> term =
        as_term(without_link_targets(heading.text), kHeadingTerm);
    if (!term || is_link_only(heading.text)) return;
    const std::vector<const Block*> items = fact_items(under);
    if (items.empty() || mostly_unsure(items)) return;
    std::string answer = render_markdown(under, kAnswerOptions);
    const double confidence = confidence_for(items, answer, kHeadingConfidence);
    Proposal proposal = definition_card("nested-term", *term, std::move(answer), confidence,
                                        heading.line, under.back().end_line,
                                        m_headings.parents());
    proposal.nests = true;
    m_out.cards.push_back(std::move(proposal));
  }

  void walk_item(const Block& item) {
    if (item.task != notes::Task::none) return;
    const Block* head = notes::item_head(item);
    std::span<const Block> nested(item.children);
    std::optional<std::string> term;
    if (head != nullptr) {
      nested = nested.subspan(1);
      const std::vector<const Block*> items = fact_items(nested);
      std::string gloss;
      if (!items.empty() && !mostly_unsure(items)) {
        // `RLHF (Reinforcement Learning from Human Feedback) 사람 선호로 정렬`: the term is the
        // acronym with its expansion, the gloss after it starts the answer.
        if (const std::optional<AcronymHead> acronym = acronym_at_start(head->text);
            acronym && split_lines(head->text).size() == 1) {
          const std::string_view text = trim(head->text);
          gloss = std::string(trim(text.substr(std::min(text.size(), acronym->length))));
          term = as_term(text.substr(0, acronym->length), kTopLevelTerm);
        } else if (const std::optional<Aspect> aspect = as_aspect(head->text);
                   !aspect || !aspect->subject.empty() || aspect->skip || aspect->defines) {
          // `- Variants`, `- Types` over sub-items name a list of the parent's parts, and
          // `- 성능`, `- Performance` an aspect of the parent: neither is a term.
          term = as_term(head->text, m_item_depth == 0 ? kTopLevelTerm : kNestedTerm);
        }
      }
      if (term) {
        std::string answer = render_markdown(nested, kAnswerOptions);
        if (!gloss.empty()) answer = gloss + "\n" + answer;
        // `- 스택` over `- 정의: …`, `- 장점: …`: a template; the definition field answers, and
        // the other fields are asked about the term (`스택의 장점은?`).
        if (const Block* fields = template_list(nested); fields != nullptr && gloss.empty()) {
          emit_fields(*term, *fields, answer);
        }
        emit(*term, std::move(answer), items, item);
      }
    }
    if (term) m_parents.push_back(*term);
    ++m_item_depth;
    walk(nested, false);
    --m_item_depth;
    if (term) m_parents.pop_back();
  }

  // The list among `nested` whose items are the fields of a template (two labelled items or
  // more, one of them a definition: `정의:`, `Definition:`), or null.
  static const Block* template_list(std::span<const Block> nested) {
    for (const Block& block : nested) {
      if (block.kind != BlockKind::list) continue;
      const std::optional<SectionAnswer> answer = list_answer(block);
      return answer && answer->label_led ? &block : nullptr;
    }
    return nullptr;
  }

  // The definition field becomes `answer`; every other field is a card of its own.
  void emit_fields(const std::string& term, const Block& fields, std::string& answer) {
    for (const Block& field : fields.children) {
      const Block* head = notes::item_head(field);
      if (head == nullptr) continue;
      const auto lead = label_lead(clean_inline(head->text));
      if (!lead || trim(lead->second).empty()) continue;
      const std::string label(strip_emphasis(lead->first));
      if (is_definition_label(ascii_lower(label))) {
        answer = lead->second;
        continue;
      }
      auto [question, asked] = aspect_question(term, label, 0);
      Proposal proposal = definition_card("nested-term", asked, lead->second, kItemConfidence,
                                          field.line, field.end_line,
                                          make_context(m_headings.path(), m_parents));
      proposal.draft.question = std::move(question);
      proposal.draft.kind = "qa";
      m_out.cards.push_back(std::move(proposal));
    }
  }

  void emit(const std::string& term, std::string answer, const std::vector<const Block*>& items,
            const Block& item) {
    double confidence = confidence_for(items, answer, kItemConfidence);
    // `- 비선점 스케줄링` over `1. FCFS` + two facts, `2. SJF` + two facts: every nested item is a
    // term with facts of its own (each gets its card); the parent would repeat them (judged
    // misframed or a dump, round 34). (`- DDPM` over `- forward process` + one fact each is
    // the parent told in its parts, and stays.)
    if (items.size() >= 2 && std::all_of(items.begin(), items.end(), [](const Block* nested) {
          return nested->children.size() >= 2 && notes::item_head(*nested) != nullptr &&
                 word_count(head_text(*nested)) <= 6 &&
                 std::any_of(nested->children.begin() + 1, nested->children.end(),
                             [](const Block& b) {
                               return b.kind == BlockKind::list && b.children.size() >= 2;
                             });
        })) {
      confidence = std::min(confidence, kParentOfTerms);
    }
    // `**사용 상황**` + `1. 3D 그래픽스` + why floats suit it: a place the topic is used, told
    // about the topic, not what the item's name is (judged misframed).
    if (m_item_depth == 0 && usage_list()) confidence = std::min(confidence, kUsageItem);
    Proposal proposal = definition_card("nested-term", term, std::move(answer), confidence,
                                        item.line, item.end_line,
                                        make_context(m_headings.path(), m_parents));
    proposal.nests = true;
    m_out.cards.push_back(std::move(proposal));
  }

  RuleOutput& m_out;
  const RuleInput* m_in;
  HeadingPath m_headings;
  std::vector<std::string> m_parents;  // the terms of the items above
  int m_item_depth = 0;                // how many list items enclose the current one
  // Whether the top-level list being read names places its topic is used, read once.
  bool usage_list() {
    if (!m_usage) m_usage = names_usage(m_lead) || names_usage(m_headings.path());
    return *m_usage;
  }

  std::string m_lead;                  // a short paragraph right above the list, if any
  std::optional<bool> m_usage;         // usage_list(), once read for the current list
};

}  // namespace

void rule_nested_term(const RuleInput& in, RuleOutput& out) {
  NestedTermWalker(out, in).walk(in.outline.blocks, true);
}

}  // namespace recall::extract
