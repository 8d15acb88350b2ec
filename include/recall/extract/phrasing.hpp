// How a card asks about a term, in the language of the term.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recall::extract {

enum class Language { english, korean };

// Korean when the term has any Hangul in it, English otherwise.
Language term_language(std::string_view term);

// Whether the last Hangul syllable of `s` ends in a final consonant (batchim): `발산` yes, `피`
// no. nullopt when `s` has no Hangul syllable.
std::optional<bool> last_syllable_has_batchim(std::string_view s);

// The question that asks for a term's definition: `What is entropy?`, `KL 발산이란?`,
// `엔트로피란?`. Korean takes 이란 after a final consonant and 란 after a vowel.
std::string what_is_question(std::string_view term);

}  // namespace recall::extract
