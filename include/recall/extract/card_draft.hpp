// CardDraft: what the extractor makes of a note, before the store gives it an identity.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace recall::extract {

// A schedule another tool wrote next to a card (Obsidian SR's `<!--SR:!2026-03-10,3,250-->`).
struct SeedSchedule {
  std::string due;        // YYYY-MM-DD
  int interval_days = 0;  // >= 1
  int ease = 250;         // OSR's ease in percent: 250 is an E-Factor of 2.50
};

// One question/answer card found in a note. Plain data; produced by extract_cards().
struct CardDraft {
  std::string deck;         // folder path below the imported root plus the file stem: `ml/entropy`
  std::string question;     // markdown
  std::string answer;       // markdown; bullets stay bullets
  std::string kind;         // `definition`, `acronym`, `comparison`, `qa`, `cloze`, `reverse`,
                            // `paper`, `command` (see docs/note-patterns.md)
  std::string rule;         // the rule that made it, e.g. `qa-pair`, `double-colon`, `nested-term`
  double confidence = 1.0;  // 0..1; explicit syntaxes are 1.0
  std::string source;       // path relative to the imported root, `/` separated
  int line = 0;             // 1-based line of the question in the source file
  std::vector<std::string> context;  // heading path above the card, outermost first
  std::string term;                  // the term or question the card is about (identity hint)
  std::vector<std::string> tags;     // from the note's front matter (tags, categories)
  std::string left_out;              // why a precision gate leaves it out (`label`, `markup`,
                                     // ...); such a card is never imported, only explained
  // Applied when the card is first stored, never after (src/extract/osr_schedule.cpp).
  std::optional<SeedSchedule> seed;
};

// A problem with one note that does not stop an import: `source:line: message`.
struct Warning {
  std::string source;
  int line = 0;  // 0 when it concerns the whole file
  std::string message;
};

}  // namespace recall::extract
