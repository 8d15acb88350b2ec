// Backups: every row of a card and its log out of the database, and back into an empty one.
#include <algorithm>
#include <map>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"

namespace recall::store {

namespace {

std::optional<std::string> optional_text(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void bind_optional(SQLite::Statement& s, const char* name, const std::optional<std::string>& v) {
  if (v) {
    s.bind(name, *v);
  } else {
    s.bind(name);
  }
}

void bind_optional(SQLite::Statement& s, const char* name, const std::optional<int>& v) {
  if (v) {
    s.bind(name, *v);
  } else {
    s.bind(name);
  }
}

void check_date(const std::optional<std::string>& text, const std::string& what,
                const std::string& where) {
  if (text && !core::parse_date(*text)) {
    throw Error(what + " is not a date (YYYY-MM-DD): '" + *text + "'", where);
  }
}

// Checks what the schema's CHECK constraints would refuse, with a message naming the card.
void check_card(const BackupCard& card) {
  const std::string where = "card " + card.key;
  if (card.key.empty()) throw Error("a card without a key", "backup");
  if (!schedule::card_state_from_string(card.state)) {
    throw Error("unknown state '" + card.state + "'", where);
  }
  check_date(card.due, "due", where);
  check_date(card.buried_until, "buried_until", where);
  for (const ReviewRow& r : card.reviews) {
    if (r.grade < 0 || r.grade > 5) {
      throw Error("a review graded " + std::to_string(r.grade) + " (grades are 0-5)", where);
    }
    if (r.kind != "new" && r.kind != "scheduled" && r.kind != "drill") {
      throw Error("unknown review kind '" + r.kind + "'", where);
    }
    check_date(r.review_day, "review_day", where);
    check_date(r.due_after, "due_after", where);
  }
}

}  // namespace

Backup Store::backup(const CardFilter& filter, std::optional<schedule::CardState> state) {
  auto& db = m_impl->db;
  SQLite::Transaction snapshot(db);  // one consistent read
  Backup out;
  out.schema_version = schema_version();
  const bool everything = filter.deck.empty() && !state;

  SQLite::Statement cards(db, R"sql(
    SELECT c.id, c.key, n.path, c.match_key, c.deck, c.question, c.answer, c.kind, c.rule,
      c.confidence, c.source, c.line, c.ord, c.context, c.tags, c.state, c.repetitions,
      c.interval_days, c.ef_centi, c.lapses, c.due, c.created_at, c.updated_at, c.buried_until,
      c.leech
    FROM cards c LEFT JOIN notes n ON n.id = c.note_id WHERE 1)sql" +
                                  deck_clause(filter) + (state ? " AND c.state = :state" : "") +
                                  " ORDER BY c.id");
  bind_deck(cards, filter);
  if (state) cards.bind(":state", std::string(schedule::to_string(*state)));
  SQLite::Statement reviews(db, std::string("SELECT ") + kReviewColumns +
                                    " FROM reviews WHERE card_id = :card ORDER BY id");
  std::map<std::string, bool> note_paths;
  while (cards.executeStep()) {
    BackupCard c;
    c.key = cards.getColumn(1).getString();
    c.note = optional_text(cards.getColumn(2));
    c.match_key = cards.getColumn(3).getString();
    c.deck = cards.getColumn(4).getString();
    c.question = cards.getColumn(5).getString();
    c.answer = cards.getColumn(6).getString();
    c.kind = cards.getColumn(7).getString();
    c.rule = cards.getColumn(8).getString();
    c.confidence = cards.getColumn(9).getDouble();
    c.source = cards.getColumn(10).getString();
    c.line = cards.getColumn(11).getInt();
    c.ord = cards.getColumn(12).getInt();
    c.context = context_from_json(cards.getColumn(13).getString());
    c.tags = context_from_json(cards.getColumn(14).getString());
    c.state = cards.getColumn(15).getString();
    c.repetitions = cards.getColumn(16).getInt();
    c.interval_days = cards.getColumn(17).getInt();
    c.ef_centi = cards.getColumn(18).getInt();
    c.lapses = cards.getColumn(19).getInt();
    c.due = optional_text(cards.getColumn(20));
    c.created_at = cards.getColumn(21).getString();
    c.updated_at = cards.getColumn(22).getString();
    c.buried_until = optional_text(cards.getColumn(23));
    c.leech = cards.getColumn(24).getInt() != 0;
    reviews.bind(":card", cards.getColumn(0).getInt64());
    while (reviews.executeStep()) {
      ReviewRow r = review_row(reviews);
      r.id = 0;  // a backup keeps the log, not its ids
      c.reviews.push_back(std::move(r));
    }
    reviews.reset();
    if (c.note) note_paths[*c.note] = true;
    out.cards.push_back(std::move(c));
  }

  SQLite::Statement notes(db, R"sql(
    SELECT path, source, content_hash, imported_at, size, mtime_ns, extract_salt
    FROM notes ORDER BY path)sql");
  while (notes.executeStep()) {
    BackupNote n;
    n.path = notes.getColumn(0).getString();
    if (!everything && !note_paths.count(n.path)) continue;
    n.source = notes.getColumn(1).getString();
    n.content_hash = notes.getColumn(2).getString();
    n.imported_at = notes.getColumn(3).getString();
    n.size = notes.getColumn(4).getInt64();
    n.mtime_ns = notes.getColumn(5).getInt64();
    n.extract_salt = notes.getColumn(6).getString();
    out.notes.push_back(std::move(n));
  }

  if (everything) {
    SQLite::Statement limits(
        db, "SELECT deck, new_per_day, reviews_per_day FROM deck_limits ORDER BY deck");
    while (limits.executeStep()) {
      BackupDeckLimit l;
      l.deck = limits.getColumn(0).getString();
      if (!limits.getColumn(1).isNull()) l.new_per_day = limits.getColumn(1).getInt();
      if (!limits.getColumn(2).isNull()) l.reviews_per_day = limits.getColumn(2).getInt();
      out.deck_limits.push_back(std::move(l));
    }
    SQLite::Statement roots(db, "SELECT path, added_at FROM roots ORDER BY path");
    while (roots.executeStep()) {
      out.roots.push_back({roots.getColumn(0).getString(), roots.getColumn(1).getString()});
    }
  }
  snapshot.commit();
  return out;
}

void Store::restore(const Backup& backup) {
  for (const BackupCard& card : backup.cards) check_card(card);
  TempStoreInMemory temp_in_memory(m_impl->db);
  m_impl->retry_busy([&] {
    auto& db = m_impl->db;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (db.execAndGet("SELECT (SELECT count(*) FROM notes) + (SELECT count(*) FROM cards)")
            .getInt() > 0) {
      throw Error(
          "the database already holds notes or cards: import-json restores into a new, empty "
          "database (use --db or RECALL_DB to name one)",
          db.getFilename());
    }
    std::map<std::string, std::int64_t> note_ids;
    SQLite::Statement insert_note(db, R"sql(
      INSERT INTO notes (path, source, content_hash, imported_at, size, mtime_ns, extract_salt)
      VALUES (:path, :source, :hash, :at, :size, :mtime, :salt))sql");
    for (const BackupNote& n : backup.notes) {
      if (note_ids.count(n.path)) throw Error("the note is listed twice", n.path);
      insert_note.bind(":path", n.path);
      insert_note.bind(":source", n.source);
      insert_note.bind(":hash", n.content_hash);
      insert_note.bind(":at", n.imported_at);
      insert_note.bind(":size", n.size);
      insert_note.bind(":mtime", n.mtime_ns);
      insert_note.bind(":salt", n.extract_salt);
      insert_note.exec();
      insert_note.reset();
      note_ids[n.path] = db.getLastInsertRowid();
    }
    SQLite::Statement insert_card(db, R"sql(
      INSERT INTO cards (key, note_id, match_key, deck, question, answer, kind, rule, confidence,
        source, line, ord, context, tags, state, repetitions, interval_days, ef_centi, lapses, due,
        created_at, updated_at, buried_until, leech)
      VALUES (:key, :note, :match, :deck, :question, :answer, :kind, :rule, :confidence, :source,
        :line, :ord, :context, :tags, :state, :reps, :interval, :ef, :lapses, :due, :created,
        :updated, :buried, :leech))sql");
    SQLite::Statement insert_review(db, R"sql(
      INSERT INTO reviews (card_id, reviewed_at, review_day, grade, kind, state_before,
        state_after, repetitions_before, repetitions_after, interval_before, interval_after,
        ef_before, ef_after, due_after, answer_ms)
      VALUES (:card, :at, :day, :grade, :kind, :state_before, :state_after, :reps_before,
        :reps_after, :interval_before, :interval_after, :ef_before, :ef_after, :due_after,
        :ms))sql");
    for (const BackupCard& c : backup.cards) {
      const std::string where = "card " + c.key;
      if (c.note) {
        const auto it = note_ids.find(*c.note);
        if (it == note_ids.end()) {
          throw Error("its note " + *c.note + " is not in the backup's notes", where);
        }
        insert_card.bind(":note", it->second);
      } else {
        insert_card.bind(":note");
      }
      insert_card.bind(":key", c.key);
      insert_card.bind(":match", c.match_key);
      insert_card.bind(":deck", c.deck);
      insert_card.bind(":question", c.question);
      insert_card.bind(":answer", c.answer);
      insert_card.bind(":kind", c.kind);
      insert_card.bind(":rule", c.rule);
      insert_card.bind(":confidence", c.confidence);
      insert_card.bind(":source", c.source);
      insert_card.bind(":line", c.line);
      insert_card.bind(":ord", c.ord);
      insert_card.bind(":context", context_to_json(c.context));
      insert_card.bind(":tags", context_to_json(c.tags));
      insert_card.bind(":state", c.state);
      insert_card.bind(":reps", c.repetitions);
      insert_card.bind(":interval", c.interval_days);
      insert_card.bind(":ef", c.ef_centi);
      insert_card.bind(":lapses", c.lapses);
      bind_optional(insert_card, ":due", c.due);
      insert_card.bind(":created", c.created_at);
      insert_card.bind(":updated", c.updated_at);
      bind_optional(insert_card, ":buried", c.buried_until);
      insert_card.bind(":leech", c.leech ? 1 : 0);
      try {
        insert_card.exec();
      } catch (const SQLite::Exception& e) {
        throw Error(std::string("cannot be restored: ") + e.what(), where);
      }
      insert_card.reset();
      const std::int64_t card_id = db.getLastInsertRowid();
      for (const ReviewRow& r : c.reviews) {
        insert_review.bind(":card", card_id);
        insert_review.bind(":at", r.reviewed_at);
        insert_review.bind(":day", r.review_day);
        insert_review.bind(":grade", r.grade);
        insert_review.bind(":kind", r.kind);
        insert_review.bind(":state_before", r.state_before);
        insert_review.bind(":state_after", r.state_after);
        insert_review.bind(":reps_before", r.repetitions_before);
        insert_review.bind(":reps_after", r.repetitions_after);
        insert_review.bind(":interval_before", r.interval_before);
        insert_review.bind(":interval_after", r.interval_after);
        insert_review.bind(":ef_before", r.ef_before);
        insert_review.bind(":ef_after", r.ef_after);
        bind_optional(insert_review, ":due_after", r.due_after);
        insert_review.bind(":ms", r.answer_ms);
        insert_review.exec();
        insert_review.reset();
      }
    }
    SQLite::Statement insert_limit(db, R"sql(
      INSERT INTO deck_limits (deck, new_per_day, reviews_per_day)
      VALUES (:deck, :new, :reviews))sql");
    for (const BackupDeckLimit& l : backup.deck_limits) {
      insert_limit.bind(":deck", l.deck);
      bind_optional(insert_limit, ":new", l.new_per_day);
      bind_optional(insert_limit, ":reviews", l.reviews_per_day);
      insert_limit.exec();
      insert_limit.reset();
    }
    SQLite::Statement insert_root(db, "INSERT INTO roots (path, added_at) VALUES (:path, :at)");
    for (const BackupRoot& r : backup.roots) {
      insert_root.bind(":path", r.path);
      insert_root.bind(":at", r.added_at);
      insert_root.exec();
      insert_root.reset();
    }
    transaction.commit();
  });
}

}  // namespace recall::store

namespace recall::store {

int Store::seed_schedules(const std::vector<ScheduleSeed>& seeds) {
  TempStoreInMemory temp_in_memory(m_impl->db);
  return m_impl->retry_busy([&] {
    auto& db = m_impl->db;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db, R"sql(
      SELECT id FROM cards c WHERE key = :key AND state = 'new'
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = c.id))sql");
    SQLite::Statement update(db, R"sql(
      UPDATE cards SET state = :state, repetitions = :reps, interval_days = :interval,
        ef_centi = :ef, lapses = :lapses, due = :due WHERE id = :id)sql");
    int seeded = 0;
    for (const ScheduleSeed& seed : seeds) {
      find.bind(":key", seed.key);
      const bool found = find.executeStep();
      const std::int64_t id = found ? find.getColumn(0).getInt64() : 0;
      find.reset();
      if (!found) continue;
      bind_state(update, seed.state);
      update.bind(":id", id);
      update.exec();
      update.reset();
      for (ReviewRecord record : seed.log) {
        record.card_id = id;
        insert_review(m_impl->statements, record);
      }
      ++seeded;
    }
    transaction.commit();
    return seeded;
  });
}

void seed_new_card(SQLite::Database& db, std::int64_t card_id, const extract::SeedSchedule& seed) {
  SQLite::Statement update(db, R"sql(
    UPDATE cards SET state = 'review', repetitions = 2, interval_days = :interval, ef_centi = :ef,
      due = :due WHERE id = :id)sql");
  update.bind(":interval", std::min(seed.interval_days, schedule::kMaxIntervalDays));
  update.bind(":ef", std::max(seed.ease, schedule::kMinEfCenti));
  update.bind(":due", seed.due);
  update.bind(":id", card_id);
  update.exec();
}

}  // namespace recall::store
