// Rule `proposed-term` (pattern 17): a paper digest introduces a named method in bold and says
// what it does in the sentences around it.
//
//   이에 따라 저자는 **delayed policy update**를 제안한다. critic이 안정될 때까지 policy update를
//   늦추자는 것이다.                                    → delayed policy update란?
//   We propose **gradient noise injection**, which adds Gaussian noise to every update.
//
// A sentence that sets a short name in bold (or code) and proposes, introduces or names it
// (`제안`, `소개`, `도입`, `propose`, `introduce`, `present`, `called`) asks about that name;
// the answer is the sentence with the next one, which usually says what the name does.
#include <array>

#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

constexpr double kConfidence = 0.45;  // judged: 3 kept of 11 (two rounds); below the threshold
constexpr TermLimits kNameLimits{6, 50};

bool introduces(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence);
  static constexpr auto kVerbs = std::to_array<std::string_view>(
      {"제안", "소개", "도입", "고안", "propose", "introduce", "present", "called", "named",
       "we call", "coined"});
  for (const std::string_view verb : kVerbs) {
    if (lower.find(verb) != std::string::npos) return true;
  }
  return false;
}

// The one bold or code name in `sentence`, or nullopt when it has none or several (which one is
// proposed is then not clear).
std::optional<std::string> marked_name(std::string_view sentence) {
  const std::vector<std::string_view> spans = marked_spans(sentence);
  if (spans.size() != 1) return std::nullopt;
  return std::string(trim(spans.front()));
}

}  // namespace

void rule_proposed_term(const RuleInput& in, RuleOutput& out) {
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    const std::string_view text = visit.paragraph.text;
    // Most paragraphs name nothing in bold or code, or propose nothing: skip them whole.
    if ((text.find("**") == std::string_view::npos && text.find('`') == std::string_view::npos) ||
        !introduces(text)) {
      return;
    }
    const std::vector<Sentence> sentences = split_sentences(text);
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const std::string_view sentence = sentences[k].text;
      if (!introduces(sentence)) continue;
      const std::optional<std::string> name = marked_name(sentence);
      if (!name) continue;
      const std::optional<std::string> term = as_term(*name, kNameLimits);
      if (!term || !has_word_character(*term)) continue;
      std::string answer = clean_inline(sentence);
      int end = visit.paragraph.line + sentences[k].line;
      if (k + 1 < sentences.size()) {
        answer += ' ';
        answer += clean_inline(sentences[k + 1].text);
        end = visit.paragraph.line + sentences[k + 1].line;
      }
      out.cards.push_back(definition_card("proposed-term", *term, std::move(answer), kConfidence,
                                          visit.paragraph.line + sentences[k].line, end,
                                          visit.headings));
    }
  });
}

}  // namespace recall::extract
