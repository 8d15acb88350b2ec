// CardDraft: what the extractor makes of a note, before the store gives it an identity.
#pragma once

#include <string>
#include <vector>

namespace recall::extract {

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
};

// A problem with one note that does not stop an import: `source:line: message`.
struct Warning {
  std::string source;
  int line = 0;  // 0 when it concerns the whole file
  std::string message;
};

}  // namespace recall::extract
