// The extractor: note text in, card drafts out. Pure: no I/O.
#pragma once

#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::extract {

// Cards below this confidence are not imported unless `recall import --min-confidence` lowers it.
// Tuned against the labelled corpus in tests/fixtures/corpus (see docs/note-patterns.md).
constexpr double kDefaultMinConfidence = 0.5;

struct ExtractResult {
  std::vector<CardDraft> drafts;  // in note order
  std::vector<Warning> warnings;
  std::vector<CardDraft> left_out;  // candidates a precision gate left out, `left_out` saying why
};

// Makes the cards of one note. Never throws on bad note content: problems become warnings.
ExtractResult extract_cards(const notes::NoteFile& note);

}  // namespace recall::extract
