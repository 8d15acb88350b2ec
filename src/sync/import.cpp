#include "recall/sync/import.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>

#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"
#include "recall/sync/roots.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

// Bump when the extraction rules change, so that unchanged notes are parsed again.
constexpr std::string_view kExtractorVersion = "extract-7";

std::string extract_salt(double min_confidence) {
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%.4f", min_confidence);
  return std::string(kExtractorVersion) + "@" + threshold;
}

// A file modified this close to the start of an import may be modified again, within the same
// tick of the file system's clock, after it was read: its time would then not change. Such a file
// is stored with an unknown time (-1) so that the next import reads it again, as git does with
// "racily clean" entries. Two seconds covers the coarsest clocks (FAT).
constexpr std::chrono::seconds kRacyWindow{2};

// Whether the store knew this file with this exact size and time, from the same root, made with
// the same extractor: then it is not read at all.
bool same_stat(const store::NoteFingerprint& known, const store::NoteInput& input) {
  // -1 is "unknown"; any other value may be negative (libstdc++'s file clock starts in 2174).
  return input.size != -1 && input.mtime_ns != -1 && known.size == input.size &&
         known.mtime_ns == input.mtime_ns && known.source == input.source &&
         known.extract_salt == input.extract_salt;
}

// absolute_path() of many files, resolving each folder once (resolving is a system call per
// component): a file that is not itself a symbolic link is its folder's absolute path and its name.
class AbsolutePaths {
 public:
  std::string of(const notes::FoundNote& found) {
    const fs::path& file = found.path;
    const fs::path name = file.filename();
    if (found.is_symlink || name.empty() || name == "." || name == "..") return absolute_path(file);
    const fs::path folder = file.parent_path();
    auto [it, added] = m_folders.try_emplace(folder.native());
    if (added) {
      it->second = absolute_path(folder.empty() ? fs::path(".") : folder);
      if (it->second.empty() || it->second.back() != '/') it->second += '/';
    }
    return it->second + name.generic_string();
  }

 private:
  std::unordered_map<std::string, std::string> m_folders;  // as listed -> absolute, with a `/`
};

}  // namespace

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path full = fs::weakly_canonical(fs::absolute(path), ec);
  return (ec ? fs::absolute(path) : full).lexically_normal().generic_string();
}

ImportResult plan_import(store::Store& store, const ImportRequest& request) {
  const std::int64_t racy_after =
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          (fs::file_time_type::clock::now() - kRacyWindow).time_since_epoch())
          .count();
  notes::NoteListing listing = notes::list_notes(request.roots);  // throws for a missing root
  name_from_roots(listing, request.roots, request.known_roots);

  ImportResult result;
  result.warnings = std::move(listing.warnings);
  result.files_listed = listing.files.size();
  std::vector<std::string> skipped;

  const std::string salt = extract_salt(request.min_confidence);
  const auto known = store.note_fingerprints();
  // A folder that cannot be listed is not a folder that was emptied: the notes stored below it
  // are kept as they are, like unreadable files.
  result.folders_unread = listing.unread_folders.size();
  for (const fs::path& folder : listing.unread_folders) {
    std::string prefix = absolute_path(folder);
    if (prefix.empty() || prefix.back() != '/') prefix += '/';
    for (auto it = known.lower_bound(prefix); it != known.end() && it->first.starts_with(prefix);
         ++it) {
      skipped.push_back(it->first);
    }
  }
  std::set<std::string> seen;  // absolute paths planned: a file is planned once
  std::vector<store::NoteInput> inputs;
  inputs.reserve(listing.files.size());
  AbsolutePaths absolute;
  Progress progress;
  progress.files_total = listing.files.size();
  if (request.on_progress) request.on_progress(progress);
  // One file at a time: its content is dropped once its drafts are made.
  for (const notes::FoundNote& found : listing.files) {
    ++progress.files_done;
    store::NoteInput input;
    input.path = absolute.of(found);
    if (!seen.insert(input.path).second) {
      if (request.on_progress) request.on_progress(progress);
      continue;
    }
    input.source = found.source;
    input.size = found.size;
    input.mtime_ns =
        found.mtime_ns != -1 && found.mtime_ns < racy_after ? found.mtime_ns : std::int64_t{-1};
    input.extract_salt = salt;
    const auto stored = known.find(input.path);
    if (stored != known.end() && same_stat(stored->second, input)) {
      input.content_hash = stored->second.content_hash;
      input.status = store::NoteStatus::same_stat;
      ++result.files_unchanged;
    } else if (std::optional<notes::NoteFile> note =
                   notes::read_note(found, result.warnings, request.max_note_size);
               !note) {
      ++result.files_skipped;
      skipped.push_back(std::move(input.path));
      if (request.on_progress) request.on_progress(progress);
      continue;
    } else {
      ++result.files_read;
      input.content_hash = core::hash_hex(note->content);
      if (stored != known.end() && stored->second.source == input.source &&
          stored->second.extract_salt == salt &&
          stored->second.content_hash == input.content_hash) {
        input.status = store::NoteStatus::same_content;
      } else {
        ++result.files_parsed;
        extract::ExtractResult extracted = extract::extract_cards(*note);
        for (extract::Warning& w : extracted.warnings) {
          w.source = note->path.generic_string();  // name the file as the user can open it
          result.warnings.push_back(std::move(w));
        }
        const auto leave_out = [&](extract::CardDraft& draft) {
          ++result.below_threshold_count;
          if (request.keep_left_out) result.below_threshold.push_back(std::move(draft));
        };
        for (extract::CardDraft& draft : extracted.drafts) {
          if (draft.confidence >= request.min_confidence && draft.left_out.empty()) {
            input.drafts.push_back(std::move(draft));
          } else {
            leave_out(draft);
          }
        }
        for (extract::CardDraft& draft : extracted.left_out) leave_out(draft);
        progress.cards += input.drafts.size();
      }
    }
    inputs.push_back(std::move(input));
    if (request.on_progress) request.on_progress(progress);
  }

  std::vector<std::string> scope;
  for (const auto& root : request.roots) scope.push_back(absolute_path(root));
  result.plan = store.plan_import(std::move(inputs), std::move(scope), std::move(skipped),
                                  request.unchanged_text);
  return result;
}

}  // namespace recall::sync
