#include "recall/sync/import.hpp"

#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path full = fs::weakly_canonical(fs::absolute(path), ec);
  return (ec ? fs::absolute(path) : full).lexically_normal().generic_string();
}

ImportResult plan_import(store::Store& store, const ImportRequest& request) {
  notes::ScanResult scanned = notes::scan(request.roots);  // throws for a missing root

  ImportResult result;
  result.warnings = scanned.warnings;
  result.files_skipped = scanned.skipped.size();
  std::vector<std::string> skipped;
  for (const auto& path : scanned.skipped) skipped.push_back(absolute_path(path));

  std::vector<store::NoteInput> inputs;
  inputs.reserve(scanned.files.size());
  for (const notes::NoteFile& note : scanned.files) {
    extract::ExtractResult extracted = extract::extract_cards(note);
    for (extract::Warning& w : extracted.warnings) {
      w.source = note.path.generic_string();  // name the file as the user can open it
      result.warnings.push_back(std::move(w));
    }
    std::vector<extract::CardDraft> kept;
    for (extract::CardDraft& draft : extracted.drafts) {
      (draft.confidence >= request.min_confidence ? kept : result.below_threshold)
          .push_back(std::move(draft));
    }
    inputs.push_back(
        {absolute_path(note.path), note.source, core::hash_hex(note.content), std::move(kept)});
  }
  result.files_read = inputs.size();

  std::vector<std::string> scope;
  for (const auto& root : request.roots) scope.push_back(absolute_path(root));
  result.plan = store.plan_import(std::move(inputs), std::move(scope), std::move(skipped));
  return result;
}

}  // namespace recall::sync
