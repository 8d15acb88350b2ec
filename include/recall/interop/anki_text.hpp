// Anki's "Notes in Plain Text" format: what `recall export --format tsv|csv` writes.
#pragma once

#include <string>
#include <vector>

#include "recall/store/store.hpp"

namespace recall::interop {

// A recall deck as an Anki deck name: `ml/entropy` becomes `ml::entropy`; no deck is `Default`.
std::string anki_deck(const std::string& deck);

// A tag as one Anki tag: spaces (which separate Anki's tags) become `_`.
std::string anki_tag(const std::string& tag);

// Text as an HTML field: `&`, `<`, `>` and `"` escaped, newlines as `<br>`. The markdown stays
// as written, so nothing is lost or reinterpreted.
std::string html_field(const std::string& text);

// The cards as an Anki plain-text file: `#separator:`, `#html:true`, `#notetype:Basic`,
// `#deck column:3`, `#tags column:4` headers, then question, answer, deck and tags per line.
// `separator` is '\t' (tsv) or ',' (csv); a field holding it or a double quote is quoted as CSV
// does, which Anki's importer reads.
std::string notes_in_plain_text(const std::vector<store::Card>& cards, char separator);

}  // namespace recall::interop
