#include "recall/sync/import.hpp"

#include <chrono>
#include <cstdio>

#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

// Bump when the extraction rules change, so that unchanged notes are parsed again.
constexpr std::string_view kExtractorVersion = "extract-3";

std::string extract_salt(double min_confidence) {
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%.4f", min_confidence);
  return std::string(kExtractorVersion) + "@" + threshold;
}

std::int64_t mtime_of(const fs::path& path) {
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  if (ec) return -1;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::int64_t size_of(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? -1 : static_cast<std::int64_t>(size);
}

}  // namespace

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

  const std::string salt = extract_salt(request.min_confidence);
  const auto known = store.note_fingerprints();
  std::vector<store::NoteInput> inputs;
  inputs.reserve(scanned.files.size());
  Progress progress;
  progress.files_total = scanned.files.size();
  for (const notes::NoteFile& note : scanned.files) {
    ++progress.files_done;
    if (request.on_progress) request.on_progress(progress);
    store::NoteInput input;
    input.path = absolute_path(note.path);
    input.source = note.source;
    input.content_hash = core::hash_hex(note.content);
    input.size = size_of(note.path);
    input.mtime_ns = mtime_of(note.path);
    input.extract_salt = salt;
    if (auto found = known.find(input.path);
        found != known.end() && found->second.source == input.source &&
        found->second.extract_salt == salt && found->second.content_hash == input.content_hash) {
      input.status = store::NoteStatus::same_content;
      inputs.push_back(std::move(input));
      continue;
    }
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
    progress.cards += kept.size();
    input.drafts = std::move(kept);
    inputs.push_back(std::move(input));
  }
  result.files_read = inputs.size();

  std::vector<std::string> scope;
  for (const auto& root : request.roots) scope.push_back(absolute_path(root));
  result.plan = store.plan_import(std::move(inputs), std::move(scope), std::move(skipped));
  return result;
}

}  // namespace recall::sync
