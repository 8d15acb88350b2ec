// The starter decks in decks/ must keep making cards: every note yields cards and no warnings.
#include <algorithm>
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
    total += static_cast<std::size_t>(
        std::count_if(result.drafts.begin(), result.drafts.end(), [](const auto& card) {
          return card.confidence >= recall::extract::kDefaultMinConfidence;
        }));
  }
  // The decks are written to make about fifty cards at the default threshold; far more would mean
  // a rule that makes noise.
  CHECK(total >= 30);
  CHECK(total <= 56);
}
