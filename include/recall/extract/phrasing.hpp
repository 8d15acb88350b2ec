// How a card asks its question, in the language of the card (docs/note-patterns.md, "Questions").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recall::extract {

enum class Language { english, korean };

// Korean when `text` has more Hangul characters than Latin words (runs of ASCII letters), else
// English: `KL 발산` and `entropy는 정보량의 기댓값` are Korean, `BM25` and `TF-IDF (tf 가중)` are not.
Language text_language(std::string_view text);

// The language of a card: Korean when its term or its answer is written mostly in Korean.
Language card_language(std::string_view term, std::string_view answer);

// The term's own language: text_language(term).
Language term_language(std::string_view term);

// Whether the last Hangul syllable of `s` ends in a final consonant (batchim): `발산` yes, `피`
// no. nullopt when `s` has no Hangul syllable.
std::optional<bool> last_syllable_has_batchim(std::string_view s);

// Whether `term`, read aloud in Korean, ends in a consonant, which decides the particle after it
// (이란/란, 은/는). A parenthesised gloss at the end is not read (`손실 함수(loss)` ends in 수).
// The last character decides: a Hangul syllable by its batchim; an all-caps acronym by the name of
// its last letter (L, M, N, R end in a consonant: DDIM, DDPM, RLHF); a digit by its Korean reading
// (0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 do; 2, 4, 5, 9 do not); another Latin word by its spelling (it
// ends in a consonant when it ends in m, n, l or ng: whitening, model; entropy does not).
// nullopt when `term` ends in none of these.
std::optional<bool> ends_in_consonant(std::string_view term);

// `What is X?`, or `X이란?` / `X란?` in Korean (`X(이)란?` when the ending cannot be read).
std::string what_is_question(std::string_view term, Language language);
// The same in the term's own language (term_language).
std::string what_is_question(std::string_view term);

// `What does PTQ stand for?` / `PTQ는 무엇의 약자인가?` (은 after a consonant).
std::string stands_for_question(std::string_view acronym, Language language);

// `X vs Y: how do they differ?` / `X vs Y: 차이는?`; `pair` is `X vs Y`.
std::string comparison_question(std::string_view pair, Language language);

// The question of a reverse card, which shows the definition and asks for the term:
// `Which term is this?` / `어떤 용어인가?`, a line break, then the definition.
std::string reverse_question(std::string_view definition, Language language);

}  // namespace recall::extract
