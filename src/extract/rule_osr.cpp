// Rule `osr`: cards written for Obsidian Spaced Repetition, in notes that opt in as OSR asks, with
// a `#flashcards` tag (in the text or in the front matter's `tags`).
//
//   Capital of Italy::Rome                    → Capital of Italy → Rome
//   Largest ocean:::Pacific                   → both ways
//   Which gas do plants absorb?               → a multi-line card: the lines before `?` ask,
//   ?                                           the lines after answer; `??` makes both ways
//   Carbon dioxide.
//   <!--SR:!2026-03-10,3,250-->               → OSR's schedule comment, never part of a card;
//                                               it seeds the card's schedule on its first import
//   Water boils at {{100}} degrees.           → a cloze, one card per `{{…}}` (the cloze rule)
//
// OSR shows the front of a card as written, so the question is the author's text, never wrapped in
// `What is …?`. `term :: definition` with spaces is read by the double-colon rule, which in such a
// note asks the left side as written too. Clozes are the cloze rule's: `==x==` in every note,
// `{{x}}` in a note tagged like this, and `**x**` only in a note whose front matter says
// `bold-clozes: true` (OSR's setting "Convert **bolded text** to clozes" is off by default: bold
// is mostly emphasis).
#include <algorithm>

#include "recall/extract/osr_schedule.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {

std::string without_schedule(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("<!--SR:", i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("-->", open);
    if (close == std::string_view::npos) break;
    out += text.substr(i, open - i);
    i = close + 3;
  }
  out += text.substr(i);
  return std::string(trim(out));
}

namespace {

// Where a `::` (or `:::`) with no space on either side is in `line`, outside code, and how wide.
std::pair<std::size_t, std::size_t> find_tight_separator(std::string_view line) {
  for (std::size_t at = find_outside_code(line, "::"); at != std::string_view::npos;) {
    std::size_t width = 2;
    while (at + width < line.size() && line[at + width] == ':') ++width;
    const bool tight = at > 0 && line[at - 1] != ' ' && at + width < line.size() &&
                       line[at + width] != ' ' && width <= 3;
    if (tight) return {at, width};
    const std::size_t next = find_outside_code(line.substr(at + width), "::");
    if (next == std::string_view::npos) break;
    at += width + next;
  }
  return {std::string_view::npos, 0};
}

class OsrReader {
 public:
  OsrReader(RuleOutput& out, std::span<const std::string_view> lines)
      : m_out(out), m_lines(lines) {}

  void paragraph(const ParagraphVisit& visit) {
    const notes::Block& block = visit.paragraph;
    const std::vector<std::string_view> lines = split_lines(block.text);
    // A multi-line card: the lines before a `?` (or `??`) line ask, the lines after answer.
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string_view t = trim(lines[k]);
      if (t != "?" && t != "??") continue;
      std::string front;
      std::string back;
      for (std::size_t q = 0; q < k; ++q) front += std::string(lines[q]) + '\n';
      for (std::size_t a = k + 1; a < lines.size(); ++a) back += std::string(lines[a]) + '\n';
      emit(without_schedule(front), without_schedule(back), t == "??", block.line,
           block.end_line, visit.headings);
      return;
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string_view line = trim(lines[k]);
      const int at_line = block.line + static_cast<int>(k);
      const auto [at, width] = find_tight_separator(line);
      if (at != std::string_view::npos) {
        emit(without_schedule(line.substr(0, at)), without_schedule(line.substr(at + width)),
             width == 3, at_line, at_line, visit.headings);
      }
    }
  }

 private:
  void emit(const std::string& front, const std::string& back, bool both_ways, int line,
            int end_line, const std::vector<std::string>& context) {
    if (!has_word_character(front) || !has_word_character(back)) return;
    const std::size_t first = m_out.cards.size();
    as_written_cards(m_out, "osr", front, back, both_ways, line, end_line, context);
    // OSR's schedule comment: on the card's last line, or on the line after it.
    auto seeds = parse_osr_schedule(line_at(end_line));
    if (seeds.empty() && trim(line_at(end_line + 1)).starts_with("<!--SR:")) {
      seeds = parse_osr_schedule(line_at(end_line + 1));
    }
    for (std::size_t i = first, g = 0; i < m_out.cards.size() && g < seeds.size(); ++i, ++g) {
      m_out.cards[i].draft.seed = seeds[g];
    }
  }

  std::string_view line_at(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > m_lines.size()) return {};
    return m_lines[static_cast<std::size_t>(line - 1)];
  }

  RuleOutput& m_out;
  std::span<const std::string_view> m_lines;
};

}  // namespace

bool is_flashcards_note(const RuleInput& in) {
  for (const std::string& tag : in.outline.meta.tags) {
    if (tag == "flashcards" || starts_with(tag, "flashcards/") || tag == "#flashcards" ||
        starts_with(tag, "#flashcards/")) {
      return true;
    }
  }
  for (const std::string_view line : in.lines) {
    for (std::size_t at = line.find("#flashcards"); at != std::string_view::npos;
         at = line.find("#flashcards", at + 1)) {
      const std::size_t end = at + std::string_view("#flashcards").size();
      const bool starts = at == 0 || line[at - 1] == ' ' || line[at - 1] == '\t';
      const bool ends = end == line.size() || line[end] == ' ' || line[end] == '/' ||
                        line[end] == '\t' || line[end] == ',';
      if (starts && ends) return true;
    }
  }
  return false;
}

bool is_bold_clozes_note(const RuleInput& in) {
  for (std::string_view line : split_lines(in.outline.front_matter)) {
    // A top-level key only: an indented `bold-clozes` belongs to some other mapping.
    constexpr std::string_view kKey = "bold-clozes";
    if (!starts_with(line, kKey)) continue;
    line = trim(line.substr(kKey.size()));
    if (line.empty() || (line[0] != ':' && line[0] != '=')) continue;
    line = trim(line.substr(1));
    if (const std::size_t comment = line.find(" #"); comment != std::string_view::npos) {
      line = trim(line.substr(0, comment));
    }
    if (line.size() >= 2 && (line[0] == '"' || line[0] == '\'') && line.back() == line[0]) {
      line = line.substr(1, line.size() - 2);
    }
    const std::string value = ascii_lower(line);
    return value == "true" || value == "yes" || value == "on";
  }
  return false;
}

// `#flashcards/geography/europe` (a tag in the front matter or in the text): the deck OSR files
// the note's cards under, `geography/europe`; empty when the tag is `#flashcards` alone.
std::string flashcards_deck(const RuleInput& in) {
  const auto deck_of = [](std::string_view tag) -> std::string {
    if (starts_with(tag, "#")) tag.remove_prefix(1);
    if (!starts_with(tag, "flashcards/")) return {};
    tag.remove_prefix(std::string_view("flashcards/").size());
    while (!tag.empty() && tag.back() == '/') tag.remove_suffix(1);
    return std::string(tag);
  };
  for (const std::string& tag : in.outline.meta.tags) {
    if (std::string deck = deck_of(tag); !deck.empty()) return deck;
  }
  for (const std::string_view line : in.lines) {
    for (std::size_t at = line.find("#flashcards/"); at != std::string_view::npos;
         at = line.find("#flashcards/", at + 1)) {
      if (at > 0 && line[at - 1] != ' ' && line[at - 1] != '\t') continue;
      std::size_t end = at;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != ',') ++end;
      if (std::string deck = deck_of(line.substr(at, end - at)); !deck.empty()) return deck;
    }
  }
  return {};
}

void rule_osr(const RuleInput& in, RuleOutput& out) {
  if (!is_flashcards_note(in)) return;
  OsrReader reader(out, in.lines);
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) { reader.paragraph(visit); });
  if (const std::string deck = flashcards_deck(in); !deck.empty()) {
    for (Proposal& card : out.cards) card.draft.deck = deck;
  }
}

}  // namespace recall::extract
