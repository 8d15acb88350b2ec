// The extractor: note text in, card drafts out. Pure: no I/O.
#pragma once

#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::extract {

struct ExtractResult {
  std::vector<CardDraft> drafts;  // in note order
  std::vector<Warning> warnings;
};

// Makes the cards of one note. Never throws on bad note content: problems become warnings.
ExtractResult extract_cards(const notes::NoteFile& note);

}  // namespace recall::extract
