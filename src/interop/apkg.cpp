// Anki packages out. The collection is an SQLite database of Anki's legacy schema (version 11,
// as in Anki's `rslib/src/storage/schema11.sql`); it is written with SQLiteCpp and zipped with
// libzip. Anki's database is not recall's store, hence SQLiteCpp here as well as in src/store/.
#include "recall/interop/apkg.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"
#include "recall/interop/anki_text.hpp"

namespace recall::interop {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::int64_t kModelId = 1700000000001;  // "recall Basic": fixed, so Anki reuses it
constexpr char kFieldSeparator = '\x1f';

// SHA-1 (FIPS 180-4), for the note checksum Anki keeps to find duplicates: the first 8 hex
// digits of the SHA-1 of the first field, as an integer.
std::array<std::uint8_t, 20> sha1(const std::string& text) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string message = text;
  const std::uint64_t bits = static_cast<std::uint64_t>(text.size()) * 8;
  message += static_cast<char>(0x80);
  while (message.size() % 64 != 56) message += '\0';
  for (int i = 7; i >= 0; --i) message += static_cast<char>((bits >> (8 * i)) & 0xff);
  auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (std::size_t chunk = 0; chunk < message.size(); chunk += 64) {
    std::uint32_t w[80];
    for (std::size_t i = 0; i < 16; ++i) {
      w[i] = 0;
      for (std::size_t b = 0; b < 4; ++b) {
        w[i] = (w[i] << 8) | static_cast<unsigned char>(message[chunk + 4 * i + b]);
      }
    }
    for (std::size_t i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (std::size_t i = 0; i < 80; ++i) {
      std::uint32_t f = 0, k = 0;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (std::size_t i = 0; i < 20; ++i) {
    out[i] = static_cast<std::uint8_t>((h[i / 4] >> (24 - 8 * (i % 4))) & 0xff);
  }
  return out;
}

std::int64_t field_checksum(const std::string& field) {
  const auto digest = sha1(field);
  std::int64_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | digest[i];
  return value;
}

// A deck's id: stable for its name (so a second export lands in the same deck), positive and
// below 2^52, which JavaScript readers hold exactly.
std::int64_t deck_id(const std::string& name) {
  if (name == "Default") return 1;
  return static_cast<std::int64_t>(core::fnv1a64(name) >> 12) + 2;
}

Json deck_json(const std::string& name, std::int64_t id, std::int64_t mod) {
  return Json{{"id", id},           {"name", name},          {"desc", ""},
              {"mod", mod},         {"usn", -1},             {"collapsed", false},
              {"browserCollapsed", false},                   {"newToday", {0, 0}},
              {"revToday", {0, 0}}, {"lrnToday", {0, 0}},    {"timeToday", {0, 0}},
              {"dyn", 0},           {"conf", 1},             {"extendNew", 10},
              {"extendRev", 50}};
}

Json model_json(std::int64_t mod) {
  auto field = [](const char* name, int ord) {
    return Json{{"name", name}, {"ord", ord},     {"sticky", false}, {"rtl", false},
                {"font", "Arial"}, {"size", 20}, {"media", Json::array()}};
  };
  return Json{
      {"id", kModelId},
      {"name", "recall Basic"},
      {"type", 0},
      {"mod", mod},
      {"usn", -1},
      {"sortf", 0},
      {"did", 1},
      {"tags", Json::array()},
      {"vers", Json::array()},
      {"flds", {field("Front", 0), field("Back", 1)}},
      {"tmpls",
       {Json{{"name", "Card 1"},
             {"ord", 0},
             {"qfmt", "{{Front}}"},
             {"afmt", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"},
             {"bqfmt", ""},
             {"bafmt", ""},
             {"did", nullptr}}}},
      {"css",
       ".card {\n  font-family: arial;\n  font-size: 20px;\n  text-align: left;\n  color: black;\n"
       "  background-color: white;\n}\n"},
      {"latexPre",
       "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}"
       "\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n"
       "\\begin{document}\n"},
      {"latexPost", "\\end{document}"},
      {"req", {{0, "any", {0}}}}};
}

Json dconf_json() {
  return Json{{"1",
               {{"id", 1},
                {"name", "Default"},
                {"mod", 0},
                {"usn", 0},
                {"maxTaken", 60},
                {"autoplay", true},
                {"timer", 0},
                {"replayq", true},
                {"dyn", false},
                {"new",
                 {{"delays", {1, 10}},
                  {"ints", {1, 4, 0}},
                  {"initialFactor", 2500},
                  {"separate", true},
                  {"order", 1},
                  {"perDay", 20},
                  {"bury", false}}},
                {"lapse",
                 {{"delays", {10}},
                  {"mult", 0},
                  {"minInt", 1},
                  {"leechFails", 8},
                  {"leechAction", 1}}},
                {"rev",
                 {{"perDay", 200},
                  {"ease4", 1.3},
                  {"fuzz", 0.05},
                  {"minSpace", 1},
                  {"ivlFct", 1},
                  {"maxIvl", 36500},
                  {"bury", false},
                  {"hardFactor", 1.2}}}}}};
}

constexpr const char* kSchema = R"sql(
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
)sql";

void write_collection(const std::vector<store::Card>& cards, const fs::path& path,
                      const ApkgOptions& options) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Transaction transaction(db);
  db.exec(kSchema);
  const std::int64_t mod = options.now_ms / 1000;

  Json decks = Json::object();
  decks["1"] = deck_json("Default", 1, mod);
  for (const auto& card : cards) {
    const std::string name = anki_deck(card.deck);
    // Every parent too: `a::b::c` needs `a` and `a::b`.
    for (std::size_t at = name.find("::");; at = name.find("::", at + 2)) {
      const std::string prefix = at == std::string::npos ? name : name.substr(0, at);
      const std::int64_t id = deck_id(prefix);
      decks[std::to_string(id)] = deck_json(prefix, id, mod);
      if (at == std::string::npos) break;
    }
  }
  const Json conf{{"nextPos", static_cast<std::int64_t>(cards.size()) + 1},
                  {"estTimes", true},
                  {"activeDecks", {1}},
                  {"sortType", "noteFld"},
                  {"timeLim", 0},
                  {"sortBackwards", false},
                  {"addToCur", true},
                  {"curDeck", 1},
                  {"newSpread", 0},
                  {"dueCounts", true},
                  {"curModel", std::to_string(kModelId)},
                  {"collapseTime", 1200}};
  const Json models{{std::to_string(kModelId), model_json(mod)}};
  SQLite::Statement col(db, R"sql(
    INSERT INTO col VALUES (1, :crt, :mod, :scm, 11, 0, 0, 0, :conf, :models, :decks, :dconf,
      '{}'))sql");
  // The collection was created on `today` at the rollover hour: due days count from then.
  const auto crt = std::chrono::sys_seconds(options.today) + std::chrono::hours(options.rollover_hour);
  col.bind(":crt", static_cast<std::int64_t>(crt.time_since_epoch().count()));
  col.bind(":mod", options.now_ms);
  col.bind(":scm", options.now_ms);
  col.bind(":conf", conf.dump());
  col.bind(":models", models.dump());
  col.bind(":decks", decks.dump());
  col.bind(":dconf", dconf_json().dump());
  col.exec();

  SQLite::Statement note(db, R"sql(
    INSERT INTO notes VALUES (:id, :guid, :mid, :mod, -1, :tags, :flds, :sfld, :csum, 0, ''))sql");
  SQLite::Statement row(db, R"sql(
    INSERT INTO cards VALUES (:id, :nid, :did, 0, :mod, -1, :type, :queue, :due, :ivl, :factor,
      :reps, :lapses, 0, 0, 0, 0, ''))sql");
  int position = 0;
  for (const auto& card : cards) {
    const std::int64_t id = options.now_ms + position;
    const std::string front = html_field(card.question);
    const std::string back = html_field(card.answer);
    std::string tags;
    for (const auto& tag : card.tags) tags += " " + anki_tag(tag);
    if (!tags.empty()) tags += " ";
    note.bind(":id", id);
    note.bind(":guid", card.key);
    note.bind(":mid", kModelId);
    note.bind(":mod", mod);
    note.bind(":tags", tags);
    note.bind(":flds", front + kFieldSeparator + back);
    note.bind(":sfld", front);
    note.bind(":csum", field_checksum(front));
    note.exec();
    note.reset();
    ++position;
    const AnkiSchedule s = anki_schedule(card, options.today, position, options.with_schedule);
    row.bind(":id", id);
    row.bind(":nid", id);
    row.bind(":did", deck_id(anki_deck(card.deck)));
    row.bind(":mod", mod);
    row.bind(":type", s.type);
    row.bind(":queue", s.queue);
    row.bind(":due", s.due);
    row.bind(":ivl", s.ivl);
    row.bind(":factor", s.factor);
    row.bind(":reps", s.reps);
    row.bind(":lapses", s.lapses);
    row.exec();
    row.reset();
  }
  transaction.commit();
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

void zip_package(const fs::path& collection, const fs::path& file) {
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(
      zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_error_t z;
    zip_error_init_with_code(&z, error);
    const std::string message = zip_error_strerror(&z);
    zip_error_fini(&z);
    throw Error("cannot write the package: " + message, file.string());
  }
  auto fail = [&] {
    throw Error(std::string("cannot write the package: ") + zip_strerror(archive.get()),
                file.string());
  };
  zip_source_t* db = zip_source_file(archive.get(), collection.c_str(), 0, 0);
  if (!db) fail();
  if (zip_file_add(archive.get(), "collection.anki2", db, ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(db);
    fail();
  }
  static constexpr char kMedia[] = "{}";  // no media files
  zip_source_t* media = zip_source_buffer(archive.get(), kMedia, sizeof kMedia - 1, 0);
  if (!media) fail();
  if (zip_file_add(archive.get(), "media", media, ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(media);
    fail();
  }
  if (zip_close(archive.get()) != 0) fail();
  archive.release();  // closed and written
}

}  // namespace

AnkiSchedule anki_schedule(const store::Card& card, std::chrono::sys_days today, int position,
                           bool with_schedule) {
  AnkiSchedule s;
  s.due = position;
  const auto& sm2 = card.sm2;
  if (!with_schedule || !sm2.due || sm2.interval_days <= 0) {
    s.queue = with_schedule && sm2.state == schedule::CardState::suspended ? -1 : 0;
    return s;
  }
  s.type = 2;
  s.queue = sm2.state == schedule::CardState::suspended ? -1 : 2;
  s.due = (*sm2.due - today).count();
  s.ivl = sm2.interval_days;
  s.factor = sm2.ef_centi * 10;
  s.reps = card.reviews;
  s.lapses = sm2.lapses;
  return s;
}

void write_apkg(const std::vector<store::Card>& cards, const fs::path& file,
                const ApkgOptions& options) {
  const std::string pid = std::to_string(::getpid());
  const fs::path collection = file.string() + "." + pid + ".anki2.tmp";
  const fs::path temporary = file.string() + "." + pid + ".tmp";
  std::error_code ec;
  try {
    write_collection(cards, collection, options);
    zip_package(collection, temporary);
  } catch (const SQLite::Exception& e) {
    fs::remove(collection, ec);
    fs::remove(temporary, ec);
    throw Error(std::string("cannot write the package: ") + e.what(), file.string());
  } catch (...) {
    fs::remove(collection, ec);
    fs::remove(temporary, ec);
    throw;
  }
  fs::remove(collection, ec);
  fs::rename(temporary, file, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw Error("cannot write the package: " + ec.message(), file.string());
  }
}

}  // namespace recall::interop
