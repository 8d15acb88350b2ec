// Anki packages (.apkg, .colpkg): the collection inside the zip, unpacked (and decompressed, for
// Anki 2.1.50's `collection.anki21b`) into a temporary file and read as SQLite. Anki's collection
// is not recall's store, hence SQLiteCpp here as well as in src/store/.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>
#include <zstd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "anki_fields.hpp"
#include "recall/core/error.hpp"
#include "recall/interop/anki_import.hpp"

namespace recall::interop {

namespace {

namespace fs = std::filesystem;

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* entry) const { zip_fclose(entry); }
};
struct ZstdCloser {
  void operator()(ZSTD_DStream* stream) const { ZSTD_freeDStream(stream); }
};

// The collection files a package may hold, the one to read first. Anki 2.1.50 and later writes
// `collection.anki21b` (zstd) and beside it a `collection.anki2` holding one note that asks to
// update Anki; "Support older Anki versions" writes `collection.anki21` (with the same dummy);
// Anki 2.0 and older tools write `collection.anki2` alone.
constexpr std::string_view kCollections[] = {"collection.anki21b", "collection.anki21",
                                             "collection.anki2"};

// Copies `entry` into `out`, through zstd when `compressed`. Returns false when it cannot be read
// or its last zstd frame is cut short.
bool copy_entry(zip_file_t* entry, std::ofstream& out, bool compressed) {
  char buffer[1 << 16];
  std::unique_ptr<ZSTD_DStream, ZstdCloser> zstd(compressed ? ZSTD_createDStream() : nullptr);
  if (compressed && !zstd) return false;
  std::vector<char> plain(compressed ? ZSTD_DStreamOutSize() : 0);
  std::size_t left = 0;  // ZSTD_decompressStream's hint: 0 once a frame is decoded and flushed
  zip_int64_t n = 0;
  while ((n = zip_fread(entry, buffer, sizeof buffer)) > 0) {
    if (!compressed) {
      out.write(buffer, n);
      continue;
    }
    ZSTD_inBuffer in{buffer, static_cast<std::size_t>(n), 0};
    bool full = true;  // a full output buffer may leave more to flush
    while (in.pos < in.size || full) {
      ZSTD_outBuffer to{plain.data(), plain.size(), 0};
      left = ZSTD_decompressStream(zstd.get(), &to, &in);
      if (ZSTD_isError(left)) return false;
      out.write(plain.data(), static_cast<std::streamsize>(to.pos));
      full = to.pos == to.size;
    }
  }
  return n == 0 && left == 0;
}

// The collection file of a package, copied (decompressed) into `to`; how many media files the
// package holds.
int extract_collection(const fs::path& file, const fs::path& to) {
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(file.c_str(), ZIP_RDONLY, &error));
  if (!archive) throw Error("not a zip file, as an Anki package is", file.string());
  std::string name;
  for (const std::string_view candidate : kCollections) {
    if (zip_name_locate(archive.get(), std::string(candidate).c_str(), 0) >= 0) {
      name = candidate;
      break;
    }
  }
  if (name.empty()) {
    throw Error(
        "holds no Anki collection (collection.anki21b, collection.anki21 or "
        "collection.anki2)",
        file.string());
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> entry(zip_fopen(archive.get(), name.c_str(), 0));
  if (!entry) throw Error("cannot read " + name + " from the package", file.string());
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  const bool copied = copy_entry(entry.get(), out, name == "collection.anki21b");
  out.close();
  if (!copied || !out) throw Error("cannot unpack " + name + " from the package", file.string());
  int media_files = 0;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t k = 0; k < entries; ++k) {
    const char* entry_name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(k), 0);
    if (!entry_name) continue;
    const std::string_view s(entry_name);
    if (!s.empty() &&
        std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      ++media_files;
    }
  }
  return media_files;
}

// Field 1 of Anki's `Notetype.Config` protobuf (`kind`: 0 normal, 1 cloze); 0 when absent, as
// proto3 leaves a default out, or when the blob does not read.
std::uint64_t notetype_kind(std::string_view blob) {
  std::size_t i = 0;
  const auto varint = [&](std::uint64_t& value) {
    value = 0;
    for (int shift = 0; i < blob.size() && shift < 64; shift += 7) {
      const auto byte = static_cast<unsigned char>(blob[i++]);
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  };
  while (i < blob.size()) {
    std::uint64_t key = 0, value = 0;
    if (!varint(key)) return 0;
    switch (key & 7) {
      case 0:  // varint
        if (!varint(value)) return 0;
        if ((key >> 3) == 1) return value;
        break;
      case 1:  // 64 bits
        i += 8;
        break;
      case 2:  // length-delimited
        if (!varint(value) || value > blob.size() - i) return 0;
        i += static_cast<std::size_t>(value);
        break;
      case 5:  // 32 bits
        i += 4;
        break;
      default:
        return 0;
    }
  }
  return 0;
}

bool has_table(SQLite::Database& db, const char* name) {
  SQLite::Statement query(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name");
  query.bind(":name", name);
  return query.executeStep();
}

// Anki's own collation, which the newer schema declares on names; ASCII case is enough here,
// where names are only read.
int unicase(void*, int a_size, const void* a, int b_size, const void* b) {
  const int common = std::min(a_size, b_size);
  const int order = ::strncasecmp(static_cast<const char*>(a), static_cast<const char*>(b),
                                  static_cast<std::size_t>(common));
  return order != 0 ? order : a_size - b_size;
}

// Deck names by id and the ids of cloze note types: the `decks` and `notetypes` tables of the
// newer schema (Anki 2.1.28's schema 15 and later, which `collection.anki21b` always has; deck
// names separated by `\x1f`), else the JSON of the `col` row (schema 11).
void read_decks_and_kinds(SQLite::Database& db, std::map<std::int64_t, std::string>& deck_names,
                          std::set<std::int64_t>& cloze_models) {
  if (has_table(db, "notetypes") && has_table(db, "decks")) {
    SQLite::Statement decks(db, "SELECT id, name FROM decks");
    while (decks.executeStep()) {
      std::string name = decks.getColumn(1).getString();
      for (std::size_t at = name.find('\x1f'); at != std::string::npos;
           at = name.find('\x1f', at)) {
        name.replace(at, 1, "::");
      }
      deck_names[decks.getColumn(0).getInt64()] = name;
    }
    SQLite::Statement kinds(db, "SELECT id, config FROM notetypes");
    while (kinds.executeStep()) {
      const SQLite::Column config = kinds.getColumn(1);
      const std::string_view blob(static_cast<const char*>(config.getBlob()),
                                  static_cast<std::size_t>(config.getBytes()));
      if (notetype_kind(blob) == 1) cloze_models.insert(kinds.getColumn(0).getInt64());
    }
    return;
  }
  SQLite::Statement col(db, "SELECT models, decks FROM col");
  if (!col.executeStep()) return;
  const auto models = nlohmann::json::parse(col.getColumn(0).getString(), nullptr, false);
  const auto decks = nlohmann::json::parse(col.getColumn(1).getString(), nullptr, false);
  if (decks.is_object()) {
    for (const auto& [id, deck] : decks.items()) {
      if (deck.is_object() && deck.contains("name") && deck["name"].is_string()) {
        deck_names[std::stoll(id)] = deck["name"].get<std::string>();
      }
    }
  }
  if (models.is_object()) {
    for (const auto& [id, model] : models.items()) {
      if (model.is_object() && model.value("type", 0) == 1) cloze_models.insert(std::stoll(id));
    }
  }
}

AnkiCollection read_collection(const fs::path& db_path, const fs::path& file) {
  AnkiCollection out;
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  sqlite3_create_collation_v2(db.getHandle(), "unicase", SQLITE_UTF8, nullptr, unicase, nullptr);
  SQLite::Statement col(db, "SELECT crt FROM col");
  if (!col.executeStep()) throw Error("not an Anki collection (no col row)", file.string());
  out.created = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(col.getColumn(0).getInt64())));
  std::map<std::int64_t, std::string> deck_names;
  std::set<std::int64_t> cloze_models;
  read_decks_and_kinds(db, deck_names, cloze_models);
  struct Note {
    std::int64_t mid = 0;
    std::vector<std::string> tags;
    std::vector<std::string> fields;
  };
  std::map<std::int64_t, Note> notes;
  SQLite::Statement note_rows(db, "SELECT id, mid, tags, flds FROM notes");
  while (note_rows.executeStep()) {
    Note n;
    n.mid = note_rows.getColumn(1).getInt64();
    n.tags = split_anki_tags(note_rows.getColumn(2).getString());
    const std::string fields = note_rows.getColumn(3).getString();
    std::size_t start = 0;
    for (std::size_t at = fields.find('\x1f');; at = fields.find('\x1f', start)) {
      n.fields.push_back(fields.substr(start, at == std::string::npos ? at : at - start));
      if (at == std::string::npos) break;
      start = at + 1;
    }
    notes[note_rows.getColumn(0).getInt64()] = std::move(n);
  }
  std::map<std::int64_t, std::vector<AnkiReview>> revlog;
  SQLite::Statement log(db, R"sql(
    SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id)sql");
  while (log.executeStep()) {
    AnkiReview r;
    r.id_ms = log.getColumn(0).getInt64();
    r.ease = log.getColumn(2).getInt();
    r.ivl = log.getColumn(3).getInt();
    r.last_ivl = log.getColumn(4).getInt();
    r.factor = log.getColumn(5).getInt();
    r.time_ms = log.getColumn(6).getInt64();
    r.type = log.getColumn(7).getInt();
    revlog[log.getColumn(1).getInt64()].push_back(r);
  }
  int media = 0;
  SQLite::Statement cards(db, R"sql(
    SELECT id, nid, CASE WHEN odid <> 0 THEN odid ELSE did END, ord, type, queue,
      CASE WHEN odid <> 0 THEN odue ELSE due END, ivl, factor, reps, lapses
    FROM cards ORDER BY nid, ord)sql");
  while (cards.executeStep()) {
    const auto note = notes.find(cards.getColumn(1).getInt64());
    if (note == notes.end()) continue;
    AnkiCard card;
    const auto deck = deck_names.find(cards.getColumn(2).getInt64());
    card.deck = deck == deck_names.end() ? "Default" : deck->second;
    card.ord = cards.getColumn(3).getInt();
    card.type = cards.getColumn(4).getInt();
    card.queue = cards.getColumn(5).getInt();
    card.due = cards.getColumn(6).getInt64();
    card.ivl = cards.getColumn(7).getInt();
    card.factor = cards.getColumn(8).getInt();
    card.reps = cards.getColumn(9).getInt();
    card.lapses = cards.getColumn(10).getInt();
    card.tags = note->second.tags;
    const auto& fields = note->second.fields;
    card.cloze = cloze_models.count(note->second.mid) > 0;
    const std::string first = fields.empty() ? "" : fields[0];
    const std::string second = fields.size() > 1 ? fields[1] : "";
    if (card.cloze) {
      card.front = html_to_markdown(first, &media);
    } else {
      // Template 0 asks the first field; another (`Basic (and reversed card)`) the second.
      card.front = html_to_markdown(card.ord == 0 ? first : second, &media);
      card.back = html_to_markdown(card.ord == 0 ? second : first, &media);
    }
    if (const auto it = revlog.find(cards.getColumn(0).getInt64()); it != revlog.end()) {
      card.revlog = it->second;
    }
    out.cards.push_back(std::move(card));
  }
  if (media > 0) {
    out.warnings.push_back(std::to_string(media) +
                           " images and sounds in the cards' fields are left out (recall holds "
                           "no media)");
  }
  return out;
}

}  // namespace

AnkiCollection read_anki_package(const fs::path& file) {
  const fs::path temporary =
      fs::temp_directory_path() / ("recall-anki-" + std::to_string(::getpid()) + ".anki2");
  std::error_code ec;
  try {
    const int media_files = extract_collection(file, temporary);
    AnkiCollection collection = read_collection(temporary, file);
    fs::remove(temporary, ec);
    if (media_files > 0) {
      collection.warnings.push_back(std::to_string(media_files) +
                                    " media files in the package are left out");
    }
    return collection;
  } catch (const SQLite::Exception& e) {
    fs::remove(temporary, ec);
    throw Error(std::string("not a readable Anki collection: ") + e.what(), file.string());
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
}

}  // namespace recall::interop
