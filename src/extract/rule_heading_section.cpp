// Rule `heading-section` (pattern 15): a heading names the concept and the text under it explains
// it, with no definition sentence. The most common way notes are written.
//
//   ### 2. Bloom Filter (블룸 필터)        **Dropout**              ## Decision Tree
//   원소가 집합에 있는지를 … 자료구조이다.   Randomly zeroes units …  ### Advantages
//                                                                   - needs no scaling
//
// What counts as a heading: an ATX or setext heading, a bold-only line (`**Term**`, `➡️ **Term**`),
// a block quote opened by one (`> **Term**`) or by a callout title (`> [!NOTE] Title`), and the
// note's own title (front matter `title`) over the text before the first heading. The answer is
// the section's first sentences or its list (section.hpp). A heading that names an aspect
// (`Limitations`, `X의 단점`) asks about its parent concept (`Decision Tree: Advantages?`); one
// that names two things (`A와 B`, `A and B의 차이`) asks how they differ. Headings that are
// questions, labels, sentences or references make no card here.
#include <algorithm>
#include <cctype>
#include <tuple>

#include "recall/extract/extract.hpp"
#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kBase = 0.65;
constexpr double kDefining = 0.2;        // the answer defines the term: `X is …`, `X란 …`
constexpr double kNamedInAnswer = 0.1;   // the answer names the term: about it, not a remark
constexpr double kUnnamedProse = 0.2;
constexpr double kNamesOnly = 0.45;
constexpr double kPaperSection = 0.45;  // a section of a paper digest that does not define  // a list of bare names under a concept's heading
constexpr double kOfTwo = 0.45;  // an aspect of `A & B`: of one of the two, which the heading does not say
constexpr double kLeansBack = 0.3;       // the answer starts `This …`, `이러한 …`
constexpr double kThin = 0.3;            // the answer is a word or two
constexpr double kPointsBack = 0.15;     // and what it says rests on that text
constexpr TermLimits kHeadingTerm{8, 60};
constexpr double kFromSubsection = 0.75;  // the defining sentence sits in a subsection
constexpr int kPseudoLevel = 7;  // a bold line sits below every real heading

// `Diffusion chapter 0`, `Lecture 3`, `Week 2`: a part of a course or a book, not a concept.
bool is_numbered_part(std::string_view term) {
  const std::string lower = ascii_lower(term);
  const std::vector<std::string_view> words = split_words(lower);
  if (words.size() < 2) return false;
  const std::string_view last = words.back();
  if (last.empty() || !std::all_of(last.begin(), last.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.';
      })) {
    return false;
  }
  const std::string_view part = words[words.size() - 2];
  for (const std::string_view name : {"chapter", "ch.", "part", "lecture", "week", "section",
                                      "lesson", "unit", "day", "step", "module"}) {
    if (part == name) return true;
  }
  return false;
}

// How much of a long list a definition card shows: its first items up to this many code points.
constexpr std::size_t kLeadingItemsCodePoints = 320;

// The first top-level items of a rendered list (`- …` or `1. …` lines with their nested lines)
// that fit in `budget` code points, at least one and never all; empty when the first alone is
// longer than the budget or the text is not such a list.
std::string leading_items(std::string_view list, std::size_t budget) {
  std::vector<std::string_view> items;  // each top-level item with its nested lines
  std::size_t start = 0;
  const std::vector<std::string_view> lines = split_lines(list);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = lines[k];
    const bool top = starts_with(line, "- ") ||
                     (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) != 0 &&
                      line.find(". ") != std::string_view::npos && line.find(". ") < 4);
    if (k == 0 && !top) return {};
    if (top && k > 0) {
      items.push_back(list.substr(start, static_cast<std::size_t>(line.data() - list.data()) - start));
      start = static_cast<std::size_t>(line.data() - list.data());
    }
  }
  items.push_back(list.substr(start));
  if (items.size() < 2) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t k = 0; k + 1 < items.size(); ++k) {
    const std::string_view item = trim(items[k]);
    const std::size_t n = code_point_count(item);
    if (used + n > budget) break;
    if (!out.empty()) out += '\n';
    out += item;
    used += n;
  }
  return out;
}

// ` and ` outside parentheses (`점유 대기(Hold and wait)` names one thing).
bool joins_with_and(std::string_view name) {
  int depth = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '(') ++depth;
    if (name[i] == ')') --depth;
    if (depth == 0 && (name.substr(i, 5) == " and " || name.substr(i, 5) == " And ")) return true;
  }
  return false;
}

// Whether every item of a list answer is a bare name: a few words, no sentence, no label.
bool only_names(std::string_view list) {
  std::size_t items = 0;
  for (std::string_view line : split_lines(list)) {
    line = trim(line);
    if (line.empty()) continue;
    if (!(starts_with(line, "- ") || starts_with(line, "* ") || starts_with(line, "+ ") ||
          (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
           line.find(". ") != std::string_view::npos && line.find(". ") <= 3))) {
      return false;  // prose, or a nested line: more than names
    }
    const std::string_view item = trim(line.substr(line.find(' ') + 1));
    if (word_count(item) > 4 || item.find(':') != std::string_view::npos ||
        item.find('$') != std::string_view::npos || ends_with(item, ".") ||
        ends_with(item, "\xEB\x8B\xA4")) {  // 다
      return false;
    }
    ++items;
  }
  return items >= 2;
}

// A note that digests a paper: two or more of its headings name a paper's parts (`[Abstract]`,
// `[3. Background]`, `Experiments`, `결론`), numbering and brackets aside.
// A part of a paper as a digest names it: `Background`, `[3. Experiments]`, `결론` (lower case,
// numbering and brackets already dropped).
bool is_paper_part(std::string_view name) {
  static constexpr auto kParts = std::to_array<std::string_view>(
      {"abstract", "abstact", "introduction", "background", "related work", "preliminaries",
       "method", "methods", "experiment", "experiments", "results", "discussion", "conclusion",
       "conclusions", "evaluation", "scheme", "\xEC\x84\x9C\xEB\xA1\xA0",  // 서론
       "\xEA\xB2\xB0\xEB\xA1\xA0", "\xEC\x8B\xA4\xED\x97\x98",        // 결론 실험
       "\xEA\xB4\x80\xEB\xA0\xA8 \xEC\x97\xB0\xEA\xB5\xAC"});  // 관련 연구
  return std::find(kParts.begin(), kParts.end(), name) != kParts.end();
}

bool is_paper_digest(std::span<const Block> blocks) {
  int parts = 0;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::heading) continue;
    // heading_name drops the brackets and the section number: `[3. Background]` → `Background`.
    std::string name = ascii_lower(trim(heading_name(block.text)));
    // `Background: Trust Region Methods`: the part named before the colon.
    if (const std::size_t colon = name.find(':'); colon != std::string::npos) {
      name = std::string(trim(std::string_view(name).substr(0, colon)));
    }
    if (is_paper_part(name) && ++parts >= 2) return true;
  }
  return false;
}

double confidence_of(const SectionAnswer& answer, std::string_view term) {
  double c = kBase;
  if (answer.defining || answer.label_led) {
    c += kDefining;
  } else if (names_term(answer.text, term)) {
    c += kNamedInAnswer;
  } else if (!answer.from_list &&
             !defines_implicitly(answer.note_lines
                                     ? std::string_view(answer.text).substr(0, answer.text.find('\n'))
                                     : std::string_view(answer.text))) {
    // Prose that never names the heading's term is about the topic, not a definition of it
    // (judged: 4 in 10 kept).
    c -= kUnnamedProse;
  }
  if (answer.leans_back) c -= kLeansBack;
  // `Ridge regression deals with these problems …`, `We can apply this idea …`: what the answer
  // rests on is in text the card does not show (judged: 2 kept of 27 in rounds 12-20, against 25
  // of 28 for answers that only open on a frame such as `Recall that …`).
  if (points_at_earlier_text(answer.text)) c -= kPointsBack;
  if (word_count(answer.text) <= 2) c -= kThin;
  return std::clamp(c, 0.05, 0.95);
}

// The term of a heading that gives a concept a subtitle: `Batch Normalization: 미니배치의 통계를
//이용`, `Dropout: A Simple Way to Prevent Overfitting`. Not an aspect (`Limitations: …`), a part
// of a paper (`Background: …`) or a label (`Example: …`), and the subtitle is words, not a name.
std::optional<std::string> subtitled_term(std::string_view name) {
  const std::size_t colon = name.find(": ");
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view left = trim(name.substr(0, colon));
  const std::string_view subtitle = trim(name.substr(colon + 2));
  if (word_count(subtitle) < 2 || subtitle.find(": ") != std::string_view::npos) return std::nullopt;
  if (as_aspect(left) || is_paper_part(ascii_lower(left))) return std::nullopt;
  // `실험 2: ImageNet`, `Step 1: Load the data`, `Part II: …`: a numbered part, not a concept.
  const std::vector<std::string_view> words = split_words(left);
  const std::string_view last = words.back();
  if (std::all_of(last.begin(), last.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'I' || c == 'V' ||
               c == 'X';
      })) {
    return std::nullopt;
  }
  return as_term(left, kHeadingTerm);
}

// A heading-like line and the blocks that explain it.
struct Section {
  std::string name;
  int level = 0;
  int line = 0;
  std::span<const Block> body;
  std::vector<Block> own;  // body blocks made for a callout's first paragraph
  std::span<const Block> subtree = {};  // the body and the subsections under it (headings only)
  std::span<const Block> summary = {};  // for a heading over a citation: the summary after it
};

class SectionWalker {
 public:
  SectionWalker(const RuleInput& in, RuleOutput& out) : m_in(in), m_out(out) {
    m_by_line.reserve(in.kept.size());
    for (const CardDraft& card : in.kept) m_by_line.push_back(&card);
    std::stable_sort(m_by_line.begin(), m_by_line.end(),
                     [](const CardDraft* a, const CardDraft* b) { return a->line < b->line; });
    m_paper = is_paper_digest(in.outline.blocks);
  }

  void run() {
    const std::span<const Block> blocks(m_in.outline.blocks);
    if (!m_in.title.empty()) title_section(blocks);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (block.kind == BlockKind::heading) {
        m_headings.enter(block);
        while (!m_stack.empty() && m_stack.back().first >= block.level) m_stack.pop_back();
        const std::string name = heading_name(block.text);
        const std::string parent = current_parent();
        m_stack.emplace_back(block.level, name);
        Section s{name, block.level, block.line, body_after(blocks, i), {},
                  subtree_after(blocks, i)};
        // `### TD3` + the paper's title, authors and link, then `### [Scheme]`: the summary
        // after the citation says what the heading names.
        if (is_citation(s.body)) s.summary = summary_after(blocks, i);
        emit(s, parent, m_headings.parents());
      } else if (block.kind == BlockKind::paragraph) {
        if (const std::optional<std::string> name = pseudo_heading(block.text)) {
          Section s{*name, kPseudoLevel, block.line, body_after(blocks, i), {}};
          emit(s, current_parent(), m_headings.path());
        }
      } else if (block.kind == BlockKind::quote) {
        quote_section(block);
      } else if (block.kind == BlockKind::list) {
        // `- **Advantages**` alone in its list, over the list that follows: a heading.
        if (const std::optional<std::string> name = bold_item_heading(block)) {
          Section s{*name, kPseudoLevel, block.line, body_after(blocks, i), {}};
          emit(s, current_parent(), m_headings.path());
          continue;
        }
        list_sections(block);
      }
    }
  }

 private:
  static bool names_both_merits(std::string_view label) {
    const std::string lower = ascii_lower(trim(label));
    return lower == "장단점" || lower == "pros and cons" || lower == "pros & cons" ||
           lower == "advantages and disadvantages";
  }

  std::string current_parent() const {
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      // `# What is overfitting?` over `### Remedies`: the question names the concept.
      if (std::string asked = asked_term(it->second); !asked.empty()) return asked;
      if (it->second.empty()) continue;
      const std::optional<Aspect> aspect = as_aspect(it->second);
      if (!aspect) return it->second;
      // `#### CSR 장단점` › `##### 장점`: the heading of both merits names whose they are.
      if (!aspect->skip && !aspect->subject.empty() && names_both_merits(aspect->label)) {
        return aspect->subject;
      }
    }
    return std::string(m_in.title);
  }

  // Whether the lines of an answer already make cards of their own (`Q:`/`A:`, `term :: def`,
  // `term: def` items): the section is then a group of cards, not one concept to ask about.
  // A definition sentence about the section's own term is the same card said shorter: both are
  // proposed and the surer one is kept (extract.cpp); one about another term carries the section.
  //
  // When the section opens with a list, a card from its first item counts, and from a later item
  // only a labelled one (`- X: …` siblings make the list a glossary); a sentence of a later item,
  // or a card nested under an item (`- EQUI JOIN` under `- 표현 방법`), is a detail of the
  // section, which still gets its card.
  bool already_carded(int first, int last, std::string_view name,
                      std::span<const int> item_lines) const {
    const std::string own = ascii_lower(trim(name));
    // The cards that start in the opening lines, found by line in the index made once per note.
    const auto begin = std::lower_bound(
        m_by_line.begin(), m_by_line.end(), first,
        [](const CardDraft* card, int line) { return card->line < line; });
    const auto end = std::upper_bound(
        begin, m_by_line.end(), std::min(last, first + 2),
        [](int line, const CardDraft* card) { return line < card->line; });
    return std::any_of(begin, end, [&](const CardDraft* card_ptr) {
      const CardDraft& card = *card_ptr;
      // Only the opening counts: cards further down are details of the section (a nested term,
      // a definition of a part), and the section is still one concept.
      if (card.line < first || card.line > std::min(last, first + 2) || card.kind == "acronym" ||
          card.confidence < kDefaultMinConfidence) {
        return false;
      }
      if (!item_lines.empty() && card.line != item_lines.front() &&
          (std::find(item_lines.begin(), item_lines.end(), card.line) == item_lines.end() ||
           (card.rule != "term-colon" && card.rule != "nested-term"))) {
        return false;
      }
      return card.rule != "definition-sentence" || ascii_lower(trim(card.term)) != own;
    });
  }

  // The first lines of the items of the list a section opens with, or none.
  static std::vector<int> opening_items(const Section& s) {
    std::vector<int> lines;
    if (s.body.empty() || s.body.front().kind != BlockKind::list) return lines;
    for (const Block& item : s.body.front().children) lines.push_back(item.line);
    return lines;
  }

  // Whether an earlier rule kept a card about `term`, or one answered by `answer`, from the lines
  // just before `line` (a definition-sentence card, or the question heading of that subsection).
  bool carded_near(int line, std::string_view term, std::string_view answer) const {
    const std::string own = ascii_lower(trim(term));
    const std::string_view opening = answer.substr(0, std::min<std::size_t>(answer.size(), 80));
    const auto begin = std::lower_bound(
        m_by_line.begin(), m_by_line.end(), line - 4,
        [](const CardDraft* card, int at) { return card->line < at; });
    return std::any_of(begin, m_by_line.end(), [&](const CardDraft* card) {
      return card->line <= line && card->confidence >= kDefaultMinConfidence &&
             (ascii_lower(trim(card->term)) == own ||
              (!opening.empty() && card->answer.find(opening) != std::string::npos));
    });
  }

  // The name of a list of one item that is one bold line and nothing else, or nullopt.
  static std::optional<std::string> bold_item_heading(const Block& list) {
    if (list.children.size() != 1) return std::nullopt;
    const Block& item = list.children.front();
    if (item.children.size() != 1 || item.children.front().kind != BlockKind::paragraph) {
      return std::nullopt;
    }
    return pseudo_heading(item.children.front().text);
  }

  // The blocks after `index` up to the next heading or bold-only line.
  static std::span<const Block> body_after(std::span<const Block> blocks, std::size_t index) {
    std::size_t end = index + 1;
    while (end < blocks.size()) {
      const Block& b = blocks[end];
      if (b.kind == BlockKind::heading) break;
      if (b.kind == BlockKind::paragraph && pseudo_heading(b.text)) break;
      if (b.kind == BlockKind::list && bold_item_heading(b)) break;
      ++end;
    }
    return blocks.subspan(index + 1, end - index - 1);
  }

  // The blocks after the heading at `index` up to the next heading of its level or above.
  static std::span<const Block> subtree_after(std::span<const Block> blocks, std::size_t index) {
    std::size_t end = index + 1;
    while (end < blocks.size() && !(blocks[end].kind == BlockKind::heading &&
                                    blocks[end].level <= blocks[index].level)) {
      ++end;
    }
    return blocks.subspan(index + 1, end - index - 1);
  }

  // The body of the first of the next three headings, at the level of the one at `index` or
  // below it, that labels a summary (`Abstract`, `[Scheme]`); empty when there is none.
  static std::span<const Block> summary_after(std::span<const Block> blocks, std::size_t index) {
    int headings = 0;
    for (std::size_t j = index + 1; j < blocks.size() && headings < 3; ++j) {
      if (blocks[j].kind != BlockKind::heading) continue;
      if (blocks[j].level < blocks[index].level) break;
      ++headings;
      if (is_summary_label(blocks[j].text)) return body_after(blocks, j);
    }
    return {};
  }

  // The note's title over the text before its first heading (one concept per file).
  void title_section(std::span<const Block> blocks) {
    std::size_t end = 0;
    while (end < blocks.size() && blocks[end].kind != BlockKind::heading &&
           !(blocks[end].kind == BlockKind::paragraph && pseudo_heading(blocks[end].text))) {
      ++end;
    }
    if (end == 0) return;
    // The card points at the title, where the note names its concept; its first line may make a
    // definition-sentence card of its own, and the surer of the two is kept.
    // A note whose first heading is its only top-level one is about that heading's concept, so
    // only a note that opens with text before its headings lets the title reach into them.
    Section s{heading_name(m_in.title), 0, m_in.title_line, blocks.subspan(0, end), {}, blocks};
    emit(s, {}, {});
  }

  // Headings written inside list items (`1. ## Supervised Learning` + the item's text).
  void list_sections(const Block& list) {
    for (const Block& item : list.children) {
      if (item.children.empty()) continue;
      const Block& first = item.children.front();
      if (first.kind == BlockKind::heading) {
        const std::span<const Block> rest = std::span<const Block>(item.children).subspan(1);
        const std::string name = heading_name(first.text);
        // `1. ###### **K-Fold**: Data split into k folds` + its details: a term and its definition.
        if (labelled_heading(name, first.line, rest)) continue;
        Section s{name, kPseudoLevel, first.line, rest, {}};
        emit(s, current_parent(), m_headings.path());
      }
      for (const Block& child : item.children) {
        if (child.kind == BlockKind::list) list_sections(child);
      }
    }
  }

  // A heading `Term: definition` over its details: one card, the definition with the details'
  // first lines. False when the heading is not of that shape.
  bool labelled_heading(const std::string& name, int line, std::span<const Block> rest) {
    const std::size_t colon = name.find(": ");
    if (colon == std::string::npos || colon == 0) return false;
    const std::optional<std::string> term = as_term(name.substr(0, colon), kHeadingTerm);
    const std::string_view definition = trim(std::string_view(name).substr(colon + 2));
    if (!term || word_count(definition) < 3 || as_aspect(*term)) return false;
    std::string answer(definition);
    int end_line = line;
    for (const Block& block : rest) {
      if (block.kind != BlockKind::list) continue;
      if (const std::optional<SectionAnswer> items = listed_answer(std::span<const Block>(&block, 1))) {
        answer += "\n" + items->text;
        end_line = items->end_line;
      }
      break;
    }
    Proposal p = definition_card("heading-section", *term, answer, kBase + kNamedInAnswer, line,
                                 end_line, make_context(m_headings.path(), {}));
    p.nests = true;
    m_out.cards.push_back(std::move(p));
    return true;
  }

  // `> **Term**` + text, or a callout `> [!NOTE] Title` + text.
  void quote_section(const Block& quote) {
    if (quote.children.empty() || quote.children.front().kind != BlockKind::paragraph) return;
    const Block& first = quote.children.front();
    const std::vector<std::string_view> lines = split_lines(first.text);
    std::string_view head = trim(lines.front());
    std::string name;
    if (starts_with(head, "[!")) {
      const std::size_t close = head.find(']');
      if (close == std::string_view::npos) return;
      std::string_view title = trim(head.substr(close + 1));
      while (!title.empty() && (title.front() == '-' || title.front() == '+')) {
        title = trim(title.substr(1));
      }
      name = heading_name(title);
    } else if (const std::optional<std::string> bold = pseudo_heading(head)) {
      name = *bold;
    } else {
      return;
    }
    if (name.empty()) return;
    Section s{name, kPseudoLevel, quote.line, {}, {}};
    if (lines.size() > 1) {
      Block rest = first;
      rest.line = first.line + 1;
      rest.text = first.text.substr(static_cast<std::size_t>(lines[1].data() - first.text.data()));
      s.own.push_back(std::move(rest));
    }
    for (std::size_t k = 1; k < quote.children.size(); ++k) s.own.push_back(quote.children[k]);
    s.body = s.own;
    emit(s, current_parent(), m_headings.path());
  }

  void emit(const Section& s, const std::string& parent, std::vector<std::string> context) {
    const std::string_view name = trim(s.name);
    if (name.empty() || is_unsure(name) || ends_with(name, "?") || reads_as_question(name) ||
        starts_with(ascii_lower(name.substr(0, 7)), "how to ") || is_date_like(name)) {
      return;
    }
    // What the name is decides whether the section is worth reading at all.
    const std::optional<Pair> pair = as_compared_pair(name);
    // `PyTorch and Scientific Computing`, `Gradient Descent and its Variants`: two topics, or a
    // topic and its parts, that the section tells about without defining a term.
    if (!pair && joins_with_and(name)) return;
    const std::optional<Aspect> aspect = pair ? std::nullopt : as_aspect(name);
    std::optional<std::string> term;
    bool subtitled = false;  // `Dropout: A Simple Way to Prevent Overfitting`
    if (aspect) {
      if (aspect->skip) return;
      const std::string subject = aspect->subject.empty() ? parent : aspect->subject;
      if (subject.empty() || !as_term(subject, kHeadingTerm)) return;
    } else if (!pair) {
      term = as_term(name, kHeadingTerm);
      if (!term) {
        term = subtitled_term(name);
        subtitled = term.has_value();
      }
      // `` `Stratified K-Fold` = the usual `train test split` ``: the name said equal to a gloss.
      if (const std::size_t equals = name.find(" = ");
          !term && equals != std::string_view::npos && equals > 0) {
        term = as_term(trim(name.substr(0, equals)), kHeadingTerm);
      }
      if (!term || is_numbered_part(*term)) return;
    }
    // `### Definition` under `Regularization`: the section defines its parent, so a sentence
    // about the parent answers.
    // A paper's summary opens with what the paper is about: its first lines answer as they are.
    // `**(1) Vanila PG**` over the paper's title, authors and links (an index of papers): a
    // citation says where to read, not what the name is.
    if (s.summary.empty() && !s.body.empty() && is_citation(s.body)) return;
    std::optional<SectionAnswer> answer =
        s.summary.empty()
            ? section_answer(s.body, term ? std::string_view(*term) : std::string_view{})
            : section_answer(s.summary);
    // `### Definition` under `Regularization`: the section defines its parent, so when its opening
    // does not read as a definition (`Recall that …`), a sentence that defines the parent answers.
    if (aspect && aspect->defines && answer && !answer->from_list &&
        !defines_implicitly(answer->text)) {
      const std::string subject = aspect->subject.empty() ? parent : aspect->subject;
      if (std::optional<SectionAnswer> about = section_answer(s.body, subject);
          about && about->defining) {
        answer = std::move(about);
      }
    }
    // `### 발생 조건` + a line + the conditions: a section that names a list is answered by it.
    if (aspect && aspect->listy && !(answer && answer->from_list)) {
      if (std::optional<SectionAnswer> listed = listed_answer(s.body)) {
        answer = std::move(listed);
      } else if (std::optional<SectionAnswer> numbered = numbered_subsections(s)) {
        answer = std::move(numbered);
      }
    }
    // `## Batch Norm` whose own text only leads up to it (`Training deep nets is hard.`) while
    // `### How it works` says `Batch normalization is applied …`: the defining sentence answers.
    // Not past an opening that defines the heading without naming it (`…를 줄이기 위한 메모리를
    // 말한다`): `(L1, L2 캐시라고 부른다)` further down names kinds of it.
    bool from_subsection = false;
    if (term && s.subtree.size() > s.body.size() &&
        (!answer || (!answer->defining && !answer->from_list && !answer->label_led &&
                     !names_term(answer->text, *term) && !defines_implicitly(answer->text)))) {
      if (std::optional<SectionAnswer> deeper = defining_sentence(s.subtree, *term)) {
        // The definition-sentence card of that sentence already asks it.
        if (carded_near(deeper->end_line, *term, deeper->text)) return;
        answer = std::move(deeper);
        from_subsection = true;
      }
    }
    if (!answer || trim(answer->text).empty()) return;
    // `Label smoothing :: …`, `Q: …` opening the section: a line the writer already made a card
    // of answers its own question, not the heading's.
    if (const std::string_view first_line = split_lines(trim(answer->text)).front();
        starts_with(first_line, "Q:") ||
        find_outside_code(first_line, " :: ") != std::string_view::npos) {
      return;
    }
    const int end_line = std::max(s.line, answer->end_line);
    const int opening = s.level == 0 && !s.body.empty() ? s.body.front().line : s.line + 1;
    if (already_carded(opening, end_line, name, opening_items(s))) return;

    if (pair) {
      // A comparison answer speaks of both sides.
      if (!names_term(answer->text, pair->first, true) ||
          !names_term(answer->text, pair->second, true)) {
        return;
      }
      Proposal p;
      CardDraft& card = p.draft;
      const std::string both = pair->first + " vs " + pair->second;
      card.question = comparison_question(both, card_language(both, answer->text));
      card.answer = answer->text;
      card.kind = "comparison";
      card.rule = "heading-section";
      card.confidence = std::clamp(kBase - (answer->leans_back ? kLeansBack : 0.0), 0.05, 0.95);
      card.line = s.line;
      card.context = std::move(context);
      card.term = both;
      p.end_line = end_line;
      p.nests = true;
      m_out.cards.push_back(std::move(p));
      return;
    }
    if (aspect) {
      const std::string subject = aspect->subject.empty() ? parent : aspect->subject;
      if (aspect->defines) {
        Proposal p = definition_card("heading-section", subject, answer->text,
                                     confidence_of(*answer, subject), s.line, end_line,
                                     std::move(context));
        p.nests = true;
        m_out.cards.push_back(std::move(p));
        return;
      }
      aspect_card(s, subject, aspect->label, !aspect->subject.empty(), *answer, end_line,
                  std::move(context));
      return;
    }
    double confidence =
        std::min(confidence_of(*answer, *term), from_subsection ? kFromSubsection : 1.0);
    // A subtitle may name a part of the story as well as a concept (`Step 1: Load the data`): only
    // a section that names or defines the term before the colon asks about it.
    if (subtitled && !answer->defining && !names_term(answer->text, *term)) return;
    if (!s.summary.empty()) {
      confidence = std::clamp(confidence, kBase, kFromSubsection);
      // `### PER` + `### [Scheme]` opening `기존의 DQN 논문에서는 …`: the summary starts from the
      // work before the paper, not from what the paper's name is (judged misframed, rounds 31-34).
      if (opens_on_background(answer->text)) confidence = std::min(confidence, kPaperSection);
    }
    // In a paper digest a section tells what the paper does in its part (`Exploration`: its
    // settings, `Target Policy Smoothing`: the problem it answers); only an answer that defines
    // the heading's term is a card (judged: 5 kept of 14 before).
    if (m_paper && s.level > 0 && s.summary.empty() && !answer->defining && !answer->label_led) {
      confidence = std::min(confidence, kPaperSection);
    }
    // `## Wrapper methods` + `- recursive feature elimination`, `- genetic algorithms`: names of
    // kinds or parts, not what the heading is (judged: misframed).
    if (answer->from_list && only_names(answer->text)) confidence = std::min(confidence, kNamesOnly);
    // `## 전송 계층` over nine facts, the first saying what the layer is: a card shows the first
    // ones, not a list cut where it no longer fits (minimum information; judged dump past seven).
    std::string text = answer->text;
    if (answer->from_list && !answer->label_led && code_point_count(text) > kMaxAnswerCodePoints) {
      if (std::string leading = leading_items(text, kLeadingItemsCodePoints); !leading.empty()) {
        text = std::move(leading);
      }
    }
    Proposal p = definition_card("heading-section", *term, std::move(text), confidence, s.line,
                                 end_line, std::move(context));
    // A definition found in a subsection leaves the sections in between to their own cards.
    p.nests = true;
    m_out.cards.push_back(std::move(p));
  }

  // `## 교착상태 발생 조건` + `### 1) 상호 배제` … `### 4) 순환 대기`: subsections numbered 1, 2, 3 …
  // are the items of the list the heading names (their names, the numbers dropped). Unnumbered
  // subsections are not: one is too often `참고` or `작성자`.
  static std::optional<SectionAnswer> numbered_subsections(const Section& s) {
    constexpr std::size_t kMaxItems = 8;
    if (s.level <= 0) return std::nullopt;
    SectionAnswer answer;
    int child_level = 0;
    for (const Block& block : s.subtree) {
      if (block.kind != BlockKind::heading || block.level <= s.level) continue;
      if (child_level == 0) child_level = block.level;
      if (block.level != child_level) continue;
      const std::string_view raw = trim(strip_emphasis(block.text));
      std::size_t digits = 0;
      while (digits < raw.size() && raw[digits] >= '0' && raw[digits] <= '9') ++digits;
      const std::string expected = std::to_string(answer.items + 1);
      if (digits == 0 || raw.substr(0, digits) != expected || digits >= raw.size() ||
          (raw[digits] != ')' && raw[digits] != '.')) {
        return std::nullopt;
      }
      const std::string name = heading_name(block.text);
      if (trim(name).empty()) return std::nullopt;
      answer.text += (answer.text.empty() ? "- " : "\n- ") + std::string(trim(name));
      answer.end_line = block.line;
      if (++answer.items > kMaxItems) return std::nullopt;
    }
    if (answer.items < 2) return std::nullopt;
    answer.from_list = true;
    return answer;
  }

  // `CSR & SSR`, `Process vs Thread`, `프로세스와 스레드`: two names, each of three words or fewer.
  static bool names_two(std::string_view subject) {
    for (const std::string_view joint : {" & ", " vs ", " vs. ", " VS ", " and ", "와 ", "과 "}) {
      const std::size_t at = subject.find(joint);
      if (at == std::string_view::npos || at == 0) continue;
      const std::string_view left = trim(subject.substr(0, at));
      const std::string_view right = trim(subject.substr(at + joint.size()));
      if (right.empty() || word_count(left) > 3 || word_count(right) > 3) continue;
      // `와`/`과` end the left name (`프로세스와`), not a word inside it (`과제`).
      if ((joint == "와 " || joint == "과 ") && contains_hangul(right) != contains_hangul(left)) continue;
      return true;
    }
    return false;
  }

  // `Decision Tree: Advantages?`, `Skip List의 단점은? (3가지)`.
  void aspect_card(const Section& s, const std::string& subject, const std::string& label,
                   bool named, const SectionAnswer& answer, int end_line,
                   std::vector<std::string> context) {
    Proposal p;
    CardDraft& card = p.draft;
    std::tie(card.question, card.term) = aspect_question(subject, label, answer.items);
    // `## Types of RNN` asks as written: `Types of RNN? (4)`, not `RNN: Types?`.
    if (named && !contains_hangul(s.name) &&
        ascii_lower(s.name).find(" of ") != std::string::npos) {
      card.term = std::string(trim(s.name));
      card.question = card.term + "?";
      if (answer.items >= 2) card.question += " (" + std::to_string(answer.items) + ")";
    }
    card.answer = answer.text;
    card.kind = answer.from_list ? "list" : "qa";
    card.rule = "heading-section";
    card.confidence = std::clamp(kBase + 0.1 - (answer.leans_back ? kLeansBack : 0.0) -
                                     (word_count(answer.text) <= 2 ? kThin : 0.0),
                                 0.05, 0.95);
    // `## CSR & SSR` › `### 장점`: the merits of one of the two, which the heading does not say
    // (judged misframed, round 34).
    if (names_two(subject)) card.confidence = std::min(card.confidence, kOfTwo);
    // `DDPG: Algorithm?`, `Paper: Background?` in a paper digest: a part of the paper's story,
    // opened on its first sentence (judged wrong-term), unless it is a list of points.
    if (m_paper && !answer.from_list) card.confidence = std::min(card.confidence, kPaperSection);
    card.line = s.line;
    card.context = std::move(context);
    p.end_line = end_line;
    p.nests = true;
    m_out.cards.push_back(std::move(p));
  }

  const RuleInput& m_in;
  RuleOutput& m_out;
  HeadingPath m_headings;
  std::vector<std::pair<int, std::string>> m_stack;  // level and name of the headings above
  std::vector<const CardDraft*> m_by_line;  // the cards of earlier rules, by line
  bool m_paper = false;  // the note digests a paper, section by section (is_paper_digest)
};

}  // namespace

void rule_heading_section(const RuleInput& in, RuleOutput& out) { SectionWalker(in, out).run(); }

}  // namespace recall::extract
