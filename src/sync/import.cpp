#include "recall/sync/import.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"
#include "recall/sync/moves.hpp"
#include "recall/sync/roots.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

// Bump when the extraction rules change, so that unchanged notes are parsed again.
constexpr std::string_view kExtractorVersion = "extract-8";

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
// Files come folder by folder, so the last folder is compared first, as a string.
class AbsolutePaths {
 public:
  std::string of(const notes::FoundNote& found) {
    const std::string_view file = found.path;
    const std::size_t slash = file.rfind('/');
    // What std::filesystem::path::filename() gives: the name after the last `/`.
    const std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
    if (found.is_symlink || name.empty() || name == "." || name == "..") {
      return absolute_path(found.path);
    }
    // Files with the same text before their name have the same parent_path().
    const std::string_view folder = file.substr(0, file.size() - name.size());
    if (m_last == nullptr || m_last->first != folder) {
      auto [it, added] = m_folders.try_emplace(std::string(folder));
      if (added) {
        const fs::path parent = fs::path(found.path).parent_path();
        it->second = absolute_path(parent.empty() ? fs::path(".") : parent);
        if (it->second.empty() || it->second.back() != '/') it->second += '/';
      }
      m_last = &*it;
    }
    std::string out;
    out.reserve(m_last->second.size() + name.size());
    return (out += m_last->second) += name;
  }

 private:
  // as listed, up to the name -> absolute, with a `/`
  std::unordered_map<std::string, std::string> m_folders;
  const std::pair<const std::string, std::string>* m_last = nullptr;
};

}  // namespace

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path full = fs::weakly_canonical(fs::absolute(path), ec);
  return (ec ? fs::absolute(path) : full).lexically_normal().generic_string();
}

namespace {

// One listed file, as the import will see it: its identity and whether it must be read.
struct Entry {
  const notes::FoundNote* found = nullptr;
  store::NoteInput input;  // drafts empty; status same_stat when it is not read
  const store::NoteFingerprint* stored = nullptr;
};

// What reading, normalising, parsing and extracting one file gave: made on any thread, from
// nothing but the file and what the store knew of it.
struct Prepared {
  store::NoteInput input;
  bool skipped = false;  // unreadable or unusable: its cards stay as stored
  bool read = false;
  bool parsed = false;
  std::vector<extract::Warning> warnings;
  std::vector<extract::CardDraft> left_out;  // only with keep_left_out
  std::size_t left_out_count = 0;
};

// Takes the entry's input: each entry is prepared once.
Prepared prepare(Entry& entry, const ImportRequest& request) {
  Prepared out;
  out.input = std::move(entry.input);
  if (out.input.status == store::NoteStatus::same_stat) return out;
  std::optional<notes::NoteFile> note =
      notes::read_note(*entry.found, out.warnings, request.max_note_size);
  if (!note) {
    out.skipped = true;
    return out;
  }
  out.read = true;
  out.input.content_hash = core::hash_hex(note->content);
  if (entry.stored != nullptr && entry.stored->source == out.input.source &&
      entry.stored->extract_salt == out.input.extract_salt &&
      entry.stored->content_hash == out.input.content_hash) {
    out.input.status = store::NoteStatus::same_content;
    return out;
  }
  out.parsed = true;
  out.input.status = store::NoteStatus::parsed;
  extract::ExtractResult extracted = extract::extract_cards(*note);
  for (extract::Warning& w : extracted.warnings) {
    w.source = note->path.generic_string();  // name the file as the user can open it
    out.warnings.push_back(std::move(w));
  }
  const auto leave_out = [&](extract::CardDraft& draft) {
    ++out.left_out_count;
    if (request.keep_left_out) out.left_out.push_back(std::move(draft));
  };
  for (extract::CardDraft& draft : extracted.drafts) {
    if (draft.confidence >= request.min_confidence && draft.left_out.empty()) {
      out.input.drafts.push_back(std::move(draft));
    } else {
      leave_out(draft);
    }
  }
  for (extract::CardDraft& draft : extracted.left_out) leave_out(draft);
  return out;
}

// Runs prepare() over the entries on `threads` threads (the calling one alone when 1) and hands
// each result to `use` in the entries' order. Files that are not read (size and time as stored)
// need no work: the calling thread hands them on itself, and only the files to read go to the
// workers.
template <typename Use>
void prepare_in_order(std::vector<Entry>& entries, const ImportRequest& request, Use&& use) {
  std::vector<std::size_t> to_read;  // indices into entries
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].input.status != store::NoteStatus::same_stat) to_read.push_back(i);
  }
  if (request.threads <= 1 || to_read.size() < 2) {
    for (Entry& entry : entries) use(prepare(entry, request));
    return;
  }
  // Batches of consecutive files to read (at most 16 files or about 1 MiB, so that a few large
  // notes are not held at once), twice as many in flight as there are threads, so that a slow
  // file holds up only the results after it.
  constexpr std::size_t kBatchFiles = 16;
  constexpr std::int64_t kBatchBytes = 1 << 20;
  const std::size_t in_flight = 2 * static_cast<std::size_t>(request.threads);
  std::deque<std::future<std::vector<Prepared>>> window;
  std::size_t next = 0;  // into to_read
  const auto launch = [&] {
    const std::size_t from = next;
    std::size_t to = from;
    std::int64_t bytes = 0;
    while (to < to_read.size() && to - from < kBatchFiles && bytes < kBatchBytes) {
      bytes += std::max<std::int64_t>(0, entries[to_read[to]].input.size);
      ++to;
    }
    next = to;
    window.push_back(std::async(std::launch::async, [&entries, &request, &to_read, from, to] {
      std::vector<Prepared> out;
      out.reserve(to - from);
      for (std::size_t k = from; k < to; ++k) out.push_back(prepare(entries[to_read[k]], request));
      return out;
    }));
  };
  while (next < to_read.size() && window.size() < in_flight) launch();
  std::vector<Prepared> batch;
  std::size_t taken = 0;  // of batch
  std::size_t read_next = 0;  // into to_read: the next entry that a worker prepares
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // This thread touches only the entries that are not read; the workers only those that are.
    if (read_next == to_read.size() || to_read[read_next] != i) {
      use(prepare(entries[i], request));
      continue;
    }
    ++read_next;
    if (taken == batch.size()) {
      batch = window.front().get();
      window.pop_front();
      taken = 0;
      if (next < to_read.size()) launch();
    }
    use(std::move(batch[taken++]));
  }
}

}  // namespace

ImportResult run_import(store::Store& store, const ImportRequest& request) {
  const std::int64_t racy_after =
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          (fs::file_time_type::clock::now() - kRacyWindow).time_since_epoch())
          .count();
  // Listing the files (system calls) and reading what the store knew of them (SQLite) do not
  // depend on each other, and when few files are to be read they are most of an import: with
  // more than one thread, the listing runs on another thread meanwhile. Its error (a missing
  // root) comes first, as when they run one after the other.
  std::map<std::string, store::NoteFingerprint> known;
  notes::NoteListing listing;
  if (request.threads > 1) {
    std::future<notes::NoteListing> listing_done =
        std::async(std::launch::async, [&request] { return notes::list_notes(request.roots); });
    std::exception_ptr store_error;
    try {
      known = store.note_fingerprints();
    } catch (...) {
      store_error = std::current_exception();
    }
    listing = listing_done.get();  // throws for a missing root
    if (store_error) std::rethrow_exception(store_error);
  } else {
    listing = notes::list_notes(request.roots);  // throws for a missing root
    known = store.note_fingerprints();
  }
  name_from_roots(listing, request.roots, request.known_roots);

  ImportResult result;
  result.warnings = std::move(listing.warnings);
  result.files_listed = listing.files.size();
  std::vector<std::string> skipped;

  const std::string salt = extract_salt(request.min_confidence);
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

  // Notes and roots found at a new place (sync/moves.hpp) are planned, and stored, there.
  std::vector<std::string> paths;  // absolute, in the order of listing.files
  paths.reserve(listing.files.size());
  {
    AbsolutePaths absolute;
    for (const notes::FoundNote& found : listing.files) paths.push_back(absolute.of(found));
  }
  store::Relocations moves = find_moves(store, listing, paths, known, request);
  if (!moves.empty() && request.on_moves) request.on_moves(moves);

  // Each file's identity first, and whether it must be read: the store loads the cards that
  // this import may match before the first note is planned.
  std::vector<Entry> entries;
  entries.reserve(listing.files.size());
  std::unordered_map<std::string, bool> listed;  // absolute path -> may be parsed
  listed.reserve(listing.files.size());
  for (std::size_t i = 0; i < listing.files.size(); ++i) {
    const notes::FoundNote& found = listing.files[i];
    Entry entry;
    entry.found = &found;
    store::NoteInput& input = entry.input;
    input.path = std::move(paths[i]);
    if (listed.contains(input.path)) continue;  // a file is planned once
    input.source = found.source;
    input.size = found.size;
    input.mtime_ns =
        found.mtime_ns != -1 && found.mtime_ns < racy_after ? found.mtime_ns : std::int64_t{-1};
    input.extract_salt = salt;
    if (const auto stored = known.find(input.path); stored != known.end()) {
      entry.stored = &stored->second;
      if (same_stat(stored->second, input)) {
        input.content_hash = stored->second.content_hash;
        input.status = store::NoteStatus::same_stat;
      }
    }
    listed.emplace(input.path, input.status != store::NoteStatus::same_stat);
    entries.push_back(std::move(entry));
  }

  std::vector<std::string> scope;
  for (const auto& root : request.roots) scope.push_back(absolute_path(root));
  // A moved root's notes not found at its new place are gone: their cards are retired.
  for (const auto& root : moves.roots) scope.push_back(root.from);
  store::ImportStream stream(store, std::move(scope), listed, request.unchanged_text,
                             request.on_card, request.write_at, std::move(moves));
  listed = {};

  Progress progress;
  progress.files_total = listing.files.size();
  if (request.on_progress) request.on_progress(progress);
  const std::size_t duplicates = listing.files.size() - entries.size();
  progress.files_done = duplicates;
  prepare_in_order(entries, request, [&](Prepared&& prepared) {
    ++progress.files_done;
    for (extract::Warning& w : prepared.warnings) result.warnings.push_back(std::move(w));
    result.below_threshold_count += prepared.left_out_count;
    for (extract::CardDraft& d : prepared.left_out) result.below_threshold.push_back(std::move(d));
    if (prepared.skipped) {
      ++result.files_skipped;
      skipped.push_back(std::move(prepared.input.path));
    } else {
      if (prepared.input.status == store::NoteStatus::same_stat) ++result.files_unchanged;
      if (prepared.read) ++result.files_read;
      if (prepared.parsed) ++result.files_parsed;
      progress.cards += prepared.input.drafts.size();
      stream.add(std::move(prepared.input));
    }
    if (request.on_progress) request.on_progress(progress);
  });
  result.counts = stream.finish(skipped);
  return result;
}

}  // namespace recall::sync
