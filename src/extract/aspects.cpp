// The words that name an aspect of a concept rather than a concept (`Limitations`, `X의 단점`,
// `Types of X`), and headings that name two things to compare (`A vs B`, `A와 B의 차이`):
// as_aspect and as_compared_pair (section.hpp).
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

bool is_korean_text(std::string_view s) { return contains_hangul(s); }

// The aspect words, English (ASCII lower case) and Korean.
struct AspectWord {
  std::string_view word;
  bool defines;
  bool listy;
  bool skip;
};

constexpr auto kAspects = std::to_array<AspectWord>({
    {"definition", true, false, false},    {"definitions", true, false, false},
    {"what is it", true, false, false},    {"about", true, false, false},
    {"overview", true, false, false},      {"introduction", true, false, false},
    {"intro", true, false, false},         {"description", true, false, false},
    {"concept", true, false, false},       {"basic idea", true, false, false},
    {"idea", false, false, false},         {"key idea", false, false, false},
    {"core idea", false, false, false},    {"big idea", false, false, false},
    {"the idea", false, false, false},     {"key insight", false, false, false},
    {"use cases and weaknesses", false, true, false},
    {"strengths and weaknesses", false, true, false},
    {"advantages and disadvantages", false, true, false},
    {"main idea", false, false, false},    {"intuition", false, false, false},
    {"motivation", false, false, false},   {"background", false, false, false},
    {"limitations", false, true, false},   {"limitation", false, true, false},
    {"advantages", false, true, false},    {"disadvantages", false, true, false},
    {"benefits", false, true, false},      {"drawbacks", false, true, false},
    {"pros", false, true, false},          {"cons", false, true, false},
    {"pros and cons", false, true, false}, {"strengths", false, true, false},
    {"weaknesses", false, true, false},    {"applications", false, true, false},
    {"use cases", false, true, false},     {"use case", false, true, false},
    {"uses", false, true, false},          {"steps", false, true, false},
    {"types", false, true, false},         {"kinds", false, true, false},
    {"type", false, true, false},          {"kind", false, true, false},
    {"properties", false, true, false},    {"characteristics", false, true, false},
    {"features", false, true, false},      {"key features", false, true, false},
    {"problems", false, true, false},      {"issues", false, true, false},
    {"challenges", false, true, false},    {"assumptions", false, true, false},
    {"components", false, true, false},    {"variants", false, true, false},
    {"parts", false, true, false},         {"key parts", false, true, false},
    {"caveats", false, true, false},
    {"규칙", false, true, false},          {"특성", false, true, false},
    {"주의사항", false, true, false},      {"주의 사항", false, true, false},
    {"main parts", false, true, false},    {"key components", false, true, false},
    {"main components", false, true, false}, {"building blocks", false, true, false},
    {"key features", false, true, false},  {"main features", false, true, false},
    {"how it works", false, false, false}, {"how does it work", false, false, false},
    {"formulation", false, false, false},  {"architecture", false, false, false},
    {"objective", false, false, false},    {"goal", false, false, false},
    {"goals", false, true, false},         {"algorithm", false, false, false},
    {"training", false, false, false},     {"inference", false, false, false},
    {"method", false, false, false},       {"approach", false, false, false},
    {"key points", false, true, false},    {"key takeaways", false, true, false},
    {"takeaways", false, true, false},     {"summary", false, false, false},
    {"example", false, false, true},       {"examples", false, false, true},
    {"references", false, false, true},    {"reference", false, false, true},
    {"links", false, false, true},         {"resources", false, false, true},
    {"notes", false, false, true},         {"note", false, false, true},
    {"code", false, false, true},          {"implementation", false, false, true},
    {"results", false, false, true},       {"result", false, false, true},
    {"conclusion", false, false, true},    {"conclusions", false, false, true},
    {"experiments", false, false, true},   {"todo", false, false, true},
    {"table of contents", false, false, true}, {"contents", false, false, true},
    {"further reading", false, false, true}, {"see also", false, false, true},
    {"bottom line", false, false, true},   {"tl;dr", false, false, true},
    {"questions", false, false, true},     {"question", false, false, true},
    {"misc", false, false, true},          {"details", false, false, true},
    {"notation", false, false, true},      {"notations", false, false, true},
    {"discussion", false, false, true},    {"evaluation", false, false, true},
    {"main", false, false, true},          {"history", false, false, true},
    {"scheme", false, false, true},        {"abstract", false, false, true},
    {"preliminaries", false, false, true}, {"setup", false, false, true},
    {"general idea", false, false, false}, {"general definition", true, false, false},
    {"analysis", false, false, true},      {"experiment", false, false, true},
    {"visualization", false, false, true}, {"insight", false, false, true},
    {"insights", false, false, true},      {"related work", false, false, true},
    {"advantage", false, true, false},     {"disadvantage", false, true, false},
    {"causes", false, true, false},       {"strategies", false, true, false},
    {"approaches", false, true, false},        {"remedies", false, true, false},
    {"performance", false, false, false},  {"성능", false, false, false},
    {"동작방식", false, false, false},     {"동작 방식", false, false, false},
    {"작동방식", false, false, false},     {"작동 방식", false, false, false},
    {"solutions", false, true, false},     {"fixes", false, true, false},
    {"원인", false, true, false},          {"해결책", false, true, false},
    {"해결 방법", false, true, false},     {"해결방법", false, true, false},
    {"nomenclature", false, false, true},  {"imports", false, false, true},
    {"suggestions", false, false, true},   {"tips", false, false, true},
    {"environment", false, false, true},   {"setup and environment", false, false, true},
    {"환경", false, false, true},          {"실험 환경", false, false, true},
    {"참조", false, false, true},          {"듣기", false, false, true},
    {"등장배경", false, false, false},     {"등장 배경", false, false, false},
    {"분석", false, false, true},          {"상세", false, false, true},
    {"구조 상세", false, false, false},    {"서론", false, false, true},
    {"본론", false, false, true},          {"실험 설정", false, false, true},
    {"정의", true, false, false},          {"개념", true, false, false},
    {"개요", true, false, false},          {"소개", true, false, false},
    {"설명", true, false, false},          {"특징", false, true, false},
    {"장점", false, true, false},          {"단점", false, true, false},
    {"장단점", false, true, false},        {"한계", false, true, false},
    {"한계점", false, true, false},        {"문제점", false, true, false},
    {"목적", false, false, false},         {"목표", false, false, false},
    {"학습 목표", false, false, false},    {"종류", false, true, false},
    {"유형", false, true, false},          {"과정", false, true, false},
    {"동작 과정", false, true, false},     {"절차", false, true, false},
    {"원리", false, false, false},         {"동작 원리", false, false, false},
    {"작동 원리", false, false, false},    {"구조", false, false, false},
    {"방법", false, false, false},         {"필요성", false, false, false},
    {"사용 이유", false, true, false},     {"이유", false, true, false},
    {"배경", false, false, false},         {"의의", false, false, false},
    {"활용", false, true, false},          {"구성", false, true, false},
    {"사용 상황", false, true, false},     {"사용 사례", false, true, false},
    {"사용처", false, true, false},        {"활용 사례", false, true, false},
    {"구성 요소", false, true, false},     {"조건", false, true, false},
    {"발생 조건", false, true, false},     {"성질", false, true, false},
    {"아이디어", false, false, false},     {"핵심 아이디어", false, false, false},
    {"예시", false, false, true},          {"예제", false, false, true},
    {"참고", false, false, true},          {"참고 자료", false, false, true},
    {"참고자료", false, false, true},      {"출처", false, false, true},
    {"목차", false, false, true},          {"작성자", false, false, true},
    {"수정 사항", false, false, true},     {"각주", false, false, true},
    {"링크", false, false, true},          {"정리", false, false, true},
    {"요약", false, false, true},          {"결론", false, false, true},
    {"결과", false, false, true},          {"실험", false, false, true},
    {"실험 결과", false, false, true},     {"구현", false, false, true},
    {"코드", false, false, true},          {"질문", false, false, true},
    {"댓글", false, false, true},          {"부록", false, false, true},
    {"느낀 점", false, false, true},       {"후기", false, false, true},
});

const AspectWord* find_aspect(std::string_view lower) {
  static const std::unordered_map<std::string_view, const AspectWord*> kIndex = [] {
    std::unordered_map<std::string_view, const AspectWord*> index;
    for (const AspectWord& a : kAspects) index.emplace(a.word, &a);
    return index;
  }();
  const auto it = kIndex.find(lower);
  if (it != kIndex.end()) return it->second;
  // `Abstact`, `Concluson`: a long English word one letter off is the same label.
  if (lower.size() < 6 || !std::all_of(lower.begin(), lower.end(), [](char c) {
        return c >= 'a' && c <= 'z';
      })) {
    return nullptr;
  }
  for (const AspectWord& a : kAspects) {
    if (a.word.size() >= 6 && one_edit_apart(lower, a.word)) return &a;
  }
  return nullptr;
}

}  // namespace

std::optional<Aspect> as_aspect(std::string_view name) {
  const std::string_view s = trim(name);
  const std::string lower = ascii_lower(s);
  // `The Basic Algorithm`, `The computational efficiency perspective`: an article in front makes
  // a part of the parent's story, asked with the parent.
  if (starts_with(lower, "the ") && split_words(s).size() >= 2) {
    return Aspect{{}, std::string(s.substr(4)), false, false, false};
  }
  // `A note about shuffling`, `Note on Optimization`, `기타 참고 자료`, `다양한 확률 연산`,
  // `Scenario 2`: a remark or a grouping, not a concept.
  for (const std::string_view remark : {"a note ", "note on ", "notes on ", "note about ",
                                        "기타 ", "다양한 ", "some ", "more on ", "other "}) {
    if (starts_with(lower, remark)) return Aspect{{}, std::string(s), false, false, true};
  }
  if (is_numbered_label(s) || starts_with(lower, "scenario ") || starts_with(lower, "case ")) {
    return Aspect{{}, std::string(s), false, false, true};
  }
  if (const AspectWord* a = find_aspect(lower)) {
    return Aspect{{}, std::string(s), a->defines, a->listy, a->skip};
  }
  // `Introduction to X`, `An intro to X`: what X is.
  for (const std::string_view intro : {"an introduction to ", "introduction to ", "intro to "}) {
    if (starts_with(lower, intro) && s.size() > intro.size() + 1) {
      return Aspect{std::string(trim(s.substr(intro.size()))),
                    std::string(trim(s.substr(0, intro.size()))), true, false, false};
    }
  }
  // `About X`: what X is.
  if (starts_with(lower, "about ") && s.size() > 6) {
    return Aspect{std::string(trim(s.substr(6))), std::string(s.substr(0, 5)), true, false, false};
  }
  // `X의 Y`, `X 의 Y` (Korean possessive).
  if (const std::size_t at = s.rfind("의 "); at != std::string_view::npos && at > 0) {
    const std::string_view label = trim(s.substr(at + std::string_view("의 ").size()));
    if (const AspectWord* a = find_aspect(ascii_lower(label))) {
      const std::string_view subject = trim(s.substr(0, at));
      if (!subject.empty()) return Aspect{std::string(subject), std::string(label), a->defines,
                                          a->listy, a->skip};
    }
  }
  // `X 장점`, `X 특징`: a Korean aspect word after the subject; `교착상태 발생 조건`: two words.
  const std::vector<std::string_view> words = split_words(s);
  if (words.size() >= 3 && is_korean_text(words.back())) {
    const std::string_view pair(words[words.size() - 2].data(),
                                static_cast<std::size_t>(words.back().data() + words.back().size() -
                                                         words[words.size() - 2].data()));
    if (const AspectWord* a = find_aspect(pair)) {
      const std::string_view subject = trim(s.substr(0, s.size() - pair.size()));
      return Aspect{std::string(subject), std::string(pair), a->defines, a->listy, a->skip};
    }
  }
  if (words.size() >= 2 && is_korean_text(words.back())) {
    if (const AspectWord* a = find_aspect(words.back())) {
      const std::string_view subject = trim(s.substr(0, s.size() - words.back().size()));
      return Aspect{std::string(subject), std::string(words.back()), a->defines, a->listy,
                    a->skip};
    }
  }
  // `Causes for Overfitting`, `Remedies for X`: a list aspect said with `for`.
  if (const std::size_t at = lower.find(" for "); at != std::string::npos) {
    if (const AspectWord* a = find_aspect(lower.substr(0, at)); a != nullptr && a->listy) {
      const std::string_view subject = trim(s.substr(at + 5));
      if (!subject.empty()) return Aspect{std::string(subject), std::string(s.substr(0, at)), false, true, false};
    }
  }
  // `Advantages of X`, `Types of X`, `Limitations of the X`.
  if (const std::size_t of = lower.find(" of "); of != std::string::npos) {
    if (const AspectWord* a = find_aspect(lower.substr(0, of))) {
      std::string_view subject = trim(s.substr(of + 4));
      if (starts_with(ascii_lower(subject), "the ")) subject = trim(subject.substr(4));
      if (!subject.empty()) return Aspect{std::string(subject), std::string(s.substr(0, of)),
                                          a->defines, a->listy, a->skip};
    }
  }
  // `X Limitations`, `X Advantages` (English aspect word last, after a name). `Acoustic Features`,
  // `Algorithmic Benefits`: one adjective before it is no name; the heading is one noun phrase.
  if (words.size() >= 2 && !is_korean_text(words.back())) {
    const std::string first = ascii_lower(words.front());
    const bool adjective = words.size() == 2 && first.size() > 4 &&
                           (ends_with(first, "ic") || ends_with(first, "al") ||
                            ends_with(first, "ive") || ends_with(first, "ous") ||
                            ends_with(first, "ary") || ends_with(first, "ful"));
    if (const AspectWord* a = find_aspect(ascii_lower(words.back()));
        a != nullptr && a->listy && ascii_lower(words.back()).back() == 's' && !adjective) {
      const std::string_view subject = trim(s.substr(0, s.size() - words.back().size()));
      return Aspect{std::string(subject), std::string(words.back()), a->defines, a->listy,
                    a->skip};
    }
  }
  return std::nullopt;
}

std::pair<std::string, std::string> aspect_question(std::string_view subject,
                                                    std::string_view label, std::size_t items) {
  std::string question;
  std::string term;
  if (contains_hangul(label)) {
    const std::optional<bool> consonant = ends_in_consonant(label);
    term = std::string(subject) + "의 " + std::string(label);
    question = term + (consonant.value_or(true) ? "은?" : "는?");
    if (items >= 2) question += " (" + std::to_string(items) + "가지)";
  } else {
    term = std::string(subject) + ": " + std::string(label);
    question = term + "?";
    if (items >= 2) question += " (" + std::to_string(items) + ")";
  }
  return {std::move(question), std::move(term)};
}

std::optional<Pair> as_compared_pair(std::string_view name) {
  std::string_view s = trim(name);
  std::string lower = ascii_lower(s);
  bool marked = false;  // the name says it compares (`difference between`, `차이`)
  for (const std::string_view prefix : {"difference between ", "differences between ",
                                        "the difference between "}) {
    if (starts_with(lower, prefix)) {
      s = trim(s.substr(prefix.size()));
      lower = ascii_lower(s);
      marked = true;
    }
  }
  for (const std::string_view suffix : {"의 차이점", "의 차이", " 차이점", " 차이", " 비교",
                                        "의 비교"}) {
    if (ends_with(s, suffix)) {
      s = trim(s.substr(0, s.size() - suffix.size()));
      lower = ascii_lower(s);
      marked = true;
      break;
    }
  }
  // Korean `A와 B`, `A 과 B`: the joining particle ends the first word.
  const std::vector<std::string_view> words = split_words(s);
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string_view w = words[k];
    std::string_view first;
    // An English `A and B` heading is as often one topic (`PyTorch and Scientific Computing`)
    // as two to contrast (judged): only a name that says it compares makes it a pair.
    if ((w == "and" || w == "And") && !marked) return std::nullopt;
    if (w == "와" || w == "과" || w == "및" || w == "and" || w == "And" || w == "&") {
      first = trim(s.substr(0, static_cast<std::size_t>(w.data() - s.data())));
    } else if (is_korean_text(w) && (ends_with(w, "와") || ends_with(w, "과")) && w.size() > 3) {
      first = trim(s.substr(0, static_cast<std::size_t>(w.data() - s.data()) + w.size() - 3));
    } else {
      continue;
    }
    const std::string_view second =
        trim(s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size()));
    if (first.empty() || second.empty() || word_count(first) > 4 || word_count(second) > 4) {
      return std::nullopt;
    }
    // `다음과 같다`, `위와 같이`: a sentence, not two names.
    if (!as_term(first, {4, 40}) || !as_term(second, {4, 40})) return std::nullopt;
    for (const std::string_view deictic : {"다음", "아래", "위", "이", "그", "이것", "그것"}) {
      if (first == deictic) return std::nullopt;
    }
    if (second.find(',') != std::string_view::npos || first.find(',') != std::string_view::npos) {
      return std::nullopt;
    }
    return Pair{std::string(first), std::string(second)};
  }
  return std::nullopt;
}

}  // namespace recall::extract
