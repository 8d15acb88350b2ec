// Private to src/store: the database handle shared by the store's source files.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "recall/store/stats_queries.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

// Statement journals kept in memory for one bulk write (an import, a restore, seeds), set before
// its transaction begins and put back after it ends. Every INSERT into cards fires schema 12's
// triggers and may abort after writing, so SQLite journals the pages each one changes; once that
// journal passes 64 KiB in a transaction it moves to a temporary file for the rest of it, and
// every later card's pages are written there (580,000 pwrite calls in a cold import of tldr's
// pages.ko, about a quarter more CPU). Only around the write: temp_store = MEMORY also keeps
// SQLite's sorter in memory, and `cards --format json` sorts a million rows.
class TempStoreInMemory {
 public:
  explicit TempStoreInMemory(SQLite::Database& db) : m_db(db) {
    m_db.exec("PRAGMA temp_store = MEMORY");
  }
  ~TempStoreInMemory() {
    try {
      m_db.exec("PRAGMA temp_store = DEFAULT");
    } catch (const SQLite::Exception&) {
      // Left in memory: slower sorts of large listings on this connection, nothing wrong.
    }
  }
  TempStoreInMemory(const TempStoreInMemory&) = delete;
  TempStoreInMemory& operator=(const TempStoreInMemory&) = delete;

 private:
  SQLite::Database& m_db;
};

// A statement kept by KeptStatements, reset when this goes out of scope: a kept statement left
// mid-result would hold its read transaction open after a commit.
class KeptStatement {
 public:
  explicit KeptStatement(SQLite::Statement& statement) : m_statement(statement) {}
  ~KeptStatement() { m_statement.tryReset(); }
  KeptStatement(const KeptStatement&) = delete;
  KeptStatement& operator=(const KeptStatement&) = delete;
  SQLite::Statement& operator*() { return m_statement; }

 private:
  SQLite::Statement& m_statement;
};

// Statements of one connection prepared on first use and kept, for the statements of a review
// answer: preparing one also compiles every trigger it fires (the totals of schemas 5 and 12),
// which costs more than running them (about 0.13 ms of CPU an answer).
class KeptStatements {
 public:
  explicit KeptStatements(SQLite::Database& db) : m_db(db) {}
  // The statement for `sql` (a string literal: kept by its address), with no bindings.
  KeptStatement get(const char* sql) {
    auto& kept = m_statements[sql];
    if (!kept) {
      kept = std::make_unique<SQLite::Statement>(m_db, sql);
    } else {
      kept->tryReset();
      kept->clearBindings();
    }
    return KeptStatement(*kept);
  }
  SQLite::Database& db() { return m_db; }

 private:
  SQLite::Database& m_db;
  std::map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

struct Store::Impl {
  explicit Impl(const std::string& path, int flags) : db(path, flags) {}
  SQLite::Database db;
  std::function<void(int)> on_busy;  // Store::set_on_busy

  KeptStatements statements{db};  // after `db`, so finalized before it is closed

  // Runs `write` (a whole transaction) until it does not fail for a busy database: each try
  // waits the busy timeout, then on_busy is told and it runs again. What it writes is in memory
  // meanwhile (the caller's arguments), so a long lock held elsewhere loses nothing.
  template <typename Write>
  auto retry_busy(Write&& write) {
    for (int attempt = 1;; ++attempt) {
      try {
        return write();
      } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) throw;
        if (on_busy) on_busy(attempt);
      }
    }
  }
};

// The columns every card query selects, in the order read_card() expects.
inline constexpr std::string_view kCardColumns =
    "c.id, c.key, c.deck, c.question, c.answer, c.kind, c.rule, c.confidence, c.source, c.line, "
    "c.context, c.state, c.repetitions, c.interval_days, c.ef_centi, c.lapses, c.due, "
    "(SELECT count(*) FROM reviews r WHERE r.card_id = c.id) AS reviews, c.tags";

// Reads a row selected with kCardColumns.
Card read_card(SQLite::Statement& row);

// `AND (c.deck = :deck OR c.deck LIKE :deck_prefix)` when the filter names a deck, else empty.
std::string deck_clause(const CardFilter& filter);
void bind_deck(SQLite::Statement& statement, const CardFilter& filter);

// deck_clause() with a range on the deck that the index cards_deck can seek to: a deck and its
// sub-decks (`ml`, `ml/...`) all sort in [deck, deck + '0'), as '/' comes just before '0'.
std::string deck_filter(const CardFilter& filter);
void bind_filter(SQLite::Statement& statement, const CardFilter& filter);

// Context and tags as stored: a JSON array of strings.
std::string context_to_json(const std::vector<std::string>& context);
std::vector<std::string> context_from_json(const std::string& text);

// A card's draft columns as the cards and duplicates tables store them, read from column `first` of
// `row` on: deck, question, answer, kind, rule, confidence, source, line, context, tags (`term`
// is left to the caller).
extract::CardDraft draft_from_row(SQLite::Statement& row, int first);
// Binds the same columns but context and tags (`:deck` … `:line`) of `statement` from `d`.
void bind_draft_columns(SQLite::Statement& statement, const extract::CardDraft& d);

// The columns of a review-log row, in the order review_row() reads them.
inline constexpr const char* kReviewColumns =
    "id, reviewed_at, review_day, grade, kind, state_before, state_after, repetitions_before, "
    "repetitions_after, interval_before, interval_after, ef_before, ef_after, due_after, answer_ms";
// The review-log row `statement` stands on, selected as kReviewColumns.
ReviewRow review_row(const SQLite::Statement& statement);

// Binds a card's SM-2 fields to :state, :reps, :interval, :ef, :lapses and :due.
void bind_state(SQLite::Statement& statement, const schedule::ReviewState& state);

// Inserts one row of the review log (no transaction of its own), through the store's kept
// statement; returns its id.
std::int64_t insert_review(KeptStatements& statements, const ReviewRecord& record);

// Gives a card just inserted the schedule another tool wrote for it (src/store/backup.cpp):
// state review, the seed's interval, due date and E-Factor, repetitions 2.
void seed_new_card(SQLite::Database& db, std::int64_t card_id, const extract::SeedSchedule& seed);

// Scheduled reviews per group of cards, over the whole log or on days from `since`, unordered
// (src/store/stats_groups.cpp; StatsReader::group_retention).
std::vector<GroupRetention> group_retention(SQLite::Database& db, const CardFilter& filter,
                                            GroupBy by, std::optional<std::chrono::sys_days> since);

// Creates or upgrades the schema; throws recall::Error for a newer database.
void migrate(SQLite::Database& db, const std::string& where);

}  // namespace recall::store
