// The extraction rules. A rule is one function that reads the whole outline of a note and proposes
// cards; extract_cards() runs them all in priority order and settles overlaps. To add a pattern,
// write one function, add it to all_rules(), document it in docs/note-patterns.md and add golden
// cases under tests/fixtures/extract/.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/notes/outline.hpp"

namespace recall::extract {

// A card a rule proposes, with the last line it was made from. A proposal of a later rule whose
// line lies within the lines of an earlier rule's proposal is a duplicate and is dropped.
struct Proposal {
  CardDraft draft;   // `deck` and `source` are left empty: extract_cards() fills them
  int end_line = 0;  // >= draft.line
};

// Everything one rule found in one note.
struct RuleOutput {
  std::vector<Proposal> cards;
  std::vector<Warning> warnings;  // `source` left empty

  void warn(int line, std::string message) { warnings.push_back({{}, line, std::move(message)}); }
};

using RuleFunction = void (*)(const notes::Outline&, RuleOutput&);

struct Rule {
  std::string_view name;  // the `rule` of the cards it makes
  RuleFunction run;
};

// Every rule, the most explicit syntax first: that order decides which card survives an overlap.
std::span<const Rule> all_rules();

// `Q:` ... `A:` pairs (kind `qa`, confidence 1).
void rule_qa_pair(const notes::Outline& outline, RuleOutput& out);
// `term :: definition` lines (kind `definition`, confidence 1).
void rule_double_colon(const notes::Outline& outline, RuleOutput& out);
// A short list item with nested items under it (kind `term`).
void rule_nested_term(const notes::Outline& outline, RuleOutput& out);

// The heading path above the current block while walking the top-level blocks of a note in order.
class HeadingPath {
 public:
  // Call with each top-level heading, in note order.
  void enter(const notes::Block& heading);
  // The headings above, outermost first, as plain text (links reduced to their text).
  const std::vector<std::string>& path() const { return m_path; }

 private:
  std::vector<int> m_levels;
  std::vector<std::string> m_path;
};

// How long a term may be.
struct TermLimits {
  std::size_t words = 8;
  std::size_t code_points = 60;
};

// The term a short line names, cleaned of wrapping emphasis and a trailing colon, or nullopt
// when the line does not look like a term: longer than `limits`, a sentence, a link, a date, a
// checkbox, a TODO or a generic label such as `Examples` or `장점`.
std::optional<std::string> as_term(std::string_view line, const TermLimits& limits = {});

}  // namespace recall::extract
