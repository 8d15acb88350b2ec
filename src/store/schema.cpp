// Schema migrations keyed by PRAGMA user_version, one transaction each.
#include <array>
#include <string>

#include "impl.hpp"
#include "recall/core/error.hpp"
#include "recall/store/backups.hpp"

namespace recall::store {
namespace {

// Append only: migration i takes user_version i to i+1.
constexpr std::array<const char*, 12> kMigrations = {
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
    // 5: `recall stats` on large collections: review totals per day and per card, kept by
    // triggers on the review log (an undo deletes its row and takes it back out), and indexes
    // for counting cards by state, interval and E-Factor. See docs/stats.md. Totals are rebuilt
    // from the log, so running this again over a downgraded database is safe; no index names
    // `leech`, which a downgrade to version 3 drops.
    R"sql(
DROP TABLE IF EXISTS review_day_totals;
DROP TABLE IF EXISTS card_review_totals;
DROP TRIGGER IF EXISTS reviews_totals_insert;
DROP TRIGGER IF EXISTS reviews_totals_delete;
CREATE TABLE review_day_totals (
  day TEXT PRIMARY KEY,
  answers INTEGER NOT NULL DEFAULT 0,
  new_cards INTEGER NOT NULL DEFAULT 0,
  drills INTEGER NOT NULL DEFAULT 0,
  answer_ms INTEGER NOT NULL DEFAULT 0,
  young INTEGER NOT NULL DEFAULT 0,
  young_passed INTEGER NOT NULL DEFAULT 0,
  mature INTEGER NOT NULL DEFAULT 0,
  mature_passed INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE card_review_totals (
  card_id INTEGER PRIMARY KEY,
  scheduled INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO review_day_totals
  SELECT review_day, count(*), sum(kind = 'new'), sum(kind = 'drill'), sum(answer_ms),
    sum(kind = 'scheduled' AND interval_before < 21),
    sum(kind = 'scheduled' AND interval_before < 21 AND grade >= 3),
    sum(kind = 'scheduled' AND interval_before >= 21),
    sum(kind = 'scheduled' AND interval_before >= 21 AND grade >= 3)
  FROM reviews GROUP BY review_day;
INSERT INTO card_review_totals
  SELECT card_id, count(*), sum(grade >= 3) FROM reviews WHERE kind = 'scheduled' GROUP BY card_id;
CREATE TRIGGER reviews_totals_insert AFTER INSERT ON reviews BEGIN
  INSERT INTO review_day_totals (day, answers, new_cards, drills, answer_ms, young, young_passed,
    mature, mature_passed)
  VALUES (new.review_day, 1, new.kind = 'new', new.kind = 'drill', new.answer_ms,
    new.kind = 'scheduled' AND new.interval_before < 21,
    new.kind = 'scheduled' AND new.interval_before < 21 AND new.grade >= 3,
    new.kind = 'scheduled' AND new.interval_before >= 21,
    new.kind = 'scheduled' AND new.interval_before >= 21 AND new.grade >= 3)
  ON CONFLICT (day) DO UPDATE SET answers = answers + 1,
    new_cards = new_cards + excluded.new_cards, drills = drills + excluded.drills,
    answer_ms = answer_ms + excluded.answer_ms, young = young + excluded.young,
    young_passed = young_passed + excluded.young_passed, mature = mature + excluded.mature,
    mature_passed = mature_passed + excluded.mature_passed;
  INSERT INTO card_review_totals (card_id, scheduled, passed)
    SELECT new.card_id, 1, new.grade >= 3 WHERE new.kind = 'scheduled'
  ON CONFLICT (card_id) DO UPDATE SET scheduled = scheduled + 1,
    passed = passed + excluded.passed;
END;
CREATE TRIGGER reviews_totals_delete AFTER DELETE ON reviews BEGIN
  UPDATE review_day_totals SET answers = answers - 1,
    new_cards = new_cards - (old.kind = 'new'), drills = drills - (old.kind = 'drill'),
    answer_ms = answer_ms - old.answer_ms,
    young = young - (old.kind = 'scheduled' AND old.interval_before < 21),
    young_passed = young_passed -
      (old.kind = 'scheduled' AND old.interval_before < 21 AND old.grade >= 3),
    mature = mature - (old.kind = 'scheduled' AND old.interval_before >= 21),
    mature_passed = mature_passed -
      (old.kind = 'scheduled' AND old.interval_before >= 21 AND old.grade >= 3)
  WHERE day = old.review_day;
  UPDATE card_review_totals SET scheduled = scheduled - 1, passed = passed - (old.grade >= 3)
  WHERE card_id = old.card_id AND old.kind = 'scheduled';
END;
CREATE INDEX IF NOT EXISTS cards_census ON cards (state, interval_days, ef_centi);
CREATE INDEX IF NOT EXISTS cards_lapses ON cards (lapses) WHERE lapses > 0;
)sql",
    // The review queue in its order, so that a session reads the few cards it shows rather than
    // sorting every due card (half a million in the 1M-card bench) before the first one.
    R"sql(
CREATE INDEX cards_due_queue ON cards (due, deck, source, ord, buried_until)
  WHERE state IN ('learning', 'review');
CREATE INDEX cards_new_queue ON cards (deck, source, ord, buried_until) WHERE state = 'new';
CREATE INDEX cards_buried ON cards (buried_until) WHERE buried_until IS NOT NULL;
)sql",
    // Issue 11: note roots, the folders `recall import` was given (absolute paths). Decks are
    // named from a note's path below its root; `recall import` alone imports them all again.
    R"sql(
CREATE TABLE IF NOT EXISTS roots (
  path TEXT PRIMARY KEY,
  added_at TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // Issue 11: a note that goes away keeps the hash of its last content, so that the same
    // content found at another path later brings its retired cards back (sync/moves.hpp).
    R"sql(
ALTER TABLE notes ADD COLUMN gone_hash TEXT NOT NULL DEFAULT '';
)sql",
    // Issue 13: reviews_day covers the card and the grade too, so that `recall stats --since`
    // sums the scheduled reviews since a day from the index alone instead of looking up each
    // log row (641,000 scattered rows since 2026-01-01 in the 10M-review bench). Same name and
    // leading columns: every query that used it still does.
    R"sql(
DROP INDEX IF EXISTS reviews_day;
CREATE INDEX reviews_day ON reviews (review_day, kind, card_id, grade);
)sql",
    // Issue 13, cheaper writes: cards_state_due goes; the queries that used it (due counts for
    // `recall stats`, `recall cards --due`) read cards_due_queue, whose leading column is the
    // due date of exactly those cards (docs/ARCHITECTURE.md lists each index with its queries).
    // cards_deck also covers the note and the headings, so that `recall stats --by section`
    // groups cards from the index instead of reading every card's row (the 276 MB cards table
    // of the 1M-card bench), without one more index for an import to write. The CHECK lists are
    // rewritten by rewrite_check_lists() below, in the same transaction.
    R"sql(
DROP INDEX IF EXISTS cards_state_due;
DROP INDEX IF EXISTS cards_deck;
CREATE INDEX cards_deck ON cards (deck, note_id, context);
)sql",
    // Issue 10, duplicates across notes: a card a note would make that another note's card already
    // is (same kind and question, same answer) is left out, and kept here with the key of the card
    // it defers to, so that it comes back, with that card's history, when that card retires
    // (src/store/duplicates.cpp). Its note's rows are rewritten each time the note is parsed.
    R"sql(
CREATE TABLE IF NOT EXISTS duplicates (
  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  match_key TEXT NOT NULL,
  card_key TEXT NOT NULL,
  deck TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  source TEXT NOT NULL,
  line INTEGER NOT NULL,
  context TEXT NOT NULL,
  tags TEXT NOT NULL,
  PRIMARY KEY (note_id, match_key)
) WITHOUT ROWID;
)sql",
    // Issue 13, `recall stats --by section` and `--by deck` without reading every card: the
    // scheduled reviews of each section (deck, note, headings; a gone note's cards by their
    // source) and the census of cards by state, interval and E-Factor, kept by triggers in the
    // transaction of every write, so that the queries read a row per section or per census
    // group instead of a million cards. A section's figures are those of its cards'
    // card_review_totals rows (the cards with a scheduled review, their reviews and passes):
    // a change there (an answer, an undo, a card's deletion cascading to its log) moves the
    // section; a card that changes section (deck, note, headings; its note deleted) takes its
    // totals along. A card is taken out of its section before it is deleted: the cascade on its
    // log runs after its row is gone, when its section can no longer be found. A section or
    // census row that falls to zero is removed. Both tables are filled from the rows already
    // stored, in this migration's transaction; what an earlier run left is dropped first.
    R"sql(
DROP TRIGGER IF EXISTS card_review_totals_insert;
DROP TRIGGER IF EXISTS card_review_totals_update;
DROP TRIGGER IF EXISTS card_review_totals_delete;
DROP TRIGGER IF EXISTS cards_totals_insert;
DROP TRIGGER IF EXISTS cards_census_update;
DROP TRIGGER IF EXISTS cards_section_update;
DROP TRIGGER IF EXISTS cards_totals_delete;
DROP TABLE IF EXISTS section_review_totals;
DROP TABLE IF EXISTS card_census;
CREATE TABLE section_review_totals (
  deck TEXT NOT NULL,
  note_id INTEGER NOT NULL,
  source TEXT NOT NULL,
  context TEXT NOT NULL,
  cards INTEGER NOT NULL DEFAULT 0,
  reviews INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (deck, note_id, source, context)
) WITHOUT ROWID;
CREATE TABLE card_census (
  state TEXT NOT NULL,
  interval_days INTEGER NOT NULL,
  ef_centi INTEGER NOT NULL,
  cards INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (state, interval_days, ef_centi)
) WITHOUT ROWID;
INSERT INTO section_review_totals (deck, note_id, source, context, cards, reviews, passed)
  SELECT c.deck, coalesce(c.note_id, 0), CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END,
    c.context, count(*), sum(t.scheduled), sum(t.passed)
  FROM card_review_totals t JOIN cards c ON c.id = t.card_id WHERE t.scheduled > 0
  GROUP BY 1, 2, 3, 4;
INSERT INTO card_census (state, interval_days, ef_centi, cards)
  SELECT state, interval_days, ef_centi, count(*) FROM cards GROUP BY 1, 2, 3;
CREATE TRIGGER card_review_totals_insert AFTER INSERT ON card_review_totals BEGIN
  INSERT INTO section_review_totals (deck, note_id, source, context, cards, reviews, passed)
    SELECT c.deck, coalesce(c.note_id, 0),
      CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END, c.context,
      new.scheduled > 0, new.scheduled, new.passed
    FROM cards c WHERE c.id = new.card_id
  ON CONFLICT (deck, note_id, source, context) DO UPDATE SET cards = cards + excluded.cards,
    reviews = reviews + excluded.reviews, passed = passed + excluded.passed;
END;
CREATE TRIGGER card_review_totals_update AFTER UPDATE ON card_review_totals BEGIN
  INSERT INTO section_review_totals (deck, note_id, source, context, cards, reviews, passed)
    SELECT c.deck, coalesce(c.note_id, 0),
      CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END, c.context,
      (new.scheduled > 0) - (old.scheduled > 0), new.scheduled - old.scheduled,
      new.passed - old.passed
    FROM cards c WHERE c.id = new.card_id
  ON CONFLICT (deck, note_id, source, context) DO UPDATE SET cards = cards + excluded.cards,
    reviews = reviews + excluded.reviews, passed = passed + excluded.passed;
  DELETE FROM section_review_totals WHERE new.scheduled = 0 AND old.scheduled > 0
    AND cards = 0 AND reviews = 0 AND passed = 0
    AND (deck, note_id, source, context) IN (SELECT c.deck, coalesce(c.note_id, 0),
      CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END, c.context
      FROM cards c WHERE c.id = new.card_id);
END;
CREATE TRIGGER card_review_totals_delete AFTER DELETE ON card_review_totals BEGIN
  UPDATE section_review_totals SET cards = cards - (old.scheduled > 0),
    reviews = reviews - old.scheduled, passed = passed - old.passed
  WHERE (deck, note_id, source, context) IN (SELECT c.deck, coalesce(c.note_id, 0),
      CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END, c.context
      FROM cards c WHERE c.id = old.card_id);
  DELETE FROM section_review_totals WHERE cards = 0 AND reviews = 0 AND passed = 0
    AND (deck, note_id, source, context) IN (SELECT c.deck, coalesce(c.note_id, 0),
      CASE WHEN c.note_id IS NULL THEN c.source ELSE '' END, c.context
      FROM cards c WHERE c.id = old.card_id);
END;
CREATE TRIGGER cards_totals_insert AFTER INSERT ON cards BEGIN
  INSERT INTO card_census (state, interval_days, ef_centi, cards)
    VALUES (new.state, new.interval_days, new.ef_centi, 1)
  ON CONFLICT (state, interval_days, ef_centi) DO UPDATE SET cards = cards + 1;
  INSERT INTO section_review_totals (deck, note_id, source, context, cards, reviews, passed)
    SELECT new.deck, coalesce(new.note_id, 0),
      CASE WHEN new.note_id IS NULL THEN new.source ELSE '' END, new.context,
      1, t.scheduled, t.passed
    FROM card_review_totals t WHERE t.card_id = new.id AND t.scheduled > 0
  ON CONFLICT (deck, note_id, source, context) DO UPDATE SET cards = cards + excluded.cards,
    reviews = reviews + excluded.reviews, passed = passed + excluded.passed;
END;
CREATE TRIGGER cards_census_update AFTER UPDATE OF state, interval_days, ef_centi ON cards
WHEN old.state IS NOT new.state OR old.interval_days IS NOT new.interval_days
  OR old.ef_centi IS NOT new.ef_centi BEGIN
  UPDATE card_census SET cards = cards - 1
  WHERE state = old.state AND interval_days = old.interval_days AND ef_centi = old.ef_centi;
  DELETE FROM card_census WHERE state = old.state AND interval_days = old.interval_days
    AND ef_centi = old.ef_centi AND cards = 0;
  INSERT INTO card_census (state, interval_days, ef_centi, cards)
    VALUES (new.state, new.interval_days, new.ef_centi, 1)
  ON CONFLICT (state, interval_days, ef_centi) DO UPDATE SET cards = cards + 1;
END;
CREATE TRIGGER cards_section_update AFTER UPDATE OF deck, note_id, source, context ON cards
WHEN old.deck IS NOT new.deck OR old.note_id IS NOT new.note_id OR old.context IS NOT new.context
  OR (new.note_id IS NULL AND old.source IS NOT new.source) BEGIN
  UPDATE section_review_totals SET cards = cards - 1,
    reviews = reviews - (SELECT scheduled FROM card_review_totals WHERE card_id = old.id),
    passed = passed - (SELECT passed FROM card_review_totals WHERE card_id = old.id)
  WHERE deck = old.deck AND note_id = coalesce(old.note_id, 0)
    AND source = CASE WHEN old.note_id IS NULL THEN old.source ELSE '' END
    AND context = old.context
    AND EXISTS (SELECT 1 FROM card_review_totals WHERE card_id = old.id AND scheduled > 0);
  DELETE FROM section_review_totals WHERE deck = old.deck AND note_id = coalesce(old.note_id, 0)
    AND source = CASE WHEN old.note_id IS NULL THEN old.source ELSE '' END
    AND context = old.context AND cards = 0 AND reviews = 0 AND passed = 0;
  INSERT INTO section_review_totals (deck, note_id, source, context, cards, reviews, passed)
    SELECT new.deck, coalesce(new.note_id, 0),
      CASE WHEN new.note_id IS NULL THEN new.source ELSE '' END, new.context,
      1, t.scheduled, t.passed
    FROM card_review_totals t WHERE t.card_id = new.id AND t.scheduled > 0
  ON CONFLICT (deck, note_id, source, context) DO UPDATE SET cards = cards + excluded.cards,
    reviews = reviews + excluded.reviews, passed = passed + excluded.passed;
END;
CREATE TRIGGER cards_totals_delete BEFORE DELETE ON cards BEGIN
  UPDATE card_census SET cards = cards - 1
  WHERE state = old.state AND interval_days = old.interval_days AND ef_centi = old.ef_centi;
  DELETE FROM card_census WHERE state = old.state AND interval_days = old.interval_days
    AND ef_centi = old.ef_centi AND cards = 0;
  UPDATE section_review_totals SET cards = cards - 1,
    reviews = reviews - (SELECT scheduled FROM card_review_totals WHERE card_id = old.id),
    passed = passed - (SELECT passed FROM card_review_totals WHERE card_id = old.id)
  WHERE deck = old.deck AND note_id = coalesce(old.note_id, 0)
    AND source = CASE WHEN old.note_id IS NULL THEN old.source ELSE '' END
    AND context = old.context
    AND EXISTS (SELECT 1 FROM card_review_totals WHERE card_id = old.id AND scheduled > 0);
  DELETE FROM section_review_totals WHERE deck = old.deck AND note_id = coalesce(old.note_id, 0)
    AND source = CASE WHEN old.note_id IS NULL THEN old.source ELSE '' END
    AND context = old.context AND cards = 0 AND reviews = 0 AND passed = 0;
END;
)sql",
};

// The migration whose transaction also rewrites the CHECK lists (user_version 9 to 10).
constexpr int kCheckListsMigration = 9;

// `x IN ('a', 'b', 'c')` in a CHECK makes SQLite build an ephemeral table of the list on every
// INSERT (more than two constants), about a third of the cost of inserting a card in a first
// import; a chain of `=` tests accepts and refuses exactly the same values at no such cost. A
// CHECK is only text in sqlite_schema and the table's records do not depend on it, so the text is
// edited in place, as SQLite's documentation describes for removing or changing a CHECK
// ("Making Other Kinds Of Table Schema Changes", lang_altertable.html): no table is rebuilt,
// which on a large collection would take minutes. Bumping schema_version makes every other
// connection read the new schema; RESET makes this one read it now. A table whose text does not
// hold the old list (never the case for recall's own) is left as it is.
void rewrite_check_lists(SQLite::Database& db) {
  const int cookie = db.execAndGet("PRAGMA schema_version").getInt();
  db.exec("PRAGMA writable_schema = ON");
  try {
    db.exec(R"sql(
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (state IN (''new'', ''learning'', ''review'', ''suspended'', ''retired''))',
  'CHECK (state = ''new'' OR state = ''learning'' OR state = ''review'' OR ' ||
  'state = ''suspended'' OR state = ''retired'')')
WHERE type = 'table' AND name = 'cards';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (kind IN (''new'', ''scheduled'', ''drill''))',
  'CHECK (kind = ''new'' OR kind = ''scheduled'' OR kind = ''drill'')')
WHERE type = 'table' AND name = 'reviews';
)sql");
    db.exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
  } catch (const SQLite::Exception&) {
    // An SQLite built or configured as "defensive" refuses edits to sqlite_schema; the lists
    // then stay as they are, correct and only slower to check.
  }
  db.exec("PRAGMA writable_schema = RESET");
}

}  // namespace

void migrate(SQLite::Database& db, const std::string& where) {
  const int latest = static_cast<int>(kMigrations.size());
  auto check = [&](int version) {
    if (version > latest) {
      throw Error("database schema version " + std::to_string(version) +
                      " is newer than this recall understands (" + std::to_string(latest) +
                      "); upgrade recall",
                  where);
    }
  };
  // Read without a lock first, so that opening an up-to-date database never waits for a writer.
  int version = db.execAndGet("PRAGMA user_version").getInt();
  check(version);
  while (version < latest) {
    // Another process may be migrating the same file: take the write lock, then look again.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    version = db.execAndGet("PRAGMA user_version").getInt();
    check(version);
    if (version >= latest) break;
    db.exec(kMigrations[static_cast<std::size_t>(version)]);
    if (version == kCheckListsMigration) rewrite_check_lists(db);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
    ++version;
  }
}

bool needs_migration(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return false;
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    return version > 0 && version < static_cast<int>(kMigrations.size());
  } catch (const SQLite::Exception&) {
    return false;
  }
}

}  // namespace recall::store
