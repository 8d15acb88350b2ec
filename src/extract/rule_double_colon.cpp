// Rule `double-colon`: `term :: definition` lines, in paragraphs or list items, and
// `term ::: definition`, which also makes a reverse card (the definition asks for the term).
//
//   Entropy :: the expected surprise of a distribution
//   - 엔트로피 :: 분포의 평균 정보량
//   - 교차 엔트로피 ::: 정답 분포로 예측 분포를 평가한 평균 정보량
//
// The definition continues on the following lines of the same paragraph (up to the next `::`
// line); in a list item, the items nested under it belong to it too. `::` inside a code span
// (`std::vector`) does not count, nor does `key:: value` without a space before the colons. A left
// side that already asks (`What is the capital of France? :: Paris`) is asked as written, and so is
// every left side in a note written for Obsidian Spaced Repetition (tagged `#flashcards`).
#include <algorithm>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr std::size_t kMaxTermLength = 80;  // code points; longer is a sentence, not a term

struct Separator {
  std::size_t at = std::string_view::npos;  // offset of the space before the colons
  std::size_t width = 0;                    // ` :: ` or ` ::: ` (without the trailing space)
  bool both_ways = false;                   // `:::`
};

// Where the separator is in `line`, also at the very end (`term ::` with the definition below).
Separator find_separator(std::string_view line) {
  line = trim(line);
  if (const std::size_t at = find_outside_code(line, " ::: "); at != std::string_view::npos) {
    return {at, 4, true};
  }
  if (const std::size_t at = find_outside_code(line, " :: "); at != std::string_view::npos) {
    return {at, 3, false};
  }
  if (ends_with(line, " :::") && line.size() > 4) return {line.size() - 4, 4, true};
  if (ends_with(line, " ::") && line.size() > 3) return {line.size() - 3, 3, false};
  return {};
}

class DoubleColonWalker {
 public:
  DoubleColonWalker(RuleOutput& out, bool as_written) : m_out(out), m_as_written(as_written) {}

  void walk(std::span<const Block> blocks, bool top_level, const Block* item) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      switch (block.kind) {
        case BlockKind::heading:
          if (top_level) m_headings.enter(block);
          break;
        case BlockKind::paragraph:
          // Only the head of an item owns what is nested under the item.
          paragraph(block, i == 0 && item != nullptr ? item : nullptr);
          break;
        case BlockKind::list:
          for (const Block& child : block.children) {
            if (child.task == notes::Task::none) walk(child.children, false, &child);
          }
          break;
        case BlockKind::quote:
          walk(block.children, false, nullptr);
          break;
        default:
          break;
      }
    }
  }

 private:
  void paragraph(const Block& block, const Block* item) {
    const std::vector<std::string_view> lines = split_lines(block.text);
    std::vector<std::size_t> starts;  // lines with a separator
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (match_marker(lines[k], 'q').found || match_marker(lines[k], 'a').found) continue;
      if (find_separator(lines[k]).at != std::string_view::npos) starts.push_back(k);
    }
    for (std::size_t s = 0; s < starts.size(); ++s) {
      const std::size_t k = starts[s];
      const bool last = s + 1 == starts.size();
      const std::size_t end = last ? lines.size() : starts[s + 1];
      const std::string_view first = trim(lines[k]);
      const Separator separator = find_separator(first);
      const std::size_t at = separator.at;
      const std::string term(trim(strip_emphasis(trim(first.substr(0, at)))));
      std::string definition(trim(first.substr(std::min(first.size(), at + separator.width))));
      for (std::size_t c = k + 1; c < end; ++c) {
        if (match_marker(lines[c], 'q').found || match_marker(lines[c], 'a').found) break;
        definition += '\n';
        definition += lines[c];
      }
      int end_line = block.line + static_cast<int>(end) - 1;
      if (last && item != nullptr && item->children.size() > 1) {
        const std::span<const Block> nested = std::span<const Block>(item->children).subspan(1);
        const std::string below = render_markdown(nested);
        if (!below.empty()) definition += (trim(definition).empty() ? "" : "\n") + below;
        end_line = item->end_line;
      }
      emit(term, std::string(trim(definition)), block.line + static_cast<int>(k), end_line,
           separator.both_ways);
    }
  }

  void emit(const std::string& term, std::string definition, int line, int end_line,
            bool both_ways) {
    if (term.empty()) {
      m_out.warn(line, ":: without a term");
      return;
    }
    // Punctuation (`---`, `[ ]`) is no term, and a long left side is a sentence that happens to
    // contain `::`.
    if (!has_word_character(term) || term.rfind("[ ]", 0) == 0 || term.rfind("[x]", 0) == 0 ||
        code_point_count(term) > kMaxTermLength) {
      return;
    }
    if (definition.empty()) {
      m_out.warn(line, ":: without a definition");
      return;
    }
    // `What is the capital of France :: Paris` already asks; a note written for Obsidian Spaced
    // Repetition (`#flashcards`) shows its fronts as written.
    if (m_as_written || ends_with(term, "?") || ends_with(term, "\xEF\xBC\x9F")) {
      as_written_cards(m_out, "double-colon", term, definition, both_ways, line, end_line,
                       m_headings.path());
      return;
    }
    const Language language = card_language(term, definition);
    if (both_ways) {
      Proposal reverse;
      CardDraft& card = reverse.draft;
      card.question = reverse_question(definition, language);
      card.answer = term;
      card.kind = "reverse";
      card.rule = "double-colon";
      card.confidence = 1.0;
      card.line = line;
      card.context = m_headings.path();
      card.term = definition;
      std::replace(card.term.begin(), card.term.end(), '\n', ' ');
      reverse.end_line = std::max(line, end_line);
      m_out.cards.push_back(definition_card("double-colon", term, std::move(definition), 1.0,
                                            line, end_line, m_headings.path()));
      m_out.cards.push_back(std::move(reverse));
      return;
    }
    m_out.cards.push_back(definition_card("double-colon", term, std::move(definition), 1.0, line,
                                          end_line, m_headings.path()));
  }

  RuleOutput& m_out;
  bool m_as_written = false;
  HeadingPath m_headings;
};

}  // namespace

void rule_double_colon(const RuleInput& in, RuleOutput& out) {
  DoubleColonWalker(out, is_flashcards_note(in)).walk(in.outline.blocks, true, nullptr);
}

}  // namespace recall::extract
