// Question phrasing for definition-style cards.
#include "recall/extract/phrasing.hpp"

#include "recall/extract/text.hpp"

namespace recall::extract {

Language term_language(std::string_view term) {
  return contains_hangul(term) ? Language::korean : Language::english;
}

std::optional<bool> last_syllable_has_batchim(std::string_view s) {
  std::optional<bool> batchim;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c >= 0xAC00 && c <= 0xD7A3) batchim = (c - 0xAC00) % 28 != 0;
  }
  return batchim;
}

std::string what_is_question(std::string_view term) {
  term = trim(term);
  if (term_language(term) == Language::english) return "What is " + std::string(term) + "?";
  const std::optional<bool> batchim = last_syllable_has_batchim(term);
  const char* particle = !batchim ? "(이)란?" : *batchim ? "이란?" : "란?";
  return std::string(term) + particle;
}

}  // namespace recall::extract
