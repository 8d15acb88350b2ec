// What the rules share: the rule list, the heading path and the term test.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>

#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

// `[text](url)` becomes `text`, so that a context shows words rather than addresses.
std::string without_link_targets(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      const std::size_t close = s.find(')', i + 2);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    if (s[i] == '[' && s.find("](", i) != std::string_view::npos) {
      ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

bool ends_with_any(std::string_view s, std::span<const std::string_view> ends) {
  return std::any_of(ends.begin(), ends.end(), [&](std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
  });
}

// Punctuation that ends a sentence or a clause, ASCII and CJK.
bool is_sentence_end(std::string_view s) {
  static constexpr auto kEnds =
      std::to_array<std::string_view>({".", "!", "?", ";", ",", "。", "？", "！", "…", "、"});
  return ends_with_any(s, kEnds);
}

// Words that make an English line a sentence rather than a name.
bool has_english_verb(std::string_view lower) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"is",    "are",    "was",   "were",  "am",    "be",      "been", "will",
       "would", "should", "can",   "could", "do",    "does",    "did",  "have",
       "has",   "had",    "i",     "we",    "you",   "he",      "she",  "they",
       "it's",  "i'm",    "don't", "isn't", "let's", "doesn't", "my"});
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && lower[i] == ' ') ++i;
    std::size_t end = i;
    while (end < lower.size() && lower[end] != ' ') ++end;
    const std::string_view word = lower.substr(i, end - i);
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
    i = end;
  }
  return false;
}

// A Korean line that is a sentence or a clause rather than a name: it ends like a memo-style
// sentence (`좋다`, `필요함`, `나옴`, `해보자`), or a word before the last one carries an object or
// topic particle or a clause ending (`네트워크를 보장하는 방법`, `있는지 확인`).
bool is_korean_clause(std::string_view s) {
  if (word_count(s) < 2) return false;
  static constexpr auto kSentenceEnds =
      std::to_array<std::string_view>({"다", "요", "까", "음", "함", "됨", "임", "옴", "봄", "짐",
                                       "줌", "듯", "죠", "네", "것", "하자", "보자", "되길"});
  if (ends_with_any(s, kSentenceEnds)) return true;
  static constexpr auto kClauseWordEnds =
      std::to_array<std::string_view>({"을", "를", "은", "는", "에서", "에게", "면서", "는지"});
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t end = i;
    while (end < s.size() && s[end] != ' ') ++end;
    if (end >= s.size()) break;  // the last word may end in anything
    if (ends_with_any(s.substr(i, end - i), kClauseWordEnds)) return true;
    i = end;
  }
  return false;
}

// `name : value` or `name: value`, outside parentheses: a definition written inline, not a bare
// term (the `term: definition` pattern is for a rule of its own).
bool has_inline_colon(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (depth == 0 && s[i] == ':' && s[i + 1] == ' ') return true;
  }
  return false;
}

// Labels that head a group of bullets without naming a thing one could define.
bool is_generic_label(std::string_view lower) {
  static constexpr auto kLabels = std::to_array<std::string_view>(
      {"example",      "examples",      "e.g.",      "eg",
       "note",         "notes",         "reference", "references",
       "link",         "links",         "see also",  "source",
       "sources",      "pros",          "cons",      "pros and cons",
       "advantages",   "disadvantages", "summary",   "todo",
       "to do",        "done",          "misc",      "etc",
       "details",      "detail",        "overview",  "intro",
       "introduction", "conclusion",    "result",    "results",
       "question",     "questions",     "answer",    "idea",
       "ideas",        "plan",          "plans",     "background",
       "method",       "methods",       "예",        "예시",
       "예제",         "장점",          "단점",      "장단점",
       "참고",         "참고자료",      "참고 자료", "정리",
       "요약",         "특징",          "결론",      "링크",
       "출처",         "메모",          "할 일",     "질문",
       "결과",         "개요",          "기타",      "후기",
       "qna",          "q&a",           "faq",       "같은점",
       "같은 점",      "차이점",        "차이",      "공통점",
       "방법",         "해결방법",      "해결 방법", "이유",
       "원인",         "목적",          "목표",      "구조",
       "세부구조",     "과정",          "종류",      "설명",
       "순서",         "진행 순서",     "문제점"});
  return std::find(kLabels.begin(), kLabels.end(), lower) != kLabels.end();
}

}  // namespace

std::span<const Rule> all_rules() {
  static constexpr std::array<Rule, 3> kRules = {{
      {"qa-pair", rule_qa_pair},
      {"double-colon", rule_double_colon},
      {"nested-term", rule_nested_term},
  }};
  return kRules;
}

void HeadingPath::enter(const notes::Block& heading) {
  while (!m_levels.empty() && m_levels.back() >= heading.level) {
    m_levels.pop_back();
    m_path.pop_back();
  }
  m_levels.push_back(heading.level);
  m_path.emplace_back(trim(without_link_targets(strip_emphasis(heading.text))));
}

std::optional<std::string> as_term(std::string_view line, const TermLimits& limits) {
  std::string_view s = trim(line);
  if (s.empty() || s.find('\n') != std::string_view::npos) return std::nullopt;
  bool colon = false;
  for (const std::string_view mark : {":", "\xEF\xBC\x9A"}) {
    if (s.size() > mark.size() && s.substr(s.size() - mark.size()) == mark) {
      s = trim(s.substr(0, s.size() - mark.size()));
      colon = true;
      break;
    }
  }
  s = trim(strip_emphasis(s));
  if (s.empty() || !has_word_character(s)) return std::nullopt;
  const std::size_t words = word_count(s);
  if (code_point_count(s) > limits.code_points || words > limits.words || (colon && words > 3)) {
    return std::nullopt;
  }
  if (is_sentence_end(s) || s.back() == ':' || s.find(". ") != std::string_view::npos ||
      has_inline_colon(s)) {
    return std::nullopt;
  }
  if (is_link_only(s) || s.find("://") != std::string_view::npos) return std::nullopt;
  if (s.front() == '(' || s.front() == '[' || s.front() == '<') return std::nullopt;
  const std::string lower = ascii_lower(s);
  for (const std::string_view task : {"todo", "fixme", "tbd", "wip"}) {
    if (lower.rfind(task, 0) != 0) continue;
    if (lower.size() == task.size() ||
        !std::isalpha(static_cast<unsigned char>(lower[task.size()]))) {
      return std::nullopt;  // `TODO`, `TODO: read`, not `Todoist`
    }
  }
  if (find_outside_code(s, " :: ") != std::string_view::npos) return std::nullopt;
  if (match_marker(s, 'q').found || match_marker(s, 'a').found) return std::nullopt;
  if (is_date_like(s) || is_generic_label(lower)) return std::nullopt;
  if (has_english_verb(lower) || is_korean_clause(s)) return std::nullopt;
  return std::string(s);
}

}  // namespace recall::extract
