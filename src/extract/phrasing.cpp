// Question phrasing: language of a card and the Korean particle after a term.
#include "recall/extract/phrasing.hpp"

#include <cctype>

#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `s` without a parenthesised part at its end (`손실 함수(loss)` → `손실 함수`), repeatedly, as
// long as something is left in front of it.
std::string_view without_trailing_gloss(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty() || (s.back() != ')' && s.back() != ']')) return s;
    const char open = s.back() == ')' ? '(' : '[';
    const char close = s.back();
    int depth = 0;
    std::size_t at = std::string_view::npos;
    for (std::size_t i = s.size(); i-- > 0;) {
      if (s[i] == close) ++depth;
      if (s[i] == open && --depth == 0) {
        at = i;
        break;
      }
    }
    if (at == std::string_view::npos || trim(s.substr(0, at)).empty()) return s;
    s = s.substr(0, at);
  }
}

// Whether the name of the capital letter `c`, read in Korean, ends in a consonant: 엘, 엠, 엔, 알.
bool letter_name_ends_in_consonant(char c) { return c == 'L' || c == 'M' || c == 'N' || c == 'R'; }

// Whether the Korean reading of the digit ends in a consonant: 영 일 삼 육 칠 팔.
bool digit_ends_in_consonant(char c) {
  return c == '0' || c == '1' || c == '3' || c == '6' || c == '7' || c == '8';
}

}  // namespace

Language text_language(std::string_view text) {
  return hangul_count(text) > latin_word_count(text) ? Language::korean : Language::english;
}

Language card_language(std::string_view term, std::string_view answer) {
  return text_language(term) == Language::korean || text_language(answer) == Language::korean
             ? Language::korean
             : Language::english;
}

Language term_language(std::string_view term) { return text_language(term); }

std::optional<bool> last_syllable_has_batchim(std::string_view s) {
  std::optional<bool> batchim;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (is_hangul_syllable(c)) batchim = (c - 0xAC00) % 28 != 0;
  }
  return batchim;
}

std::optional<bool> ends_in_consonant(std::string_view term) {
  std::string_view s = without_trailing_gloss(term);
  // Closing punctuation and symbols are not read: `C++`, `**BM25**`, `"DDIM"`.
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s.back());
    if (b >= 0x80 || is_upper(s.back()) || is_lower(s.back()) || is_digit(s.back())) break;
    s.remove_suffix(1);
  }
  if (s.empty()) return std::nullopt;
  const char last = s.back();
  if (is_digit(last)) return digit_ends_in_consonant(last);
  if (is_upper(last) || is_lower(last)) {
    std::size_t begin = s.size();
    while (begin > 0 && (is_upper(s[begin - 1]) || is_lower(s[begin - 1]))) --begin;
    const std::string_view word = s.substr(begin);
    bool all_caps = true;
    for (const char c : word) all_caps = all_caps && is_upper(c);
    if (all_caps) return letter_name_ends_in_consonant(last);
    const char lower = static_cast<char>(is_upper(last) ? last - 'A' + 'a' : last);
    if (lower == 'm' || lower == 'n' || lower == 'l') return true;
    // `trap`, `clip`, `step`: a final p after a vowel is read as ㅂ (트랩, 클립, 스텝).
    if (lower == 'p' && word.size() >= 2) {
      const char before = static_cast<char>(word[word.size() - 2] | 0x20);
      return before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u';
    }
    if (lower == 'g' && word.size() >= 2) {
      const char before = word[word.size() - 2];
      return before == 'n' || before == 'N';
    }
    return false;
  }
  // A Hangul syllable (or other non-ASCII text): the last syllable decides.
  return last_syllable_has_batchim(s);
}

// Whether `term` already ends in the particle the question adds (`## Warmup이란`, `## 정규화란`):
// `란` after a vowel or a Latin letter, `이란` after a consonant. (`혼란` ends in a word.)
bool ends_in_iran(std::string_view term) {
  for (const std::string_view particle : {"\xEC\x9D\xB4\xEB\x9E\x80", "\xEB\x9E\x80"}) {  // 이란 란
    if (!ends_with(term, particle) || term.size() == particle.size()) continue;
    const std::string_view before = term.substr(0, term.size() - particle.size());
    const unsigned char last = static_cast<unsigned char>(before.back());
    if (last < 0x80) return std::isalnum(last) != 0 || last == ')' || last == '`';
    const bool iran = particle.size() == 6;
    return iran == last_syllable_has_batchim(before);
  }
  return false;
}

std::string what_is_question(std::string_view term, Language language) {
  term = trim(term);
  if (ends_in_iran(term)) return std::string(term) + "?";
  if (language == Language::english) return "What is " + std::string(term) + "?";
  const std::optional<bool> consonant = ends_in_consonant(term);
  const char* particle = !consonant ? "(이)란?" : *consonant ? "이란?" : "란?";
  return std::string(term) + particle;
}

std::string what_is_question(std::string_view term) {
  return what_is_question(term, term_language(term));
}

std::string stands_for_question(std::string_view acronym, Language language) {
  acronym = trim(acronym);
  if (language == Language::english) return "What does " + std::string(acronym) + " stand for?";
  const std::optional<bool> consonant = ends_in_consonant(acronym);
  const char* particle = !consonant ? "은(는)" : *consonant ? "은" : "는";
  return std::string(acronym) + particle + " 무엇의 약자인가?";
}

std::string comparison_question(std::string_view pair, Language language) {
  pair = trim(pair);
  return std::string(pair) + (language == Language::korean ? ": 차이는?" : ": how do they differ?");
}

std::string reverse_question(std::string_view definition, Language language) {
  return std::string(language == Language::korean ? "어떤 용어인가?" : "Which term is this?") +
         "\n" + std::string(trim(definition));
}

}  // namespace recall::extract
