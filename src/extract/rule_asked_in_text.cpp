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
//
// A study log names its topic the same way without asking (rule `studied-topic`):
//
//   오늘은 Bloom filter에 대해서 공부했다. 비트 배열과 해시 함수 몇 개로 원소가 집합에 있는지를
//   확률적으로 검사한다.                                  → Bloom filter란?
//   Today I learned about beam search. It keeps the k best partial outputs at every step.
//
// The sentence says it studied, learned or read about one term (`X에 대해(서) 학습했다/공부했다/
// 배웠다`, `I learned about X`); the answer is the sentence after it, under the same conditions.
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
    for (const std::string_view ask :
         {" 무엇일까?", " 무엇인가?", " 뭘까?", " 무엇인가요?", " 무엇일까요?", " 뭐지?"}) {
      if (ends_with(v, ask)) {
        at = v.size() - ask.size();
        break;
      }
    }
    // `기아 상태란?` alone, the way a note asks itself before answering.
    if (at == std::string_view::npos && ends_with(v, "란?") && word_count(v) <= 5) {
      at = v.size() - 1;
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
    // `커다란?`: an adjective, not `X란`.
    if (ends_with(term, "다")) return {};
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

constexpr double kStudiedConfidence = 0.55;  // unjudged; a log sentence may go on about the day

// `오늘은 X에 대해서 학습하였다.`, `Today I learned about X.` → `X`; empty for any other sentence,
// and for several topics at once (`A와 B에 대해`, `A, B에 대해`).
std::string studied_term_of(std::string_view sentence) {
  std::string s(trim(sentence));
  std::erase(s, '*');
  std::string_view v = trim(std::string_view(s));
  while (!v.empty() && (v.back() == '.' || v.back() == '!')) v.remove_suffix(1);
  std::string_view term;
  if (contains_hangul(v)) {
    std::size_t at = std::string_view::npos;
    for (const std::string_view about : {"에 대해서 ", "에 대해 ", "에 대하여 "}) {
      at = v.find(about);
      if (at == std::string_view::npos) continue;
      const std::string_view verb = v.substr(at + about.size());
      static constexpr auto kStems = std::to_array<std::string_view>({"학습", "공부", "배웠"});
      const bool studied = std::any_of(kStems.begin(), kStems.end(), [&](std::string_view stem) {
        return starts_with(verb, stem);
      });
      // The verb closes the sentence (`공부했다`, `학습하였다`), not a clause that goes on.
      if (!studied || verb.find(' ') != std::string_view::npos || !ends_with(verb, "다"))
        at = std::string_view::npos;
      break;
    }
    if (at == std::string_view::npos) return {};
    term = trim(v.substr(0, at));
    for (const std::string_view lead : {"오늘은 ", "오늘 ", "이번에는 ", "이번 주는 ", "어제는 "}) {
      if (starts_with(term, lead)) term = trim(term.substr(lead.size()));
    }
  } else {
    const std::string lower = ascii_lower(v);
    for (const std::string_view lead : {"today i learned about ", "today i studied ",
                                        "i learned about ", "i studied ", "learned about "}) {
      if (starts_with(lower, lead)) {
        term = trim(v.substr(lead.size()));
        break;
      }
    }
    for (const std::string_view article : {"a ", "an ", "the "}) {
      if (starts_with(ascii_lower(term), article)) term = trim(term.substr(article.size()));
    }
  }
  if (term.empty() || term.find(", ") != std::string_view::npos ||
      term.find(" and ") != std::string_view::npos) {
    return {};
  }
  // `A와 B`, `A과 B`, `A 및 B`: two topics.
  for (const std::string_view joint : {"와 ", "과 ", " 및 ", "랑 "}) {
    if (term.find(joint) != std::string_view::npos) return {};
  }
  const std::optional<std::string> clean = as_term(term, kAskedLimits);
  if (!clean || is_anaphora(*clean)) return {};
  return *clean;
}

// `…를 학습한다는 점을 이해했다.` → `…를 학습한다.`: a log tells what the writer understood; the
// card keeps what was understood.
std::string without_understood(std::string answer) {
  for (const std::string_view tail :
       {"다는 점을 이해했다.", "다는 점을 이해하였다.", "다는 것을 이해했다.",
        "다는 것을 알게 되었다.", "다는 점을 알게 되었다.", "다는 것을 배웠다.",
        "다는 점을 배웠다."}) {
    if (ends_with(answer, tail)) {
      answer.resize(answer.size() - tail.size());
      answer += "다.";
      break;
    }
  }
  return answer;
}

// The sentence after the question, without a lead that only points back at the term.
std::string_view without_answer_lead(std::string_view sentence) {
  std::string_view s = trim(sentence);
  // `Key란? : 검색, 정렬시 …`: a colon after the question leads the answer in.
  if (starts_with(s, ":")) s = trim(s.substr(1));
  for (const std::string_view lead : {"바로 ", "그것은 ", "이는 ", "It is ", "It's ", "This is "}) {
    if (starts_with(s, lead)) return trim(s.substr(lead.size()));
  }
  return s;
}

}  // namespace

void rule_asked_in_text(const RuleInput& in, RuleOutput& out) {
  // Most notes ask nothing and log no study: one pass over the text before walking paragraphs.
  const auto may_name_topic = [](std::string_view text) {
    return text.find('?') != std::string_view::npos ||
           text.find("에 대해") != std::string_view::npos ||
           text.find("에 대하여") != std::string_view::npos ||
           text.find("earned about") != std::string_view::npos ||
           text.find("tudied") != std::string_view::npos;
  };
  if (std::none_of(in.lines.begin(), in.lines.end(), may_name_topic)) return;
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    const std::string_view text = visit.paragraph.text;
    if (!may_name_topic(text)) return;
    const std::vector<Sentence> sentences = split_sentences(text);
    for (std::size_t k = 0; k + 1 < sentences.size(); ++k) {
      const bool asks = ends_with(trim(sentences[k].text), "?");
      const std::string term =
          asks ? asked_term_of(sentences[k].text) : studied_term_of(sentences[k].text);
      if (term.empty()) continue;
      const std::string_view next = without_answer_lead(sentences[k + 1].text);
      if (word_count(next) < 4 || ends_with(trim(next), "?") || introduces_list(next) ||
          points_ahead(next) || leans_on_context(next)) {
        continue;
      }
      std::string answer = asks ? clean_inline(next) : without_understood(clean_inline(next));
      int end = visit.paragraph.line + sentences[k + 1].line;
      if (asks && k + 2 < sentences.size() && !ends_with(trim(sentences[k + 2].text), "?") &&
          !introduces_list(sentences[k + 2].text) && !points_ahead(sentences[k + 2].text) &&
          code_point_count(answer) < 160) {
        answer += ' ';
        answer += clean_inline(sentences[k + 2].text);
        end = visit.paragraph.line + sentences[k + 2].line;
      }
      out.cards.push_back(
          definition_card(asks ? "asked-in-text" : "studied-topic", term, std::move(answer),
                          asks ? kConfidence : kStudiedConfidence,
                          visit.paragraph.line + sentences[k].line, end, visit.headings));
    }
  });
}

}  // namespace recall::extract
