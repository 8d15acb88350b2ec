// The extractor on broken notes: every golden note and every labelled-corpus note cut short at
// many places (at character boundaries) and with a plural heading over its own singular. No rule
// may throw (extract_cards turns a throw into a `rule … failed` warning, which this test
// counts), and every card must have a question and an answer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "recall/extract/extract.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> sample_notes() {
  std::vector<std::string> notes;
  const fs::path root = fs::path(RECALL_TEST_DATA) / "fixtures";
  for (const char* folder : {"extract", "corpus"}) {
    for (const auto& entry : fs::directory_iterator(root / folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".txt" || ext == ".md" || ext == ".markdown") notes.push_back(read_file(entry.path()));
    }
  }
  return notes;
}

bool is_boundary(const std::string& s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("no rule fails on notes cut short anywhere", "[extract][robust]") {
  const std::vector<std::string> notes = sample_notes();
  REQUIRE(notes.size() >= 20);
  std::size_t runs = 0;
  for (const std::string& note : notes) {
    // About 40 cuts per note, plus the whole note with a plural heading over it.
    const std::size_t step = std::max<std::size_t>(1, note.size() / 40);
    std::vector<std::string> variants;
    for (std::size_t cut = 0; cut < note.size(); cut += step) {
      std::size_t at = cut;
      while (!is_boundary(note, at)) ++at;
      variants.push_back(note.substr(0, at));
    }
    variants.push_back("# notes cases\n\nSee the note case.\n\n" + note);
    for (const std::string& text : variants) {
      recall::notes::NoteFile file{"robust.md", "robust.md", "robust", text};
      const recall::extract::ExtractResult result = recall::extract::extract_cards(file);
      ++runs;
      for (const recall::extract::Warning& w : result.warnings) {
        INFO(w.message);
        CHECK(w.message.find("failed on this note") == std::string::npos);
      }
      for (const recall::extract::CardDraft& card : result.drafts) {
        CHECK(!card.question.empty());
        CHECK(!card.answer.empty());
      }
    }
  }
  CHECK(runs > 500);
}
