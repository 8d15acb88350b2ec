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

// Whether the answer `other` says nothing that `kept` does not: the same words (letters and
// digits, ASCII folded to lower case; punctuation and markup ignored) in the same order, or its
// words, at least 20 characters of them, found together and in order inside `kept`. What lets an
// import leave out a card that another note's card already is; an answer that says more than the
// kept one is never left out for it.
bool adds_nothing(std::string_view kept, std::string_view other);

// Jaccard similarity of the sets of words (letters and digits, ASCII folded to lower case) of
// two answers, in [0, 1]; 1 for two empty answers.
double answer_similarity(std::string_view a, std::string_view b);

}  // namespace recall::core
