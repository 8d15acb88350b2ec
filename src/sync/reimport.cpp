#include "recall/sync/reimport.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

// The threshold written in an extract salt (`extract-3@0.5000`), else the default.
double threshold_of(const std::string& salt) {
  const std::size_t at = salt.rfind('@');
  if (at == std::string::npos) return extract::kDefaultMinConfidence;
  const char* start = salt.c_str() + at + 1;
  char* end = nullptr;
  const double value = std::strtod(start, &end);
  if (end == start || *end != '\0' || value < 0.0 || value > 1.0) {
    return extract::kDefaultMinConfidence;
  }
  return value;
}

// The deck of a note: its source without the extension (`ml/entropy.md` -> `ml/entropy`).
std::string deck_of(const std::string& source) {
  const std::size_t slash = source.rfind('/');
  const std::size_t dot = source.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) ||
      dot == (slash == std::string::npos ? 0 : slash + 1)) {
    return source;
  }
  return source.substr(0, dot);
}

}  // namespace

ReimportResult reimport_note(store::Store& store, const store::NoteRef& note,
                             std::chrono::sys_seconds now) {
  ReimportResult result;
  std::error_code ec;
  if (!fs::is_regular_file(note.path, ec)) {
    result.found = false;
    return result;
  }
  notes::ScanResult scanned = notes::scan({fs::path(note.path)});
  result.warnings = scanned.warnings;
  if (scanned.files.empty()) return result;  // unreadable, binary or not UTF-8: keep its cards

  notes::NoteFile file = std::move(scanned.files.front());
  file.source = note.source;
  file.deck = deck_of(note.source);
  const double threshold = threshold_of(note.extract_salt);
  extract::ExtractResult extracted = extract::extract_cards(file);
  for (extract::Warning& w : extracted.warnings) {
    w.source = note.path;
    result.warnings.push_back(std::move(w));
  }

  store::NoteInput input;
  input.path = note.path;
  input.source = note.source;
  input.content_hash = core::hash_hex(file.content);
  input.extract_salt = note.extract_salt;
  if (auto size = fs::file_size(note.path, ec); !ec) input.size = static_cast<std::int64_t>(size);
  if (auto time = fs::last_write_time(note.path, ec); !ec) {
    input.mtime_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
  }
  for (extract::CardDraft& draft : extracted.drafts) {
    if (draft.confidence >= threshold) input.drafts.push_back(std::move(draft));
  }

  std::vector<store::NoteInput> inputs;
  inputs.push_back(std::move(input));
  result.plan = store.plan_import(std::move(inputs), {note.path}, {});
  store.apply_import(result.plan, now);
  return result;
}

}  // namespace recall::sync
