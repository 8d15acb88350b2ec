// What the rules share: the rule list, the heading path, the term test and the paragraph walk.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

bool ends_with_any(std::string_view s, std::span<const std::string_view> ends) {
  return std::any_of(ends.begin(), ends.end(),
                     [&](std::string_view end) { return ends_with(s, end); });
}

// Punctuation that ends a sentence or a clause, ASCII and CJK.
bool is_sentence_end(std::string_view s) {
  static constexpr auto kEnds =
      std::to_array<std::string_view>({".", "!", "?", ";", ",", "。", "？", "！", "…", "、"});
  return ends_with_any(s, kEnds);
}

// `parameter도`, `process등이`: a Latin word with a Korean particle glued to it.
bool is_latin_with_particle(std::string_view word) {
  std::size_t latin = 0;
  while (latin < word.size() && static_cast<unsigned char>(word[latin]) < 0x80) ++latin;
  if (latin == 0 || latin == word.size()) return false;
  if (std::isalnum(static_cast<unsigned char>(word[latin - 1])) == 0) return false;
  const std::string_view tail = word.substr(latin);
  return hangul_count(tail) <= 2 && code_point_count(tail) == hangul_count(tail);
}

// `모듈이`, `스케줄러가`: a subject particle after a noun of two syllables or more, so the phrase
// is a clause (`저수준 모듈이 변경돼도 …`). `길이`, `높이` (one syllable before 이) are nouns.
bool has_subject_particle(std::string_view word) {
  for (const bool after_consonant : {true, false}) {
    const std::string_view particle = after_consonant ? "이" : "가";
    if (!ends_with(word, particle) || word.size() <= particle.size()) continue;
    const std::string_view base = word.substr(0, word.size() - particle.size());
    if (hangul_count(base) < 2 || hangul_count(base) != code_point_count(base)) return false;
    const std::optional<bool> batchim = last_syllable_has_batchim(base);
    return batchim && *batchim == after_consonant;
  }
  return false;
}

// `모델과`, `Transformer와`: the word joins two things with 와/과, so the phrase names two.
bool joins_two_nouns(std::string_view word) {
  for (const bool after_consonant : {false, true}) {
    const std::string_view particle = after_consonant ? "과" : "와";
    if (!ends_with(word, particle) || word.size() <= particle.size()) continue;
    const std::string_view base = word.substr(0, word.size() - particle.size());
    if (hangul_count(base) == 0) {
      return std::isalnum(static_cast<unsigned char>(base.back())) != 0;  // `Transformer와`
    }
    // `결과`, `효과` are nouns: one syllable in front of 과 is no particle.
    if (hangul_count(base) < 2) return false;
    const std::optional<bool> batchim = last_syllable_has_batchim(base);
    return batchim && *batchim == after_consonant;
  }
  return false;
}

}  // namespace

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
  static constexpr auto kClauseWordEnds = std::to_array<std::string_view>(
      {"을",   "를",   "은",     "는",   "에서", "에게", "면서",   "는지",  "자면", "하면", "되면",
       "으면", "지만", "는데",   "도록", "려고", "하여", "해서",   "하고",  "되고", "하며", "되며",
       "부터", "까지", "로부터", "에는", "에도", "처럼", "보다",   "이나",  "라도", "라서", "므로",
       "니까", "어서", "아서",   "에",   "돼도", "해도", "되어도", "하여도"});
  const std::vector<std::string_view> words = split_words(s);
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {  // the last word may end in anything
    // `FCFS 또는 FIFO`, `A 혹은 B`: `or` ends like a topic particle but joins two names.
    if (words[k] == "또는" || words[k] == "혹은") continue;
    if (ends_with_any(words[k], kClauseWordEnds)) return true;
    if (joins_two_nouns(words[k]) || is_latin_with_particle(words[k]) ||
        has_subject_particle(words[k])) {
      return true;
    }
  }
  return false;
}

namespace {

// Letters, not only digits and signs (`2018`, `---`).
bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || std::isalpha(b) != 0;
  });
}

// `✓ **Term**`, `4.**Term**`, `① Term`: check marks and numbers in front are not the term.
std::string_view without_marks(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    static constexpr auto kMarks = std::to_array<std::string_view>(
        {"\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x98\x85", "\xE2\x98\x86", "\xE2\x96\xB6",
         "\xE2\x96\xBA", "\xE2\x80\xA2", "\xE2\x86\x92", "\xE2\x9D\x97", "\xE2\x9C\x85"});
    for (const std::string_view mark : kMarks) {
      if (starts_with(s, mark)) {
        s.remove_prefix(mark.size());
        changed = true;
      }
    }
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits])) != 0) ++digits;
    if (digits > 0 && digits < 3 && digits + 1 < s.size() &&
        (s[digits] == '.' || s[digits] == ')') &&
        !std::isdigit(static_cast<unsigned char>(s[digits + 1]))) {
      s.remove_prefix(digits + 1);
      changed = true;
    }
    // `(B) tweedie distribution`, `(R) transcript-ese`: a one-letter tag in parentheses that
    // sorts the item (background, review, …), not part of the name.
    if (s.size() > 4 && s[0] == '(' && std::isupper(static_cast<unsigned char>(s[1])) != 0 &&
        s[2] == ')' && s[3] == ' ') {
      s.remove_prefix(4);
      changed = true;
    }
    // Circled numbers ① … ⑳ (U+2460 … U+2473).
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
        static_cast<unsigned char>(s[1]) == 0x91 && static_cast<unsigned char>(s[2]) >= 0xA0 &&
        static_cast<unsigned char>(s[2]) <= 0xB3) {
      s.remove_prefix(3);
      changed = true;
    }
  }
  return s;
}

bool has_comma_outside_parentheses(std::string_view s) {
  int depth = 0;
  for (const char c : s) {
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (c == ',' && depth == 0) return true;
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

}  // namespace

// Last words that make a phrase a label rather than a term: `구현 방법`, `좋았던 점`, `0306
// 스터디`, `Stack 구현(Sudo Code)` (a gloss in parentheses after the last word aside).
bool has_label_last_word(std::string_view s) {
  if (const std::size_t paren = s.find('('); paren != std::string_view::npos && paren > 0 &&
                                             ends_with(trim(s), ")")) {
    s = trim(s.substr(0, paren));
  }
  const std::vector<std::string_view> words = split_words(s);
  // `생성방법`, `실행순서`: a label noun glued to what it is about.
  static constexpr auto kGlued = std::to_array<std::string_view>(
      {"방법", "순서", "과정", "예제", "예시", "정리", "요약", "특징", "장점", "단점", "주의사항"});
  if (!words.empty() && hangul_count(words.back()) >= 3 &&
      std::any_of(kGlued.begin(), kGlued.end(),
                  [&](std::string_view l) { return ends_with(words.back(), l); })) {
    return true;
  }
  if (words.size() < 2) return false;
  const std::string last = ascii_lower(words.back());
  // `구현 방법 3가지`, `장점 2개`: a count of things, a heading for a list.
  if (std::isdigit(static_cast<unsigned char>(last.front())) != 0 &&
      (ends_with(last, "가지") || ends_with(last, "개"))) {
    return true;
  }
  static constexpr auto kLast = std::to_array<std::string_view>(
      {"점",       "방법",    "과정",     "예제",    "예시",           "코드",       "정리",
       "요약",     "후기",    "계획",     "순서",    "구현",           "결과",       "목표",
       "실습",     "풀이",    "연동",     "설치",
       "목적",     "이유",    "장점",     "단점",    "장단점",         "특징",       "종류",
       "스터디",   "세미나",  "미팅",     "회의",    "발표",           "리뷰",       "인사이트",
       "아이디어", "학회",    "컨퍼런스", "세션",    "워크샵",         "conference", "session",
       "workshop", "example", "examples", "code",    "implementation", "summary",    "notes",
       "overview", "usage",   "results",  "plan",    "plans",          "todo",       "references",
       "links",    "review",  "study",    "meeting", "insights",       "ideas"});
  if (last == "code") {
    // `Sample code`, `Python code`: code to read, a label; `Thermometer code`, `Huffman code`,
    // `Gray code`: a way of encoding, a term.
    static constexpr auto kCodeOf = std::to_array<std::string_view>(
        {"sample", "example", "source", "full", "complete", "final", "starter", "test", "demo",
         "my", "the", "our", "your", "this", "pseudo", "python", "java", "c", "c++", "javascript",
         "js", "typescript", "go", "rust", "kotlin", "swift", "r", "matlab", "sql", "shell",
         "bash", "pytorch", "tensorflow", "keras", "numpy", "training", "helper", "utility"});
    const std::string before = ascii_lower(words[words.size() - 2]);
    return std::find(kCodeOf.begin(), kCodeOf.end(), before) != kCodeOf.end() ||
           contains_hangul(before);
  }
  return std::find(kLast.begin(), kLast.end(), last) != kLast.end();
}

namespace {

// Items that plan work rather than note knowledge: `plan biosyn`, `maybe later`, `다음 주에 할 것`.
bool is_plan(std::string_view lower) {
  static constexpr auto kStarts = std::to_array<std::string_view>(
      {"plan ", "plans ", "planning ", "maybe ", "later ", "next ", "todo", "to do ", "to-do",
       "fixme", "tbd", "wip", "계획", "할 일", "할일", "나중에", "다음에"});
  return std::any_of(kStarts.begin(), kStarts.end(),
                     [&](std::string_view start) { return starts_with(lower, start); });
}

}  // namespace

bool is_generic_label(std::string_view lower) {
  static constexpr auto kLabels = std::to_array<std::string_view>({"example",
                                                                   "examples",
                                                                   "e.g.",
                                                                   "eg",
                                                                   "ex",
                                                                   "note",
                                                                   "notes",
                                                                   "reference",
                                                                   "references",
                                                                   "link",
                                                                   "links",
                                                                   "see also",
                                                                   "source",
                                                                   "sources",
                                                                   "pros",
                                                                   "cons",
                                                                   "pros and cons",
                                                                   "advantages",
                                                                   "disadvantages",
                                                                   "summary",
                                                                   "todo",
                                                                   "to do",
                                                                   "done",
                                                                   "misc",
                                                                   "etc",
                                                                   "details",
                                                                   "detail",
                                                                   "overview",
                                                                   "intro",
                                                                   "introduction",
                                                                   "conclusion",
                                                                   "result",
                                                                   "results",
                                                                   "question",
                                                                   "questions",
                                                                   "answer",
                                                                   "idea",
                                                                   "ideas",
                                                                   "plan",
                                                                   "plans",
                                                                   "background",
                                                                   "method",
                                                                   "methods",
                                                                   "authors",
                                                                   "author",
                                                                   "vote",
                                                                   "votes",
                                                                   "date",
                                                                   "tags",
                                                                   "tag",
                                                                   "title",
                                                                   "status",
                                                                   "category",
                                                                   "categories",
                                                                   "url",
                                                                   "paper",
                                                                   "papers",
                                                                   "code",
                                                                   "github",
                                                                   "repo",
                                                                   "blog",
                                                                   "video",
                                                                   "slides",
                                                                   "data",
                                                                   "dataset",
                                                                   "datasets",
                                                                   "model",
                                                                   "models",
                                                                   "usage",
                                                                   "output",
                                                                   "input",
                                                                   "table of contents",
                                                                   "contents",
                                                                   "toc",
                                                                   "abstract",
                                                                   "keywords",
                                                                   "tl;dr",
                                                                   "tldr",
                                                                   "warning",
                                                                   "tip",
                                                                   "tips",
                                                                   "important",
                                                                   "update",
                                                                   "research",
                                                                   "입력",
                                                                   "출력",
                                                                   "반복",
                                                                   "초매개변수",
                                                                   "예",
                                                                   "예시",
                                                                   "예제",
                                                                   "참고",
                                                                   "참고자료",
                                                                   "참고 자료",
                                                                   "정리",
                                                                   "요약",
                                                                   "특징",
                                                                   "결론",
                                                                   "링크",
                                                                   "출처",
                                                                   "메모",
                                                                   "할 일",
                                                                   "질문",
                                                                   "결과",
                                                                   "개요",
                                                                   "기타",
                                                                   "후기",
                                                                   "qna",
                                                                   "q&a",
                                                                   "faq",
                                                                   "같은점",
                                                                   "같은 점",
                                                                   "차이점",
                                                                   "차이",
                                                                   "공통점",
                                                                   "방법",
                                                                   "해결방법",
                                                                   "해결 방법",
                                                                   "이유",
                                                                   "원인",
                                                                   "목적",
                                                                   "목표",
                                                                   "구조",
                                                                   "세부구조",
                                                                   "과정",
                                                                   "종류",
                                                                   "설명",
                                                                   "순서",
                                                                   "진행 순서",
                                                                   "문제점",
                                                                   "장점",
                                                                   "단점",
                                                                   "장단점",
                                                                   "저자",
                                                                   "논문",
                                                                   "데이터",
                                                                   "모델",
                                                                   "코드",
                                                                   "입력",
                                                                   "출력",
                                                                   "주의",
                                                                   "주의사항",
                                                                   "사용법",
                                                                   "용어",
                                                                   "용어 정리",
                                                                   "개념",
                                                                   "개념 정리",
                                                                   "목차",
                                                                   "공부",
                                                                   "개인 공부",
                                                                   "개인 학습",
                                                                   "학습",
                                                                   "데일리 트렌드",
                                                                   "멘토링",
                                                                   "강의",
                                                                   "부캠 강의",
                                                                   "스터디",
                                                                   "회고",
                                                                   "느낀점",
                                                                   "느낀 점",
                                                                   "배운점",
                                                                   "배운 점",
                                                                   "문제",
                                                                   "풀이",
                                                                   "해설",
                                                                   "정답",
                                                                   "답",
                                                                   "시간복잡도",
                                                                   "공간복잡도",
                                                                   "구현",
                                                                   "소스코드",
                                                                   "소스 코드",
                                                                   "전체 코드",
                                                                   "예제 코드",
                                                                   "실행 결과",
                                                                   "동작 원리",
                                                                   "원리",
                                                                   "정의",
                                                                   "new",
                                                                   "new new",
                                                                   "research",
                                                                   "etc.",
                                                                   "사용",
                                                                   "활용",
                                                                   "시간 복잡도",
                                                                   "공간 복잡도",
                                                                   "복잡도",
                                                                   "time complexity",
                                                                   "space complexity",
                                                                   "complexity",
                                                                   "반환값",
                                                                   "리턴값",
                                                                   "return",
                                                                   "returns",
                                                                   "parameters",
                                                                   "매개변수",
                                                                   "인자",
                                                                   "before",
                                                                   "after",
                                                                   "ex)",
                                                                   "추가",
                                                                   "참고사항",
                                                                   "비고",
                                                                   "dependency",
                                                                   "dependencies",
                                                                   "what's new",
                                                                   "technical details",
                                                                   "performance highlights",
                                                                   "key findings",
                                                                   "contributions",
                                                                   "contribution",
                                                                   "limitations",
                                                                   "limitation",
                                                                   "motivation",
                                                                   "method overview",
                                                                   "experiments",
                                                                   "experiment",
                                                                   "findings",
                                                                   "takeaways",
                                                                   "takeaway",
                                                                   "problem",
                                                                   "solution",
                                                                   "approach"});
  return std::find(kLabels.begin(), kLabels.end(), lower) != kLabels.end();
}

bool ends_with_korean_particle(std::string_view word) {
  static constexpr auto kEnds = std::to_array<std::string_view>(
      {"은",   "는",   "을",   "를",   "의",   "에",   "에서", "에게", "으로", "와",   "과",
       "처럼", "까지", "부터", "하는", "되는", "하고", "되고", "하며", "되며", "해서", "하여",
       "한",   "된",   "던",   "할",   "될",   "면",   "며",   "니",   "게",   "히",   "다",
       "께",   "랑",   "든",   "면서", "없이", "지만", "는데", "하게"});
  return std::any_of(kEnds.begin(), kEnds.end(),
                     [&](std::string_view end) { return ends_with(word, end); });
}

bool is_numbered_label(std::string_view term) {
  const std::vector<std::string_view> words = split_words(term);
  if (words.size() != 2) return false;
  std::string_view number = words[1];
  while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.remove_suffix(1);
  if (number.empty() ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  static constexpr auto kLabels = std::to_array<std::string_view>(
      {"결론",    "예시", "예제",    "단계",   "방법", "문제",     "결과",   "정리",
       "요약",    "참고", "질문",    "답",     "챕터", "파트",     "장",     "절",
       "주차",    "일차", "과제",    "실습",   "step", "example",  "part",   "chapter",
       "note",    "case", "lecture", "week",   "day",  "question", "answer", "exercise",
       "problem", "lab",  "section", "figure", "table"});
  const std::string label = ascii_lower(words[0]);
  return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

bool is_anaphora(std::string_view s) {
  const std::vector<std::string_view> words = split_words(s);
  if (words.empty()) return true;
  const std::string first = ascii_lower(words.front());
  static constexpr auto kFirst = std::to_array<std::string_view>(
      {"it",      "it's",   "its",    "this",   "that",   "these",  "those",    "there",
       "here",    "he",     "she",    "they",   "we",     "i",      "you",      "which",
       "what",    "who",    "one",    "each",   "all",    "some",   "such",     "our",
       "their",   "my",     "his",    "her",    "both",   "either", "이",       "그",
       "저",      "본",     "해당",   "위",     "아래",   "이번",   "다음",     "이것",
       "그것",    "이는",   "이게",   "이건",   "그건",   "저자",   "우리",     "나",
       "나는",    "제가",   "내가",   "여기",   "거기",   "이런",   "그런",     "이러한",
       "그러한",  "위의",   "앞의",   "또",     "또한",   "즉",     "하지만",   "그러나",
       "그리고",  "따라서", "그래서", "반면",   "다시",   "그럼",   "그렇다면", "이처럼",
       "이렇게",  "이제",   "우리가", "우리는", "나는",   "내가",   "저는",     "첫째",
       "둘째",    "셋째",   "넷째",   "다섯째", "첫째로", "둘째로", "셋째로",   "마지막으로",
       "finally", "then",   "so",     "but",    "and",    "also"});
  if (std::find(kFirst.begin(), kFirst.end(), first) != kFirst.end()) return true;
  // `The` alone is a pointer too; `The model`, `the above` name nothing of their own.
  if (first == "the" && words.size() == 1) return true;
  if (first == "the" && words.size() <= 3) {
    static constexpr auto kGeneric = std::to_array<std::string_view>(
        {"model",      "method",   "approach", "paper",  "algorithm", "result",    "author",
         "authors",    "idea",     "problem",  "goal",   "key",       "answer",    "reason",
         "difference", "main",     "first",    "second", "last",      "following", "same",
         "other",      "above",    "below",    "former", "latter",    "study",     "work",
         "system",     "proposed", "new",      "next",   "previous",  "output",    "input"});
    const std::string second = ascii_lower(words[1]);
    return std::find(kGeneric.begin(), kGeneric.end(), second) != kGeneric.end();
  }
  return false;
}

bool is_unsure(std::string_view text) {
  text = trim(text);
  if (text.find("??") != std::string_view::npos || text.find("..?") != std::string_view::npos ||
      text.find("?)") != std::string_view::npos) {
    return true;
  }
  while (!text.empty() && (text.back() == '.' || text.back() == ')' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  return ends_with(text, "?") || ends_with(text, "\xEF\xBC\x9F");
}

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
    if (s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      ++i;
      continue;
    }
    if (s[i] == '[' && s.find("](", i) != std::string_view::npos) {
      ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::span<const Rule> all_rules() {
  static constexpr std::array<Rule, 17> kRules = {{
      {"qa-pair", rule_qa_pair},
      {"osr", rule_osr},
      {"double-colon", rule_double_colon},
      {"cloze", rule_cloze},
      {"question-heading", rule_question_heading},
      {"paper-digest", rule_paper_digest},
      {"command", rule_command},
      {"acronym", rule_acronym},
      {"term-colon", rule_term_colon},
      {"table", rule_table},
      {"nested-term", rule_nested_term},
      {"definition-sentence", rule_definition_sentence},
      {"proposed-term", rule_proposed_term},
      {"asked-in-text", rule_asked_in_text},
      {"comparison", rule_comparison},
      {"list-intro", rule_list_intro},
      {"heading-section", rule_heading_section},
  }};
  return kRules;
}

bool is_summary_heading(const RuleInput& in, int line) {
  for (int n = std::max(1, line - 2); n <= line; ++n) {
    const auto index = static_cast<std::size_t>(n - 1);
    if (index < in.lines.size() &&
        ascii_lower(in.lines[index]).find("<summary") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool kinds_may_share_lines(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (b == "definition") std::swap(a, b);
  // `Q:::A` and `??` cards ask both ways from one line.
  if (b == "qa") std::swap(a, b);
  if (a == "qa" && b == "reverse") return true;
  return a == "definition" && (b == "acronym" || b == "comparison" || b == "reverse");
}

void HeadingPath::enter(const notes::Block& heading) {
  while (!m_levels.empty() && m_levels.back() >= heading.level) {
    m_levels.pop_back();
    m_path.pop_back();
  }
  m_levels.push_back(heading.level);
  std::string_view text = trim(strip_emphasis(heading.text));
  for (const std::string_view mark : {":", "\xEF\xBC\x9A"}) {
    if (ends_with(text, mark)) text = trim(text.substr(0, text.size() - mark.size()));
  }
  m_path.emplace_back(trim(without_link_targets(text)));
}

std::optional<std::string> as_term(std::string_view line, const TermLimits& limits) {
  std::string_view s = trim(line);
  if (s.empty() || s.find('\n') != std::string_view::npos) return std::nullopt;
  bool colon = false;
  for (const std::string_view mark : {":", "\xEF\xBC\x9A"}) {
    if (s.size() > mark.size() && ends_with(s, mark)) {
      s = trim(s.substr(0, s.size() - mark.size()));
      colon = true;
      break;
    }
  }
  s = without_marks(s);
  // A lone star after a name marks it (`LLAVA-Bench *`), it is not part of it.
  while (ends_with(s, " *")) s = trim(s.substr(0, s.size() - 2));
  s = trim(strip_emphasis(s));
  // Stray emphasis marks left by emphasis around part of the line (`*StringBuffer 클래스`).
  if (s.find('*') == s.rfind('*')) {
    while (!s.empty() && s.front() == '*') s = trim(s.substr(1));
    while (!s.empty() && s.back() == '*') s = trim(s.substr(0, s.size() - 1));
  }
  if (s.empty() || !has_letter(s)) return std::nullopt;
  if (has_comma_outside_parentheses(s)) return std::nullopt;       // a list of things
  if (s.find('=') != std::string_view::npos) return std::nullopt;  // a formula or a comparison
  const std::size_t words = word_count(s);
  if (code_point_count(s) > limits.code_points || words > limits.words || (colon && words > 3)) {
    return std::nullopt;
  }
  if (is_sentence_end(s) || s.back() == ':' || s.find(". ") != std::string_view::npos ||
      has_inline_colon(s)) {
    return std::nullopt;
  }
  // A question mark anywhere is a question or a note to self (`ssl for dna?(PA?)`).
  if (s.find('?') != std::string_view::npos || s.find("\xEF\xBC\x9F") != std::string_view::npos) {
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
  if (is_plan(lower)) return std::nullopt;
  // `X vs Y` names two things to compare (rule 10), not a term.
  if (lower.find(" vs ") != std::string::npos || lower.find(" vs. ") != std::string::npos) {
    return std::nullopt;
  }
  if (find_outside_code(s, " :: ") != std::string_view::npos) return std::nullopt;
  if (match_marker(s, 'q').found || match_marker(s, 'a').found) return std::nullopt;
  if (is_date_like(s) || is_generic_label(lower) || has_label_last_word(s)) return std::nullopt;
  // People are not terms: `동훈님 논문`.
  if (s.find("님") != std::string_view::npos) return std::nullopt;
  if (has_english_verb(lower) || is_korean_clause(s)) return std::nullopt;
  // `Hinton stated the following: "…"`: a lead-in to a quotation or a list, not a name.
  if (ends_with(lower, "following") || ends_with(lower, "as follows")) return std::nullopt;
  return std::string(s);
}

std::vector<std::string> make_context(const std::vector<std::string>& headings,
                                      const std::vector<std::string>& extra) {
  std::vector<std::string> context = headings;
  context.insert(context.end(), extra.begin(), extra.end());
  return context;
}

namespace {

// The fields every proposed card sets the same way.
Proposal card(std::string_view rule, std::string_view kind, std::string question, std::string term,
              std::string answer, double confidence, int line, int end_line,
              std::vector<std::string> context) {
  Proposal proposal;
  CardDraft& draft = proposal.draft;
  draft.question = std::move(question);
  draft.term = std::move(term);
  draft.answer = std::move(answer);
  draft.kind = std::string(kind);
  draft.rule = std::string(rule);
  draft.confidence = confidence;
  draft.line = line;
  draft.context = std::move(context);
  proposal.end_line = std::max(line, end_line);
  return proposal;
}

}  // namespace

Proposal qa_card(std::string_view rule, std::string question, std::string answer, double confidence,
                 int line, int end_line, std::vector<std::string> context) {
  std::string term = question;  // one line: the term is an identity hint, not display text
  std::replace(term.begin(), term.end(), '\n', ' ');
  return card(rule, "qa", std::move(question), std::move(term), std::move(answer), confidence, line,
              end_line, std::move(context));
}

Proposal definition_card(std::string_view rule, std::string term, std::string answer,
                         double confidence, int line, int end_line,
                         std::vector<std::string> context) {
  std::string question = what_is_question(term, card_language(term, answer));
  return card(rule, "definition", std::move(question), std::move(term), std::move(answer),
              confidence, line, end_line, std::move(context));
}

void as_written_cards(RuleOutput& out, std::string_view rule, const std::string& front,
                      const std::string& back, bool both_ways, int line, int end_line,
                      const std::vector<std::string>& context) {
  Proposal forward;
  forward.draft.question = front;
  forward.draft.answer = back;
  forward.draft.kind = "qa";
  forward.draft.rule = std::string(rule);
  forward.draft.confidence = 1.0;
  forward.draft.line = line;
  forward.draft.context = context;
  forward.draft.term = front;
  forward.end_line = std::max(line, end_line);
  if (both_ways) {
    Proposal reverse = forward;
    reverse.draft.question = back;
    reverse.draft.answer = front;
    reverse.draft.kind = "reverse";
    reverse.draft.term = back;
    out.cards.push_back(std::move(forward));
    out.cards.push_back(std::move(reverse));
    return;
  }
  out.cards.push_back(std::move(forward));
}

namespace {

class ParagraphWalker {
 public:
  explicit ParagraphWalker(const std::function<void(const ParagraphVisit&)>& visit)
      : m_visit(visit) {}

  void walk(std::span<const Block> blocks, bool top_level, const Block* item, const Block* list) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      switch (block.kind) {
        case BlockKind::heading:
          if (top_level) m_headings.enter(block);
          break;
        case BlockKind::paragraph:
          m_visit({block, m_headings.path(), i == 0 ? item : nullptr, i == 0 ? list : nullptr,
                   m_depth});
          break;
        case BlockKind::list:
          for (const Block& child : block.children) {
            if (child.task != notes::Task::none) continue;
            ++m_depth;
            walk(child.children, false, &child, &block);
            --m_depth;
          }
          break;
        case BlockKind::quote:
          walk(block.children, false, nullptr, nullptr);
          break;
        default:
          break;
      }
    }
  }

 private:
  const std::function<void(const ParagraphVisit&)>& m_visit;
  HeadingPath m_headings;
  int m_depth = 0;
};

}  // namespace

void for_each_paragraph(const notes::Outline& outline,
                        const std::function<void(const ParagraphVisit&)>& visit) {
  ParagraphWalker(visit).walk(outline.blocks, true, nullptr, nullptr);
}

bool is_bold_question(std::string_view paragraph) {
  std::string_view t = trim(paragraph);
  t = trim(t.substr(0, t.find('\n')));  // the first line; the answer may follow on the next
  if (!starts_with(t, "**") || !ends_with(t, "**") || t.size() < 7 ||
      t.substr(2, t.size() - 4).find("**") != std::string_view::npos) {
    return false;
  }
  const std::string_view inner = trim(t.substr(2, t.size() - 4));
  return ends_with(inner, "?") || ends_with(inner, "\xEF\xBC\x9F");
}

std::span<const Block> section_after(std::span<const Block> blocks, std::size_t index,
                                     bool until_any) {
  const int level = blocks[index].level;
  std::size_t end = index + 1;
  while (end < blocks.size()) {
    const Block& b = blocks[end];
    if (b.kind == BlockKind::heading && (until_any || b.level <= level)) break;
    // `**Q3. REST란?**` on a line of its own: a question set in bold starts a section of its own.
    if (b.kind == BlockKind::paragraph && is_bold_question(b.text)) break;
    ++end;
  }
  return blocks.subspan(index + 1, end - index - 1);
}

}  // namespace recall::extract
