// Precision gates: the reasons a card is not worth keeping, decided once for the cards of every
// rule (docs/note-patterns.md, "Gates").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "recall/extract/card_draft.hpp"

namespace recall::extract {

// Why `card` is not worth a review, or empty: `markup` (an image, a link or HTML in the
// question, kramdown attributes as the answer), `label` (a template field or a generic heading as
// the term: `Definition`, `장점`, `Bottom line`), `symbol` (a bare variable `$k_j$` or a LaTeX
// command as the term), `anaphora` (the term only points back: `It`, `Here`, `where`), `empty`
// (nothing left to answer). Explicit syntaxes (confidence 1) pass every gate.
std::string gate_reason(const CardDraft& card);

// Whether an answer (or what follows a term's adverb) opens with an English order: `Gather
// relevant data …`, `After training, use …`.
bool orders(std::string_view answer);

// Whether `line` starts on a Korean particle (`에서 …`, `과 …`, `를 …`): the rest of a clause.
bool starts_on_particle(std::string_view line);

// `answer` without image embeds and their kramdown attributes, wikilink brackets and footnote
// markers, outside code blocks; list items left empty by that are dropped.
std::string clean_answer(std::string_view answer);

// An answer that closes on a lead-in (`… is defined as:`, `Examples:`, `다음과 같다:`) introduces
// a list, formula or figure it does not show: the answer without that closing sentence (or line),
// empty when the lead-in was all there was; nullopt when the answer does not close on one.
std::optional<std::string> without_trailing_lead_in(std::string_view answer);

// A paragraph of prose that ends in a colon, followed by more prose rather than the list, formula,
// code or table it announced (`… in an n-dimensional feature space:` + a blank line + `For example,
// …`): a picture or formula stood there and is not shown.
bool announces_missing(std::string_view answer);

// `… a linear boundary.` + `Below, I plotted some examples:` + `1. UCI Wine Dataset` + `2. An XOR
// toy dataset`: a line that announces figures, followed only by their short captions (the
// pictures themselves are not shown): the answer up to that line, or nullopt when it has none.
std::optional<std::string> without_figure_captions(std::string_view answer);

// `Now, overfitting occurs if …` under `What is overfitting?`: a connective that moves the text
// along (`Now,`, `So,`, `Basically,`) before a sentence that opens on a word of the question
// leans on nothing; the answer without it (capitalised), or nullopt when it opens otherwise.
std::optional<std::string> without_opening_connective(std::string_view answer,
                                                      std::string_view question);

}  // namespace recall::extract
