// How alike two terms or two answers are: what lets an edited note keep its cards' history.
#pragma once

#include <string>
#include <string_view>

namespace recall::core {

// A card's term folded for identity: ASCII case, runs of white space, markdown emphasis
// (`*`, `_`, backticks) and a trailing `:` removed. The text is expected in NFC already.
std::string normalize_term(std::string_view text);

// 1 - (optimal-string-alignment edit distance over code points) / (longer length), in [0, 1];
// raised to at least 0.75 when the words of one term appear in order, together, in the other
// (`entropy` / `Shannon entropy`). Both arguments normalized with normalize_term().
double term_similarity(std::string_view a, std::string_view b);

// The words of an answer as answer_similarity() sees them (letters and digits, ASCII folded to
// lower case; punctuation and markup dropped), in order, one space between: two answers that say
// the same in other markup (`**Lima**.`, `Lima`) give the same text.
std::string answer_words(std::string_view text);

// Jaccard similarity of the sets of words (letters and digits, ASCII folded to lower case) of
// two answers, in [0, 1]; 1 for two empty answers.
double answer_similarity(std::string_view a, std::string_view b);

}  // namespace recall::core
