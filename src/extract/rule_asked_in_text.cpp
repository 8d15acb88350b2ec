// Rule `asked-in-text` (pattern 19): prose asks what a term is and answers in the next sentences.
//
//   …기존 방식은 모든 벡터를 본다. 그러면 Local Attention은 무엇일까? 바로 전체가 아니라 특정
//   위치 주변의 서브셋만을 보겠다는 것이다.             → Local Attention이란?
//   So what is a capsule? It is a group of neurons whose output is a vector.
//
// The question is a sentence of its own inside a paragraph (`X은 무엇일까?`, `X란 무엇인가?`,
// `What is X?`), with a lead such as `그러면`, `그렇다면`, `So` allowed before it; the answer is
// the one or two sentences after it in the same paragraph, without an opening `바로`, `It is`.
// Nothing is made when no sentence follows, or when what follows only announces a list or a
// formula (`정리의 내용은 다음과 같다:`), leans on a figure, or asks again.
#include <algorithm>
#include <array>

#include "recall/extract/gates.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

constexpr double kConfidence = 0.65;
constexpr TermLimits kAskedLimits{5, 40};

// `그렇다면 X는 무엇일까?` → `X`; empty when the sentence asks something else.
std::string asked_term_of(std::string_view sentence) {
  std::string s(trim(sentence));
  std::erase(s, '*');
  std::string_view v = trim(std::string_view(s));
  std::string_view term;
  if (contains_hangul(v)) {
    std::size_t at = std::string_view::npos;
    for (const std::string_view ask : {" 무엇일까?", " 무엇인가?", " 뭘까?", " 무엇인가요?",
                                       " 무엇일까요?", " 뭐지?"}) {
      if (ends_with(v, ask)) {
        at = v.size() - ask.size();
        break;
      }
    }
    if (at == std::string_view::npos) return {};
    std::string_view head = trim(v.substr(0, at));
    for (const std::string_view particle : {"이란", "란", "은", "는"}) {
      if (ends_with(head, particle) && head.size() > particle.size()) {
        head.remove_suffix(particle.size());
        term = trim(head);
        break;
      }
    }
    if (term.empty()) return {};
    for (const std::string_view lead : {"그러면 ", "그렇다면 ", "그럼 ", "자, ", "그래서 "}) {
      if (starts_with(term, lead)) term = trim(term.substr(lead.size()));
    }
  } else {
    std::string_view q = v;
    for (const std::string_view lead : {"so, ", "so ", "now, ", "then, "}) {
      if (starts_with(ascii_lower(q), lead)) q = trim(q.substr(lead.size()));
    }
    const std::string ql = ascii_lower(q);
    for (const std::string_view ask : {"what is ", "what are "}) {
      if (starts_with(ql, ask) && ends_with(q, "?")) {
        term = trim(q.substr(ask.size(), q.size() - ask.size() - 1));
        break;
      }
    }
    for (const std::string_view article : {"a ", "an ", "the "}) {
      if (starts_with(ascii_lower(term), article)) term = trim(term.substr(article.size()));
    }
  }
  if (term.empty()) return {};
  const std::optional<std::string> clean = as_term(term, kAskedLimits);
  if (!clean || is_anaphora(*clean)) return {};
  return *clean;
}

// The sentence after the question, without a lead that only points back at the term.
std::string_view without_answer_lead(std::string_view sentence) {
  std::string_view s = trim(sentence);
  for (const std::string_view lead : {"바로 ", "그것은 ", "이는 ", "It is ", "It's ", "This is "}) {
    if (starts_with(s, lead)) return trim(s.substr(lead.size()));
  }
  return s;
}

// `아래의 식으로 정리할 수 있다.`, `… as shown below.`: a sentence about what comes after it.
bool points_ahead(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence);
  for (const std::string_view ahead : {"아래", "다음과", "다음의", "below", "the following"}) {
    if (lower.find(ahead) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void rule_asked_in_text(const RuleInput& in, RuleOutput& out) {
  // Most notes ask nothing: one pass over the text before walking its paragraphs.
  if (std::none_of(in.lines.begin(), in.lines.end(), [](std::string_view line) {
        return line.find('?') != std::string_view::npos;
      })) {
    return;
  }
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    const std::string_view text = visit.paragraph.text;
    if (text.find('?') == std::string_view::npos) return;
    const std::vector<Sentence> sentences = split_sentences(text);
    for (std::size_t k = 0; k + 1 < sentences.size(); ++k) {
      if (!ends_with(trim(sentences[k].text), "?")) continue;
      const std::string term = asked_term_of(sentences[k].text);
      if (term.empty()) continue;
      const std::string_view next = without_answer_lead(sentences[k + 1].text);
      if (word_count(next) < 4 || ends_with(trim(next), "?") || introduces_list(next) ||
          points_ahead(next) || leans_on_context(next)) {
        continue;
      }
      std::string answer = clean_inline(next);
      int end = visit.paragraph.line + sentences[k + 1].line;
      if (k + 2 < sentences.size() && !ends_with(trim(sentences[k + 2].text), "?") &&
          !introduces_list(sentences[k + 2].text) && !points_ahead(sentences[k + 2].text) &&
          code_point_count(answer) < 160) {
        answer += ' ';
        answer += clean_inline(sentences[k + 2].text);
        end = visit.paragraph.line + sentences[k + 2].line;
      }
      out.cards.push_back(definition_card("asked-in-text", term, std::move(answer), kConfidence,
                                          visit.paragraph.line + sentences[k].line, end,
                                          visit.headings));
    }
  });
}

}  // namespace recall::extract
