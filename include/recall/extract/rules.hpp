// The extraction rules. A rule is one function that reads the whole outline of a note and proposes
// cards; extract_cards() runs them all in priority order and settles overlaps. To add a pattern,
// write one function in its own file, add it to all_rules(), document it in docs/note-patterns.md
// and add golden cases under tests/fixtures/extract/.
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

// A card a rule proposes, with the lines it was made from. extract_cards() drops a proposal whose
// line lies in the lines of a card that an earlier rule made, unless the two kinds may share lines
// (a definition with an acronym, a comparison or a reverse card) or the earlier card lets cards
// nest inside it (`nests`: a term whose nested items are terms of their own).
struct Proposal {
  CardDraft draft;     // `source` and `tags` are left empty, and `deck` unless the note names
                       // one for the card (OSR's `#flashcards/deck`): extract_cards() fills them
  int end_line = 0;    // >= draft.line
  bool nests = false;  // later cards on lines after draft.line inside it are not duplicates
};

// Everything one rule found in one note.
struct RuleOutput {
  std::vector<Proposal> cards;
  std::vector<Warning> warnings;  // `source` left empty

  void warn(int line, std::string message) { warnings.push_back({{}, line, std::move(message)}); }
};

// What a rule reads: the note, and the cards the rules before it kept (for rules that combine
// cards, such as comparisons of two definitions).
struct RuleInput {
  const notes::Outline& outline;
  std::span<const CardDraft> kept;
  std::span<const std::string_view> lines;  // the note as written: lines[0] is line 1
  std::string_view title;  // the note's title: front matter `title`, else a file name that is a
                           // name (`Batch Normalization.md`); empty when it has none
  int title_line = 1;      // where the title is written: its front matter line, else 1
};

// Whether the heading at `line` (1-based) was written as a `<summary>`, which the notes stage turns
// into a heading: the raw line or one of the two above it opens the summary.
bool is_summary_heading(const RuleInput& in, int line);

using RuleFunction = void (*)(const RuleInput&, RuleOutput&);

struct Rule {
  std::string_view name;  // the `rule` of the cards it makes
  RuleFunction run;
};

// Every rule, the most explicit syntax first: that order decides which card survives an overlap.
std::span<const Rule> all_rules();

// Whether cards of kinds `a` and `b` may be made from the same lines: a definition besides an
// acronym, a comparison or a reverse card.
bool kinds_may_share_lines(std::string_view a, std::string_view b);

// Rule 14, explicit syntax (confidence 1):
// `Q:` ... `A:` pairs (kind `qa`).
void rule_qa_pair(const RuleInput& in, RuleOutput& out);
// `term :: definition` (kind `definition`) and `term ::: definition` (also a `reverse` card).
void rule_double_colon(const RuleInput& in, RuleOutput& out);
// Obsidian Spaced Repetition: `Q::A`, `Q:::A` and multi-line `?`/`??` cards in a note tagged
// `#flashcards` (kinds `qa`, `reverse`); its `{{x}}` clozes are the cloze rule's.
void rule_osr(const RuleInput& in, RuleOutput& out);
// Whether a note opts in to OSR's syntax with a `#flashcards` tag (text or front matter).
bool is_flashcards_note(const RuleInput& in);
// Whether a note opts in to OSR's bold clozes (`**x**`) with `bold-clozes: true` (YAML; `yes`,
// `on` too) or `bold-clozes = true` (TOML) in its front matter.
bool is_bold_clozes_note(const RuleInput& in);

// The deck a `#flashcards/a/b` tag names (`a/b`), empty when none does (rule_osr.cpp).
std::string flashcards_deck(const RuleInput& in);
// `text` without OSR's schedule comments (`<!--SR:!2026-03-10,3,250-->`), trimmed.
std::string without_schedule(std::string_view text);
// Cloze deletions `==x==` and `{{c1::x}}`, and OSR's `{{x}}` and opted-in `**x**` (kind `cloze`,
// one card per deletion).
void rule_cloze(const RuleInput& in, RuleOutput& out);
// Rule 12: a heading that asks a question, with text under it (kind `qa`).
void rule_question_heading(const RuleInput& in, RuleOutput& out);
// Rule 11: a heading with a linked paper title and bold-label bullets (kind `paper`).
void rule_paper_digest(const RuleInput& in, RuleOutput& out);
// Rule 13: a description bullet followed by code, tldr style (kind `command`).
void rule_command(const RuleInput& in, RuleOutput& out);
// Rule 8: `TERM (Expansion)` and `Expansion (TERM)` (kind `acronym`).
void rule_acronym(const RuleInput& in, RuleOutput& out);
// Rule 7: `term: definition` and its friends `-`, `—`, `->` (kind `definition`).
void rule_term_colon(const RuleInput& in, RuleOutput& out);
// Rule 6: a term (list item or heading) with its explanation nested under it (kind `definition`).
void rule_nested_term(const RuleInput& in, RuleOutput& out);
// Rule 9: definition sentences, `X란 …`, `X는 …을 의미한다`, `X is a …` (kind `definition`).
void rule_definition_sentence(const RuleInput& in, RuleOutput& out);
// Rule 10: `X vs Y` with content under it, and two definitions whose terms differ in one word
// (kind `comparison`).
void rule_comparison(const RuleInput& in, RuleOutput& out);
// Rule 18: a sentence names an aspect of a concept and introduces a list (`X의 장점은 다음과
// 같다.`, `The steps of X are as follows:`): one card, the items (kind `list`).
void rule_list_intro(const RuleInput& in, RuleOutput& out);
// Rule 15: a heading (or a bold line, a callout title, the note's title) names a concept and the
// text under it explains it (kind `definition`; `list` or `qa` for an aspect of its parent,
// `comparison` for `A와 B`).
void rule_heading_section(const RuleInput& in, RuleOutput& out);
// Rule 16: a glossary table, one card per row (kind `definition`).
void rule_table(const RuleInput& in, RuleOutput& out);
// Rule 17: a sentence that proposes or introduces a name set in bold (kind `definition`).
void rule_proposed_term(const RuleInput& in, RuleOutput& out);
// Rule 19: prose asks what a term is and answers in the next sentences (`그러면 X는 무엇일까? 바로
// …`, `So what is X? It is …`; kind `definition`).
void rule_asked_in_text(const RuleInput& in, RuleOutput& out);

// The heading path above the current block while walking the top-level blocks of a note in order.
class HeadingPath {
 public:
  // Call with each top-level heading, in note order.
  void enter(const notes::Block& heading);
  // The headings above, outermost first, as plain text (links reduced to their text).
  const std::vector<std::string>& path() const { return m_path; }
  // The path without the heading entered last: the context of a card made from that heading.
  std::vector<std::string> parents() const {
    return m_path.empty() ? m_path : std::vector<std::string>(m_path.begin(), m_path.end() - 1);
  }

 private:
  std::vector<int> m_levels;
  std::vector<std::string> m_path;
};

// `[text](url)` becomes `text`, so that a context or a term shows words rather than addresses.
std::string without_link_targets(std::string_view s);

// How long a term may be.
struct TermLimits {
  std::size_t words = 8;
  std::size_t code_points = 60;
};

// The term a short line names, cleaned of wrapping emphasis and a trailing colon, or nullopt
// when the line does not look like a term: longer than `limits`, a sentence, a question, a link,
// a date, a checkbox, a TODO, a plan or a generic label such as `Examples`, `장점` or `좋았던 점`.
std::optional<std::string> as_term(std::string_view line, const TermLimits& limits = {});

// Whether an English line (in lower case) has a verb or a pronoun that makes it a sentence.
bool has_english_verb(std::string_view lower);

// Whether a Korean line is a clause or a sentence rather than a name: it ends like a sentence
// (`좋다`, `필요함`) or a word before the last carries a particle (`네트워크를 보장하는 방법`).
bool is_korean_clause(std::string_view s);

// True for labels that head a group of bullets without naming a thing one could define
// (`Examples`, `References`, `Authors`, `장점`, `참고`), compared in ASCII lower case.
bool is_generic_label(std::string_view lower);
// Whether the last word makes a phrase a label (`구현 방법`, `Stack 구현(Sudo Code)`, `Sample code`).
bool has_label_last_word(std::string_view s);

// Whether a table with this header row makes a card of each row (rule `table`): a column headed
// `Definition`, `Description`, `설명` …, or a first column headed `Term`, `Type`, `용어` ….
bool table_rows_are_cards(const std::vector<std::string>& header);

// Holds below the threshold the `term: …` lines that are rows of a comparison: the same labels
// under two or more headings, or under a heading that compares them (rows.cpp).
void hold_comparison_rows(std::vector<CardDraft>& cards);

// True for pronouns and phrases that refer back rather than name a term: `It`, `This method`,
// `이`, `이 방법`, `본 논문`.
bool is_anaphora(std::string_view s);

// True when a Korean word ends in a particle or a verb ending (`…을`, `…에서`, `…하는`,
// `…면서`): such a word ends a phrase and is no part of a name after it or before `(ACRONYM)`.
bool ends_with_korean_particle(std::string_view word);

// True for a numbered label rather than a term: `결론 2`, `예시 1`, `Step 3`, `Week 5`.
bool is_numbered_label(std::string_view term);

// True when `text` reads as unsure or unfinished: it ends in `?`, or has `??` or `..?`.
bool is_unsure(std::string_view text);

// An acronym and its expansion at the start of a line: `PTQ (Post-Training Quant) 훈련후 양자화`.
struct AcronymHead {
  std::string acronym;     // `PTQ`
  std::string expansion;   // `Post-Training Quant`
  std::size_t length = 0;  // bytes of `text` up to the closing parenthesis
  double confidence = 0;   // how sure the expansion is one (its letters match: high)
};
std::optional<AcronymHead> acronym_at_start(std::string_view text);

// True for a word written like an acronym: 2–10 letters or digits (and `-`), at least two capitals
// and no more small letters than capitals, a plural `s` allowed (`KLUE`, `MoE`, `LMMs`, `GPT-4`).
bool is_acronym_like(std::string_view word);

// The heading path as a context, plus `extra` (parent terms).
std::vector<std::string> make_context(const std::vector<std::string>& headings,
                                      const std::vector<std::string>& extra = {});

// A card whose question is the author's text as written (`front`), kind `qa`, confidence 1, and
// with `both_ways` its reverse (kind `reverse`): `Q :: A` after a question, OSR's `Q::A` and `??`.
void as_written_cards(RuleOutput& out, std::string_view rule, const std::string& front,
                      const std::string& back, bool both_ways, int line, int end_line,
                      const std::vector<std::string>& context);

// A card that asks `question` as written (kind `qa`); its term is the question on one line.
Proposal qa_card(std::string_view rule, std::string question, std::string answer, double confidence,
                 int line, int end_line, std::vector<std::string> context);

// A definition card for `term`, asked in the language of the card.
Proposal definition_card(std::string_view rule, std::string term, std::string answer,
                         double confidence, int line, int end_line,
                         std::vector<std::string> context);

}  // namespace recall::extract
