// Schema migrations keyed by PRAGMA user_version, one transaction each.
#include <array>
#include <string>

#include "impl.hpp"
#include "recall/core/error.hpp"

namespace recall::store {
namespace {

// Append only: migration i takes user_version i to i+1.
constexpr std::array<const char*, 4> kMigrations = {
    R"sql(
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
  match_key TEXT NOT NULL,
  deck TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL DEFAULT '',
  confidence REAL NOT NULL DEFAULT 1.0,
  source TEXT NOT NULL,
  line INTEGER NOT NULL,
  ord INTEGER NOT NULL DEFAULT 0,
  context TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL DEFAULT 'new'
    CHECK (state IN ('new', 'learning', 'review', 'suspended', 'retired')),
  repetitions INTEGER NOT NULL DEFAULT 0,
  interval_days INTEGER NOT NULL DEFAULT 0,
  ef_centi INTEGER NOT NULL DEFAULT 250,
  lapses INTEGER NOT NULL DEFAULT 0,
  due TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (note_id, match_key)
);
CREATE INDEX cards_state_due ON cards (state, due);
CREATE INDEX cards_deck ON cards (deck);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  reviewed_at TEXT NOT NULL,
  review_day TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
  kind TEXT NOT NULL CHECK (kind IN ('new', 'scheduled', 'drill')),
  state_before TEXT NOT NULL,
  state_after TEXT NOT NULL,
  repetitions_before INTEGER NOT NULL,
  repetitions_after INTEGER NOT NULL,
  interval_before INTEGER NOT NULL,
  interval_after INTEGER NOT NULL,
  ef_before INTEGER NOT NULL,
  ef_after INTEGER NOT NULL,
  due_after TEXT,
  answer_ms INTEGER NOT NULL
);
CREATE INDEX reviews_card ON reviews (card_id);
CREATE INDEX reviews_day ON reviews (review_day, kind);
)sql",
    // 2: tags from the note's front matter.
    "ALTER TABLE cards ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';",
    // 3: size and modification time, so that an unchanged file is not read again.
    "ALTER TABLE notes ADD COLUMN size INTEGER NOT NULL DEFAULT -1;"
    "ALTER TABLE notes ADD COLUMN mtime_ns INTEGER NOT NULL DEFAULT -1;"
    "ALTER TABLE notes ADD COLUMN extract_salt TEXT NOT NULL DEFAULT '';",
    // 4: the review session: cards buried until a review day, leeches, per-deck daily limits.
    R"sql(
ALTER TABLE cards ADD COLUMN buried_until TEXT;
ALTER TABLE cards ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;
CREATE TABLE deck_limits (
  deck TEXT PRIMARY KEY,
  new_per_day INTEGER CHECK (new_per_day >= 0),
  reviews_per_day INTEGER CHECK (reviews_per_day >= 0)
);
)sql",
};

}  // namespace

void migrate(SQLite::Database& db, const std::string& where) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  const int latest = static_cast<int>(kMigrations.size());
  if (version > latest) {
    throw Error("database schema version " + std::to_string(version) +
                    " is newer than this recall understands (" + std::to_string(latest) +
                    "); upgrade recall",
                where);
  }
  for (int v = version; v < latest; ++v) {
    SQLite::Transaction transaction(db);
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    transaction.commit();
  }
}

}  // namespace recall::store
