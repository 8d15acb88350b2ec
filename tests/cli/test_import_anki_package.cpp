// End-to-end: `recall import-anki` on Anki packages built here by hand, independently of recall's
// own exporter: a collection written with SQLite in Anki's legacy schema (`collection.anki2`) or
// its newer one (`collection.anki21b`, zstd-compressed, as Anki 2.1.50 and later export), with
// Basic and Cloze notes, schedules and a review log, zipped by the `zip` CLI (.ci/install-deps).
#include <sqlite3.h>
#include <strings.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

#include "harness.hpp"

using recall::test::read_all;
using recall::test::Sandbox;

namespace {

namespace fs = std::filesystem;

// 2026-01-01T00:00:00Z: the collection's creation, from which review cards' due days count.
constexpr long long kCreated = 1767225600;
constexpr long long kDay = 86400;

// Milliseconds since the epoch of `day` days after kCreated at `hour`:`minute` UTC, as revlog ids.
long long at_ms(int day, int hour, int minute = 0) {
  return (kCreated + day * kDay + hour * 3600 + minute * 60) * 1000;
}

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO(sql << "\n" << (error ? error : ""));
  sqlite3_free(error);
  REQUIRE(rc == SQLITE_OK);
}

// Anki's collation on names in the newer schema.
int unicase(void*, int a_size, const void* a, int b_size, const void* b) {
  const int order = ::strncasecmp(static_cast<const char*>(a), static_cast<const char*>(b),
                                  static_cast<std::size_t>(std::min(a_size, b_size)));
  return order != 0 ? order : a_size - b_size;
}

// Anki's legacy tables (schema 11), which the newer schema keeps for notes, cards and revlog.
constexpr const char* kLegacySchema = R"sql(
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
)sql";

// What the newer schema (15 and later) adds: note types, fields, templates and decks in tables,
// their settings as protobuf blobs, deck names separated by \x1f.
constexpr const char* kNewerSchema = R"sql(
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL,
  mtime_secs integer NOT NULL, val blob NOT NULL) WITHOUT ROWID;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL) WITHOUT ROWID;
)sql";

constexpr long long kBasic = 1001, kCloze = 1002;  // note type ids
constexpr long long kDefault = 1, kCells = 2001;   // deck ids
constexpr long long kAtpCard = 11, kMitoCard = 21, kAtpClozeCard = 22, kSkinCard = 31;

// The notes, cards and review log both packages hold.
void add_content(sqlite3* db) {
  exec(db, R"sql(
INSERT INTO notes VALUES
  (1, 'g1', 1001, 0, -1, ' bio energy ', 'What does <b>ATP</b> store?' || char(31) ||
     'Energy<br>for the cell', 'What does ATP store?', 0, 0, ''),
  (2, 'g2', 1002, 0, -1, ' bio ', '{{c1::Mitochondria}} make {{c2::ATP}}.' || char(31) || '',
     '', 0, 0, ''),
  (3, 'g3', 1001, 0, -1, '', 'Largest organ?' || char(31) || 'The skin', 'Largest organ?', 0, 0,
     '');
)sql");
  // id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid
  exec(db, R"sql(
INSERT INTO cards VALUES
  (11, 1, 2001, 0, 0, -1, 2, 2, 70, 10, 2300, 5, 1, 0, 0, 0, 0, ''),
  (21, 2, 2001, 0, 0, -1, 2, 2, 65, 5, 2500, 1, 0, 0, 0, 0, 0, ''),
  (22, 2, 2001, 1, 0, -1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, ''),
  (31, 3, 1, 0, 0, -1, 2, -1, 80, 20, 2600, 3, 0, 0, 0, 0, 0, '');
)sql");
  // id (ms), cid, usn, ease, ivl, lastIvl, factor, time (ms), type
  const std::string rows[] = {
      // ATP: good (learning step), good again that day, easy, again, a manual reschedule, hard.
      std::to_string(at_ms(31, 10)) + ", 11, -1, 3, -600, 0, 2500, 8000, 0",
      std::to_string(at_ms(31, 10, 10)) + ", 11, -1, 3, 1, -600, 2500, 4000, 0",
      std::to_string(at_ms(32, 9)) + ", 11, -1, 4, 4, 1, 2650, 3000, 1",
      std::to_string(at_ms(36, 9)) + ", 11, -1, 1, -600, 4, 2450, 12000, 1",
      std::to_string(at_ms(37, 9)) + ", 11, -1, 0, 0, 0, 2450, 0, 4",
      std::to_string(at_ms(40, 9)) + ", 11, -1, 2, 10, 1, 2300, 6000, 2",
      // Mitochondria: one good answer.
      std::to_string(at_ms(50, 9)) + ", 21, -1, 3, 5, 0, 2500, 5000, 0",
  };
  for (const auto& row : rows) exec(db, "INSERT INTO revlog VALUES (" + row + ")");
}

sqlite3* open_new(const fs::path& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_create_collation(db, "unicase", SQLITE_UTF8, nullptr, unicase);
  return db;
}

// A collection in the legacy schema: note types and decks as JSON in the `col` row. With
// `dummy`, only the note Anki 2.1.50 writes for older versions into `collection.anki2`.
void write_legacy_collection(const fs::path& path, bool dummy = false) {
  sqlite3* db = open_new(path);
  exec(db, kLegacySchema);
  const std::string models =
      R"({"1001": {"id": 1001, "name": "Basic", "type": 0, "flds": [{"name": "Front"}, )"
      R"({"name": "Back"}]}, "1002": {"id": 1002, "name": "Cloze", "type": 1, )"
      R"("flds": [{"name": "Text"}, {"name": "Back Extra"}]}})";
  const std::string decks =
      R"({"1": {"id": 1, "name": "Default"}, "2001": {"id": 2001, "name": "Biology::Cells"}})";
  exec(db, "INSERT INTO col VALUES (1, " + std::to_string(kCreated) +
               ", 0, 0, 11, 0, 0, 0, '{}', '" + models + "', '" + decks + "', '{}', '{}')");
  if (dummy) {
    exec(db,
         "INSERT INTO notes VALUES (9, 'g9', 1001, 0, -1, '', 'Please update to the latest "
         "Anki version, then import the .colpkg/.apkg file again.' || char(31) || '', '', 0, "
         "0, '')");
    exec(db, "INSERT INTO cards VALUES (91, 9, 1, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  } else {
    add_content(db);
  }
  sqlite3_close(db);
}

// A collection in the newer schema (18) as Anki 2.1.50+ keeps it: the `col` row's JSON empty.
void write_newer_collection(const fs::path& path) {
  sqlite3* db = open_new(path);
  exec(db, kLegacySchema);
  exec(db, kNewerSchema);
  exec(db, "INSERT INTO col VALUES (1, " + std::to_string(kCreated) +
               ", 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
  // Notetype.Config: field 3 (css) in both; field 1 (kind) = 1 for the cloze type, left out for
  // the normal one as proto3 leaves defaults out.
  exec(db,
       "INSERT INTO notetypes VALUES (1001, 'Basic', 0, -1, x'1a032e6361'), "
       "(1002, 'Cloze', 0, -1, x'08011a032e6361')");
  exec(db,
       "INSERT INTO fields VALUES (1001, 0, 'Front', x''), (1001, 1, 'Back', x''), "
       "(1002, 0, 'Text', x''), (1002, 1, 'Back Extra', x'')");
  exec(db,
       "INSERT INTO templates VALUES (1001, 0, 'Card 1', 0, -1, x''), "
       "(1002, 0, 'Cloze', 0, -1, x'')");
  exec(db,
       "INSERT INTO decks VALUES (1, 'Default', 0, -1, x'', x'0a00'), "
       "(2001, 'Biology' || char(31) || 'Cells', 0, -1, x'', x'0a00')");
  add_content(db);
  sqlite3_close(db);
}

void run_tool(const std::string& command) {
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
}

// Zips the files `names` of `folder` into `package`.
void zip_package(const fs::path& folder, const fs::path& package,
                 const std::vector<std::string>& names) {
  std::string command = "cd '" + folder.string() + "' && zip -q -X '" + package.string() + "'";
  for (const auto& name : names) command += " " + name;
  run_tool(command);
}

std::map<std::string, nlohmann::json> backup_cards(const Sandbox& box) {
  const fs::path backup = box.dir() / "backup.json";
  REQUIRE(box.run({"export", "--format", "json", backup.string()}).exit_code == 0);
  std::map<std::string, nlohmann::json> cards;
  const auto document = nlohmann::json::parse(read_all(backup));
  for (const auto& card : document["cards"]) {
    cards[card["question"].get<std::string>()] = card;
  }
  return cards;
}

// What both packages must give: every card, its deck, Anki's schedule, and every answer of the
// review log as an SM-2 grade (docs/scheduling.md: again 1, hard 3, good 4, easy 5).
void check_imported(const Sandbox& box, const fs::path& package) {
  const auto result =
      box.run({"import-anki", package.string(), "--into", (box.dir() / "notes").string()});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("Read 4 Anki cards") &&
                             Catch::Contains("3 with Anki's schedule (6 answers logged)"));
  CHECK(fs::exists(box.dir() / "notes" / "Biology" / "Cells.md"));
  CHECK(fs::exists(box.dir() / "notes" / "Default.md"));

  auto cards = backup_cards(box);
  REQUIRE(cards.size() == 4);  // the dummy note of a newer package is not among them

  const auto& atp = cards["What does **ATP** store?"];
  CHECK(atp["answer"] == "Energy\nfor the cell");
  CHECK(atp["deck"] == "Biology/Cells");
  CHECK(atp["tags"] == nlohmann::json::array({"bio", "energy"}));
  CHECK(atp["state"] == "review");
  CHECK(atp["due"] == "2026-03-12");  // due day 70 after 2026-01-01
  CHECK(atp["interval_days"] == 10);
  CHECK(atp["ef_centi"] == 230);
  CHECK(atp["lapses"] == 1);
  const auto& log = atp["reviews"];
  REQUIRE(log.size() == 5);  // the manual reschedule (revlog type 4) is no answer
  const int grades[] = {4, 4, 5, 1, 3};
  const char* kinds[] = {"new", "drill", "scheduled", "scheduled", "scheduled"};
  const char* days[] = {"2026-02-01", "2026-02-01", "2026-02-02", "2026-02-06", "2026-02-10"};
  const int intervals_after[] = {1, 1, 4, 1, 10};
  const int efs_after[] = {250, 250, 265, 245, 230};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("answer " << i << ": " << log[i].dump());
    CHECK(log[i]["grade"] == grades[i]);
    CHECK(log[i]["kind"] == kinds[i]);
    CHECK(log[i]["review_day"] == days[i]);
    CHECK(log[i]["interval_after"] == intervals_after[i]);
    CHECK(log[i]["ef_after"] == efs_after[i]);
  }
  CHECK(log[0]["answer_ms"] == 8000);
  CHECK(log[3]["state_after"] == "learning");  // again: a lapse back to learning

  // A cloze note: one card per deletion, each with its own Anki card's schedule.
  const auto& mito = cards["[...] make ATP."];
  CHECK(mito["kind"] == "cloze");
  CHECK(mito["answer"] == "Mitochondria");
  CHECK(mito["due"] == "2026-03-07");
  CHECK(mito["interval_days"] == 5);
  REQUIRE(mito["reviews"].size() == 1);
  CHECK(mito["reviews"][0]["grade"] == 4);
  const auto& atp_cloze = cards["Mitochondria make [...]."];
  CHECK(atp_cloze["kind"] == "cloze");
  CHECK(atp_cloze["answer"] == "ATP");
  CHECK(atp_cloze["state"] == "new");  // new in Anki
  CHECK(atp_cloze["reviews"].empty());

  // A suspended review card stays suspended, its schedule kept; its deck is Anki's Default.
  const auto& skin = cards["Largest organ?"];
  CHECK(skin["deck"] == "Default");
  CHECK(skin["state"] == "suspended");
  CHECK(skin["interval_days"] == 20);
  CHECK(skin["due"] == "2026-03-22");

  // `recall show` prints the same log.
  const auto shown = box.run({"show", atp["key"].get<std::string>()});
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("Schedule: review, due 2026-03-12, interval 10 d, "
                                        "E-Factor 2.30") &&
                            Catch::Contains("Reviews: 5") && Catch::Contains("grade 1") &&
                            Catch::Contains("grade 3") && Catch::Contains("grade 5"));
}

}  // namespace

TEST_CASE("import-anki: a legacy package with Basic and Cloze notes, schedules and revlog",
          "[import-anki]") {
  Sandbox box;
  const fs::path build = box.dir() / "build";
  fs::create_directories(build);
  write_legacy_collection(build / "collection.anki2");
  zip_package(build, box.dir() / "legacy.apkg", {"collection.anki2"});
  check_imported(box, box.dir() / "legacy.apkg");
}

TEST_CASE("import-anki: a collection.anki21b package (Anki 2.1.50+, zstd, newer schema)",
          "[import-anki]") {
  Sandbox box;
  const fs::path build = box.dir() / "build";
  fs::create_directories(build);
  write_newer_collection(build / "collection.sqlite");
  run_tool("zstd -q -f '" + (build / "collection.sqlite").string() + "' -o '" +
           (build / "collection.anki21b").string() + "'");
  // Beside it, as Anki writes them: the dummy collection.anki2 for older versions and `meta`
  // (PackageMetadata, version 3).
  write_legacy_collection(build / "collection.anki2", /*dummy=*/true);
  recall::test::write_file(build / "meta", std::string("\x08\x03", 2));
  zip_package(build, box.dir() / "latest.apkg", {"meta", "collection.anki21b", "collection.anki2"});
  check_imported(box, box.dir() / "latest.apkg");
}

TEST_CASE("import-anki: a package whose collection.anki21b is not zstd is named", "[import-anki]") {
  Sandbox box;
  const fs::path build = box.dir() / "build";
  fs::create_directories(build);
  recall::test::write_file(build / "collection.anki21b", "not zstd at all");
  zip_package(build, box.dir() / "broken.apkg", {"collection.anki21b"});
  const auto result = box.run({"import-anki", (box.dir() / "broken.apkg").string(), "--into",
                               (box.dir() / "notes").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("broken.apkg") && Catch::Contains("cannot unpack collection.anki21b"));
  CHECK(!fs::exists(box.dir() / "notes"));
}
