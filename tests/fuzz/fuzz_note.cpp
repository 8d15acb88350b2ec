// libFuzzer target: note bytes as a file would hold them -> read as a note (normalize_text, the
// front matter check) -> cards extracted. Built by bench/fuzz.sh (clang); replayed over the
// seed corpus by ctest (replay_main.cpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "recall/extract/extract.hpp"
#include "recall/notes/front_matter.hpp"
#include "recall/notes/normalize.hpp"
#include "recall/notes/note_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  recall::notes::NormalizedText text = recall::notes::normalize_text(bytes);
  if (!text.problem.empty()) return 0;
  (void)recall::notes::front_matter_problem(text.text);
  const recall::notes::NoteFile note{"/fuzz/deck/note.md", "deck/note.md", "deck/note",
                                     std::move(text.text)};
  const recall::extract::ExtractResult result = recall::extract::extract_cards(note);
  for (const auto& draft : result.drafts) {
    // Every card has a question and lies within the note.
    if (draft.question.empty() || draft.line < 1) __builtin_trap();
  }
  return 0;
}
