#include "recall/sync/moves.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "recall/core/hash.hpp"
#include "recall/store/import_stream.hpp"
#include "recall/store/roots.hpp"
#include "recall/sync/import.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

// A file listed whose path is not stored: where a note may have moved.
struct NewFile {
  std::string path;  // absolute
  const notes::FoundNote* found = nullptr;
  std::string hash;  // of its content as an import reads it; empty when it cannot be read
};

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;  // (stored note, new file)

bool below(const std::string& path, const std::string& folder) {
  if (!path.starts_with(folder) || path.size() <= folder.size()) return false;
  return folder.ends_with('/') || path[folder.size()] == '/';
}

std::string relative(const std::string& path, const std::string& folder) {
  return path.substr(folder.size() + (folder.ends_with('/') ? 0 : 1));
}

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// The hash a stored note is matched by: its content's, or its last one when it went away.
const std::string& match_hash(const store::StoredNote& note) {
  return note.content_hash.empty() ? note.gone_hash : note.content_hash;
}

// The notes and files state: which are taken, and the pairs made.
struct Matching {
  std::vector<bool> note_taken, file_taken;
  Pairs pairs;

  void pair(std::size_t note, std::size_t file) {
    note_taken[note] = file_taken[file] = true;
    pairs.emplace_back(note, file);
  }
};

// Pairs notes and files of the same content: the same path below the root first, then the same
// file name, then in order.
void pair_by_content(const std::vector<store::StoredNote>& stored,
                     const std::vector<NewFile>& files, const std::vector<std::size_t>& notes,
                     const std::vector<std::size_t>& candidates, Matching& m) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_hash;
  for (const std::size_t f : candidates) {
    if (!m.file_taken[f] && !files[f].hash.empty()) by_hash[files[f].hash].push_back(f);
  }
  if (by_hash.empty()) return;
  using Same = bool (*)(const store::StoredNote&, const NewFile&);
  const Same passes[] = {
      [](const store::StoredNote& n, const NewFile& f) { return n.source == f.found->source; },
      [](const store::StoredNote& n, const NewFile& f) {
        return file_name(n.path) == file_name(f.path);
      },
      [](const store::StoredNote&, const NewFile&) { return true; },
  };
  for (const Same same : passes) {
    for (const std::size_t n : notes) {
      if (m.note_taken[n]) continue;
      const auto group = by_hash.find(match_hash(stored[n]));
      if (group == by_hash.end()) continue;
      for (const std::size_t f : group->second) {
        if (!m.file_taken[f] && same(stored[n], files[f])) {
          m.pair(n, f);
          break;
        }
      }
    }
  }
}

// Whether root `from` (gone) moved to folder `to`; if so its pairs are added to `m`.
bool match_root(const std::string& from, const std::string& to,
                const std::vector<store::StoredNote>& stored, const std::vector<NewFile>& files,
                Matching& m) {
  std::vector<std::size_t> notes, here;
  for (std::size_t n = 0; n < stored.size(); ++n) {
    if (!m.note_taken[n] && !stored[n].content_hash.empty() && below(stored[n].path, from)) {
      notes.push_back(n);
    }
  }
  std::unordered_map<std::string, std::size_t> by_relative;
  for (std::size_t f = 0; f < files.size(); ++f) {
    if (!m.file_taken[f] && below(files[f].path, to)) {
      here.push_back(f);
      by_relative.emplace(relative(files[f].path, to), f);
    }
  }
  if (notes.empty() || here.empty()) return false;
  Matching tried = m;
  for (const std::size_t n : notes) {
    const auto f = by_relative.find(relative(stored[n].path, from));
    if (f != by_relative.end() && !tried.file_taken[f->second]) tried.pair(n, f->second);
  }
  pair_by_content(stored, files, notes, here, tried);
  const std::size_t matched = tried.pairs.size() - m.pairs.size();
  if (matched == 0 || matched * 2 < std::min(notes.size(), here.size())) return false;
  m = std::move(tried);
  return true;
}

}  // namespace

store::Relocations find_moves(store::Store& store, const notes::NoteListing& listing,
                              const std::vector<std::string>& absolute,
                              std::map<std::string, store::NoteFingerprint>& known,
                              const ImportRequest& request) {
  store::Relocations moves;
  std::vector<NewFile> files;
  for (std::size_t i = 0; i < listing.files.size(); ++i) {
    if (!known.contains(absolute[i])) files.push_back({absolute[i], &listing.files[i], {}});
  }
  if (files.empty()) return moves;
  const std::unordered_set<std::string_view> listed(absolute.begin(), absolute.end());
  // Notes whose file is gone (a stat each, cheaper than reading the new files): none, no moves.
  std::vector<store::StoredNote> stored = store::ImportStream::stored_notes(store);
  std::erase_if(stored, [&](const store::StoredNote& note) {
    std::error_code ec;
    return listed.contains(note.path) || fs::exists(note.path, ec) || ec;
  });
  if (stored.empty()) return moves;
  for (NewFile& file : files) {
    std::vector<extract::Warning> ignored;  // the import itself warns, when it reads the file
    if (auto note = notes::read_note(*file.found, ignored, request.max_note_size)) {
      file.hash = core::hash_hex(note->content);
    }
  }

  Matching m{std::vector<bool>(stored.size()), std::vector<bool>(files.size()), {}};
  // Roots first: a folder given that is in no root, with nothing stored below it, and a root
  // that no longer exists.
  std::vector<std::string> gone_roots;
  for (const std::string& root : request.known_roots) {
    std::error_code ec;
    if (!fs::exists(root, ec) && !ec) gone_roots.push_back(root);
  }
  for (const fs::path& given : request.roots) {
    std::error_code ec;
    if (gone_roots.empty() || !fs::is_directory(given, ec)) continue;
    const std::string to = absolute_path(given);
    if (!store::root_of(to, request.known_roots).empty()) continue;
    const auto first_below = known.lower_bound(to.ends_with('/') ? to : to + '/');
    if (first_below != known.end() && below(first_below->first, to)) continue;
    for (auto from = gone_roots.begin(); from != gone_roots.end(); ++from) {
      if (!match_root(*from, to, stored, files, m)) continue;
      moves.roots.push_back({*from, to, 0});  // its cards are counted below
      gone_roots.erase(from);
      break;
    }
  }
  // Then single notes, by content, among everything left.
  std::vector<std::size_t> notes(stored.size()), all_files(files.size());
  for (std::size_t n = 0; n < stored.size(); ++n) notes[n] = n;
  for (std::size_t f = 0; f < files.size(); ++f) all_files[f] = f;
  pair_by_content(stored, files, notes, all_files, m);

  // A note that has no cards is left where it is (the same content makes none at the new path
  // either): only the notes paired have their cards counted.
  std::vector<store::StoredNote> paired;
  for (const auto& pair : m.pairs) paired.push_back(std::move(stored[pair.first]));
  store::ImportStream::count_cards(store, paired);
  for (std::size_t i = 0; i < paired.size(); ++i) {
    const store::StoredNote& note = paired[i];
    const std::size_t f = m.pairs[i].second;
    if (note.cards + note.retired == 0) continue;
    for (store::RootMove& root : moves.roots) {
      if (below(note.path, root.from) && below(files[f].path, root.to)) root.cards += note.cards;
    }
    moves.notes.push_back(
        {note.path, files[f].path, note.cards, note.content_hash.empty(), note.source});
    if (auto fingerprint = known.extract(note.path)) {
      fingerprint.key() = files[f].path;
      known.insert(std::move(fingerprint));
    }
  }
  return moves;
}

}  // namespace recall::sync
