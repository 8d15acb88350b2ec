// Rule `definition-sentence` (pattern 9): a sentence that defines a term.
//
//   Flow model이란 … 생성형 모델임.                    → Flow model이란?   (0.9)
//   여기서의 alignment는 … 과정을 의미합니다.           → alignment란?      (0.9)
//   … SDE sampling을 실시하는 것을 DDPM sampling이라고 한다. → DDPM sampling이란? (0.85)
//   fidelity는 … 나타내는 개념이며, …                  → fidelity란?       (0.85)
//   Entropy is the expected surprise of a variable.    → What is Entropy?  (0.6–0.9)
//
// Paragraphs are split into sentences first (split_sentences). A sentence that a hedge weakens
// (`…인듯`, `…것 같다`, `maybe`) or that asks (`?`) defines nothing for sure and gets a low
// confidence. A topic sentence that only says something about a term (`Wiener process는 …다`)
// counts when it is the first time the note names the term, and less than the patterns above.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <unordered_map>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

using notes::Block;

constexpr TermLimits kTermLimits{5, 40};
constexpr std::size_t kMaxTopicWords = 5;  // words before the particle

constexpr double kIran = 0.9;            // X란 …
constexpr double kIranInPassing = 0.6;   // X란 아래와 같이 …: what X is, with a figure after it
constexpr double kMeaning = 0.9;         // X는 …을 의미한다 / 말한다 / 뜻한다
constexpr double kMeaningInside = 0.85;  // X는 …을 의미하며, …
constexpr double kRepresents = 0.75;     // X는 …을 나타낸다
constexpr double kCalled = 0.85;         // …을 X라고 한다
constexpr double kCalledLoose = 0.6;     // X라고 한다 without an object in front
constexpr double kIdentified = 0.8;      // …하는 방법이 바로 X이다
constexpr double kClassCopula = 0.85;    // X는 …하는 개념이다 / 모델임
constexpr double kCopula = 0.45;  // X는 …이다 with any noun: as often a remark (`…효율적이다`)
constexpr double kClassCopulaInside = 0.8;  // X는 …하는 개념이며, …
// X는 …한다: a multi-word name the note introduces here, with a long sentence about it.
constexpr double kTopicFirst = 0.55;
constexpr double kTopicOther = 0.35;
constexpr double kMarkedTopic = 0.6;  // **X** (알고리즘)은 …: a topic the writer marked as a name
constexpr double kDefinedAs = 0.9;      // X is defined as …
constexpr double kRefersTo = 0.85;      // X refers to …
constexpr double kEnglishCalled = 0.8;  // … is called X
constexpr double kMeans = 0.75;         // X means …
constexpr double kIsA = 0.7;            // X is a / an …
constexpr double kIsThe = 0.6;          // X is the …
constexpr double kHedged = 0.45;        // any of them, hedged
constexpr double kFromPreviousParagraph = 0.7;
constexpr double kNamedThenExplained = 0.6;  // `X`라는 … . 이는 …이다.  // its answer starts in the paragraph above
constexpr double kMarkedVerb = 0.6;  // **X** does …: a marked name and what it does
constexpr double kNamedVerb = 0.55;  // Cross-entropy measures …: an unmarked name, a defining verb
constexpr double kPlural = 0.6;  // Xs are Ys that …
constexpr double kOccurs = 0.6;  // X occurs when …
constexpr double kCalledWhich = 0.6;  // … a variant of RNN called X, which …
constexpr double kInside = 0.6;  // In X, we …: how a named method works, told from inside it
constexpr double kNamedInTurn = 0.6;  // 첫 번째는 `X`이다. X는 …  (judged: 2 kept of 2, round 29)

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The last code point of `s`.
char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return next_code_point(s, i);
}

// `word` without a particle that has a form after a vowel and one after a consonant (란/이란,
// 는/은, 라고/이라고), when the form fits the word in front: `엔트로피란` → `엔트로피`,
// `model이란` → `model`, but not `혼란` (혼 ends in a consonant, so it would take 이란).
std::optional<std::string_view> before_particle(std::string_view word, std::string_view vowel,
                                                std::string_view consonant) {
  for (const bool after_consonant : {true, false}) {
    const std::string_view form = after_consonant ? consonant : vowel;
    if (form.empty() || !ends_with(word, form) || word.size() == form.size()) continue;
    const std::string_view base = word.substr(0, word.size() - form.size());
    const char32_t last = last_code_point(base);
    if (last >= 0xAC00 && last <= 0xD7A3) {
      const bool batchim = (last - 0xAC00) % 28 != 0;
      if (batchim != after_consonant) continue;
    } else if (last >= 0x80 && last != U'）' && !(last >= 0x1100 && last <= 0x11FF)) {
      continue;  // other scripts
    }
    return base;
  }
  return std::nullopt;
}

// Adverbs and framing words in front of a term that are not part of it, and arrows or bullets
// that a line starts with (`->여러 메트릭을 …`).
std::string_view without_lead_words(std::string_view s) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"여기서의", "여기서",  "이때의",  "이때",   "보통",   "일반적으로", "흔히",    "또한",
       "그리고",   "특히",    "즉",      "결국",   "참고로", "먼저",       "우선",    "그래서",
       "따라서",   "한편",    "근데",    "그런데", "아무튼", "암튼",       "일단",    "사실",
       "사실은",   "역시",    "또",      "다만",   "다만,",  "하지만",     "하지만,", "그러나",
       "그러나,",  "반면",    "반면,",   "반면에", "물론",   "또한,",      "특히,",   "즉,",
       "그리고,",  "따라서,", "그래서,", "결국,",  "이처럼", "이처럼,",    "이렇게",  "이와 같이",
       "이제",     "다시",    "지금은",  "현재"});
  static constexpr auto kMarks =
      std::to_array<std::string_view>({"->", "=>", "\xE2\x86\x92", "\xE2\x80\xA2", "- "});
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    // Every lead word is Hangul and every mark starts with `-`, `=` or a UTF-8 symbol: a line
    // that starts with another ASCII character has none.
    // `A. 프로세스는 …`: the answer's marker in a list of interview questions.
    if ((starts_with(s, "A. ") || starts_with(s, "A) ")) && contains_hangul(s.substr(0, 12))) {
      s = s.substr(3);
      changed = true;
      continue;
    }
    if (s.empty() ||
        (static_cast<unsigned char>(s[0]) < 0x80 && s[0] != '-' && s[0] != '=')) {
      return s;
    }
    for (const std::string_view word : kWords) {
      if (starts_with(s, word) && (s.size() == word.size() || is_space(s[word.size()]))) {
        s = s.substr(word.size());
        changed = true;
      }
    }
    for (const std::string_view mark : kMarks) {
      if (starts_with(s, mark)) {
        s = s.substr(mark.size());
        changed = true;
      }
    }
  }
  return s;
}

// `첫 번째는 X이다` → `X이다`, `두 번째 비교 대상은 X이다` → `X이다`, `그 다음으로는 X가 있다` →
// `X가 있다`: the sentence after a lead that counts the items of an enumeration; empty without one.
std::string_view after_ordinal(std::string_view s) {
  static constexpr auto kThen = std::to_array<std::string_view>(
      {"그 다음으로는", "그 다음으로", "그다음으로는", "그다음으로", "다음으로는", "다음으로",
       "마지막으로는", "마지막으로", "끝으로"});
  static constexpr auto kOrdinals = std::to_array<std::string_view>(
      {"첫 번째", "첫번째", "두 번째", "두번째", "세 번째", "세번째", "네 번째", "네번째",
       "다섯 번째", "다섯번째", "첫째", "둘째", "셋째", "넷째", "다섯째"});
  s = trim(s);
  for (const std::string_view then : kThen) {
    if (!starts_with(s, then)) continue;
    std::string_view rest = s.substr(then.size());
    if (starts_with(rest, ",")) rest.remove_prefix(1);
    return starts_with(rest, " ") ? trim(rest) : std::string_view{};
  }
  for (const std::string_view ordinal : kOrdinals) {
    if (!starts_with(s, ordinal)) continue;
    std::string_view rest = s.substr(ordinal.size());
    for (const std::string_view particle : {"는 ", "로는 ", "로, ", "로 ", ", "}) {
      if (starts_with(rest, particle)) return trim(rest.substr(particle.size()));
    }
    // `두 번째 비교 대상은 …`: what is counted, in one or two words, the last on `은`/`는`.
    if (!starts_with(rest, " ")) return {};
    const std::vector<std::string_view> words = split_words(rest);
    for (std::size_t w = 0; w < words.size() && w < 2; ++w) {
      if (ends_with(words[w], "\xEC\x9D\x80") || ends_with(words[w], "\xEB\x8A\x94")) {  // 은 는
        return trim(
            rest.substr(static_cast<std::size_t>(words[w].data() + words[w].size() - rest.data())));
      }
    }
    return {};
  }
  return {};
}

// The term as cards show it, or nullopt when it does not look like one.
std::optional<std::string> clean_term(std::string_view raw) {
  std::string_view s = trim(without_lead_words(raw));
  s = trim(strip_emphasis(s));
  // `"수신 윈도우(Receive Window)"라고 합니다`: the quotes mark the name, they are not part of it.
  for (const std::string_view quote : {"\"", "'", "“", "‘"}) {
    const std::string_view close = quote == "“" ? "”" : quote == "‘" ? "’" : quote;
    if (s.size() > quote.size() + close.size() && starts_with(s, quote) && ends_with(s, close)) {
      s = trim(s.substr(quote.size(), s.size() - quote.size() - close.size()));
    }
  }
  if (s.empty()) return std::nullopt;
  // `Continuous Bag of Words (CBOW) model`: a gloss in parentheses is one word more.
  TermLimits limits = kTermLimits;
  if (s.find(" (") != std::string_view::npos) ++limits.words;
  std::optional<std::string> term = as_term(s, limits);
  if (!term || is_anaphora(*term)) return std::nullopt;
  // `것이 …`: a clause on a dependent noun is not a name.
  static constexpr auto kDependentNouns =
      std::to_array<std::string_view>({"것", "것이", "것은", "것을", "수", "수가", "때", "등"});
  const std::string_view first_word = split_words(*term).front();
  if (std::find(kDependentNouns.begin(), kDependentNouns.end(), first_word) !=
      kDependentNouns.end()) {
    return std::nullopt;
  }
  if (is_numbered_label(*term)) return std::nullopt;
  // One Hangul syllable is a word fragment (`계`+`란`), not a term.
  if (!std::any_of(term->begin(), term->end(),
                   [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9');
                   }) &&
      hangul_count(*term) < 2) {
    return std::nullopt;
  }
  return term;
}

// `이를`, `이것을`, `This`: a word that points back at what was said before.
bool refers_back(std::string_view word) {
  if (is_anaphora(word)) return true;
  const std::optional<std::string_view> object = before_particle(word, "를", "을");
  return object && is_anaphora(*object);
}

// `이를`, `이것을`, `이러한`, `This`: a first word that points at what was said before, as
// against one that only leads in (`마지막으로`, `다음`).
bool points_back(std::string_view word) {
  static constexpr auto kPointers = std::to_array<std::string_view>(
      {"이", "이런", "이러한", "그", "그런", "그러한", "이와", "위와", "this", "these", "such", "it"});
  if (std::find(kPointers.begin(), kPointers.end(), ascii_lower(word)) != kPointers.end()) return true;
  const std::optional<std::string_view> object = before_particle(word, "를", "을");
  return object && is_anaphora(*object);
}

bool is_hedged(std::string_view sentence) {
  static constexpr auto kHedges = std::to_array<std::string_view>(
      {"듯",      "것 같",     "거 같",    "것같",   "거같",    "보인다",   "보이는데", "보임",
       "아닐까",  "모르겠",    "않을까",   "일까",   "싶다",    "maybe",    "probably", "i think",
       "i guess", "not sure",  "seems",    "might",  "perhaps", "계획이다", "계획임",   "예정이다",
       "예정임",  "할 것이다", "해야겠다", "해야지", "봐야겠"});
  const std::string lower = ascii_lower(sentence);
  if (is_unsure(sentence)) return true;
  return std::any_of(kHedges.begin(), kHedges.end(),
                     [&](std::string_view h) { return lower.find(h) != std::string::npos; });
}

// The last word without closing punctuation.
std::string_view last_word(std::string_view s) {
  std::vector<std::string_view> words = split_words(s);
  if (words.empty()) return {};
  std::string_view w = words.back();
  while (!w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == ',' || w.back() == ')' ||
                        w.back() == '"' || w.back() == '\'')) {
    w.remove_suffix(1);
  }
  return w;
}

bool ends_with_any(std::string_view s, std::span<const std::string_view> ends) {
  return std::any_of(ends.begin(), ends.end(), [&](std::string_view e) { return ends_with(s, e); });
}

// Nouns that say what kind of thing a term is: `…하는 개념이다`, `…하는 모델임`.
bool ends_with_class_noun(std::string_view stem) {
  static constexpr auto kNouns = std::to_array<std::string_view>(
      {"개념",       "모델",       "방법",   "기법",     "알고리즘", "구조",       "과정",
       "방식",       "기술",       "함수",   "자료구조", "프로토콜", "현상",       "단위",
       "값",         "집합",       "상태",   "기능",     "도구",     "언어",       "패턴",
       "원칙",       "원리",       "시스템", "프로그램", "장치",     "공간",       "영역",
       "메모리",     "프로세스",   "명령어", "연산",     "연산자",   "문법",       "규칙",
       "기준",       "지표",       "척도",   "방법론",   "아키텍처", "네트워크",   "계층",
       "형태",       "형식",       "유형",   "타입",     "클래스",   "객체",       "변수",
       "라이브러리", "프레임워크", "엔진",   "서버",     "데이터",   "정보",       "작업",
       "단계",       "공격",       "분포",   "손실",     "확률",     "행렬",       "벡터",
       "신경망",     "학습",       "전략",   "메커니즘", "매커니즘", "인터페이스", "매개변수",
       "파라미터",   "정리",       "법칙",   "이론",     "지수",     "증상",       "조각",
       "규약",       "방법",       "절차",   "기법",     "자원",     "리소스",     "권한",
       "설정",       "점수",       "비율",   "거리",     "오차",     "문제",       "자료형",
       "키워드",     "식별자",     "주소",   "파일",     "기법",     "설계",       "표현",
       "모듈",       "컴포넌트",   "서비스", "플랫폼",   "표준",     "형식",       "개체",
       "요소",       "노드",       "트리",   "그래프",   "리스트",   "배열",       "큐",
       "스택",       "해시",       "테이블", "쿼리",     "명세",     "관계",       "속성",
       "특성",       "성질",       "조건",   "범위",     "수",       "것",
       "약어",       "약자",       "줄임말",   "구성",     "장치",     "신호",       "하드웨어",
       "소프트웨어", "자료",       "명령"});
  if (ends_with_any(stem, kNouns)) return true;
  // Mixed notes name the kind in English: `target network는 잘 알려진 stability tool이다`.
  static constexpr auto kEnglish = std::to_array<std::string_view>(
      {"tool", "method", "algorithm", "model", "technique", "function", "framework",
       "architecture", "metric", "estimator", "approach", "mechanism", "protocol", "library",
       "structure", "layer", "network", "distribution", "theorem", "process", "strategy"});
  const std::string lower = ascii_lower(stem.substr(stem.size() > 16 ? stem.size() - 16 : 0));
  return std::any_of(kEnglish.begin(), kEnglish.end(), [&](std::string_view noun) {
    return ends_with(lower, noun) &&
           (lower.size() == noun.size() || lower[lower.size() - noun.size() - 1] == ' ');
  });
}

// A word that ends in the copula: `개념이다`, `모델임`, `구조입니다`; `stem` gets what is before.
bool copula_word(std::string_view word, std::string_view& stem) {
  static constexpr auto kForms = std::to_array<std::string_view>(
      {"이다", "입니다", "이에요", "이었다", "였다", "예요", "임", "이며", "이고", "이다."});
  for (const std::string_view form : kForms) {
    if (ends_with(word, form) && word.size() > form.size()) {
      stem = word.substr(0, word.size() - form.size());
      // `효율적이다`, `이상적이다`: an adjective, not what the term is.
      return !ends_with(stem, "적");
    }
  }
  // `…구조다`: a noun that ends in a vowel takes a bare `다`.
  if (ends_with(word, "다") && word.size() > 3) {
    stem = word.substr(0, word.size() - 3);
    return ends_with_class_noun(stem) && last_code_point(stem) != U'하' &&
           last_code_point(stem) != U'된';
  }
  return false;
}

// Case particles that a topic cannot end in: `Haskell에서`는, `이번에`는, `GPU로`는.
bool ends_with_case_particle(std::string_view base) {
  static constexpr auto kParticles = std::to_array<std::string_view>(
      {"에서", "에게", "에",   "께서", "으로", "로", "로서", "로써",   "까지", "부터",
       "처럼", "보다", "마다", "한테", "와",   "과", "하고", "에서의", "라",   "이라"});
  return std::any_of(kParticles.begin(), kParticles.end(),
                     [&](std::string_view p) { return ends_with(base, p); });
}

// `등장하`는, `있`는, `되`는: the word before 는 is a verb, so `…는` modifies what follows.
bool ends_with_verb_stem(std::string_view base) {
  static constexpr auto kStems =
      std::to_array<std::string_view>({"하", "되", "있", "없", "않", "같", "쓰", "이"});
  for (const std::string_view stem : kStems) {
    if (!ends_with(base, stem)) continue;
    const std::string_view before = base.substr(0, base.size() - stem.size());
    // `정보`는 is a noun; a verb stem follows at least one syllable of its own word.
    if (!before.empty() && before.back() != ' ') return true;
    if (stem != "이" && stem != "하") return true;
  }
  return false;
}

// Two definitions chained in one sentence: `A는 …을 말하며, B는 …을 말한다`, `A는 GRU 셀로
// 구성되고 B는 … 구조이다`. The first clause, its connective turned into the sentence ending it
// stands for (`말하며` → `말한다`), and the second, each read as a sentence of its own.
struct Chain {
  std::string first;
  std::string_view second;
};

// How many words of `s` end in the topic particle `은` or `는` before a space, counted up to
// `most`.
std::size_t topic_particles(std::string_view s, std::size_t most) {
  // Searched by their last byte and the space (`\x80 `, `\x94 `), rarer than their first.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kParticles{{
      {"\xEC\x9D\x80", "\x80 "}, {"\xEB\x8A\x94", "\x94 "}}};  // 은 는
  std::size_t count = 0;
  for (const auto& [particle, tail] : kParticles) {
    for (std::size_t at = s.find(tail); at != std::string_view::npos && count < most;
         at = s.find(tail, at + tail.size())) {
      if (at >= 2 && s.compare(at - 2, 3, particle) == 0) ++count;
    }
  }
  return count;
}

std::optional<Chain> chained(std::string_view s) {
  if (topic_particles(s, 2) < 2) return std::nullopt;  // most sentences stop here
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kEndings{{
      {"\xED\x95\x98\xEB\xA9\xB0", "\xED\x95\x9C\xEB\x8B\xA4"},  // 하며 → 한다
      {"\xED\x95\x98\xEA\xB3\xA0", "\xED\x95\x9C\xEB\x8B\xA4"},  // 하고 → 한다
      {"\xEB\x90\x98\xEB\xA9\xB0", "\xEB\x90\x9C\xEB\x8B\xA4"},  // 되며 → 된다
      {"\xEB\x90\x98\xEA\xB3\xA0", "\xEB\x90\x9C\xEB\x8B\xA4"},  // 되고 → 된다
      {"\xEC\x9D\xB4\xEB\xA9\xB0", "\xEC\x9D\xB4\xEB\x8B\xA4"},  // 이며 → 이다
      {"\xEC\x9D\xB4\xEA\xB3\xA0", "\xEC\x9D\xB4\xEB\x8B\xA4"},  // 이고 → 이다
      {"\xEC\x9E\x88\xEC\x9C\xBC\xEB\xA9\xB0", "\xEC\x9E\x88\xEB\x8B\xA4"},  // 있으며 → 있다
      {"\xEC\x9E\x88\xEA\xB3\xA0", "\xEC\x9E\x88\xEB\x8B\xA4"},  // 있고 → 있다
      {"\xEC\x97\x86\xEC\x9C\xBC\xEB\xA9\xB0", "\xEC\x97\x86\xEB\x8B\xA4"},  // 없으며 → 없다
      {"\xEC\x97\x86\xEA\xB3\xA0", "\xEC\x97\x86\xEB\x8B\xA4"},  // 없고 → 없다
  }};
  const std::vector<std::string_view> words = split_words(s);
  for (std::size_t j = 2; j + 1 < words.size(); ++j) {
    std::string_view link = words[j - 1];
    while (!link.empty() && link.back() == ',') link.remove_suffix(1);
    const auto ending = std::find_if(kEndings.begin(), kEndings.end(), [&](const auto& e) {
      return ends_with(link, e.first) && link.size() > e.first.size();
    });
    if (ending == kEndings.end()) continue;
    // The second topic: a noun phrase of up to four words closed by `은`/`는`.
    for (std::size_t t = j; t < words.size() - 1 && t < j + 4; ++t) {
      std::string_view w = words[t];
      const bool topic = ends_with(w, "\xEC\x9D\x80") || ends_with(w, "\xEB\x8A\x94");  // 은 는
      if (!topic) {
        if (contains_hangul(w) && ends_with_korean_particle(w)) break;
        continue;
      }
      const std::string_view base = w.substr(0, w.size() - 3);
      // `있다는`, `것이라는`: a clause quoted into a noun, not a name.
      if (base.empty() || ends_with_verb_stem(base) || ends_with_case_particle(base) ||
          ends_with(base, "\xEB\x8B\xA4") || ends_with(base, "\xEB\x9D\xBC") ||  // 다 라
          is_anaphora(w) || is_anaphora(base)) {
        break;
      }
      std::string first(s.substr(0, static_cast<std::size_t>(link.data() - s.data()) + link.size() -
                                        ending->first.size()));
      first += ending->second;
      first += '.';
      const std::string_view second =
          trim(s.substr(static_cast<std::size_t>(words[j].data() - s.data())));
      return Chain{std::move(first), second};
    }
  }
  return std::nullopt;
}

// Whether a predicate names a second topic (`…를 구하고, LayerNorm은 …`): the sentence then
// contrasts two things rather than defining one.
bool has_second_topic(std::string_view predicate) {
  for (const std::string_view word : split_words(predicate)) {
    std::string_view w = word;
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (!ends_with(w, "은") && !ends_with(w, "는")) continue;
    const std::string_view base = w.substr(0, w.size() - 3);
    if (base.empty()) continue;
    const auto last = static_cast<unsigned char>(base.back());
    if (last < 0x80 && std::isalnum(last)) return true;  // `LayerNorm은`, `KL은`
  }
  return false;
}

// `아래와 같다`, `다음과 같이 …`: the definition is somewhere else.
bool points_elsewhere(std::string_view predicate) {
  static constexpr auto kStarts = std::to_array<std::string_view>(
      {"아래", "다음과", "다음처럼", "위와", "이와", "앞서", "앞에서", "뒤에서", "below", "above",
       "the following", "as follows"});
  const std::string lower = ascii_lower(predicate);
  return std::any_of(kStarts.begin(), kStarts.end(),
                     [&](std::string_view s) { return starts_with(lower, s); });
}

// Chat-style jamo (`ㅋㅋ`, `ㄹㅇ`) mark a remark, not a definition.
bool has_jamo(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c >= 0x3131 && c <= 0x318E) return true;
  }
  return false;
}

// A statement ends like one: `…다`, `…함`, `…음`, `…임`, `…됨`, `…요`.
bool ends_as_statement(std::string_view sentence) {
  const std::string_view last = last_word(sentence);
  static constexpr auto kEnds =
      std::to_array<std::string_view>({"다", "함", "음", "임", "됨", "요", "봄", "짐"});
  return ends_with_any(last, kEnds);
}

struct Match {
  std::string term;
  std::string answer;
  double confidence = 0;
  bool inside = false;  // `In X, we …`: how X works, which a section headed X tells as well
};

class SentenceReader {
 public:
  SentenceReader(const std::unordered_map<std::string, std::pair<std::size_t, std::size_t>>& first,
                 std::size_t paragraph_index)
      : m_first(first), m_paragraph(paragraph_index) {}

  // Every definition `sentences[j]` makes, with the sentences after it that explain it further.
  std::vector<Match> read(const std::vector<Sentence>& sentences, std::size_t j,
                          std::string_view paragraph) {
    m_sentences = &sentences;
    m_index = j;
    m_from_previous = false;
    m_offset = static_cast<std::size_t>(sentences[j].text.data() - paragraph.data());
    std::string_view s = trim(without_lead_words(sentences[j].text));
    std::vector<Match> found;
    if (s.empty() || s.back() == '?' || ends_with(s, "\xEF\xBC\x9F")) return found;
    if (contains_hangul(s)) {
      found = called(s);
      // A marked name the next sentence explains is surer than the sentence's own topic.
      if (found.empty()) {
        if (auto m = named_in_turn(s)) found.push_back(std::move(*m));
      }
      if (found.empty()) {
        if (auto m = named_then_explained(s)) found.push_back(std::move(*m));
      }
      if (found.empty()) {
        if (auto m = identified(s)) found.push_back(std::move(*m));
      }
      if (found.empty()) {
        if (const std::optional<Chain> chain = chained(s)) {
          // Only clauses that define: a clause that only says something about its topic
          // (`BatchNorm은 배치 축으로 구하고, LayerNorm은 …`) contrasts, as before.
          const auto defines = [](const std::optional<Match>& m) {
            return m && m->confidence != kTopicOther && m->confidence != kTopicFirst &&
                   m->confidence != kMarkedTopic;
          };
          // And only when the second clause defines its topic: otherwise the sentence goes on
          // about the first (`IP 주소는 …주소이며, 장치가 … 정해지는 …`).
          if (std::optional<Match> second = korean_topic(chain->second); defines(second)) {
            m_first_clause = true;
            std::optional<Match> first = korean_topic(chain->first);
            m_first_clause = false;
            if (defines(first)) found.push_back(std::move(*first));
            found.push_back(std::move(*second));
            return found;
          }
        }
      }
      if (found.empty()) {
        if (auto m = korean_topic(s)) found.push_back(std::move(*m));
      }
    }
    if (found.empty()) {
      if (auto m = english(s)) found.push_back(std::move(*m));
    }
    if (found.empty()) {
      if (auto m = there_is(s)) found.push_back(std::move(*m));
    }
    for (Match& m : found) with_same_topic(m);
    // A framing clause's hedge (`As we probably know, X is …`) is not the definition's.
    const bool hedged = is_hedged(without_framing(sentences[j].text));
    for (Match& m : found) {
      if (hedged) m.confidence = std::min(m.confidence, kHedged);
      if (m_from_previous) m.confidence = std::min(m.confidence, kFromPreviousParagraph);
    }
    return found;
  }

  // `첫 번째는 `Locality`이다. Locality는 …를 의미한다.`, `그 다음으로는 **X**가 있다. 이는
  // …이다.`: prose that goes through the items of an enumeration names each in turn, then says what
  // it is in the next sentence (which opens on the name, or on `이는`). The name is marked, or
  // Latin.
  std::optional<Match> named_in_turn(std::string_view s) const {
    if (m_index + 1 >= m_sentences->size()) return std::nullopt;
    std::string_view name = after_ordinal(s);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.remove_suffix(1);
    bool ended = false;
    for (const std::string_view ending : {"이다", "가 있다", "이 있다"}) {
      if (ends_with(name, ending)) {
        name.remove_suffix(ending.size());
        ended = true;
        break;
      }
    }
    if (!ended) return std::nullopt;
    name = trim(name);
    // `간접적인 방법인 **X**`: the mark says where the name starts.
    const std::size_t mark = std::min(name.find('`'), name.find("**"));
    if (mark != std::string_view::npos && mark > 0) {
      if (!ends_with(name.substr(0, mark), "\xEC\x9D\xB8 ")) return std::nullopt;  // 인
      name = name.substr(mark);
    }
    if (name.empty() || (mark == std::string_view::npos && contains_hangul(name))) {
      return std::nullopt;
    }
    // The name without its marks: `` `Noisy Student`(NS) `` → `Noisy Student(NS)`.
    std::string plain;
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (name[i] == '`') continue;
      if (name.substr(i, 2) == "**") {
        ++i;
        continue;
      }
      plain += name[i];
    }
    const std::optional<std::string> term = clean_term(plain);
    if (!term || word_count(*term) > 4) return std::nullopt;
    std::string_view next = trim((*m_sentences)[m_index + 1].text);
    if (starts_with(next, "이는 ")) {
      next = trim(next.substr(std::string_view("이는 ").size()));
    } else if (!opens_on_term(next, *term)) {
      return std::nullopt;
    }
    if (word_count(next) < 4 || ends_with(next, "?") || introduces_list(next) ||
        points_ahead(next) || leans_on_context(next)) {
      return std::nullopt;
    }
    return Match{*term, std::string(next), kNamedInTurn};
  }

  // `` … `Distributional Hypothesis`라는 대전제를 따른다. 이는 가까이 등장하는 단어는 의미도 비슷하다는
  // 가정이다. ``: a marked name introduced with `라는` (or said to exist: `**X**가 있다`), and the
  // next sentence says what it is.
  std::optional<Match> named_then_explained(std::string_view s) const {
    if (m_index + 1 >= m_sentences->size()) return std::nullopt;
    std::string_view next = trim((*m_sentences)[m_index + 1].text);
    if (!starts_with(next, "이는 ")) return std::nullopt;
    const std::string_view last = last_word(next);
    if (!ends_with(last, "이다") && !ends_with(last, "말한다") && !ends_with(last, "의미한다")) {
      return std::nullopt;
    }
    for (const std::string_view mark : {"`", "**"}) {
      // `… 방법인 **rank-based prioritization**가 있다. 이는 …것이다.`: one more name on a list
      // the text goes through, said to exist, then explained.
      for (const std::string_view joint : {"라는 ", "이라는 ", "가 있다", "이 있다"}) {
        const std::string closing = std::string(mark) + std::string(joint);
        const std::size_t end = s.find(closing);
        if (end == std::string_view::npos) continue;
        const std::size_t open = s.rfind(mark, end == 0 ? 0 : end - 1);
        if (open == std::string_view::npos || open >= end) continue;
        const std::string_view name = s.substr(open + mark.size(), end - open - mark.size());
        const std::optional<std::string> term = clean_term(name);
        if (!term || word_count(*term) > 4) return std::nullopt;
        next.remove_prefix(std::string_view("이는 ").size());
        return Match{*term, std::string(trim(next)), kNamedThenExplained};
      }
    }
    return std::nullopt;
  }

  // `There is also **zero-shot learning**, where no class has any examples.`: a marked name said
  // to exist, and the clause after it says what it is.
  static std::optional<Match> there_is(std::string_view s) {
    const std::string lower = ascii_lower(s.substr(0, std::min<std::size_t>(s.size(), 24)));
    std::size_t at = 0;
    for (const std::string_view lead : {"there is also ", "there are also ", "there is ",
                                        "there are ", "there's also ", "there's "}) {
      if (starts_with(lower, lead)) {
        at = lead.size();
        break;
      }
    }
    if (at == 0) return std::nullopt;
    std::string_view rest = s.substr(at);
    for (const std::string_view article : {"a ", "an ", "the "}) {
      if (starts_with(rest, article)) rest.remove_prefix(article.size());
    }
    for (const std::string_view mark : {"**", "`", "*"}) {
      if (!starts_with(rest, mark)) continue;
      const std::size_t close = rest.find(mark, mark.size());
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view name = rest.substr(mark.size(), close - mark.size());
      std::string_view after = trim(rest.substr(close + mark.size()));
      if (starts_with(after, ",")) after = trim(after.substr(1));
      const std::string lower_after = ascii_lower(after.substr(0, std::min<std::size_t>(after.size(), 9)));
      if (!(starts_with(lower_after, "where ") || starts_with(lower_after, "which ") ||
            starts_with(lower_after, "that ") || starts_with(lower_after, "in which "))) {
        return std::nullopt;
      }
      const std::optional<std::string> term = clean_term(name);
      if (!term || word_count(after) < 5) return std::nullopt;
      return Match{*term, std::string(trim(s)), kNamedThenExplained};
    }
    return std::nullopt;
  }

  // The paragraph right under the one being read, in the same section (or empty).
  void set_next(std::string_view paragraph) { m_next_paragraph = paragraph; }

  // The paragraph right above the one being read; its last sentence is found when needed.
  void set_previous(std::string_view paragraph) {
    m_previous_paragraph = paragraph;
    m_previous_read = false;
  }

 private:
  // Only a first sentence that says nothing but the name (`이를 X라고 한다.`, `This is called X.`)
  // borrows from the paragraph above, and only from prose.
  bool can_borrow(std::string_view s) const {
    static constexpr auto kPointing = std::to_array<std::string_view>(
        {"이를 ", "이것을 ", "이런 것을 ", "이러한 것을 ", "이걸 ", "This ", "this ", "It ", "it "});
    const bool points = std::any_of(kPointing.begin(), kPointing.end(),
                                    [&](std::string_view w) { return starts_with(s, w); });
    // `이러한 방법을 X라고 부르며 …`, `This approach is called X.`: a pointer with the noun it
    // points with names the same thing, and may go on to say more of it.
    if (!(points ? word_count(s) <= 7 : points_with_noun(s) && word_count(s) <= 24)) return false;
    if (!m_previous_read) {
      const std::vector<Sentence> above = split_sentences(m_previous_paragraph);
      m_previous = above.empty() ? std::string_view{} : above.back().text;
      m_previous_read = true;
    }
    // `구체적으로는 …`, `Specifically, …`: the sentence above leans on one further up, which the card
    // would not show either.
    return !m_previous.empty() && !leans_on_context(m_previous) &&
           m_previous.find('$') == std::string::npos && m_previous.find('\\') == std::string::npos;
  }

  // `이러한 방법을 …`, `이 현상을 …`, `This approach is …`, `Such a model is …`: a sentence that
  // opens on a pointer and a noun, the object or subject of what it goes on to say.
  static bool points_with_noun(std::string_view s) {
    const std::vector<std::string_view> words = split_words(s);
    if (words.size() < 3) return false;
    static constexpr auto kKorean =
        std::to_array<std::string_view>({"이러한", "이런", "이", "그러한", "그런", "이와", "위와"});
    if (std::find(kKorean.begin(), kKorean.end(), words[0]) != kKorean.end()) {
      return contains_hangul(words[1]) && before_particle(words[1], "를", "을").has_value();
    }
    static constexpr auto kEnglish = std::to_array<std::string_view>({"this", "these", "such"});
    if (std::find(kEnglish.begin(), kEnglish.end(), ascii_lower(words[0])) == kEnglish.end()) {
      return false;
    }
    std::size_t noun = ascii_lower(words[1]) == "a" || ascii_lower(words[1]) == "an" ? 2 : 1;
    return noun + 1 < words.size() &&
           std::all_of(words[noun].begin(), words[noun].end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }) &&
           (words[noun + 1] == "is" || words[noun + 1] == "are");
  }

  // The sentence before the current one, for answers that start with `이` (`이 항을 …`); for the
  // first sentence of a paragraph, the last one of the paragraph right above (notes that put each
  // sentence in a paragraph of its own).
  std::string with_previous(std::string_view s) const {
    if (m_index == 0) {
      if (!can_borrow(s)) return std::string(s);
      m_from_previous = true;
      // `구체적으로는 …`, `Specifically, …`: a marker that the sentence elaborates on the one before
      // it, which the card does not show; what it says stands alone.
      std::string_view previous = m_previous;
      for (const std::string_view marker : {"구체적으로는 ", "구체적으로 ", "Specifically, ",
                                            "More specifically, ", "Concretely, "}) {
        if (starts_with(previous, marker)) previous = trim(previous.substr(marker.size()));
      }
      return std::string(previous) + " " + std::string(s);
    }
    return std::string((*m_sentences)[m_index - 1].text) + " " + std::string(s);
  }

  // `X는 Y의 좋은 대체제 중 하나이다. Y는 …. X도 마찬가지로 …을 수행한다.`: a short answer that
  // says only what kind of thing X is goes on with the next sentence of the paragraph that takes X
  // up again as its topic, past one about something else.
  void with_same_topic(Match& m) const {
    constexpr std::size_t kShortAnswer = 50;
    constexpr std::size_t kLongest = 240;
    constexpr std::size_t kReach = 3;  // sentences looked at after the definition's
    if (code_point_count(m.answer) >= kShortAnswer) return;
    std::string term;
    for (const char c : std::string(strip_emphasis(m.term))) {
      if (c != '`') term += c;
    }
    if (term.empty()) return;
    // `이진 트리(Binary Tree)` is taken up again as `이진 트리는 …`.
    if (const std::size_t gloss = term.find('('); gloss != std::string::npos && gloss > 0 &&
        ends_with(term, ")")) {
      term = std::string(trim(std::string_view(term).substr(0, gloss)));
    }
    // Whether `next` takes the term up as its topic: 1 yes, 0 no, -1 stop looking.
    const auto takes_up = [&](std::string_view next) {
      std::string plain;
      for (const char c : std::string(strip_emphasis(next.substr(0, term.size() + 8)))) {
        if (c != '`') plain += c;
      }
      if (!starts_with(plain, term)) return 0;
      const std::string_view after = std::string_view(plain).substr(term.size());
      const bool topic = starts_with(after, "\xEC\x9D\x80 ") || starts_with(after, "\xEB\x8A\x94 ") ||  // 은 는
                         starts_with(after, "\xEB\x8F\x84 ") ||  // 도
                         starts_with(after, " also ") || starts_with(after, " is ");
      if (!topic || ends_with(next, "?") || code_point_count(m.answer) + code_point_count(next) > kLongest) {
        return -1;
      }
      return 1;
    };
    std::size_t k = m_index + 1;
    for (; k < m_sentences->size() && k <= m_index + kReach; ++k) {
      const std::string_view next = trim((*m_sentences)[k].text);
      if (m.answer.find(next) != std::string::npos) continue;  // a follower already
      const int taken = takes_up(next);
      if (taken < 0) return;
      if (taken == 0) continue;
      m.answer += " " + std::string(next);
      return;
    }
    // `이진 트리는 …의 한 종류이다. 기본적으로 트리는 …` + a paragraph opening `이진 트리는 …`: the
    // paragraph right under it takes the term up again.
    if (!m_next_paragraph.empty()) {
      const std::vector<Sentence> below = split_sentences(m_next_paragraph);
      if (below.empty()) return;
      const std::string_view next = trim(below.front().text);
      // It may define the term again (`…인 트리를 이진 트리라고 한다`); a remark on it (`closure는
      // 매우 유용하다.`) says nothing of what it is.
      if (takes_up(next) == 1 && word_count(next) >= 6 && rates_or_advises(next) == Remark::none) {
        m.answer += " " + std::string(next);
      }
    }
  }

  // `answer` and the sentences right after that explain it further (`즉, …`, `This …`).
  std::string with_followers(std::string answer) const {
    if (m_first_clause) return answer;  // what follows goes on with the sentence's second topic
    static constexpr auto kFollow =
        std::to_array<std::string_view>({"즉", "즉,", "이는", "이것은", "다시 말해", "It ", "This ",
                                         "In other words", "That is", "i.e."});
    std::size_t k = m_index + 1;
    for (; k < m_sentences->size() && k <= m_index + 2; ++k) {
      const std::string_view next = (*m_sentences)[k].text;
      const bool follows = std::any_of(kFollow.begin(), kFollow.end(), [&](std::string_view f) {
        return starts_with(next, f) && (f.back() == ' ' || next.size() == f.size() ||
                                        is_space(next[f.size()]) || next[f.size()] == ',');
      });
      if (!follows) break;
      answer += " " + std::string(next);
    }
    // `X는 트리 형태의 자료 구조의 한 종류이다.` says only what kind of thing X is; the sentence
    // after it, when it goes on without turning elsewhere (`각각의 계층은 …`), completes it.
    constexpr std::size_t kShortAnswer = 50;
    constexpr std::size_t kLongest = 240;
    if (k < m_sentences->size() && code_point_count(answer) < kShortAnswer && !m_reading_next) {
      const std::string_view next = trim((*m_sentences)[k].text);
      // Not one that announces what comes next or sends the reader elsewhere (`다음과 같다`,
      // `정리해보자`, `…를 참고`).
      const std::string lower_next = ascii_lower(next);
      const bool announces = introduces_list(next) || points_elsewhere(next) ||
                             starts_with(lower_next, "for example") || starts_with(lower_next, "e.g.") ||
                             next.find("\xEC\x98\x88\xEB\xA5\xBC \xEB\x93\xA4") != std::string_view::npos ||  // 예를 들
                             next.find("\xEC\xB0\xB8\xEA\xB3\xA0") != std::string_view::npos ||  // 참고
                             next.find("\xEB\xB3\xB4\xEC\x9E\x90") != std::string_view::npos ||  // 보자
                             next.find("\xEB\xB3\xB4\xEA\xB2\xA0") != std::string_view::npos;    // 보겠
      if (!next.empty() && !ends_with(next, "?") && !is_anaphora(next) && !leans_on_context(next) &&
          !announces && ends_as_statement(next) && !defines_something(next) &&
          code_point_count(answer) + code_point_count(next) <= kLongest) {
        answer += " " + std::string(next);
      }
    }
    return answer;
  }

  // Whether a sentence defines a term of its own (`캐시는 … 저장 공간이다`): it starts another
  // card rather than going on with this one. A plain topic sentence (`각 노드는 …`) does not.
  bool defines_something(std::string_view sentence) const {
    m_reading_next = true;
    bool defines = false;
    if (contains_hangul(sentence)) {
      defines = !called(sentence).empty();
      if (!defines) {
        const std::optional<Match> m = korean_topic(sentence);
        defines = m && m->confidence != kTopicOther && m->confidence != kTopicFirst &&
                  m->confidence != kMarkedTopic;
      }
    }
    if (!defines) defines = english(sentence).has_value();
    m_reading_next = false;
    return defines;
  }

  // `…을/를 X(이)라고 한다`, `… X라 하며`, `… X라고 부른다`. Every such phrase of the sentence.
  // The clause `words[start, object_at)` when the object `words[object_at]` is a pointer to it
  // (`…를 가지고 있으며 이것을`), of four words or more and closed by a connective (`-며`, `-고`),
  // which becomes a note ending (`-음`/`-ㅁ`): `…를 가지고 있음`. Empty otherwise.
  static std::string pointed_clause(const std::vector<std::string_view>& words, std::size_t start,
                                    std::size_t object_at, std::string_view object) {
    if (!(object == "이것" || object == "그것" || object == "이")) return {};
    if (object_at < start + 4) return {};
    std::string_view last = words[object_at - 1];
    while (!last.empty() && last.back() == ',') last.remove_suffix(1);
    std::string stem;
    if (ends_with(last, "으며")) {
      stem = std::string(last.substr(0, last.size() - 6)) + "음";
    } else if (ends_with(last, "며") || ends_with(last, "고")) {
      // `하며` → `함`: the syllable before the ending takes ㅁ as its final consonant, or `음`
      // follows one that has a final already (`있고` → `있음`).
      const std::string_view before = last.substr(0, last.size() - 3);
      if (before.size() < 3) return {};
      std::size_t at = before.size() - 3;
      const char32_t c = next_code_point(before, at);
      if (!is_hangul_syllable(c)) return {};
      if ((c - 0xAC00) % 28 == 0) {
        const char32_t with_m = c + 16;  // + ㅁ, a syllable of three bytes like the one it was
        stem = std::string(before.substr(0, before.size() - 3));
        stem += static_cast<char>(0xE0 | (with_m >> 12));
        stem += static_cast<char>(0x80 | ((with_m >> 6) & 0x3F));
        stem += static_cast<char>(0x80 | (with_m & 0x3F));
      } else {
        stem = std::string(before) + "음";
      }
    } else {
      return {};
    }
    std::string clause;
    for (std::size_t k = start; k + 1 < object_at; ++k) {
      clause += words[k];
      clause += ' ';
    }
    return clause + stem;
  }

  std::vector<Match> called(std::string_view s) const {
    static constexpr auto kVerbs = std::to_array<std::string_view>(
        {"한다",   "하며",   "하고",     "합니다",   "하는데",   "함",     "하기도", "부른다",
         "부르며", "부르고", "부릅니다", "부름",     "불린다",   "불리며", "불리고", "불립니다",
         "칭한다", "칭하며", "칭함",     "정의한다", "정의하며", "정의함", "말한다",
         "말하며", "말합니다", "일컫는다", "일컬으며"});
    std::vector<Match> found;
    const std::vector<std::string_view> words = split_words(s);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      std::string_view verb = words[i + 1];
      while (!verb.empty() && (verb.back() == '.' || verb.back() == ',')) verb.remove_suffix(1);
      if (std::find(kVerbs.begin(), kVerbs.end(), verb) == kVerbs.end()) continue;
      // `**SSL Handshake** 라고 한다`: the particle written apart ends the name at the word before.
      std::size_t last = i;  // the word the name ends in
      std::optional<std::string_view> base;
      if (i > 0 && (words[i] == "라고" || words[i] == "이라고" || words[i] == "라" || words[i] == "이라")) {
        last = i - 1;
        base = words[last];
      } else {
        base = before_particle(words[i], "라고", "이라고");
        if (!base) base = before_particle(words[i], "라", "이라");
      }
      if (!base) continue;
      // `효율적이라고 함`: an adjective in `-적` is what something is said to be, not a name.
      if (ends_with(*base, "적") && hangul_count(*base) >= 2) continue;
      // The term: the word and the bare words before it (`DDPM sampling`), up to the object.
      std::size_t first = last;
      while (first > 0 && last - first < 3) {
        const std::string_view w = words[first - 1];
        if (w.back() == ',' || w.back() == '.' || w.back() == ')' ||
            (contains_hangul(w) && (ends_with_korean_particle(w) || is_anaphora(w)))) {
          break;
        }
        --first;
      }
      std::string_view raw(
          words[first].data(),
          static_cast<std::size_t>(base->data() + base->size() - words[first].data()));
      // `**credit assignment problem** 또는 distal reward problem이라 부른다`: the name said first
      // is the term (the answer's sentence gives the other one).
      if (first >= 2 && (words[first - 1] == "또는" || words[first - 1] == "혹은" ||
                         words[first - 1] == "or")) {
        std::size_t alt = first - 1;
        while (alt > 0 && first - 1 - alt < 4) {
          const std::string_view w = words[alt - 1];
          if (w.back() == ',' || w.back() == '.' ||
              (contains_hangul(w) && (ends_with_korean_particle(w) || is_anaphora(w)))) {
            break;
          }
          --alt;
        }
        if (alt < first - 1) {
          const std::string_view named(
              words[alt].data(),
              static_cast<std::size_t>(words[first - 2].data() + words[first - 2].size() -
                                       words[alt].data()));
          raw = named;
          first = alt;
        }
      }
      const std::optional<std::string> term = clean_term(raw);
      if (!term) continue;
      // `> 이를 폰 노이만 병목현상이라고 함` alone in its paragraph: what `이를` points at is
      // out of reach, and the sentence by itself says nothing about the term.
      // Unless the paragraph right above says it (`…하며,` / `이를 X라고 한다.`).
      if (m_index == 0 && !can_borrow(s) && (first == 0 || (first == 1 && refers_back(words[0])))) {
        continue;
      }
      // `두 번째 특징은 Local Markov Property라고 한다.`: the thing named is one of a numbered
      // set told earlier; the sentence before names another one of it (judged anaphora).
      if (std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first),
                      [](std::string_view w) { return ends_with(w, "\xEB\xB2\x88\xEC\xA7\xB8"); })) {  // 번째
        continue;
      }
      // The object in front (`…하는 것을`) is the definition.
      std::string answer;
      double confidence = kCalled;
      if (first > 0) {
        const std::string_view object_word = words[first - 1];
        std::optional<std::string_view> object = before_particle(object_word, "를", "을");
        if (object) {
          // The object phrase starts after the last clause ending or comma in front of it.
          std::size_t start = first - 1;
          while (start > 0) {
            const std::string_view w = words[start - 1];
            if (w.back() == ',' || ends_with(w, "니") || ends_with(w, "지만") ||
                ends_with(w, "는데") || ends_with(w, "면서") || ends_with(w, "것이고")) {
              break;
            }
            --start;
          }
          const std::string_view phrase(
              words[start].data(),
              static_cast<std::size_t>(object->data() + object->size() - words[start].data()));
          // `…를 가지고 있으며 이것을 X라고 부른다`: the pointer stands for the clause before it,
          // which answers, ended as a note (`…를 가지고 있음`).
          if (const std::string clause = pointed_clause(words, start, first - 1, *object);
              !clause.empty()) {
            answer = clause;
          } else if (is_anaphora(phrase) || word_count(phrase) <= 2) {
            answer = with_previous(s);
          } else {
            answer = std::string(trim(phrase));
          }
        } else {
          answer = with_previous(s);
          confidence = kCalledLoose;
        }
      } else {
        answer = with_previous(s);
        confidence = kCalledLoose;
      }
      // `이것을 이 논문에서는 X라 부른다.` with nothing above to borrow: the sentence points at
      // what it names and says nothing of it.
      if (answer == s && points_back(words[0])) continue;
      found.push_back({*term, answer, confidence});
    }
    return found;
  }

  // `데이터를 여러 서버에 나누어 저장하는 것이 바로 샤딩이다.`: the phrase before `바로` is what the
  // name after it is.
  static std::optional<Match> identified(std::string_view s) {
    if (s.find("\xEB\xB0\x94\xEB\xA1\x9C ") == std::string_view::npos) return std::nullopt;  // `바로 `
    const std::vector<std::string_view> words = split_words(s);
    const auto at = std::find(words.begin(), words.end(), std::string_view("\xEB\xB0\x94\xEB\xA1\x9C"));  // 바로
    if (at == words.end() || at == words.begin() || at + 1 == words.end()) return std::nullopt;
    const std::size_t k = static_cast<std::size_t>(at - words.begin());
    std::string_view last = words.back();
    while (!last.empty() && last.back() == '.') last.remove_suffix(1);
    std::size_t cut = 0;
    if (ends_with(last, "이다")) {
      cut = std::string_view("이다").size();
    } else if (ends_with(last, "다") && !contains_hangul(last.substr(0, last.size() - 3))) {
      cut = std::string_view("다").size();  // `… 바로 SGD다`
    } else {
      return std::nullopt;
    }
    if (words.size() - k - 1 > 4) return std::nullopt;
    const std::string_view raw(words[k + 1].data(),
                               static_cast<std::size_t>(last.data() + last.size() - cut -
                                                        words[k + 1].data()));
    const std::optional<std::string> term = clean_term(raw);
    if (!term) return std::nullopt;
    const std::optional<std::string_view> subject = before_particle(words[k - 1], "가", "이");
    if (!subject) return std::nullopt;
    // The phrase starts after the last comma or clause ending in front of it.
    std::size_t start = k - 1;
    while (start > 0) {
      const std::string_view w = words[start - 1];
      if (w.back() == ',' || ends_with(w, "지만") || ends_with(w, "는데") || ends_with(w, "면서")) {
        break;
      }
      --start;
    }
    const std::string_view phrase(
        words[start].data(),
        static_cast<std::size_t>(subject->data() + subject->size() - words[start].data()));
    // `사용할 수 있는 문법이 바로 X다` says too little to tell X from anything else.
    if (word_count(phrase) < 5 || is_anaphora(words[start])) return std::nullopt;
    return Match{*term, std::string(trim(phrase)), kIdentified};
  }

  // `X란 …`, `X는 …을 의미한다`, `X는 … 개념이다`, `X는 …한다`.
  std::optional<Match> korean_topic(std::string_view s) const {
    const std::vector<std::string_view> words = split_words(s);
    for (std::size_t k = 0; k < words.size() && k < kMaxTopicWords; ++k) {
      // `뮤텍스란, 한 번에 …`: a comma after the particle.
      std::string_view word = words[k];
      if (ends_with(word, ",") && contains_hangul(word)) word.remove_suffix(1);
      // `인터럽트라는 것은 …이다`: `X라는 것은` is `X는`.
      if (k + 1 < words.size() && (ends_with(word, "라는") || ends_with(word, "이라는")) &&
          (words[k + 1] == "것은" || words[k + 1] == "건" || words[k + 1] == "것이란" ||
           words[k + 1] == "거는")) {
        const std::string_view base =
            word.substr(0, word.size() - (ends_with(word, "이라는") ? 9 : 6));
        if (base.empty()) return std::nullopt;
        const std::string_view raw(words[0].data(), static_cast<std::size_t>(
                                                        base.data() + base.size() - words[0].data()));
        const std::optional<std::string> term = clean_term(raw);
        if (!term) return std::nullopt;
        const std::size_t rest_begin =
            static_cast<std::size_t>(words[k + 1].data() + words[k + 1].size() - s.data());
        const std::string_view predicate = trim(s.substr(rest_begin));
        if (word_count(predicate) < 2 || points_elsewhere(predicate)) return std::nullopt;
        return topic_predicate(*term, predicate, false);
      }
      const std::optional<std::string_view> iran = before_particle(word, "란", "이란");
      const std::optional<std::string_view> topic =
          iran ? std::nullopt : before_particle(word, "는", "은");
      if (!iran && !topic) continue;
      const std::string_view base = iran ? *iran : *topic;
      // `커다란`, `기다란`, `가느다란`: an adjective, not `X란`.
      if (iran && ends_with(base, "다")) return std::nullopt;
      // `RNN 또는 CNN`, `A 혹은 B`: a conjunction, not a topic.
      if (words[k] == "또는" || words[k] == "또는," || words[k] == "혹은" || words[k] == "혹은,") {
        return std::nullopt;
      }
      // `Haskell에서는`, `이번에는`: a place or a time, not a topic; `등장하는`, `쓰는`: a verb.
      if (ends_with_case_particle(base) || ends_with_verb_stem(base)) return std::nullopt;
      const std::string_view raw(
          words[0].data(), static_cast<std::size_t>(base.data() + base.size() - words[0].data()));
      // `이득 함수라고 부르는 이유는`: a name quoted inside a clause, not the sentence's topic.
      for (std::size_t i = 0; i < k; ++i) {
        if (ends_with(words[i], "라고") || ends_with(words[i], "이라고")) return std::nullopt;
      }
      const std::optional<std::string> term = clean_term(raw);
      if (!term) return std::nullopt;
      const std::size_t rest_begin =
          static_cast<std::size_t>(words[k].data() + words[k].size() - s.data());
      std::string_view predicate = trim(s.substr(rest_begin));
      // `Reward Shaping이란 아래와 같이 MDP의 reward function을 … 정의한다`: `as below` in passing,
      // with what the term is told in the words after it; the figure below only makes it exact.
      if (iran) {
        for (const std::string_view adverb : {"아래와 같이 ", "다음과 같이 "}) {
          if (starts_with(predicate, adverb) && word_count(predicate.substr(adverb.size())) >= 6 &&
              !ends_with(predicate, ":")) {
            predicate = trim(predicate.substr(adverb.size()));
            return Match{*term, with_followers(std::string(predicate)), kIranInPassing};
          }
        }
      }
      if (word_count(predicate) < 2 || points_elsewhere(predicate)) return std::nullopt;
      // `프로그램의 외부 동작은 그대로 둔 채, …하는 것을 말함`: the phrase is what a clause keeps as
      // it is (`…은 그대로 둔 채`), not the sentence's topic.
      if (!iran) {
        const std::vector<std::string_view> next = split_words(predicate.substr(0, 40));
        for (std::size_t w = 0; w < next.size() && w < 3; ++w) {
          if (ends_with(next[w], "채,") || ends_with(next[w], "채")) return std::nullopt;
        }
      }
      if (iran) return Match{*term, with_followers(std::string(predicate)), kIran};
      // A sentence that opens with a conjunction (`근데`, `다만`) continues a thought rather than
      // introducing the term: only its explicit patterns count.
      const bool continues =
          trim(strip_emphasis(raw)).size() != trim(strip_emphasis(without_lead_words(raw))).size();
      std::optional<Match> match = topic_predicate(*term, predicate, continues);
      // `**actor-critic** 알고리즘은 …`: the writer marked the name where the sentence takes it up,
      // which is how a note introduces a concept rather than mentions one.
      if (match && !continues && opens_on_marked_name(raw) &&
          (match->confidence == kTopicOther || match->confidence == kTopicFirst ||
           match->confidence == kCopula)) {
        match->confidence = kMarkedTopic;
      }
      return match;
    }
    return std::nullopt;
  }

  // Whether a sentence's topic is a name in bold, italic or code, closed before the particle:
  // `**X** 알고리즘은`, not `**X는 매번** 바뀐다` (the emphasis is on the whole claim).
  static bool opens_on_marked_name(std::string_view raw) {
    raw = trim(raw);
    for (const std::string_view mark : {"**", "__", "`", "*", "_"}) {
      if (!starts_with(raw, mark) || raw.size() <= mark.size() || raw[mark.size()] == ' ') {
        continue;
      }
      return raw.find(mark, mark.size() + 1) != std::string_view::npos;
    }
    return false;
  }

  std::optional<Match> topic_predicate(const std::string& term, std::string_view predicate,
                                       bool continues) const {
    static constexpr auto kMeaningEnds = std::to_array<std::string_view>(
        {"의미한다",   "의미합니다", "의미함",   "의미",       "말한다",     "말합니다", "말함",
         "뜻한다",     "뜻합니다",   "뜻함",     "가리킨다",   "가리킵니다", "가리킴",   "지칭한다",
         "지칭합니다", "지칭함",     "일컫는다", "일컫습니다", "칭한다",     "칭함"});
    static constexpr auto kMeaningInsideWords = std::to_array<std::string_view>(
        {"의미하며", "의미하고", "말하며", "말하고", "뜻하며", "뜻하고", "의미하는데", "말하는데",
         "가리키며", "지칭하며"});
    static constexpr auto kRepresentEnds =
        std::to_array<std::string_view>({"나타낸다", "나타냅니다", "나타냄"});
    // `인가는 …을 보는 것이지만, Grant는 …`: the sentence contrasts two things, and its end
    // belongs to the second.
    if (has_second_topic(predicate)) return std::nullopt;
    const std::string answer = with_followers(std::string(predicate));
    const std::string_view last = last_word(predicate);
    if (std::find(kMeaningEnds.begin(), kMeaningEnds.end(), last) != kMeaningEnds.end()) {
      return Match{term, answer, kMeaning};
    }
    const std::vector<std::string_view> words = split_words(predicate);
    for (std::string_view w : words) {
      while (!w.empty() && w.back() == ',') w.remove_suffix(1);
      if (std::find(kMeaningInsideWords.begin(), kMeaningInsideWords.end(), w) !=
          kMeaningInsideWords.end()) {
        return Match{term, answer, kMeaningInside};
      }
    }
    if (std::find(kRepresentEnds.begin(), kRepresentEnds.end(), last) != kRepresentEnds.end()) {
      return Match{term, answer, kRepresents};
    }
    std::string_view stem;
    if (copula_word(last, stem) && !ends_with(last, "이며") && !ends_with(last, "이고")) {
      // `MLP는 …하기 때문에 …를 반영하게 되는 것이다`: `…는 것이다` closing a reason (`때문`, `…게
      // 되는 것이다`) explains, it does not say what the term is.
      if (ends_with(stem, "\xEA\xB2\x83") &&  // 것
          (predicate.find("\xEB\x95\x8C\xEB\xAC\xB8") != std::string_view::npos ||  // 때문
           (words.size() >= 3 && words[words.size() - 2] == "\xEB\x90\x98\xEB\x8A\x94" &&  // 되는
            ends_with(words[words.size() - 3], "\xEA\xB2\x8C")))) {                           // …게
        return std::nullopt;
      }
      return Match{term, answer, ends_with_class_noun(stem) ? kClassCopula : kCopula};
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      std::string_view w = words[i];
      if (ends_with(w, ",")) w.remove_suffix(1);
      if ((ends_with(w, "이며") || ends_with(w, "이고")) && copula_word(w, stem) &&
          ends_with_class_noun(stem) && !ends_with(stem, "것")) {
        return Match{term, answer, kClassCopulaInside};
      }
      // `스핀락은 락을 얻을 때까지 기다리는 락으로, …`: a kind said after a clause that describes
      // it, then `(으)로,` going on: a kind noun, or the term's own head noun.
      if (i >= 2 && ends_with(words[i], ",")) {
        std::string_view kind;
        for (const std::string_view form : {"으로", "로"}) {
          if (ends_with(w, form) && w.size() > form.size()) {
            kind = w.substr(0, w.size() - form.size());
            break;
          }
        }
        static constexpr auto kAdnominal = std::to_array<std::string_view>(
            {"는", "은", "한", "된", "인", "던", "운", "할", "될", "를"});
        const std::string_view before = words[i - 1];
        if (!kind.empty() && contains_hangul(kind) && !ends_with(kind, "것") &&
            std::any_of(kAdnominal.begin(), kAdnominal.end(),
                        [&](std::string_view e) { return ends_with(before, e) && !ends_with(before, "를"); }) &&
            (ends_with_class_noun(kind) || (kind.size() >= 3 && ends_with(strip_emphasis(term), kind)))) {
          // `… 방식으로, 이처럼 …`: what goes on leans on other text; the kind alone answers.
          const std::size_t rest = static_cast<std::size_t>(words[i + 1].data() - predicate.data());
          if (leans_on_context(predicate.substr(rest))) {
            const std::size_t end = static_cast<std::size_t>(kind.data() + kind.size() - predicate.data());
            return Match{term, std::string(trim(predicate.substr(0, end))), kClassCopulaInside};
          }
          return Match{term, answer, kClassCopulaInside};
        }
      }
    }
    // A topic sentence: it says something about the term without defining it. One that gives a
    // reason (`…에 기반을 두기 때문에 잘 동작한다`) says why it works, not what it is.
    if (continues || word_count(predicate) < 4 || has_second_topic(predicate) ||
        !ends_as_statement(predicate) || has_jamo(predicate) ||
        predicate.find("\xEB\x95\x8C\xEB\xAC\xB8") != std::string_view::npos) {  // 때문
      return std::nullopt;
    }
    const bool introduces = first_mention(term) && word_count(term) >= 2 &&
                            word_count(predicate) >= 6 && !is_anaphora(predicate);
    return Match{term, answer, introduces ? kTopicFirst : kTopicOther};
  }

  // Whether the note names `term` here for the first time (by its first Latin word; a term
  // without one is never taken for a first mention).
  bool first_mention(std::string_view term) const {
    std::size_t i = 0;
    while (i < term.size() && !std::isalpha(static_cast<unsigned char>(term[i]))) {
      if (static_cast<unsigned char>(term[i]) >= 0x80) return false;
      ++i;
    }
    std::size_t end = i;
    while (end < term.size() && std::isalnum(static_cast<unsigned char>(term[end]))) ++end;
    if (end == i) return false;
    const auto it = m_first.find(ascii_lower(term.substr(i, end - i)));
    if (it == m_first.end()) return true;
    const std::size_t sentence_end = m_offset + (*m_sentences)[m_index].text.size();
    return it->second.first == m_paragraph && it->second.second >= m_offset &&
           it->second.second < sentence_end;
  }

  // `X is defined as …`, `X refers to …`, `X means …`, `… is called X`, `X is a/an/the …`, also
  // after a framing clause (`In practice, a hash map is …`, `As seen before, the F1-score is …`)
  // and with an adverb before the article (`is simply the …`).
  std::optional<Match> english(std::string_view s) const {
    if (text_language(s) != Language::english) return std::nullopt;
    if (std::optional<Match> inside = english_inside(s)) return inside;
    if (std::optional<Match> does = english_marked_verb(s)) return does;
    if (std::optional<Match> does = english_named_verb(s)) return does;
    const std::string plain = without_alias(without_hedge_adverb(without_framing(s)));
    if (std::optional<Match> m = english_plain(plain)) return m;
    if (std::optional<Match> m = english_term_describes(plain)) return m;
    if (std::optional<Match> m = english_plural(plain)) return m;
    if (std::optional<Match> m = english_occurs(plain)) return m;
    if (std::optional<Match> m = english_called_which(s)) return m;
    return english_introduced_which(s);
  }

  // `To overcome this, Hinton introduced the Capsule network, which consists of capsules instead
  // of neurons.`: a name someone brought in, and what it is or does in the clause after it. The
  // answer is the name with that clause (`The Capsule network consists of capsules …`); who
  // brought it in, and why, is the story. Not a generic head alone (`a method, which …`).
  static std::optional<Match> english_introduced_which(std::string_view s) {
    const std::size_t which = s.find(", which ");
    if (which == std::string_view::npos || which > 160) return std::nullopt;
    const std::string_view before = s.substr(0, which);
    std::size_t name_at = std::string_view::npos;
    for (const std::string_view verb : {" introduced ", " proposed ", " developed ", " invented ",
                                        " designed ", " presented ", " introduce ", " propose "}) {
      const std::size_t at = before.rfind(verb);
      if (at != std::string_view::npos && (name_at == std::string_view::npos || at + verb.size() > name_at)) {
        name_at = at + verb.size();
      }
    }
    if (name_at == std::string_view::npos) return std::nullopt;
    std::string_view name = trim(before.substr(name_at));
    std::string_view article;
    for (const std::string_view a : {"the ", "a ", "an ", "The ", "A ", "An "}) {
      if (starts_with(name, a)) {
        article = a;
        name = trim(name.substr(a.size()));
        break;
      }
    }
    if (name.empty() || word_count(name) > 5 || name.find(',') != std::string_view::npos) {
      return std::nullopt;
    }
    static constexpr auto kGeneric = std::to_array<std::string_view>(
        {"method", "approach", "technique", "model", "algorithm", "network", "idea", "framework",
         "system", "way", "concept", "solution", "variant", "version", "new", "novel", "simple"});
    const std::vector<std::string_view> named = split_words(name);
    if (std::find(kGeneric.begin(), kGeneric.end(), ascii_lower(named.front())) != kGeneric.end()) {
      return std::nullopt;
    }
    const std::optional<std::string> term = clean_term(name);
    const std::string_view does = trim(s.substr(which + 8));
    if (!term || word_count(does) < 4) return std::nullopt;
    // `…, which is why …`, `…, which means …`: a remark on the whole sentence, not on the name.
    for (const std::string_view remark : {"is why", "means", "made", "makes", "led", "leads"}) {
      if (starts_with(does, remark)) return std::nullopt;
    }
    std::string answer = article.empty() ? std::string() : std::string(article);
    if (!answer.empty()) answer[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(answer[0])));
    answer += std::string(name) + " " + std::string(does);
    return Match{*term, answer, kCalledWhich};
  }

  // `… we introduce a variant of RNN called a long short-term memory (LSTM) cell, which resolves
  // …`, `… end up with a method called *adadelta*, which is a variant on *adagrad*`: a name given
  // in passing, with the kind before it and what it does after it. The answer is the kind and
  // the clause (`A variant of RNN that resolves …`); whatever led up to the name is the story.
  static std::optional<Match> english_called_which(std::string_view s) {
    // (`called` looked for by its rarer first letter, not by the space before it.)
    std::size_t called = s.find("called ");
    while (called != std::string_view::npos && (called == 0 || s[called - 1] != ' ')) {
      called = s.find("called ", called + 1);
    }
    if (called == std::string_view::npos) return std::nullopt;
    --called;  // at the space before it
    // The kind: `a`/`an` and at most five words up to ` called`.
    const std::vector<std::string_view> before = split_words(s.substr(0, called));
    std::size_t article = before.size();
    for (std::size_t k = before.size(); k-- > 0 && before.size() - k <= 6;) {
      const std::string w = ascii_lower(before[k]);
      if (w == "a" || w == "an") {
        article = k;
        break;
      }
      // The kind ends at a clause or a comma (`…, called X`).
      if (w.find(',') != std::string::npos || w == "is" || w == "are" || w == "was") break;
    }
    if (article + 1 >= before.size()) return std::nullopt;
    // `a good old model called …`: a rating, not a kind.
    static constexpr auto kRatings = std::to_array<std::string_view>(
        {"good", "great", "nice", "bad", "simple", "popular", "famous", "cool", "handy",
         "powerful", "new", "old", "little", "big", "fancy"});
    if (std::find(kRatings.begin(), kRatings.end(), ascii_lower(before[article + 1])) !=
        kRatings.end()) {
      return std::nullopt;
    }
    const std::size_t kind_at = static_cast<std::size_t>(before[article].data() - s.data());
    const std::string_view kind = trim(s.substr(kind_at, called - kind_at));
    // The name, up to `, which` / `, that` / ` which` / ` that`.
    std::string_view rest = s.substr(called + 8);
    std::size_t end = std::string_view::npos;
    std::size_t clause = 0;
    for (const std::string_view pronoun : {", which ", ", that ", " which ", " that "}) {
      const std::size_t at = rest.find(pronoun);
      if (at != std::string_view::npos && at < end) {
        end = at;
        clause = at + pronoun.size();
      }
    }
    if (end == std::string_view::npos || end > 80) return std::nullopt;
    const std::string_view raw = without_article(rest.substr(0, end));
    if (raw.find(',') != std::string_view::npos || word_count(raw) > 6) return std::nullopt;
    const std::optional<std::string> term = clean_term(raw);
    std::string_view does = rest.substr(clause);
    // `…\n([The Math of March Madness](…))`: a source cited on the next line is not said.
    if (const std::size_t cite = does.find("\n("); cite != std::string_view::npos) {
      does = does.substr(0, cite);
    }
    does = trim(does);
    if (!term || word_count(does) < 4) return std::nullopt;
    std::string answer(kind);
    answer[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(answer[0])));
    answer += " that ";
    answer += does;
    // `a method called adadelta, which is a variant on adagrad`: a clause that only names another
    // kind says no more than the kind (judged misframed, round 34).
    const bool kind_only = starts_with(does, "is ") || starts_with(does, "are ");
    return Match{*term, answer, kind_only ? kHedged : kCalledWhich};
  }

  // `**Platt scaling** calibrates scores by …`, `LRU evicts the entry that …`: a name the writer
  // marked (or an acronym) opening the sentence, then what it does, in the present tense.
  static std::optional<Match> english_marked_verb(std::string_view s) {
    std::string_view name;
    std::string_view rest;
    for (const std::string_view mark : {"**", "__", "`", "*", "_"}) {
      if (!starts_with(s, mark) || s.size() <= mark.size() || s[mark.size()] == ' ') continue;
      const std::size_t close = s.find(mark, mark.size());
      if (close == std::string_view::npos) return std::nullopt;
      name = s.substr(mark.size(), close - mark.size());
      rest = s.substr(close + mark.size());
      break;
    }
    if (name.empty()) {
      // An acronym of capitals (`LRU`, `TCP`), alone before the verb.
      const std::size_t space = s.find(' ');
      if (space == std::string_view::npos || space < 2 || space > 6) return std::nullopt;
      const std::string_view word = s.substr(0, space);
      if (!std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }) ||
          !(word.front() >= 'A' && word.front() <= 'Z')) {
        return std::nullopt;
      }
      name = word;
      rest = s.substr(space);
    }
    // `*AUC* (area under the ROC curve) measures …`: a gloss between the name and its verb.
    if (starts_with(rest, " (")) {
      const std::size_t close = rest.find(')');
      if (close == std::string_view::npos || close > 80) return std::nullopt;
      rest = rest.substr(close + 1);
    }
    if (!starts_with(rest, " ") || word_count(name) > 5 || ends_with(trim(name), ".") ||
        ends_with(trim(name), ":")) {
      return std::nullopt;
    }
    const std::vector<std::string_view> words = split_words(rest);
    if (words.size() < 5) return std::nullopt;
    const std::string_view verb = words[0];
    static constexpr auto kNotDoing = std::to_array<std::string_view>(
        {"is", "was", "has", "does", "seems", "looks", "means", "needs", "remains", "becomes",
         "gets", "makes", "sounds", "appears", "goes", "comes", "this", "its", "as", "us", "yes",
         "refers", "describes", "denotes", "stands"});
    if (verb.size() < 3 || verb.back() != 's' || ends_with(verb, "ss") || ends_with(verb, "us") ||
        !std::all_of(verb.begin(), verb.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
        std::find(kNotDoing.begin(), kNotDoing.end(), verb) != kNotDoing.end()) {
      return std::nullopt;
    }
    const std::optional<std::string> term = clean_term(name);
    if (!term) return std::nullopt;
    std::string_view sentence = trim(s);
    return Match{*term, std::string(sentence), kMarkedVerb};
  }

  // `Cross-entropy measures how far …`, `A confusion matrix shows the counts …`: a name of a few
  // words, not marked, opening the sentence with one of the verbs that say what a thing does
  // for its reader (measures, predicts, maps …). Unmarked, the subject could be anything
  // (`The fit function returns …`, `It predicts …`): no article but `a`/`an`, no pronoun, and
  // only these verbs.
  static bool is_defining_adverb(std::string_view word) {
    return word == "simply" || word == "basically" || word == "essentially" || word == "merely";
  }

  static std::optional<Match> english_named_verb(std::string_view s) {
    if (s.empty() || !std::isupper(static_cast<unsigned char>(s.front()))) return std::nullopt;
    // Most English sentences open on `The`, `This`, `It`, `In`, `We`: passed before any scan.
    {
      const std::string_view opening = s.substr(0, s.find(' '));
      for (const std::string_view common : {"The", "This", "It", "In", "We", "If", "For", "To",
                                            "You", "When", "These", "There", "That", "As", "On"}) {
        if (opening == common) return std::nullopt;
      }
    }
    static constexpr auto kVerbs = std::to_array<std::string_view>(
        {"measures", "quantifies", "predicts", "estimates", "computes", "calculates", "maps",
         "converts", "transforms", "encodes", "captures", "penalizes", "penalises", "normalizes",
         "normalises", "describes", "represents", "shows", "tells", "splits", "combines",
         "evicts", "approximates", "minimizes", "minimises", "maximizes", "maximises"});
    // One of the verbs among the second to fifth words, looked for without splitting the sentence
    // (only a word that ends in `s` is compared).
    {
      bool any = false;
      std::size_t from = s.find(' ');
      for (int k = 1; k <= 4 && from != std::string_view::npos && !any; ++k) {
        const std::size_t to = s.find(' ', from + 1);
        const std::string_view word =
            s.substr(from + 1, (to == std::string_view::npos ? s.size() : to) - from - 1);
        any = !word.empty() && ((word.back() == 's' &&
                                 std::find(kVerbs.begin(), kVerbs.end(), word) != kVerbs.end()) ||
                                is_defining_adverb(word));
        from = to;
      }
      if (!any) return std::nullopt;
    }
    const std::vector<std::string_view> words = split_words(s.substr(0, std::min<std::size_t>(s.size(), 120)));
    std::size_t verb = 0;
    for (std::size_t k = 1; k < words.size() && k <= 4; ++k) {
      if (std::find(kVerbs.begin(), kVerbs.end(), words[k]) != kVerbs.end()) {
        verb = k;
        break;
      }
      // `A spatial separable convolution simply divides a kernel into two …`: an adverb that
      // says the sentence gives the gist, then any verb in the present tense.
      if (k + 1 < words.size() && is_defining_adverb(words[k]) && words[k + 1].size() >= 4 &&
          words[k + 1].back() == 's' && !ends_with(words[k + 1], "ss") &&
          std::all_of(words[k + 1].begin(), words[k + 1].end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
          words[k + 1] != "does" && words[k + 1] != "has" && words[k + 1] != "was" && words[k + 1] != "is") {
        verb = k;
        break;
      }
    }
    if (verb == 0 || words.size() < verb + 5) return std::nullopt;
    // `Bias tells about …`: only `tells you` / `tells us` says what it is for.
    if (words[verb] == "tells" && words[verb + 1] != "you" && words[verb + 1] != "us") {
      return std::nullopt;
    }
    // `Increasing the strength penalizes …`: a gerund with its object is an action, not a name.
    if (verb >= 2 && ends_with(ascii_lower(words[0]), "ing")) return std::nullopt;
    std::size_t first = 0;
    const std::string opening = ascii_lower(words[0]);
    if (opening == "a" || opening == "an") first = 1;
    if (verb <= first) return std::nullopt;
    static constexpr auto kNotNames = std::to_array<std::string_view>(
        {"the", "this", "that", "these", "those", "it", "they", "he", "she", "we", "you", "i",
         "our", "your", "my", "their", "its", "each", "every", "which", "what", "one", "here",
         "there", "then", "so", "and", "but", "also", "now", "figure", "table", "fig", "code",
         "function", "method", "class", "model", "algorithm", "result", "output", "line",
         "example", "paper", "author", "authors", "section", "chapter"});
    for (std::size_t k = first; k < verb; ++k) {
      std::string w = ascii_lower(words[k]);
      if (std::find(kNotNames.begin(), kNotNames.end(), w) != kNotNames.end() && k == first) {
        return std::nullopt;
      }
      // `Then, it …`, `Also this …`: a clause before a name is no name; `A compiler that converts
      // …` is a fragment naming a kind, not a name.
      if (w.find_first_of(",:;()[]`*_$") != std::string::npos || w == "that" || w == "which" ||
          w == "who" || w == "where") {
        return std::nullopt;
      }
    }
    const std::size_t name_at = static_cast<std::size_t>(words[first].data() - s.data());
    const std::size_t name_end = static_cast<std::size_t>(words[verb].data() - s.data());
    const std::optional<std::string> term = clean_term(trim(s.substr(name_at, name_end - name_at)));
    if (!term) return std::nullopt;
    return Match{*term, std::string(trim(s)), kNamedVerb};
  }

  // `A spinlock, also called a busy-wait lock, is …` → `A spinlock is …`: another name between
  // commas after the subject keeps the subject from its verb.
  static std::string without_alias(std::string s) {
    // Only the first comma can close a subject of five words or fewer: look there alone.
    const std::size_t at = std::string_view(s).substr(0, 64).find(", ");
    if (at == std::string_view::npos || word_count(std::string_view(s).substr(0, at)) > 5) {
      return s;
    }
    const std::string after = ascii_lower(std::string_view(s).substr(at, 24));
    for (const std::string_view alias : {", also called ", ", also known as ", ", aka ",
                                         ", a.k.a. ", ", or ", ", sometimes called "}) {
      if (!starts_with(after, alias)) continue;
      const std::size_t close = s.find(", ", at + alias.size());
      if (close == std::string::npos || word_count(std::string_view(s).substr(at, close - at)) > 7) {
        return s;
      }
      s.erase(at, close + 1 - at);
      return s;
    }
    return s;
  }

  // `The term *false sharing* describes two threads writing …`: what the term is said to mean.
  std::optional<Match> english_term_describes(std::string_view s) const {
    if (!(starts_with(s, "The term ") || starts_with(s, "the term "))) return std::nullopt;
    const std::string lower = ascii_lower(s);
    for (const std::string_view verb : {" describes ", " denotes ", " refers to ", " means ",
                                        " is used for ", " is used to describe "}) {
      const std::size_t at = lower.find(verb);
      if (at == std::string::npos) continue;
      const std::optional<std::string> term = clean_term(s.substr(9, at - 9));
      const std::string_view after = trim(s.substr(at + verb.size()));
      if (!term || word_count(*term) > 5 || word_count(after) < 3) return std::nullopt;
      return Match{*term, with_followers(std::string(after)), kMeans};
    }
    return std::nullopt;
  }

  // `Memory barriers (or fences) are instructions that stop …`: a plural name, what kind of
  // things they are and what they do. Not `Results are good`, `Weights are updated by …`.
  std::optional<Match> english_plural(std::string_view s) const {
    // A capitalised or marked name of a few words, then ` are `: most sentences fail here.
    const std::size_t at = s.find(" are ");
    if (at == std::string_view::npos || at == 0 || at > 80 ||
        !(std::isupper(static_cast<unsigned char>(s.front())) || s.front() == '*' || s.front() == '`')) {
      return std::nullopt;
    }
    const std::string lower = ascii_lower(s);
    if (at == std::string::npos || at == 0) return std::nullopt;
    std::string subject(trim(s.substr(0, at)));
    for (std::size_t open = subject.find(" ("); open != std::string::npos; open = subject.find(" (")) {
      const std::size_t close = subject.find(')', open);
      if (close == std::string::npos) break;
      subject.erase(open, close - open + 1);
    }
    const std::vector<std::string_view> named = split_words(subject);
    // `The gradients are …`, `I'd say that SVMs are …`: things of this text, or a remark.
    if (named.empty() || named.size() > 4 || !ends_with(ascii_lower(named.back()), "s") ||
        is_anaphora(subject) || is_personal(lower) || subject.find('\'') != std::string::npos ||
        ascii_lower(named.front()) == "the" || ascii_lower(named.front()) == "some" ||
        ascii_lower(named.front()) == "many" || ascii_lower(named.front()) == "most") {
      return std::nullopt;
    }
    // `In their most basic form, networks are …`: a name opens its sentence, capitalised or
    // marked; a word after a framing clause is the framing's topic.
    if (!(std::isupper(static_cast<unsigned char>(subject.front())) || subject.front() == '*' ||
          subject.front() == '`')) {
      return std::nullopt;
    }
    const std::string_view after = trim(s.substr(at + 5));
    const std::vector<std::string_view> next = split_words(after);
    if (next.size() < 5) return std::nullopt;
    // `are updated`, `are computing`, `are not`, `are very …`: a state or an action, not a kind.
    const std::string first = ascii_lower(next[0]);
    static constexpr auto kNotKinds = std::to_array<std::string_view>(
        {"not", "also", "often", "usually", "very", "more", "less", "most", "too", "so", "quite",
         "always", "never", "still", "only", "all", "both", "just", "then", "now", "good",
         "bad", "important", "useful", "easy", "hard", "able", "likely", "used", "known"});
    if (ends_with(first, "ed") || ends_with(first, "ing") ||
        std::find(kNotKinds.begin(), kNotKinds.end(), first) != kNotKinds.end()) {
      return std::nullopt;
    }
    // The kind is said in a few words and what they do follows: `instructions that …`.
    bool clause = false;
    for (std::size_t k = 1; k < next.size() && k <= 5; ++k) {
      const std::string w = ascii_lower(next[k]);
      if (w == "that" || w == "which" || w == "who" || w == "used" || w == "where") {
        clause = true;
        break;
      }
    }
    if (!clause) return std::nullopt;
    const std::optional<std::string> term = clean_term(subject);
    if (!term) return std::nullopt;
    return Match{*term, with_followers(std::string(after)), kPlural};
  }

  // `Thrashing occurs when a system spends more time paging than executing.`: an event named by
  // when it happens; the sentence says it whole.
  std::optional<Match> english_occurs(std::string_view s) const {
    // Every form below holds ` when ` or ` if ` after a subject of three words or fewer.
    const std::string_view head = s.substr(0, std::min<std::size_t>(s.size(), 64));
    if (head.find(" when ") == std::string_view::npos && head.find(" if ") == std::string_view::npos) {
      return std::nullopt;
    }
    const std::string lower = ascii_lower(s);
    for (const std::string_view verb : {" occurs when ", " happens when ", " arises when ",
                                        " occurs if ", " happens if "}) {
      const std::size_t at = lower.find(verb);
      if (at == std::string::npos || at == 0) continue;
      const std::string_view subject = trim(s.substr(0, at));
      if (word_count(subject) > 3 || is_anaphora(subject) || is_personal(lower)) return std::nullopt;
      const std::optional<std::string> term = clean_term(subject);
      if (!term || word_count(s.substr(at + verb.size())) < 4) return std::nullopt;
      return Match{*term, with_followers(std::string(trim(s))), kOccurs};
    }
    return std::nullopt;
  }

  // `In nested cross-validation, we have an outer loop …`, `In "micro averaging," we'd …`, `In
  // fastText, each word is …`: a sentence that tells how a named method works from inside it. Not
  // a framing (`In practice, …`, `In this case, …`, `In intuitive terms, …`), and not advice or a
  // story (`In SVMs, we typically need to …`, `In Adagrad, we noticed …`).
  static std::optional<Match> english_inside(std::string_view s) {
    if (!starts_with(s, "In ")) return std::nullopt;
    const std::size_t comma = s.find(',');
    if (comma == std::string_view::npos || comma > 64) return std::nullopt;
    std::string_view lead = trim(s.substr(3, comma - 3));
    std::string_view rest = s.substr(comma + 1);
    // The closing quote of `In "micro averaging," we …` comes after the comma.
    for (const std::string_view quote : {"\"", "\xE2\x80\x9D"}) {
      if (starts_with(rest, quote)) rest.remove_prefix(quote.size());
    }
    rest = trim(rest);
    for (bool changed = true; changed;) {
      changed = false;
      for (const std::string_view mark : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "*", "_", "`"}) {
        if (starts_with(lead, mark)) lead.remove_prefix(mark.size()), changed = true;
        if (ends_with(lead, mark)) lead.remove_suffix(mark.size()), changed = true;
      }
    }
    const std::vector<std::string_view> words = split_words(lead);
    if (words.empty() || words.size() > 4) return std::nullopt;
    static constexpr auto kNotNames = std::to_array<std::string_view>(
        {"the", "a", "an", "this", "that", "these", "those", "our", "my", "your", "their", "its",
         "his", "her", "such", "each", "some", "many", "most", "both", "all", "any", "one", "other",
         "another", "which", "what", "terms", "term", "words", "context", "case", "cases",
         "scenario", "practice", "general", "fact", "short", "contrast", "addition", "particular",
         "summary", "order", "theory", "comparison", "conclusion", "sum", "total", "reality",
         "essence", "brief", "detail", "effect", "turn", "part", "principle", "return", "response",
         "front", "time", "example", "figure", "table", "section", "chapter", "paper", "step",
         "steps", "code", "python", "math", "mathematics", "english"});
    for (const std::string_view word : words) {
      const std::string lower = ascii_lower(word);
      if (std::find(kNotNames.begin(), kNotNames.end(), lower) != kNotNames.end()) return std::nullopt;
      if (std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
    }
    const std::vector<std::string_view> next = split_words(rest);
    if (next.size() < 5) return std::nullopt;
    const std::string subject = ascii_lower(next[0]);
    // `In discriminative models, you have "less assumptions"`: a remark to the reader (judged
    // misframed twice), where `we` describes the method's own steps.
    if (subject == "we" || subject == "we'd") {
      static constexpr auto kModals = std::to_array<std::string_view>(
          {"can", "could", "should", "will", "would", "might", "may", "must", "need", "needs",
           "shall", "also", "typically", "usually", "often", "just", "simply", "did", "didn't",
           "do", "don't", "does", "doesn't", "won't", "can't", "cannot",
           // `In inception net v3, we use factorized convolutions`: a part it uses, not how it works
           "use", "add", "apply", "replace", "introduce", "employ", "include", "remove"});
      const std::string verb = ascii_lower(next[1]);
      if (std::find(kModals.begin(), kModals.end(), verb) != kModals.end() ||
          (ends_with(verb, "ed") && verb != "need") ||
          ((verb == "have" || verb == "had") && ascii_lower(next[2]) == "to")) {
        return std::nullopt;
      }
    } else if (subject != "each" && subject != "every") {
      return std::nullopt;
    }
    const std::optional<std::string> term = clean_term(lead);
    if (!term) return std::nullopt;
    return Match{*term, std::string(trim(s)), kInside, true};
  }

  // `In practice, a hash map …` → `a hash map …`: a short opening clause that frames the sentence
  // (how, where or as what it is said), not one that says something of its own.
  static std::string_view without_framing(std::string_view s) {
    // `Recall that X is …`, `Note that X is …`: a reminder around the sentence, not its subject.
    {
      const std::string head = ascii_lower(s.substr(0, std::min<std::size_t>(s.size(), 16)));
      for (const std::string_view lead : {"recall that ", "note that ", "remember that "}) {
        if (starts_with(head, lead)) return trim(s.substr(lead.size()));
      }
    }
    const std::size_t comma = s.find(", ");
    if (comma == std::string_view::npos) return s;
    const std::string_view lead = s.substr(0, comma);
    const std::vector<std::string_view> words = split_words(lead);
    if (words.empty() || words.size() > 7) return s;
    static constexpr auto kFraming = std::to_array<std::string_view>(
        {"in", "as", "formally", "informally", "intuitively", "simply", "put", "roughly",
         "basically", "essentially", "generally", "technically", "mathematically", "briefly",
         "concretely", "loosely", "strictly", "statistically", "conceptually"});
    const std::string first = ascii_lower(words.front());
    if (std::find(kFraming.begin(), kFraming.end(), first) == kFraming.end()) return s;
    // `In contrast to bagging, …`, `As a result, …`: the clause leans on what came before.
    const std::string lower = ascii_lower(lead);
    for (const std::string_view leaning : {"contrast", "result", "comparison", "addition",
                                           "this", "that", "these", "such", "other", "same"}) {
      for (const std::string_view word : split_words(lower)) {
        if (word == leaning) return s;
      }
    }
    return trim(s.substr(comma + 2));
  }

  // `is simply the …`, `are usually a …` → `is the …`, `are a …`.
  static std::string without_hedge_adverb(std::string_view s) {
    std::string out(s);
    static constexpr auto kAdverbs = std::to_array<std::string_view>(
        {"simply", "just", "basically", "essentially", "usually", "typically", "often",
         "generally", "commonly", "actually", "really", "also", "merely", "roughly"});
    for (const std::string_view copula : {" is ", " are "}) {
      const std::string lower = ascii_lower(out);
      const std::size_t at = lower.find(copula);
      if (at == std::string::npos) continue;
      const std::size_t word_at = at + copula.size();
      for (const std::string_view adverb : kAdverbs) {
        if (lower.compare(word_at, adverb.size(), adverb) == 0 &&
            lower.compare(word_at + adverb.size(), 1, " ") == 0) {
          const std::string_view rest = std::string_view(lower).substr(word_at + adverb.size() + 1);
          if (starts_with(rest, "a ") || starts_with(rest, "an ") || starts_with(rest, "the ")) {
            out.erase(word_at, adverb.size() + 1);
          }
          break;
        }
      }
    }
    return out;
  }

  // `s` is English: english() read it so before taking its framing off.
  std::optional<Match> english_plain(std::string_view s) const {
    const std::string lower = ascii_lower(s);
    // Every marker below holds ` is `, ` are `, ` refer`, ` means ` or ` can be `: a sentence
    // with none of them (most of a command reference) is passed after five scans, not sixteen.
    if (lower.find(" is ") == std::string::npos && lower.find(" are ") == std::string::npos &&
        lower.find(" refer") == std::string::npos && lower.find(" means ") == std::string::npos &&
        lower.find(" can be ") == std::string::npos) {
      return std::nullopt;
    }
    struct Marker {
      std::string_view text;
      double confidence;
      bool term_after;
    };
    static constexpr std::array<Marker, 11> kMarkers = {{{" is defined as ", kDefinedAs, false},
                                                         {" are defined as ", kDefinedAs, false},
                                                         {" refers to ", kRefersTo, false},
                                                         {" refer to ", kRefersTo, false},
                                                         {" is called ", kEnglishCalled, true},
                                                         {" are called ", kEnglishCalled, true},
                                                         {" is known as ", kEnglishCalled, true},
                                                         {" means ", kMeans, false},
                                                         {" is a ", kIsA, false},
                                                         {" is an ", kIsA, false},
                                                         {" is the ", kIsThe, false}}};
    // `X can be thought of as / seen as / viewed as …`: looked for only where `can be` is.
    static constexpr std::array<Marker, 5> kCanBe = {{{" can be thought of as ", kMeans, false},
                                                      {" can be seen as ", kMeans, false},
                                                      {" can be viewed as ", kMeans, false},
                                                      {" can be understood as ", kMeans, false},
                                                      {" can be interpreted as ", kMeans, false}}};
    std::size_t best = std::string::npos;
    const Marker* marker = nullptr;
    for (const Marker& m : kMarkers) {
      const std::size_t at = lower.find(m.text);
      if (at != std::string::npos && at < best) {
        best = at;
        marker = &m;
      }
    }
    if (lower.find(" can be ") != std::string::npos) {
      for (const Marker& m : kCanBe) {
        const std::size_t at = lower.find(m.text);
        if (at != std::string::npos && at < best) {
          best = at;
          marker = &m;
        }
      }
    }
    if (marker == nullptr || best == 0) return std::nullopt;
    const std::string_view before = trim(s.substr(0, best));
    std::string_view after = trim(s.substr(best + marker->text.size()));
    if (marker->term_after) {
      std::size_t end = 0;
      while (end < after.size() && after[end] != ',' && after[end] != ';' && after[end] != '(') {
        ++end;
      }
      std::string_view raw = trim(after.substr(0, end));
      // The name ends before a preposition or a clause: `… is called CE in some papers`.
      static constexpr auto kStops = std::to_array<std::string_view>(
          {" in ", " for ", " by ", " when ", " because ", " since ", " and ", " or ", " if ",
           " which ", " that ", " as ", " on ", " at ", " to ", " from ", " of "});
      for (const std::string_view stop : kStops) {
        const std::size_t at = ascii_lower(raw).find(stop);
        if (at != std::string::npos) raw = trim(raw.substr(0, at));
      }
      while (!raw.empty() && (raw.back() == '.' || raw.back() == '"')) raw.remove_suffix(1);
      raw = without_article(raw);
      const std::optional<std::string> term = clean_term(raw);
      if (!term || word_count(*term) > 4) return std::nullopt;
      // `…, that's not why they are called X`: a pronoun inside a longer clause names nothing
      // the card could show.
      if (const std::vector<std::string_view> words = split_words(before); words.size() > 1) {
        static constexpr auto kPronouns = std::to_array<std::string_view>(
            {"they", "it", "he", "she", "we", "this", "these", "those", "them"});
        if (std::find(kPronouns.begin(), kPronouns.end(), ascii_lower(words.back())) !=
            kPronouns.end()) {
          return std::nullopt;
        }
      }
      std::string answer = is_anaphora(before)
                               ? with_previous(s)
                               : std::string(without_relative(without_article(before)));
      // `A layer is called fully connected if every neuron …`: a word or two before the marker
      // is the kind, and the condition after the name is the definition: the sentence answers.
      if (word_count(answer) <= 2 && answer.find('$') == std::string::npos) {
        answer = std::string(trim(s));
      }
      return Match{*term, answer, marker->confidence};
    }
    // `Continuous Bag of Words (CBOW) model can be thought of as …`: a gloss in parentheses does
    // not make the name longer.
    std::string unglossed(before);
    for (std::size_t open = unglossed.find(" ("); open != std::string::npos;
         open = unglossed.find(" (", open)) {
      const std::size_t close = unglossed.find(')', open);
      if (close == std::string::npos) break;
      unglossed.erase(open, close - open + 1);
    }
    if (word_count(unglossed) > 5 || is_anaphora(before) || is_personal(lower)) return std::nullopt;
    // `PyTorch is a good choice for …`, `X is the preferred way`: a judgement, not a definition.
    if (marker->confidence == kIsA || marker->confidence == kIsThe) {
      static constexpr auto kOpinion = std::to_array<std::string_view>(
          {"good", "great", "nice", "bad", "better", "worse", "popular", "preferred",
           "recommended", "cool", "handy", "useful", "powerful", "favorite", "favourite"});
      const std::vector<std::string_view> next = split_words(after);
      if (!next.empty() &&
          std::find(kOpinion.begin(), kOpinion.end(), ascii_lower(next[0])) != kOpinion.end()) {
        return std::nullopt;
      }
    }
    if (marker->confidence == kIsThe) {
      static constexpr auto kJudging = std::to_array<std::string_view>(
          {"most", "best", "worst", "main", "only", "first", "last", "same", "biggest", "hardest",
           "easiest", "key", "real", "whole", "reason", "problem", "point", "issue"});
      const std::vector<std::string_view> next = split_words(after);
      if (!next.empty() &&
          std::find(kJudging.begin(), kJudging.end(), ascii_lower(next[0])) != kJudging.end()) {
        return std::nullopt;
      }
    }
    const std::optional<std::string> term = clean_term(without_article(before));
    if (!term || word_count(after) < 2) return std::nullopt;
    // `Of note is a distinction …`, `For example, …`: a phrase that opens on a preposition
    // frames the sentence; it names nothing.
    {
      static constexpr auto kPrepositions = std::to_array<std::string_view>(
          {"of", "in", "on", "at", "for", "to", "from", "by", "with", "about", "as", "among",
           "between", "under", "over", "after", "before", "during"});
      const std::vector<std::string_view> named = split_words(*term);
      if (named.size() >= 2 && std::find(kPrepositions.begin(), kPrepositions.end(),
                                         ascii_lower(named[0])) != kPrepositions.end()) {
        return std::nullopt;
      }
    }
    if (marker->confidence == kIsA || marker->confidence == kIsThe) {
      after = trim(s.substr(best + 4));  // keep the article: `a measure of …`
    }
    // `Ordinal means that an order is implied.`: the clause alone (`that an order …`) reads as a
    // fragment; the sentence says it whole.
    if (marker->text == " means " && starts_with(ascii_lower(after), "that ")) {
      // `More regions means that …`, `A higher rate means that …`: a claim about an amount.
      static constexpr auto kAmounts = std::to_array<std::string_view>(
          {"more", "less", "fewer", "higher", "lower", "larger", "smaller", "bigger", "greater",
           "too", "very", "most", "many", "much", "a", "an", "the"});
      const std::vector<std::string_view> named = split_words(*term);
      if (named.empty() || std::find(kAmounts.begin(), kAmounts.end(), ascii_lower(named[0])) !=
                               kAmounts.end()) {
        return std::nullopt;
      }
      return Match{*term, with_followers(std::string(trim(s))), marker->confidence};
    }
    return Match{*term, with_followers(std::string(after)), marker->confidence};
  }

  // A sentence about the writer (`I should redraw it`) is a remark, not a definition.
  static bool is_personal(std::string_view lower) {
    for (const std::string_view word : split_words(lower)) {
      std::string_view w = word;
      while (!w.empty() && !std::isalpha(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
      if (w == "i" || w == "i'm" || w == "my" || w == "we" || w == "our" || w == "me" ||
          w == "i'll" || w == "i've" || w == "you") {
        return true;
      }
    }
    return false;
  }

  // `the result is k images, which` (`…, which are called channels`): the clause the name closes
  // ends before its relative pronoun.
  static std::string_view without_relative(std::string_view s) {
    for (const std::string_view pronoun : {", which", " which", ", who", " who", " that", ", where"}) {
      if (ends_with(s, pronoun) && word_count(s) > 3) return trim(s.substr(0, s.size() - pronoun.size()));
    }
    return s;
  }

  static std::string_view without_article(std::string_view s) {
    s = trim(s);
    for (const std::string_view article : {"The ", "the ", "A ", "a ", "An ", "an "}) {
      if (starts_with(s, article) && word_count(s) >= 2) return trim(s.substr(article.size()));
    }
    return s;
  }

  const std::unordered_map<std::string, std::pair<std::size_t, std::size_t>>& m_first;
  std::size_t m_paragraph;
  const std::vector<Sentence>* m_sentences = nullptr;
  mutable bool m_first_clause = false;  // reading the first of two chained clauses
  std::string_view m_previous_paragraph;
  std::string_view m_next_paragraph;
  mutable std::string_view m_previous;  // its last sentence, once read
  mutable bool m_previous_read = false;
  mutable bool m_from_previous = false;
  mutable bool m_reading_next = false;  // defines_something() is reading the next sentence
  std::size_t m_index = 0;
  std::size_t m_offset = 0;  // of the current sentence in its paragraph
};

// Whether the lines strictly between line `end` and line `start` (1-based) are blank or spacing
// markup alone (`<br>`, `</br>`, `<br/>`): the paragraphs are right under one another as read.
bool only_spacing_between(std::span<const std::string_view> lines, int end, int start) {
  if (end + 2 >= start) return true;
  if (end < 1 || static_cast<std::size_t>(start - 1) > lines.size()) return false;
  for (int line = end + 1; line < start; ++line) {
    const std::string_view text = trim(lines[static_cast<std::size_t>(line - 1)]);
    if (text.empty()) continue;
    const std::string lower = ascii_lower(text);
    if (lower == "<br>" || lower == "</br>" || lower == "<br/>" || lower == "<br />") continue;
    return false;
  }
  return true;
}

struct Visited {
  const Block* paragraph;
  std::size_t headings;  // index of its heading path: paragraphs in a row under the same
                         // headings share one copy (a large note has 300,000 paragraphs)
};

}  // namespace

void rule_definition_sentence(const RuleInput& in, RuleOutput& out) {
  std::vector<Visited> paragraphs;
  std::vector<std::vector<std::string>> paths;
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    if (paths.empty() || paths.back() != visit.headings) paths.push_back(visit.headings);
    paragraphs.push_back({&visit.paragraph, paths.size() - 1});
  });
  // Where each Latin word first occurs: (paragraph, byte offset).
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> first;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const std::string_view text = paragraphs[p].paragraph->text;
    for (std::size_t i = 0; i < text.size();) {
      if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
      first.try_emplace(ascii_lower(std::string_view(text).substr(i, end - i)), p, i);
      i = end;
    }
  }
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Block& paragraph = *paragraphs[p].paragraph;
    const std::vector<Sentence> sentences = split_sentences(paragraph.text);
    SentenceReader reader(first, p);
    // A paragraph right under another in the same section may finish its thought (`…하며,` /
    // `이를 X라고 한다.`).
    if (p > 0 && only_spacing_between(in.lines, paragraphs[p - 1].paragraph->end_line, paragraph.line) &&
        paragraphs[p - 1].headings == paragraphs[p].headings) {
      reader.set_previous(paragraphs[p - 1].paragraph->text);
    }
    if (p + 1 < paragraphs.size() &&
        only_spacing_between(in.lines, paragraph.end_line, paragraphs[p + 1].paragraph->line) &&
        paragraphs[p + 1].headings == paragraphs[p].headings) {
      reader.set_next(paragraphs[p + 1].paragraph->text);
    }
    for (std::size_t j = 0; j < sentences.size(); ++j) {
      for (Match& m : reader.read(sentences, j, paragraph.text)) {
        // `### Mini-Batch GD (MB-GD)` over `In MB-GD, we …`: the section's own card tells it
        // (a question heading that only mentions it asks something else).
        if (const std::vector<std::string>& path = paths[paragraphs[p].headings];
            m.inside && !path.empty()) {
          const std::string heading = heading_name(path.back());
          if (!ends_with(heading, "?") && names_term(heading, m.term, false) &&
              word_count(heading) <= word_count(m.term) + 4) {
            continue;
          }
        }
        const int line = paragraph.line + sentences[j].line;
        const int end_line = std::min(
            paragraph.end_line, line + static_cast<int>(std::count(sentences[j].text.begin(),
                                                                   sentences[j].text.end(), '\n')));
        out.cards.push_back(definition_card("definition-sentence", std::move(m.term),
                                            std::move(m.answer), m.confidence, line, end_line,
                                            paths[paragraphs[p].headings]));
      }
    }
  }
}

}  // namespace recall::extract
