// Anki in: packages (.apkg, .colpkg) and "Notes in Plain Text" exports read into cards, written
// as markdown notes that recall's ordinary import reads, with Anki's schedule and review log.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "recall/store/store.hpp"

namespace recall::interop {

// Anki's HTML subset as markdown: `<br>`, `<div>`, `<p>` as line breaks (never a blank line, which
// would end a `Q:`/`A:` pair), `<b>`/`<strong>` as `**`, `<i>`/`<em>` as `*`, `<code>` as a code
// span, `<li>` as `- ` items, entities decoded (`&nbsp;` as a space); other tags dropped.
// `<img>` and `[sound:…]` are left out and counted in `media` when given.
std::string html_to_markdown(std::string_view html, int* media = nullptr);

// One answer in Anki's review log.
struct AnkiReview {
  std::int64_t id_ms = 0;  // when, in ms since the epoch
  int ease = 0;            // button: 1 again, 2 hard, 3 good, 4 easy
  int ivl = 0;             // days when > 0 (negative: seconds, a learning step)
  int last_ivl = 0;
  int factor = 0;  // permille
  std::int64_t time_ms = 0;
  int type = 0;  // 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual
};

// One Anki card as recall will hold it.
struct AnkiCard {
  std::string deck;   // Anki's name, `A::B`
  std::string front;  // markdown; for a cloze, the text with its `{{cN::…}}`
  std::string back;   // markdown; empty for a cloze
  bool cloze = false;
  int ord = 0;  // the card's template (basic) or cloze number - 1
  std::vector<std::string> tags;
  int type = 0, queue = 0;  // Anki's: type 0 new, 1 learning, 2 review, 3 relearning
  std::int64_t due = 0;     // review: days since the collection's creation; learning: epoch s
  int ivl = 0, factor = 0, reps = 0, lapses = 0;
  std::vector<AnkiReview> revlog;
};

struct AnkiCollection {
  std::chrono::sys_days created;  // the day Anki's review due days count from
  std::vector<AnkiCard> cards;
  std::vector<std::string> warnings;
};

// Reads a package (src/interop/anki_package.cpp): its `collection.anki21b` (zstd, Anki 2.1.50 and
// later; the `collection.anki2` beside it is a placeholder for older versions), else
// `collection.anki21`, else `collection.anki2`, unpacked through libzip into a temporary file;
// then notes, cards, decks, note types (the `col` row's JSON, or the newer schema's `decks` and
// `notetypes` tables) and revlog. Basic note types make one card per note (its first two
// fields), cloze note types one card per deletion. Throws recall::Error naming the file for what
// is not a zip, holds no collection, does not unpack, or is not an Anki collection.
AnkiCollection read_anki_package(const std::filesystem::path& file);

// Reads Anki's "Notes in Plain Text" export (`#separator:`, `#html:`, `#deck column:`,
// `#tags column:` headers; tab separated when none is given). Throws recall::Error naming
// `file:line` for a line with fewer than two fields.
AnkiCollection read_anki_text(const std::filesystem::path& file);

// A card written into a note: where, so that the imported card can be found again.
struct WrittenCard {
  std::string source;  // relative to the notes folder, `/` separated
  int line = 0;        // of its `Q:` line, or of its cloze paragraph
  std::size_t index = 0;  // into AnkiCollection::cards
};

// Writes one markdown note per deck under `folder` (`A::B` as `A/B.md`): `Q:`/`A:` pairs and
// cloze paragraphs. A note of a cloze with several deletions is written once. Throws
// recall::Error, writing nothing, when one of those files already exists.
std::vector<WrittenCard> write_anki_notes(const AnkiCollection& collection,
                                          const std::filesystem::path& folder);

// Anki's button as an SM-2 grade (docs/scheduling.md): again 1, hard 3, good 4, easy 5.
int grade_of_anki_ease(int ease);

// The schedule and log recall gives a card from Anki; nullopt for a card new in Anki.
std::optional<store::ScheduleSeed> schedule_from_anki(const AnkiCard& card,
                                                      std::chrono::sys_days created,
                                                      int rollover_hour);

}  // namespace recall::interop
