// Obsidian Spaced Repetition's schedule comments: read into a seed for each card of an item.
#include <catch2/catch.hpp>

#include "recall/extract/extract.hpp"
#include "recall/extract/osr_schedule.hpp"
#include "recall/notes/note_file.hpp"

using recall::extract::parse_osr_schedule;

namespace {

// "due,interval,ease;…" for the cards of `text` in order ("-" for a card with no seed).
std::string seeds_of(const std::string& text) {
  recall::notes::NoteFile note{"vault/bio.md", "bio.md", "bio", text};
  std::string out;
  for (const auto& card : recall::extract::extract_cards(note).drafts) {
    if (card.rule != "osr") continue;  // the note's title may make a card of its own
    if (!out.empty()) out += ';';
    out += card.question + "=";
    out += card.seed ? card.seed->due + "," + std::to_string(card.seed->interval_days) + "," +
                           std::to_string(card.seed->ease)
                     : "-";
  }
  return out;
}

}  // namespace

TEST_CASE("OSR schedule comments parse into one group per card", "[extract][osr]") {
  struct Case {
    const char* text;
    std::vector<std::tuple<std::string, int, int>> groups;
  };
  const std::vector<Case> cases = {
      {"<!--SR:!2026-03-10,3,250-->", {{"2026-03-10", 3, 250}}},
      {"Q::A <!--SR:!2026-03-10,3,250!2026-04-01,12,270-->",
       {{"2026-03-10", 3, 250}, {"2026-04-01", 12, 270}}},
      {"<!--SR:!2026-03-10,3,90-->", {{"2026-03-10", 3, 130}}},  // below SM-2's floor
      {"<!--SR:!2026-03-10,3,250!2026-13-01,3,250-->", {{"2026-03-10", 3, 250}}},  // bad month
      {"<!--SR:!2026-03-10,0,250-->", {}},       // interval below 1
      {"<!--SR:!2026-03-10,3,2.5-->", {}},       // ease not a whole number
      {"<!--SR:!2026-03-10,3-->", {}},           // no ease
      {"<!--SR:2026-03-10,3,250-->", {}},        // no `!`
      {"<!--SR:!2026-03-10,3,250", {}},          // never closed
      {"no comment here", {}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto seeds = parse_osr_schedule(c.text);
    REQUIRE(seeds.size() == c.groups.size());
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      CHECK(seeds[i].due == std::get<0>(c.groups[i]));
      CHECK(seeds[i].interval_days == std::get<1>(c.groups[i]));
      CHECK(seeds[i].ease == std::get<2>(c.groups[i]));
    }
  }
}

TEST_CASE("OSR cards carry their schedule comment as a seed", "[extract][osr]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Single line, comment on the same line.
      {"#flashcards\n\nCapital of Italy::Rome <!--SR:!2026-03-10,3,250-->\n",
       "Capital of Italy=2026-03-10,3,250"},
      // Both ways: one group per card, forward first.
      {"#flashcards\n\nLargest ocean:::Pacific <!--SR:!2026-03-10,3,250!2026-03-20,9,230-->\n",
       "Largest ocean=2026-03-10,3,250;Pacific=2026-03-20,9,230"},
      // Multi-line, comment on the line after the answer.
      {"#flashcards\n\nWhich gas do plants absorb?\n?\nCarbon dioxide.\n"
       "<!--SR:!2026-05-01,21,265-->\n",
       "Which gas do plants absorb?=2026-05-01,21,265"},
      // `??` both ways, one comment with two groups.
      {"#flashcards\n\nH2O\n??\nWater\n<!--SR:!2026-03-02,1,250!2026-03-04,4,240-->\n",
       "H2O=2026-03-02,1,250;Water=2026-03-04,4,240"},
      // No comment, or one that does not read: no seed.
      {"#flashcards\n\nCapital of France::Paris\n", "Capital of France=-"},
      {"#flashcards\n\nCapital of Spain::Madrid <!--SR:!someday,3,250-->\n",
       "Capital of Spain=-"},
      // A comment belongs to its own line's card only.
      {"#flashcards\n\nA1::one <!--SR:!2026-03-10,3,250-->\nB2::two\n",
       "A1=2026-03-10,3,250;B2=-"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    CHECK(seeds_of(text) == expected);
  }
}
