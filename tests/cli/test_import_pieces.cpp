// End-to-end: a note parsed in pieces (RECALL_NOTE_PIECE_BYTES, the hidden override of the piece
// size of large notes) gives the cards of one parse.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::read_all;
using recall::test::Sandbox;
using recall::test::source_path;
using recall::test::write_file;

namespace fs = std::filesystem;

namespace {

// The cards of `note` imported into a fresh collection, parsed in pieces of `piece_bytes` (empty:
// the default, one parse for a note this small), as `cards --format json` prints them, without
// the key (a random id that each collection gives its cards).
std::string cards_in_pieces(const std::string& note, const std::string& piece_bytes) {
  Sandbox box;
  write_file(box.dir() / "notes" / "big.md", note);
  if (!piece_bytes.empty()) box.set_env("RECALL_NOTE_PIECE_BYTES", piece_bytes);
  const auto imported = box.run({"import", (box.dir() / "notes").string()});
  REQUIRE(imported.exit_code == 0);
  std::string cards;
  for (nlohmann::json& card : json_lines(box.run({"cards", "--format", "json"}).out)) {
    card.erase("key");
    cards += card.dump() + "\n";
  }
  return cards;
}

}  // namespace

TEST_CASE("a note imported in pieces gives the cards of one parse", "[import][pieces]") {
  // Every note of the extraction corpus joined into one, as a large note of mixed content is.
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(source_path("tests/fixtures/corpus"))) {
    const std::string extension = entry.path().extension().string();
    if (extension == ".md" || extension == ".markdown" || extension == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::string note =
      "---\ntitle: Everything\n---\n# Links\n\nSee [tcp] first.\n| term | meaning |\n"
      "|---|---|\n| [tcp] | stream |\n\n";
  for (const fs::path& file : files) note += read_all(file) + "\n\n";
  note += "[tcp]: https://example.com/tcp\n";

  const std::string whole = cards_in_pieces(note, "");
  CHECK(std::count(whole.begin(), whole.end(), '\n') > 100);
  CHECK(cards_in_pieces(note, "1") == whole);
  CHECK(cards_in_pieces(note, "4096") == whole);
}
