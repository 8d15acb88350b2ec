// The starter decks in decks/ must keep making cards: every note yields cards and no warnings.
#include <catch2/catch.hpp>
#include <filesystem>

#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

TEST_CASE("every starter deck makes cards without warnings", "[extract][decks]") {
  const auto scanned = recall::notes::scan({std::filesystem::path(RECALL_SOURCE_DIR) / "decks"});
  CHECK(scanned.warnings.empty());
  REQUIRE_FALSE(scanned.files.empty());
  std::size_t total = 0;
  for (const recall::notes::NoteFile& note : scanned.files) {
    const auto result = recall::extract::extract_cards(note);
    INFO(note.source);
    CHECK(result.warnings.empty());
    CHECK(result.drafts.size() >= 5);
    for (const auto& card : result.drafts) {
      CHECK(card.deck == note.deck);
      CHECK_FALSE(card.question.empty());
      CHECK_FALSE(card.answer.empty());
    }
    total += result.drafts.size();
  }
  CHECK(total >= 30);
  CHECK(total <= 50);
}
